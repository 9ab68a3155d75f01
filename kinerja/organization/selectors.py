"""Reads of the organisation domain. Visibility filtering lives in permissions.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

# Preference when several people hold a position on the same day: the definitive
# holder first; a Plt (acting) before a Plh (daily acting).
_KIND_PRIORITY = {AssignmentKind.DEFINITIVE: 0, AssignmentKind.PLT: 1, AssignmentKind.PLH: 2}


def today() -> dt.date:
    return timezone.localdate()


@dataclass(frozen=True)
class Holder:
    """Someone holding a position on a date, definitively or as Plt/Plh."""

    employee: Employee
    position: Position
    kind: str

    @property
    def is_acting(self) -> bool:
        return self.kind != AssignmentKind.DEFINITIVE


@dataclass(frozen=True)
class Situation:
    """An employee's place in the organisation on a date (PermenPANRB 6/2022: penilai = atasan langsung)."""

    employee: Employee
    day: dt.date
    position: Position | None
    unit: OrgUnit | None
    pejabat_penilai: Holder | None
    atasan_pejabat_penilai: Holder | None


def primary_assignment(employee: Employee, day: dt.date) -> Assignment | None:
    """The employee's own (definitive) position on ``day``; an acting post only if they have nothing else."""
    candidates = list(
        Assignment.objects.active_on(day)
        .filter(employee=employee)
        .select_related("position__unit", "position__reports_to")
        .order_by("-start_date", "-pk")
    )
    candidates.sort(key=lambda a: _KIND_PRIORITY.get(AssignmentKind(a.kind), 9))
    return candidates[0] if candidates else None


def holder_of(position: Position, day: dt.date, *, exclude: set[int] | None = None) -> Holder | None:
    assignments = list(
        Assignment.objects.active_on(day)
        .filter(position=position)
        .exclude(employee_id__in=exclude or set())
        .select_related("employee__rank")
        .order_by("-start_date", "-pk")
    )
    if not assignments:
        return None
    assignments.sort(key=lambda a: _KIND_PRIORITY.get(AssignmentKind(a.kind), 9))
    chosen = assignments[0]
    return Holder(employee=chosen.employee, position=position, kind=chosen.kind)


def _first_holder_above(position: Position, day: dt.date, exclude: set[int]) -> Holder | None:
    """Walk up the reporting line until a position that someone (else) holds on ``day``.

    A vacant superior position passes the role to the next filled one up the line.
    """
    current = position.reports_to
    while current is not None:
        holder = holder_of(current, day, exclude=exclude)
        if holder is not None:
            return holder
        current = Position.objects.select_related("reports_to").get(pk=current.pk).reports_to
    return None


def situation_on(employee: Employee, day: dt.date | None = None) -> Situation:
    """The one answer to "on this date, what is their position, unit, penilai and atasan penilai?"."""
    day = day or today()
    assignment = primary_assignment(employee, day)
    if assignment is None:
        return Situation(employee, day, None, None, None, None)
    position = assignment.position
    penilai = _first_holder_above(position, day, exclude={employee.pk})
    atasan = None
    if penilai is not None:
        atasan = _first_holder_above(penilai.position, day, exclude={employee.pk, penilai.employee.pk})
    return Situation(employee, day, position, position.unit, penilai, atasan)


def positions_held(employee: Employee, day: dt.date | None = None) -> list[Position]:
    """Every position the employee holds on ``day``, definitive and acting (definitive first)."""
    day = day or today()
    held = list(Assignment.objects.active_on(day).filter(employee=employee).select_related("position__unit"))
    # Definitive post first: callers take the first one as the person's home unit (actor_for's agency).
    held.sort(key=lambda a: _KIND_PRIORITY.get(AssignmentKind(a.kind), 9))
    return [a.position for a in held]


def agency_of(unit: OrgUnit) -> OrgUnit:
    """The OPD/kecamatan/secretariat a unit belongs to (the unit itself when it is one)."""
    if unit.kind in AGENCY_KINDS:
        return unit
    ancestors = {u.pk: u for u in OrgUnit.objects.filter(pk__in=unit.ancestor_ids())}
    for pk in reversed(unit.ancestor_ids()):
        candidate = ancestors.get(pk)
        if candidate is not None and candidate.kind in AGENCY_KINDS:
            return candidate
    return unit


def team_members(employee: Employee, day: dt.date | None = None) -> QuerySet[Employee]:
    """Employees whose pejabat penilai is ``employee`` on ``day``.

    Direct reports of the positions they hold (definitive or acting), plus the
    reports of vacant positions directly below them (the role passes up the line).
    """
    day = day or today()
    frontier = [p.pk for p in positions_held(employee, day)]
    member_ids: set[int] = set()
    seen: set[int] = set(frontier)
    while frontier:
        children = list(Position.objects.filter(reports_to__in=frontier, is_active=True).values_list("pk", flat=True))
        held = list(
            Assignment.objects.active_on(day)
            .filter(position__in=children)
            .values_list("position_id", "employee_id", "kind")
        )
        filled = {position_id for position_id, _, _ in held}
        member_ids.update(emp for _, emp, kind in held if kind == AssignmentKind.DEFINITIVE)
        frontier = [c for c in children if c not in filled and c not in seen]
        seen.update(frontier)
    member_ids.discard(employee.pk)
    return with_current_post(Employee.objects.filter(pk__in=member_ids), day)


def with_current_post(queryset: QuerySet[Employee], day: dt.date | None = None) -> QuerySet[Employee]:
    """Annotate each employee with their definitive position and unit on ``day`` (one query for the page)."""
    day = day or today()
    current = (
        Assignment.objects.active_on(day)
        .filter(employee=OuterRef("pk"), kind=AssignmentKind.DEFINITIVE)
        .order_by("-start_date", "-pk")
    )
    return queryset.select_related("rank").annotate(
        position_id_now=Subquery(current.values("position_id")[:1]),
        position_name=Subquery(current.values("position__name")[:1]),
        unit_name=Subquery(current.values("position__unit__name")[:1]),
        unit_id_now=Subquery(current.values("position__unit_id")[:1]),
    )


def assignment_history(employee: Employee) -> QuerySet[Assignment]:
    return employee.assignments.select_related("position__unit").order_by("-start_date", "-pk")


def unit_subtree(unit: OrgUnit) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(path__startswith=unit.path)


def unit_chart(unit: OrgUnit, day: dt.date | None = None) -> list[tuple[Position, list[Assignment]]]:
    """Positions of a unit's subtree with who holds them on ``day``: the org chart, in three queries."""
    day = day or today()
    positions = list(
        Position.objects.filter(unit__path__startswith=unit.path, is_active=True)
        .select_related("unit")
        .order_by("unit__path", "-is_unit_head", "kind", "name")
    )
    holders: dict[int, list[Assignment]] = {}
    for assignment in (
        Assignment.objects.active_on(day)
        .filter(position__unit__path__startswith=unit.path, position__is_active=True)
        .select_related("employee")
        .order_by("kind", "employee__name")
    ):
        holders.setdefault(assignment.position_id, []).append(assignment)
    return [(position, holders.get(position.pk, [])) for position in positions]
