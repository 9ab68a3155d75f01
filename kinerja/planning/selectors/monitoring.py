"""Monitoring of SKP planning: completion per unit and who is late (product.md §3.2, issue 3 §5–6).

Every person is counted once, in the unit of their definitive post, with the status of their latest SKP
of the year (a mid-year transfer gives two SKP; the newer one is the one that matters now).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery

from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PerformanceYear, WorkPlan

NOT_STARTED = "not_started"


@dataclass
class UnitCompletion:
    """SKP of the people of one unit, by status; ``unit`` is None for the total row."""

    unit: OrgUnit | None
    not_started: int = 0
    draft: int = 0
    submitted: int = 0
    returned: int = 0
    approved: int = 0

    @property
    def people(self) -> int:
        return self.not_started + self.draft + self.submitted + self.returned + self.approved

    @property
    def started(self) -> int:
        return self.people - self.not_started

    @property
    def approved_percent(self) -> int:
        return round(100 * self.approved / self.people) if self.people else 0

    def add(self, status: str, count: int) -> None:
        setattr(self, status, getattr(self, status) + count)


@dataclass
class Completion:
    rows: list[UnitCompletion]
    total: UnitCompletion = field(default_factory=lambda: UnitCompletion(unit=None))


def _latest_plan(year: PerformanceYear) -> WorkPlan:
    # Used inside Subquery: the newest SKP of the employee of the outer Assignment row in that year.
    return WorkPlan.objects.filter(employee_id=OuterRef("employee_id"), year=year).order_by("-start_date", "-pk")


def completion_per_unit(agency: OrgUnit, year: PerformanceYear, day: dt.date | None = None) -> Completion:
    """How many people of each unit of the agency have no SKP, a draft, a submitted, returned or approved one.

    Two queries: the units, and one grouped count over the definitive posts on ``day`` (today by default).
    """
    day = day or org_selectors.today()
    units = list(OrgUnit.objects.filter(path__startswith=agency.path, is_active=True).order_by("path"))
    counts = (
        Assignment.objects.active_on(day)
        .filter(kind=AssignmentKind.DEFINITIVE, position__unit__path__startswith=agency.path)
        .annotate(plan_status=Subquery(_latest_plan(year).values("status")[:1]))
        .order_by()
        .values("position__unit_id", "plan_status")
        .annotate(people=Count("employee_id", distinct=True))
    )
    rows = {unit.pk: UnitCompletion(unit=unit) for unit in units}
    total = UnitCompletion(unit=None)
    for row in counts:
        target = rows.get(row["position__unit_id"])
        status = row["plan_status"] or NOT_STARTED
        if target is not None:
            target.add(status, row["people"])
        total.add(status, row["people"])
    return Completion(rows=[row for row in rows.values() if row.people], total=total)


@dataclass(frozen=True)
class LateEntry:
    """Someone whose SKP is behind the year's deadlines on a given day."""

    employee: Employee
    position: Position
    unit: OrgUnit
    work_plan: WorkPlan | None
    # NOT_STARTED or the SKP's status
    status: str
    deadline: dt.date
    days_late: int

    @property
    def waits_for_penilai(self) -> bool:
        """Submitted but not approved: the penilai is late, not the employee."""
        return self.status == WorkPlanStatus.SUBMITTED


def late_work_plans(scope_units: list[OrgUnit], year: PerformanceYear, day: dt.date | None = None) -> list[LateEntry]:
    """People in scope on ``day`` whose SKP is not submitted after the drafting deadline, or not approved after
    the approval deadline. Revisions of an approved SKP (version > 1) are not late: the year's deadlines are
    for the first version. Two queries whatever the number of people.
    """
    day = day or org_selectors.today()
    after_draft = day > year.skp_draft_deadline
    after_approval = day > year.skp_approval_deadline
    if not (after_draft or after_approval) or not scope_units:
        return []
    latest = _latest_plan(year)
    posts = (
        Assignment.objects.active_on(day)
        .filter(kind=AssignmentKind.DEFINITIVE, employee__is_active=True)
        .filter(org_selectors.under_paths("position__unit__path", [unit.path for unit in scope_units]))
        .annotate(
            plan_id=Subquery(latest.values("pk")[:1]),
            plan_status=Subquery(latest.values("status")[:1]),
            plan_version=Subquery(latest.values("version")[:1]),
        )
    )
    behind = Q(pk__in=[])
    if after_draft:
        behind |= Q(plan_id__isnull=True) | Q(
            plan_status__in=[WorkPlanStatus.DRAFT, WorkPlanStatus.RETURNED], plan_version=1
        )
    if after_approval:
        behind |= Q(plan_status=WorkPlanStatus.SUBMITTED, plan_version=1)
    rows = list(
        posts.filter(behind)
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "employee__name", "pk")
    )
    plans = WorkPlan.objects.select_related("penilai").in_bulk([row.plan_id for row in rows if row.plan_id])
    entries: list[LateEntry] = []
    seen: set[int] = set()
    for row in rows:
        if row.employee_id in seen:
            continue
        seen.add(row.employee_id)
        status = row.plan_status or NOT_STARTED
        deadline = year.skp_approval_deadline if status == WorkPlanStatus.SUBMITTED else year.skp_draft_deadline
        entries.append(
            LateEntry(
                employee=row.employee,
                position=row.position,
                unit=row.position.unit,
                work_plan=plans.get(row.plan_id) if row.plan_id else None,
                status=status,
                deadline=deadline,
                days_late=(day - deadline).days,
            )
        )
    return entries
