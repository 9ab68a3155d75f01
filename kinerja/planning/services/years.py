"""Opening and adjusting performance years (periode penilaian) with their periods, deadlines and rule tables."""

from __future__ import annotations

import calendar
import copy
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.planning import permissions, rules
from kinerja.planning.choices import PeriodKind, PeriodType, YearStatus
from kinerja.planning.models import EvaluationPeriod, PerformanceYear
from kinerja.planning.services._common import check_fields, require

# Names as printed on the forms: "PERIODE: TRIWULAN I/II/III/IV-AKHIR" or "Periode: Bulan …" (regulation.md §3).
QUARTER_NAMES = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
ANNUAL_NAME = "Tahunan"
# Realisasi is due a few days after a period ends and its evaluation after that; BKPSDM may change them.
REALISASI_DAYS = 5
EVALUATION_DAYS = 15

YEAR_FIELDS = [
    "skp_draft_deadline", "skp_approval_deadline", "status", "appeal_window_days",
    "predikat_matrix", "distribution_rules",
]  # fmt: skip


def period_rows(year: int, period_type: str) -> list[tuple[str, int, str, dt.date, dt.date]]:
    months_per_period = 3 if period_type == PeriodType.QUARTERLY else 1
    names = QUARTER_NAMES if period_type == PeriodType.QUARTERLY else MONTH_NAMES
    periods = []
    for number, name in enumerate(names, start=1):
        first_month = (number - 1) * months_per_period + 1
        last_month = first_month + months_per_period - 1
        end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        periods.append((PeriodKind.PERIODIC, number, name, dt.date(year, first_month, 1), end))
    periods.append((PeriodKind.ANNUAL, 1, ANNUAL_NAME, dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return periods


def _check_deadlines(draft: dt.date, approval: dt.date, start: dt.date, end: dt.date) -> None:
    if approval < draft:
        raise ValidationError(
            {"skp_approval_deadline": [_("The approval deadline cannot be before the drafting deadline.")]}
        )
    # SKP are drafted from the previous year's November (regulation.md §3) and must be settled within the year.
    if draft < dt.date(start.year - 1, 1, 1) or draft > end:
        raise ValidationError({"skp_draft_deadline": [_("The drafting deadline must fall within the year.")]})
    if approval > end:
        raise ValidationError({"skp_approval_deadline": [_("The approval deadline must fall within the year.")]})


@transaction.atomic
def year_open(
    *,
    actor: Any,
    year: int,
    period_type: str = PeriodType.QUARTERLY,
    skp_draft_deadline: dt.date | None = None,
    skp_approval_deadline: dt.date | None = None,
) -> PerformanceYear:
    """Open a year (1 Jan–31 Dec) with its evaluation periods and deadlines (Admin BKPSDM).

    Rule tables are copied from the previous year so that changes BKPSDM made carry forward;
    the first year takes the current national values (planning.rules).
    """
    require(permissions.can_manage_years(actor))
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError({"year": [_("Enter a year between 2000 and 2100.")]})
    if period_type not in PeriodType.values:
        raise ValidationError({"period_type": [_("Choose quarterly or monthly periods.")]})
    if PerformanceYear.objects.filter(year=year).exists():
        raise ValidationError({"year": [_("The performance year %(year)d already exists.") % {"year": year}]})
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    draft = skp_draft_deadline or dt.date(year, 1, 31)
    approval = skp_approval_deadline or dt.date(year, 2, 15)
    _check_deadlines(draft, approval, start, end)
    previous = PerformanceYear.objects.filter(year__lt=year).order_by("-year").first()
    performance_year = PerformanceYear.objects.create(
        year=year,
        start_date=start,
        end_date=end,
        period_type=period_type,
        status=YearStatus.OPEN,
        skp_draft_deadline=draft,
        skp_approval_deadline=approval,
        predikat_matrix=copy.deepcopy(previous.predikat_matrix if previous else rules.PREDIKAT_MATRIX),
        distribution_rules=copy.deepcopy(previous.distribution_rules if previous else rules.DISTRIBUTION_RULES),
        appeal_window_days=previous.appeal_window_days if previous else rules.APPEAL_WINDOW_DAYS,
    )
    EvaluationPeriod.objects.bulk_create(
        EvaluationPeriod(
            year=performance_year,
            kind=kind,
            number=number,
            name=name,
            start_date=period_start,
            end_date=period_end,
            realisasi_deadline=period_end + dt.timedelta(days=REALISASI_DAYS),
            evaluation_deadline=period_end + dt.timedelta(days=EVALUATION_DAYS),
        )
        for kind, number, name, period_start, period_end in period_rows(year, period_type)
    )
    audit.record(
        actor=actor,
        verb="planning.year.opened",
        target=performance_year,
        after=audit.snapshot(performance_year, ["year", "period_type", *YEAR_FIELDS]),
    )
    return performance_year


@transaction.atomic
def year_update(*, actor: Any, year: PerformanceYear, **fields: Any) -> PerformanceYear:
    """Change a year's deadlines, status or rule tables (Admin BKPSDM); deadlines are often extended."""
    require(permissions.can_manage_years(actor))
    check_fields(fields, set(YEAR_FIELDS))
    before = audit.snapshot(year, YEAR_FIELDS)
    if "status" in fields and fields["status"] not in YearStatus.values:
        raise ValidationError({"status": [_("Choose a valid status.")]})
    if "appeal_window_days" in fields:
        days = fields["appeal_window_days"]
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 90:
            raise ValidationError({"appeal_window_days": [_("Enter a number of days between 1 and 90.")]})
    for name in ("predikat_matrix", "distribution_rules"):
        if name in fields and not isinstance(fields[name], dict):
            raise ValidationError({name: [_("The rule table must be a JSON object.")]})
    for name, value in fields.items():
        setattr(year, name, value)
    _check_deadlines(year.skp_draft_deadline, year.skp_approval_deadline, year.start_date, year.end_date)
    year.save()
    after = audit.snapshot(year, YEAR_FIELDS)
    if after != before:
        audit.record(actor=actor, verb="planning.year.updated", target=year, before=before, after=after)
    return year
