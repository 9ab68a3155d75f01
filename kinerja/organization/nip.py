"""NIP (Nomor Induk Pegawai) of PNS and NI PPPK: validation and decoding.

PNS NIP layout (Perka BKN 22/2007 and 43/2007; regulation.md §11.1), 18 digits:
``YYYYMMDD`` birth date, ``YYYYMM`` TMT CPNS (first appointment), one digit for
sex (1 = male, 2 = female) and a three-digit sequence number.

NI PPPK is also 18 digits and starts with the birth date; the meaning of the
remaining digits is not settled (regulation.md marks it unverified), so only
the length, the digits and the birth date are checked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

_DIGITS_18 = re.compile(r"^\d{18}$")


@dataclass(frozen=True)
class DecodedNip:
    birth_date: dt.date
    tmt_cpns: dt.date | None
    sex: str  # "M" or "F"; see organization.choices.Sex
    sequence: int


def normalize(raw: str) -> str:
    """Strip the spaces and dots people type between the NIP's groups."""
    return re.sub(r"[\s.\-]", "", raw or "")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def decode_pns(raw: str) -> DecodedNip:
    """Validate a PNS NIP and return what it encodes; raise ValidationError naming the rule."""
    nip = normalize(raw)
    if not _DIGITS_18.match(nip):
        raise ValidationError(_("NIP must be exactly 18 digits."), code="nip_format")
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or birth.year < 1900 or birth > timezone.localdate():
        raise ValidationError(
            _("NIP digits 1–8 must be a real birth date (YYYYMMDD); %(value)s is not.") % {"value": nip[0:8]},
            code="nip_birth_date",
        )
    tmt = _date(int(nip[8:12]), int(nip[12:14]), 1)
    if tmt is None:
        raise ValidationError(
            _("NIP digits 9–14 must be the TMT CPNS year and month (YYYYMM); %(value)s is not.") % {"value": nip[8:14]},
            code="nip_tmt",
        )
    # A civil servant is appointed as an adult (minimum age 18, UU ASN). TMT has only a month,
    # so the month in which the person turns 18 is the earliest possible one.
    if (tmt.year, tmt.month) < (birth.year + 18, birth.month) or tmt > timezone.localdate():
        raise ValidationError(
            _("NIP TMT CPNS %(tmt)s is impossible for a birth date of %(birth)s.")
            % {"tmt": nip[8:14], "birth": nip[0:8]},
            code="nip_tmt",
        )
    if nip[14] not in "12":
        raise ValidationError(_("NIP digit 15 (sex) must be 1 or 2."), code="nip_sex")
    sequence = int(nip[15:18])
    if sequence == 0:
        raise ValidationError(_("NIP digits 16–18 (sequence number) cannot be 000."), code="nip_sequence")
    return DecodedNip(birth_date=birth, tmt_cpns=tmt, sex="M" if nip[14] == "1" else "F", sequence=sequence)


def decode_pppk(raw: str) -> DecodedNip:
    """Validate an NI PPPK: 18 digits starting with a real birth date."""
    number = normalize(raw)
    if not _DIGITS_18.match(number):
        raise ValidationError(_("NI PPPK must be exactly 18 digits."), code="nip_format")
    birth = _date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    if birth is None or birth.year < 1900 or birth > timezone.localdate():
        raise ValidationError(
            _("NI PPPK digits 1–8 must be a real birth date (YYYYMMDD); %(value)s is not.") % {"value": number[0:8]},
            code="nip_birth_date",
        )
    sex_digit = number[14]
    sex = "M" if sex_digit == "1" else "F" if sex_digit == "2" else ""
    return DecodedNip(birth_date=birth, tmt_cpns=None, sex=sex, sequence=int(number[15:18]))


def format_nip(nip: str) -> str:
    """Print a PNS NIP in its customary grouping: 19860926 201505 1 001."""
    if len(nip) != 18:
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"


def build_pns(birth_date: dt.date, tmt: dt.date, sex: str, sequence: int) -> str:
    """Compose a NIP from its parts (used by the demo seeder and by tests)."""
    sex_digit = "1" if sex == "M" else "2"
    return f"{birth_date:%Y%m%d}{tmt:%Y%m}{sex_digit}{sequence:03d}"
