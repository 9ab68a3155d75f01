"""The cascade of an agency: from each organisation goal down to every RHK that serves it, person by person.

PermenPANRB 6/2022 and regulation.md §4.3: RPJMD → Renstra → Perjanjian Kinerja → SKP JPT → SKP JA/JF,
each RHK intervening the RHK of the penilai (the OPD head's intervene the goals). Built from a constant
number of queries (goals, their indicators, the plans of the unit, their RHK, the RHK's indicators, the
positions that have subordinates) and assembled in Python, so an OPD of 2,000 people costs the same
queries as one of 20.

Two loaders share one assembly: ``cascade`` hangs model instances (the API serialises them, with
indicators), ``cascade_outline`` hangs light records of the few columns the cascade page prints. The page
of a large OPD (800 people, 1,700 RHK) spent half its time hydrating ~2,800 model rows it only read
names and texts from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch

from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit, Position
from kinerja.planning.choices import ItemKind, WorkPlanStatus
from kinerja.planning.models import OrganizationGoal, PerformanceYear, PlanItem, WorkPlan


@dataclass(frozen=True, slots=True)
class PersonRef:
    """The holder of an SKP as the cascade page names them."""

    pk: int
    name: str
    front_title: str
    back_title: str

    # Employee's own rule for printing a name with academic titles, applied to the same three columns.
    full_name = Employee.full_name


@dataclass(frozen=True, slots=True)
class PositionRef:
    pk: int
    name: str
    path: str


@dataclass(frozen=True, slots=True)
class PlanRef:
    """An SKP as the cascade page shows it; attribute names follow WorkPlan so one assembly serves both."""

    pk: int
    status: str
    position_id: int
    employee: PersonRef
    position: PositionRef

    def get_status_display(self) -> str:
        return str(WorkPlanStatus(self.status).label)


@dataclass(frozen=True, slots=True)
class ItemRef:
    """An RHK as the cascade page shows it; attribute names follow PlanItem."""

    pk: int
    work_plan_id: int
    kind: str
    text: str
    order: int
    supported_item_id: int | None
    supported_goal_id: int | None
    work_plan: PlanRef


@dataclass
class CascadeNode:
    """One RHK in the tree, with the RHK of the people who carry it below."""

    item: PlanItem | ItemRef
    children: list[CascadeNode] = field(default_factory=list)
    # A main RHK that names neither a supervisor's RHK nor a goal: it intervenes nothing.
    supports_nothing: bool = False
    # A main RHK of someone with subordinates that no subordinate's RHK supports.
    not_carried: bool = False

    @property
    def work_plan(self) -> WorkPlan | PlanRef:
        return self.item.work_plan

    @property
    def flagged(self) -> bool:
        return self.supports_nothing or self.not_carried

    def walk(self) -> list[CascadeNode]:
        """This node and every node below it, depth first."""
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


@dataclass
class GoalNode:
    goal: OrganizationGoal
    children: list[CascadeNode] = field(default_factory=list)

    @property
    def unserved(self) -> bool:
        return not self.children


@dataclass
class CascadeTree:
    """The cascade of ``unit`` in ``year``: goals as roots, plus the RHK that hang from nothing in the unit.

    Built once and then only read, so the flag lists are computed on first use and kept.
    """

    unit: OrgUnit
    agency: OrgUnit
    year: PerformanceYear
    goals: list[GoalNode]
    # Main RHK that support nothing (flagged), with whatever hangs below them.
    unlinked: list[CascadeNode]
    # RHK supporting an RHK outside this unit (e.g. a Kepala Dinas intervening the Sekda's RHK).
    outside: list[CascadeNode]
    # Tambahan RHK that stand alone (allowed: tasks outside the main duties).
    additional: list[CascadeNode]
    plans: list[WorkPlan] | list[PlanRef]

    def nodes(self) -> list[CascadeNode]:
        return list(self._nodes)

    @cached_property
    def _nodes(self) -> list[CascadeNode]:
        roots = [child for goal in self.goals for child in goal.children] + self.unlinked + self.outside
        roots += self.additional
        return [node for root in roots for node in root.walk()]

    @cached_property
    def unlinked_items(self) -> list[PlanItem | ItemRef]:
        return [node.item for node in self._nodes if node.supports_nothing]

    @cached_property
    def uncarried_items(self) -> list[PlanItem | ItemRef]:
        return [node.item for node in self._nodes if node.not_carried]

    @cached_property
    def unserved_goals(self) -> list[OrganizationGoal]:
        return [goal.goal for goal in self.goals if goal.unserved]

    @property
    def flag_count(self) -> int:
        return len(self.unlinked_items) + len(self.uncarried_items) + len(self.unserved_goals)


def _positions_with_subordinates(position_ids: set[int]) -> set[int]:
    return set(
        Position.objects.filter(reports_to_id__in=position_ids, is_active=True)
        .order_by()  # the default ordering would add its columns to DISTINCT
        .values_list("reports_to_id", flat=True)
        .distinct()
    )


def _goals(agency: OrgUnit, year: PerformanceYear) -> list[OrganizationGoal]:
    return list(
        OrganizationGoal.objects.filter(year=year, unit=agency).prefetch_related("indicators").order_by("order", "pk")
    )


def _assemble(
    unit: OrgUnit,
    agency: OrgUnit,
    year: PerformanceYear,
    goals: list[OrganizationGoal],
    plans: list[WorkPlan] | list[PlanRef],
    items: Iterable[PlanItem | ItemRef],
) -> CascadeTree:
    """Hang each RHK under the RHK or goal it supports and set the flags; ``item.work_plan`` is already set."""
    # Person by person along the organisation chart, then main before tambahan, in the SKP's own order.
    ordered = sorted(items, key=lambda i: (i.work_plan.position.path, i.kind, i.order, i.pk))
    supervisors = _positions_with_subordinates({plan.position_id for plan in plans})
    nodes = {item.pk: CascadeNode(item=item) for item in ordered}
    children_of_item: dict[int, list[CascadeNode]] = {}
    children_of_goal: dict[int, list[CascadeNode]] = {}
    unlinked: list[CascadeNode] = []
    outside: list[CascadeNode] = []
    additional: list[CascadeNode] = []
    goal_ids = {goal.pk for goal in goals}
    for item in ordered:
        node = nodes[item.pk]
        if item.supported_item_id is not None:
            if item.supported_item_id in nodes:
                children_of_item.setdefault(item.supported_item_id, []).append(node)
            else:
                outside.append(node)
        elif item.supported_goal_id is not None:
            if item.supported_goal_id in goal_ids:
                children_of_goal.setdefault(item.supported_goal_id, []).append(node)
            else:
                outside.append(node)
        elif item.kind == ItemKind.MAIN:
            node.supports_nothing = True
            unlinked.append(node)
        else:
            additional.append(node)

    for item_id, node in nodes.items():
        node.children = children_of_item.get(item_id, [])
        item = node.item
        node.not_carried = (
            item.kind == ItemKind.MAIN and item.work_plan.position_id in supervisors and not node.children
        )

    return CascadeTree(
        unit=unit,
        agency=agency,
        year=year,
        goals=[GoalNode(goal=goal, children=children_of_goal.get(goal.pk, [])) for goal in goals],
        unlinked=unlinked,
        outside=outside,
        additional=additional,
        plans=plans,
    )


def cascade(unit: OrgUnit, year: PerformanceYear) -> CascadeTree:
    """The cascade tree of an agency (or of a part of one) for a year, with its three kinds of flags.

    Nodes hold PlanItem instances with their work plan, employee, position and indicators loaded.
    """
    agency = org_selectors.agency_of(unit)
    plans = list(
        WorkPlan.objects.filter(year=year, unit__path__startswith=unit.path)
        .select_related("employee", "position", "unit")
        .order_by("position__path", "start_date", "pk")
    )
    plans_by_id = {plan.pk: plan for plan in plans}
    items = list(PlanItem.objects.filter(work_plan_id__in=plans_by_id).prefetch_related("indicators"))
    for item in items:
        item.work_plan = plans_by_id[item.work_plan_id]
    return _assemble(unit, agency, year, _goals(agency, year), plans, items)


_PLAN_COLUMNS = (
    "pk",
    "status",
    "position_id",
    "position__name",
    "position__path",
    "employee_id",
    "employee__name",
    "employee__front_title",
    "employee__back_title",
)
_ITEM_COLUMNS = ("pk", "work_plan_id", "kind", "text", "order", "supported_item_id", "supported_goal_id")


def cascade_outline(unit: OrgUnit, year: PerformanceYear) -> CascadeTree:
    """The same tree and flags as ``cascade``, holding ItemRef/PlanRef records of only what the page prints.

    Same number of queries as ``cascade`` less the RHK indicators, and no model instances per row.
    """
    agency = org_selectors.agency_of(unit)
    of_unit = WorkPlan.objects.filter(year=year, unit__path__startswith=unit.path)
    plans = [
        PlanRef(
            pk, status, position_id, PersonRef(employee_id, name, front, back), PositionRef(position_id, title, path)
        )
        for pk, status, position_id, title, path, employee_id, name, front, back in (
            of_unit.order_by("position__path", "start_date", "pk").values_list(*_PLAN_COLUMNS).iterator()
        )
    ]
    plans_by_id = {plan.pk: plan for plan in plans}
    rows = PlanItem.objects.filter(work_plan__in=of_unit).order_by().values_list(*_ITEM_COLUMNS).iterator()
    items = [ItemRef(*row, work_plan=plans_by_id[row[1]]) for row in rows]
    return _assemble(unit, agency, year, _goals(agency, year), plans, items)


def goals_of(unit: OrgUnit, year: PerformanceYear) -> list[OrganizationGoal]:
    """The agency's Perjanjian Kinerja for the year with indicators and the RHK that serve each goal."""
    serving = PlanItem.objects.select_related("work_plan__employee")
    return list(
        OrganizationGoal.objects.filter(year=year, unit=org_selectors.agency_of(unit))
        .prefetch_related("indicators", Prefetch("supporting_items", queryset=serving))
        .order_by("order", "pk")
    )
