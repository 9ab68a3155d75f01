"""Reads of monitoring for the home pages, the team views and reports. Every function runs a fixed number of
queries whatever the amount of data (make bench checks the pages built on them). Access is the caller's job:
pass only records fetched through monitoring.permissions / planning.permissions."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from kinerja.monitoring.capaian import (
    CapaianCategory,
    capaian_category,
    capaian_value,
    indicator_capaian,
    reaches_upper_bound,
)
from kinerja.monitoring.models import (
    Appreciation,
    DialogueAction,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressComment,
    ProgressEntry,
    Realization,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, Indicator, PlanItem, WorkPlan

LATEST_ENTRIES = 3


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday–Sunday of the week containing ``day``."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Monday to Friday between start and end inclusive (public holidays are not modelled)."""
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def approved_plans_in(employee_ids: list[int], period: EvaluationPeriod) -> QuerySet[WorkPlan]:
    """Approved SKP of these employees that overlap the period."""
    return WorkPlan.objects.filter(
        employee_id__in=employee_ids,
        year_id=period.year_id,
        status=WorkPlanStatus.APPROVED,
        start_date__lte=period.end_date,
        end_date__gte=period.start_date,
    )


# --- Daily progress ---------------------------------------------------------------------


def _entries() -> QuerySet[ProgressEntry]:
    return ProgressEntry.objects.select_related("item", "employee", "acknowledged_by").prefetch_related(
        "evidence", Prefetch("comments", queryset=_comments())
    )


def _comments() -> QuerySet[ProgressComment]:
    return ProgressComment.objects.select_related("author__employee")


def progress_for_employee(employee: Employee, start: dt.date, end: dt.date) -> QuerySet[ProgressEntry]:
    """An employee's entries between two dates (newest first), with RHK, evidence and comments."""
    return _entries().filter(employee=employee, day__gte=start, day__lte=end)


@dataclass
class MemberProgress:
    member: Employee
    days: dict[dt.date, list[ProgressEntry]] = field(default_factory=dict)

    @property
    def entries(self) -> list[ProgressEntry]:
        return [entry for day in sorted(self.days, reverse=True) for entry in self.days[day]]

    @property
    def waiting(self) -> int:
        return sum(1 for entry in self.entries if entry.acknowledged_at is None)


def team_progress_by_day(supervisor: Employee, start: dt.date, end: dt.date | None = None) -> list[MemberProgress]:
    """The team's entries for a day (or from ``start`` to ``end``, e.g. a week), per member, members by name."""
    end = end or start
    members = list(org_selectors.team_members(supervisor).order_by("name"))
    rows = {m.pk: MemberProgress(member=m) for m in members}
    for entry in _entries().filter(employee_id__in=list(rows), day__gte=start, day__lte=end).order_by("day", "pk"):
        rows[entry.employee_id].days.setdefault(entry.day, []).append(entry)
    return [rows[m.pk] for m in members]


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    in_month: bool
    is_working_day: bool
    is_future: bool
    entries: int

    @property
    def is_gap(self) -> bool:
        """A past working day of the month without any entry."""
        return self.in_month and self.is_working_day and not self.is_future and self.entries == 0


