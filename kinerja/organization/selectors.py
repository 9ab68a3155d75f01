"""Reads of the organisation domain. Visibility filtering lives in permissions.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from kinerja.organization import nip as nip_codec
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


def unit_paths_of(employee: Employee, day: dt.date | None = None) -> list[str]:
    """The paths of the units where the employee holds a post on ``day`` (definitive or acting), in one query."""
    return list(
        Assignment.objects.active_on(day or today())
        .filter(employee=employee)
        .values_list("position__unit__path", flat=True)
    )


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
    """The org chart of one unit on ``day``: its own positions and the heads of the units directly below.

    One level at a time keeps the page the size of a unit, not of an agency (Disdikbud has
    thousands of positions in its schools); the units below have charts of their own. Two queries.
    """
    day = day or today()
    in_chart = Q(unit=unit) | Q(unit__parent=unit, is_unit_head=True)
    positions = list(
        Position.objects.filter(in_chart, is_active=True)
        .select_related("unit")
        .order_by("unit__path", "-is_unit_head", "kind", "name")
    )
    holders: dict[int, list[Assignment]] = {}
    for assignment in (
        Assignment.objects.active_on(day)
        .filter(position__in=[p.pk for p in positions])
        .select_related("employee")
        .order_by("kind", "employee__name")
    ):
        holders.setdefault(assignment.position_id, []).append(assignment)
    return [(position, holders.get(position.pk, [])) for position in positions]


@dataclass(frozen=True)
class SubtreeCounts:
    positions: int
    vacant: int
    people: int


def unit_subtree_counts(unit: OrgUnit, day: dt.date | None = None) -> SubtreeCounts:
    """Positions, vacant positions and people in a unit and everything below it: two aggregate queries."""
    day = day or today()
    active = Assignment.objects.active_on(day)
    position_counts = Position.objects.filter(unit__path__startswith=unit.path, is_active=True).aggregate(
        positions=Count("pk"),
        vacant=Count("pk", filter=~Exists(active.filter(position=OuterRef("pk")))),
    )
    people = (
        active.filter(position__unit__path__startswith=unit.path, position__is_active=True)
        .values("employee_id")
        .distinct()
        .count()
    )
    return SubtreeCounts(positions=position_counts["positions"], vacant=position_counts["vacant"], people=people)


def employees_search(employees: QuerySet[Employee], query: str) -> QuerySet[Employee]:
    """Name (any part) or NIP (typed with or without the usual spaces)."""
    query = query.strip()
    if not query:
        return employees
    digits = nip_codec.normalize(query)
    condition = Q(name__icontains=query)
    if digits.isdigit():
        condition |= Q(nip__contains=digits)
    return employees.filter(condition)


def subtree_headcounts(units: list[OrgUnit]) -> dict[int, int]:
    """Definitive post holders per unit including its subtree: one grouped query, rolled up along the paths."""
    direct = (
        Assignment.objects.active_on(today())
        .filter(kind=AssignmentKind.DEFINITIVE)
        .order_by()
        .values("position__unit__path")
        .annotate(people=Count("employee_id", distinct=True))
    )
    totals: dict[int, int] = {unit.pk: 0 for unit in units}
    for row in direct:
        for ancestor_id in (int(part) for part in row["position__unit__path"].strip("/").split("/") if part):
            if ancestor_id in totals:
                totals[ancestor_id] += row["people"]
    return totals


# --- Counts for the home pages of admins and leaders -------------------------------


@dataclass(frozen=True)
class Attention:
    """What an HR admin should look at in their scope."""

    in_scope: int
    without_position: int
    without_account: int


def under_paths(field: str, paths: list[str]) -> Q:
    """Rows whose materialised ``field`` lies under any of ``paths`` (matches nothing for no paths)."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def admin_attention(scopes: list[OrgUnit]) -> Attention:
    """Counts for the admin's scope in one aggregate query.

    An employee without an active position belongs to the scope of the unit of their last
    assignment; one who never had any belongs to whoever administers the whole government (root).
    """
    day = today()
    paths = [scope.path for scope in scopes]
    active_now = Assignment.objects.active_on(day)
    in_scope_now = active_now.filter(under_paths("position__unit__path", paths)).values("employee_id")
    ever_in_scope = Assignment.objects.filter(under_paths("position__unit__path", paths)).values("employee_id")
    belongs = Q(pk__in=ever_in_scope)
    if any(scope.parent_id is None for scope in scopes):
        belongs |= ~Exists(Assignment.objects.filter(employee=OuterRef("pk")))
    holds_post = Exists(active_now.filter(employee=OuterRef("pk")))
    counts = (
        Employee.objects.filter(is_active=True)
        .filter(belongs)
        .aggregate(
            in_scope=Count("pk", filter=Q(pk__in=in_scope_now)),
            without_position=Count("pk", filter=~holds_post),
            without_account=Count("pk", filter=Q(pk__in=in_scope_now, user__isnull=True)),
        )
    )
    return Attention(**counts)


def headcount_per_agency(scopes: list[OrgUnit]) -> list[tuple[OrgUnit, int]]:
    """Employees holding a definitive post, per OPD/kecamatan in scope: one grouped query plus the agencies."""
    day = today()
    paths = [scope.path for scope in scopes]
    agencies = list(OrgUnit.objects.filter(under_paths("path", paths), kind__in=AGENCY_KINDS, is_active=True))
    per_unit = (
        Assignment.objects.active_on(day)
        .filter(kind=AssignmentKind.DEFINITIVE)
        .filter(under_paths("position__unit__path", paths))
        .order_by()
        .values("position__unit__path")
        .annotate(people=Count("employee_id", distinct=True))
    )
    counts = {row["position__unit__path"]: row["people"] for row in per_unit}
    result = []
    for agency in agencies:
        total = sum(people for path, people in counts.items() if path.startswith(agency.path))
        result.append((agency, total))
    return sorted(result, key=lambda pair: (-pair[1], pair[0].name))


def unit_headcount(unit: OrgUnit) -> int:
    return (
        Assignment.objects.active_on(today())
        .filter(kind=AssignmentKind.DEFINITIVE, position__unit__path__startswith=unit.path)
        .values("employee_id")
        .distinct()
        .count()
    )
