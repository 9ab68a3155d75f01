"""Enumerations of the organisation domain, with their official Indonesian labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    INSTANSI = "instansi", _("Government (instansi)")
    SECRETARIAT = "sekretariat", _("Secretariat")
    AGENCY = "opd", _("Agency (OPD)")
    DISTRICT = "kecamatan", _("District (kecamatan)")
    DIVISION = "bidang", _("Division (bidang/bagian)")
    SECTION = "seksi", _("Section (seksi/subbagian)")
    TECHNICAL_UNIT = "uptd", _("Technical unit (UPTD)")
    VILLAGE = "gampong", _("Village (gampong/kelurahan)")


# Units whose head leads a whole OPD (the scope of Admin OPD and of the calibration forum).
AGENCY_KINDS = (UnitKind.SECRETARIAT, UnitKind.AGENCY, UnitKind.DISTRICT)


class PositionKind(models.TextChoices):
    JPT = "jpt", _("Senior executive (JPT)")
    ADMINISTRATOR = "administrator", _("Administrator")
    SUPERVISOR = "pengawas", _("Supervisor (Pengawas)")
    EXECUTOR = "pelaksana", _("Executor (Pelaksana)")
    FUNCTIONAL = "fungsional", _("Functional (JF)")


class PositionLevel(models.TextChoices):
    """Jenjang: JPT levels, JF keahlian/keterampilan levels, pelaksana groups (PermenPANRB 45/2022)."""

    NONE = "", _("—")
    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")
    KLEREK = "klerek", _("Klerek")
    OPERATOR = "operator", _("Operator")
    TEKNISI = "teknisi", _("Teknisi")


class EmploymentType(models.TextChoices):
    PNS = "pns", _("PNS")
    PPPK = "pppk", _("PPPK")


class Sex(models.TextChoices):
    MALE = "M", pgettext_lazy("sex", "Male")
    FEMALE = "F", pgettext_lazy("sex", "Female")


class AssignmentKind(models.TextChoices):
    """Definitive holder, or acting official: Plt (pelaksana tugas) / Plh (pelaksana harian)."""

    DEFINITIVE = "definitif", _("Definitive")
    PLT = "plt", _("Acting (Plt)")
    PLH = "plh", _("Daily acting (Plh)")