def progress_calendar(employee: Employee, month: dt.date) -> list[list[CalendarDay]]:
    """A month as weeks (Monday first) of days with their entry counts; gaps are past working days with none."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    grid_start, _ = week_of(first)
    _, grid_end = week_of(last)
    counts = dict(
        ProgressEntry.objects.filter(employee=employee, day__gte=first, day__lte=last)
        .values_list("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    today = org_selectors.today()
    weeks: list[list[CalendarDay]] = []
    day = grid_start
    while day <= grid_end:
        week = []
        for _offset in range(7):
            week.append(
                CalendarDay(
                    day=day,
                    in_month=first <= day <= last,
                    is_working_day=day.weekday() < 5,
                    is_future=day > today,
                    entries=counts.get(day, 0),
                )
            )
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


# --- Realisasi and capaian --------------------------------------------------------------


@dataclass
class IndicatorProgress:
    indicator: Indicator
    realization: Realization | None
    capaian: Decimal | None
    category: CapaianCategory | None
    nilai: Decimal | None

    @property
    def evidence(self) -> list[Evidence]:
        return list(self.realization.evidence.all()) if self.realization else []

    @property
    def bar_percent(self) -> int:
        """Width of the progress bar (0–100)."""
        if self.capaian is None:
            return 0
        return int(max(Decimal(0), min(self.capaian, Decimal(100))))


@dataclass
class ItemProgress:
    item: PlanItem
    indicators: list[IndicatorProgress]
    entries_count: int
    latest_entries: list[ProgressEntry]


def indicator_progress(indicator: Indicator, realization: Realization | None) -> IndicatorProgress:
    value = realization.value if realization is not None else None
    pct = indicator_capaian(indicator, value)
    return IndicatorProgress(
        indicator=indicator,
        realization=realization,
        capaian=pct,
        category=capaian_category(pct),
        nilai=capaian_value(pct, upper_bound_reached=reaches_upper_bound(indicator, value)),
    )


def plan_progress(work_plan: WorkPlan, period: EvaluationPeriod) -> list[ItemProgress]:
    """Per RHK: its IKI with target, realisasi of the period, capaian and category, and the period's daily entries."""
    realizations = Realization.objects.filter(period=period).prefetch_related("evidence")
    items = list(
        # The RHK each one supports prints next to it (documents, rating page): joined, not one query per RHK.
        work_plan.items.select_related("supported_item", "supported_goal").prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("realizations", queryset=realizations, to_attr="period_realizations")
                ),
            )
        )
    )
    in_period = Q(day__gte=period.start_date, day__lte=period.end_date)
    counts = dict(
        ProgressEntry.objects.filter(in_period, item__in=items)
        .values_list("item_id")
        .annotate(n=Count("pk"))
        .values_list("item_id", "n")
    )
    latest: dict[int, list[ProgressEntry]] = defaultdict(list)
    # The latest few entries of every RHK in one query: a row number per RHK, filtered in the database, so a
    # period's hundreds of entries are not loaded (with their evidence) to show a handful.
    newest_first = [F("day").desc(), F("pk").desc()]
    rank = Window(RowNumber(), partition_by=[F("item_id")], order_by=newest_first)
    for entry in (
        ProgressEntry.objects.filter(in_period, item__in=items)
        .annotate(rank=rank)
        .filter(rank__lte=LATEST_ENTRIES)
        .prefetch_related("evidence")
        .order_by("-day", "-pk")
    ):
        latest[entry.item_id].append(entry)
    return [
        ItemProgress(
            item=item,
            indicators=[
                indicator_progress(ind, ind.period_realizations[0] if ind.period_realizations else None)
                for ind in item.indicators.all()
            ],
            entries_count=counts.get(item.pk, 0),
            latest_entries=latest[item.pk],
        )
        for item in items
    ]


@dataclass
class Missing:
    indicators: list[Indicator]
    days: list[dt.date]

    @property
    def is_empty(self) -> bool:
        return not self.indicators and not self.days


def missing_for(employee: Employee, period: EvaluationPeriod) -> Missing:
    """IKI of the employee's approved SKP without realisasi for the period; this week's working days so far
    without any progress entry."""
    plans = approved_plans_in([employee.pk], period)
    indicators = list(
        Indicator.objects.filter(item__work_plan__in=plans)
        .exclude(realizations__period=period)
        .select_related("item")
        .order_by("item__work_plan", "item__order", "item_id", "order", "pk")
    )
    today = org_selectors.today()
    start, _ = week_of(today)
    logged = set(
        ProgressEntry.objects.filter(employee=employee, day__gte=start, day__lte=today).values_list("day", flat=True)
    )
    return Missing(indicators=indicators, days=[d for d in working_days(start, today) if d not in logged])


@dataclass
class GlanceRow:
    member: Employee
    progress_days: int
    realisasi_filled: int
    realisasi_total: int
    waiting: int


