"""Reads of SKP: one person's SKP, the penilai's review queue, the detail page, the matriks peran hasil.

Visibility is not decided here: callers start from permissions.work_plans_visible_to(user) or pass an
object they fetched through permissions.get_*_for_user_or_404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.query import prefetch_related_objects

from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant
from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Assignment, Employee
from kinerja.planning.choices import WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
    WorkPlanVersion,
)

# The identity columns every list of SKP shows.
_LIST_RELATED = ("employee", "year", "position", "unit", "penilai")


def current_year() -> PerformanceYear | None:
    """The OPEN year containing today, else the latest open one, else the latest closed one.

    A year still being prepared (DRAFT) is never "current": nobody may plan in it yet.
    """
    today = org_selectors.today()
    candidates = PerformanceYear.objects.exclude(status=YearStatus.DRAFT)
    containing = candidates.filter(status=YearStatus.OPEN, start_date__lte=today, end_date__gte=today).first()
    if containing is not None:
        return containing
    return candidates.filter(status=YearStatus.OPEN).order_by("-year").first() or candidates.order_by("-year").first()


def work_plans_of(employee: Employee) -> QuerySet[WorkPlan]:
    """Every SKP of the employee, newest year first (a transfer gives two in one year)."""
    return (
        WorkPlan.objects.filter(employee=employee)
        .select_related(*_LIST_RELATED)
        .order_by("-year__year", "-start_date", "-pk")
    )


def current_work_plan(employee: Employee, day: dt.date | None = None) -> WorkPlan | None:
    """The SKP covering ``day`` (today by default): the one of the period of service the employee is in."""
    day = day or org_selectors.today()
    return work_plans_of(employee).filter(start_date__lte=day, end_date__gte=day).first()


def _leader_scope_paths(who: Any) -> list[str]:
    if isinstance(who, Employee):
        grants = RoleGrant.objects.filter(user__employee=who, role=Role.REGIONAL_LEADER).select_related("scope")
        return [grant.scope.path for grant in grants]
    return [scope.path for scope in actor_for(who).scopes(Role.REGIONAL_LEADER)]


def review_queue(who: Employee | Any) -> QuerySet[WorkPlan]:
    """SUBMITTED SKP waiting for ``who`` (an Employee, or a User) to return or approve them, oldest first.

    Mirrors permissions.acts_as_penilai in one query: the snapshot penilai; the holder today (Plt/Plh
    included) of the penilai's position once the snapshot penilai left it; a Pimpinan daerah in scope for
    an SKP with no superior in the tree.
    """
    employee = who if isinstance(who, Employee) else getattr(who, "employee", None)
    waiting = Q(pk__in=[])
    if employee is not None:
        day = org_selectors.today()
        held = Assignment.objects.active_on(day).filter(employee=employee).values("position_id")
        snapshot_still_holds = Exists(
            Assignment.objects.active_on(day).filter(
                employee_id=OuterRef("penilai_id"), position_id=OuterRef("penilai_position_id")
            )
        )
        waiting |= Q(penilai=employee) | (Q(penilai_position__in=held) & ~snapshot_still_holds)
    leader_paths = _leader_scope_paths(who)
    if leader_paths:
        waiting |= Q(penilai__isnull=True, penilai_position__isnull=True) & org_selectors.under_paths(
            "unit__path", leader_paths
        )
    queue = WorkPlan.objects.filter(waiting, status=WorkPlanStatus.SUBMITTED)
    if employee is not None:
        queue = queue.exclude(employee=employee)
    return queue.select_related(*_LIST_RELATED).order_by("submitted_at", "pk")


def _detail_prefetches() -> list[Prefetch[Any]]:
    items = PlanItem.objects.select_related("supported_item__work_plan__employee", "supported_goal").prefetch_related(
        "indicators"
    )
    expectations = BehaviourExpectation.objects.select_related("value").prefetch_related("value__indicators")
    events = WorkPlanEvent.objects.select_related("actor__employee")
    # The frozen content of old versions is read one at a time; the list needs only number and date.
    versions = WorkPlanVersion.objects.defer("content").select_related("approved_by__employee")
    return [
        Prefetch("items", queryset=items),
        Prefetch("behaviour_expectations", queryset=expectations),
        Prefetch("events", queryset=events),
        Prefetch("versions", queryset=versions),
    ]


_DETAIL_RELATED = (
    "employee__rank",
    "year",
    "position",
    "unit",
    "penilai",
    "penilai_position",
    "atasan_penilai",
    "approved_by__employee",
)


def work_plan_detail(plan_or_qs: WorkPlan | QuerySet[WorkPlan] | int) -> Any:
    """Everything an SKP page or document shows, in a fixed number of queries.

    - a QuerySet (e.g. permissions.work_plans_visible_to(user)) → the same queryset with the joins declared;
    - a WorkPlan (fetched through permissions) → that object with its parts prefetched;
    - a primary key → the WorkPlan (raises WorkPlan.DoesNotExist), for trusted callers such as services.
    """
    if isinstance(plan_or_qs, QuerySet):
        return plan_or_qs.select_related(*_DETAIL_RELATED).prefetch_related(*_detail_prefetches())
    if isinstance(plan_or_qs, WorkPlan):
        prefetch_related_objects([plan_or_qs], *_detail_prefetches())
        return plan_or_qs
    return WorkPlan.objects.select_related(*_DETAIL_RELATED).prefetch_related(*_detail_prefetches()).get(pk=plan_or_qs)


def distributable_items(employee: Employee, year: PerformanceYear) -> QuerySet[PlanItem]:
    """The employee's own RHK of the year with the subordinates each is handed to (matriks peran hasil)."""
    distributions = ResultDistribution.objects.select_related("employee").order_by("employee__name")
    carried_by = PlanItem.objects.select_related("work_plan__employee")
    return (
        PlanItem.objects.filter(work_plan__employee=employee, work_plan__year=year)
        .select_related("work_plan")
        .prefetch_related(
            Prefetch("distributions", queryset=distributions),
            Prefetch("supporting_items", queryset=carried_by),
        )
        .order_by("work_plan__start_date", "kind", "order", "pk")
    )


def distributions_for(employee: Employee, year: PerformanceYear) -> QuerySet[ResultDistribution]:
    """What the employee's supervisors handed them this year; ``is_taken`` once an RHK of theirs supports it."""
    taken = PlanItem.objects.filter(supported_item=OuterRef("item"), work_plan__employee=employee)
    return (
        ResultDistribution.objects.filter(employee=employee, item__work_plan__year=year)
        .select_related("item__work_plan__employee", "item__work_plan__position")
        .annotate(is_taken=Exists(taken))
        .order_by("item__work_plan__start_date", "item__kind", "item__order", "item__pk")
    )


def penilai_now(plan: WorkPlan) -> Employee | None:
    """Whoever holds the penilai's position today (a Plt/Plh once the snapshot penilai has left), as permissions.py."""
    if plan.penilai_position_id is not None:
        holder = org_selectors.holder_of(plan.penilai_position, org_selectors.today(), exclude={plan.employee_id})
        if holder is not None:
            return holder.employee
    return plan.penilai
