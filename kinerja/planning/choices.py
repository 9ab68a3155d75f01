"""Enumerations of planning (SKP), with the official Indonesian terms in the glossary."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PeriodType(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly (triwulan)")
    MONTHLY = "monthly", _("Monthly")


class YearStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", pgettext_lazy("year status", "Open")
    CLOSED = "closed", pgettext_lazy("year status", "Closed")


class PeriodKind(models.TextChoices):
    PERIODIC = "periodic", _("Periodic")
    ANNUAL = "annual", _("Annual")


class Approach(models.TextChoices):
    """Pendekatan hasil kerja (PermenPANRB 6/2022; regulation.md §4.2)."""

    QUANTITATIVE = "kuantitatif", _("Quantitative")
    QUALITATIVE = "kualitatif", _("Qualitative")


class FormVariant(models.TextChoices):
    """SKP form: JPT and heads of independent units, or administrasi/fungsional (regulation.md §4.3)."""

    JPT = "jpt", _("JPT and heads of independent units")
    ADMIN_FUNCTIONAL = "administrasi_fungsional", _("Administrative and functional positions")


class WorkPlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")


# The workflow in one place (style.md rule 5): from-state → allowed to-states.
WORK_PLAN_TRANSITIONS: dict[str, tuple[str, ...]] = {
    WorkPlanStatus.DRAFT: (WorkPlanStatus.SUBMITTED,),
    WorkPlanStatus.SUBMITTED: (WorkPlanStatus.APPROVED, WorkPlanStatus.RETURNED),
    WorkPlanStatus.RETURNED: (WorkPlanStatus.SUBMITTED,),
    # An approved SKP changes only through a recorded revision, which opens a new draft version.
    WorkPlanStatus.APPROVED: (WorkPlanStatus.DRAFT,),
}


class ItemKind(models.TextChoices):
    MAIN = "utama", _("Main (utama)")
    ADDITIONAL = "tambahan", _("Additional (tambahan)")


class Perspective(models.TextChoices):
    """Perspektif of JPT RHK (regulation.md §4.1)."""

    NONE = "", _("—")
    SERVICE_RECIPIENTS = "penerima_layanan", _("Service recipients")
    BUSINESS_PROCESS = "proses_bisnis", _("Business process")
    INTERNAL = "penguatan_internal", _("Internal strengthening")
    BUDGET = "anggaran", _("Budget")


class Aspect(models.TextChoices):
    QUANTITY = "kuantitas", _("Quantity")
    QUALITY = "kualitas", _("Quality")
    TIME = "waktu", _("Time")
    COST = "biaya", _("Cost")