def team_glance(supervisor: Employee, period: EvaluationPeriod) -> list[GlanceRow]:
    """Per team member: days with progress this week, realisasi filled of their IKI, entries not yet acknowledged."""
    members = list(org_selectors.team_members(supervisor).order_by("name"))
    ids = [m.pk for m in members]
    today = org_selectors.today()
    start, _ = week_of(today)
    days = dict(
        ProgressEntry.objects.filter(employee_id__in=ids, day__gte=start, day__lte=today)
        .values("employee_id")
        .annotate(n=Count("day", distinct=True))
        .values_list("employee_id", "n")
    )
    waiting = dict(
        ProgressEntry.objects.filter(employee_id__in=ids, acknowledged_at__isnull=True, day__gte=period.start_date)
        .values("employee_id")
        .annotate(n=Count("pk"))
        .values_list("employee_id", "n")
    )
    plans = approved_plans_in(ids, period)
    totals = dict(
        Indicator.objects.filter(item__work_plan__in=plans)
        .values("item__work_plan__employee_id")
        .annotate(n=Count("pk"))
        .values_list("item__work_plan__employee_id", "n")
    )
    filled = dict(
        Realization.objects.filter(period=period, indicator__item__work_plan__in=plans)
        .values("indicator__item__work_plan__employee_id")
        .annotate(n=Count("pk"))
        .values_list("indicator__item__work_plan__employee_id", "n")
    )
    return [
        GlanceRow(
            member=m,
            progress_days=days.get(m.pk, 0),
            realisasi_filled=filled.get(m.pk, 0),
            realisasi_total=totals.get(m.pk, 0),
            waiting=waiting.get(m.pk, 0),
        )
        for m in members
    ]


# --- Feedback, dialogues, appreciation ----------------------------------------------------


def feedback_for(work_plan: WorkPlan) -> QuerySet[Feedback]:
    """The SKP's feedback threads, newest first, with replies in order."""
    return (
        Feedback.objects.filter(work_plan=work_plan)
        .select_related("author__employee", "item", "value", "period")
        .prefetch_related(Prefetch("replies", queryset=FeedbackReply.objects.select_related("author__employee")))
    )


def feedback_counts_per_supervisor(scope_units: list[OrgUnit], start: dt.date, end: dt.date) -> list[dict]:
    """Feedback given between two dates by each author, over SKP of units under the scopes (one grouped query).

    Rows: author_id, author_name (employee name or username), count; most active first. BKPSDM reads who coaches.
    """
    scope = org_selectors.under_paths("work_plan__unit__path", [u.path for u in scope_units])
    rows = (
        Feedback.objects.filter(scope, created_at__date__gte=start, created_at__date__lte=end)
        .values("author_id", "author__username", "author__employee__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "author__employee__name")
    )
    return [
        {
            "author_id": row["author_id"],
            "author_name": row["author__employee__name"] or row["author__username"],
            "count": row["count"],
        }
        for row in rows
    ]


def feedback_per_penilai(scope_units: list[OrgUnit], year_id: int, start: dt.date, end: dt.date) -> list[dict]:
    """Every penilai of an approved SKP in scope with how much feedback their team's SKP received (one query).

    Least first: BKPSDM wants to see who coaches and who does not (issue 4), so a penilai who gave
    nothing is listed with 0 rather than left out.
    """
    scope = org_selectors.under_paths("unit__path", [u.path for u in scope_units])
    in_range = Q(feedback__created_at__date__gte=start, feedback__created_at__date__lte=end)
    rows = (
        WorkPlan.objects.filter(scope, year_id=year_id, status=WorkPlanStatus.APPROVED, penilai__isnull=False)
        .values("penilai_id", "penilai__name", "penilai__front_title", "penilai__back_title")
        .annotate(plans=Count("pk", distinct=True), feedback=Count("feedback", filter=in_range, distinct=True))
        .order_by("feedback", "penilai__name")
    )
    result = []
    for row in rows:
        name = row["penilai__name"]
        if row["penilai__front_title"]:
            name = f"{row['penilai__front_title']} {name}"
        if row["penilai__back_title"]:
            name = f"{name}, {row['penilai__back_title']}"
        result.append(
            {"penilai_id": row["penilai_id"], "name": name, "plans": row["plans"], "feedback": row["feedback"]}
        )
    return result


def open_actions_for(employee: Employee) -> QuerySet[DialogueAction]:
    """Agreed actions not done that the employee owns, or of dialogues about or led by them; soonest due first."""
    mine = Q(owner=employee) | Q(dialogue__employee=employee) | Q(dialogue__led_by=employee)
    return (
        DialogueAction.objects.filter(mine, done_at__isnull=True)
        .select_related("owner", "dialogue__employee", "dialogue__led_by")
        .order_by("due_date", "pk")
    )


def unit_appreciation_feed(unit: OrgUnit, limit: int = 20) -> list[Appreciation]:
    """The latest appreciation given to people of the unit and the units below it."""
    return list(
        Appreciation.objects.filter(unit__path__startswith=unit.path)
        .select_related("recipient", "author__employee", "item", "unit")
        .order_by("-created_at", "-pk")[:limit]
    )
