"""The cascade of an agency: from each organisation goal down to every RHK that serves it, person by person.

PermenPANRB 6/2022 and regulation.md §4.3: RPJMD → Renstra → Perjanjian Kinerja → SKP JPT → SKP JA/JF,
each RHK intervening the RHK of the penilai (the OPD head's intervene the goals). Built from a constant
number of queries (goals, their indicators, the plans of the unit, their RHK, the RHK's indicators, the
positions that have subordinates) and assembled in Python, so an OPD of 2,000 people costs the same
queries as one of 20.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import OrgUnit, Position
from kinerja.planning.choices import ItemKind
from kinerja.planning.models import OrganizationGoal, PerformanceYear, PlanItem, WorkPlan


@dataclass
class CascadeNode:
    """One RHK in the tree, with the RHK of the people who carry it below."""

    item: PlanItem
    children: list[CascadeNode] = field(default_factory=list)
    # A main RHK that names neither a supervisor's RHK nor a goal: it intervenes nothing.
    supports_nothing: bool = False
    # A main RHK of someone with subordinates that no subordinate's RHK supports.
    not_carried: bool = False

    @property
    def work_plan(self) -> WorkPlan:
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
    """The cascade of ``unit`` in ``year``: goals as roots, plus the RHK that hang from nothing in the unit."""

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
    plans: list[WorkPlan]

    def nodes(self) -> list[CascadeNode]:
        roots = [child for goal in self.goals for child in goal.children] + self.unlinked + self.outside
        roots += self.additional
        return [node for root in roots for node in root.walk()]

    @property
    def unlinked_items(self) -> list[PlanItem]:
        return [node.item for node in self.nodes() if node.supports_nothing]

    @property
    def uncarried_items(self) -> list[PlanItem]:
        return [node.item for node in self.nodes() if node.not_carried]

    @property
    def unserved_goals(self) -> list[OrganizationGoal]:
        return [goal.goal for goal in self.goals if goal.unserved]

    @property
    def flag_count(self) -> int:
        return len(self.unlinked_items) + len(self.uncarried_items) + len(self.unserved_goals)


def _positions_with_subordinates(position_ids: set[int]) -> set[int]:
    return set(
        Position.objects.filter(reports_to_id__in=position_ids, is_active=True)
        .values_list("reports_to_id", flat=True)
        .distinct()
    )


def cascade(unit: OrgUnit, year: PerformanceYear) -> CascadeTree:
    """The cascade tree of an agency (or of a part of one) for a year, with its three kinds of flags."""
    agency = org_selectors.agency_of(unit)
    goals = list(
        OrganizationGoal.objects.filter(year=year, unit=agency).prefetch_related("indicators").order_by("order", "pk")
    )
    plans = list(
        WorkPlan.objects.filter(year=year, unit__path__startswith=unit.path)
        .select_related("employee", "position", "unit")
        .order_by("position__path", "start_date", "pk")
    )
    plans_by_id = {plan.pk: plan for plan in plans}
    items = list(
        PlanItem.objects.filter(work_plan_id__in=plans_by_id)
        .select_related("supported_item__work_plan__employee")
        .prefetch_related("indicators")
        .order_by("kind", "order", "pk")
    )
    for item in items:
        item.work_plan = plans_by_id[item.work_plan_id]
    supervisors = _positions_with_subordinates({plan.position_id for plan in plans})

    nodes = {item.pk: CascadeNode(item=item) for item in items}
    children_of_item: dict[int, list[CascadeNode]] = {}
    children_of_goal: dict[int, list[CascadeNode]] = {}
    unlinked: list[CascadeNode] = []
    outside: list[CascadeNode] = []
    additional: list[CascadeNode] = []
    goal_ids = {goal.pk for goal in goals}
    for item in sorted(items, key=lambda i: (i.work_plan.position.path, i.kind, i.order, i.pk)):
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


def goals_of(unit: OrgUnit, year: PerformanceYear) -> list[OrganizationGoal]:
    """The agency's Perjanjian Kinerja for the year with indicators and the RHK that serve each goal."""
    serving = PlanItem.objects.select_related("work_plan__employee")
    return list(
        OrganizationGoal.objects.filter(year=year, unit=org_selectors.agency_of(unit))
        .prefetch_related("indicators", Prefetch("supporting_items", queryset=serving))
        .order_by("order", "pk")
    )
