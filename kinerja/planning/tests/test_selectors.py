"""Reads of planning: the review queue, the cascade and its flags, completion, the late list, query counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import Cast
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning import selectors
from kinerja.planning.choices import Aspect, ItemKind, WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    BehaviourValue,
    Indicator,
    OrganizationGoal,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
)
from kinerja.planning.selectors.cascade import cascade_outline
from kinerja.planning.tests.test_permissions import YEAR, make_plan, make_year, plans_of_cast


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    EmployeeFactory.reset_sequence()


@pytest.fixture
def year(db: None) -> PerformanceYear:
    return make_year()


@pytest.fixture
def plans(cast: Cast, year: PerformanceYear) -> dict[str, WorkPlan]:
    return plans_of_cast(cast, year)


def _set_status(plan: WorkPlan, status: str, version: int = 1) -> WorkPlan:
    plan.status = status
    plan.version = version
    plan.save(update_fields=["status", "version"])
    return plan


def _item(plan: WorkPlan, text: str, *, supports: PlanItem | None = None, goal: Any = None, **kw: Any) -> PlanItem:
    item = PlanItem.objects.create(work_plan=plan, text=text, supported_item=supports, supported_goal=goal, **kw)
    Indicator.objects.create(item=item, aspect=Aspect.QUANTITY, text=f"Jumlah {text}", target_min=1, target_unit="dok")
    return item


def _add_staff_with_plan(cast: Cast, year: PerformanceYear, n: int, status: str = WorkPlanStatus.DRAFT) -> list:
    """More people under Sam (kabid), each with an SKP naming Sam as penilai."""
    plans = []
    for i in range(n):
        person = EmployeeFactory(name=f"Tambahan {i}")
        post = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(employee=person, position=post)
        plan = make_plan(
            person, post, year, penilai=cast.employee("supervisor"), penilai_position=cast.positions["kabid"],
            atasan=cast.employee("opd_head"), status=status,
        )  # fmt: skip
        plans.append(plan)
    return plans


# --- Years and one person's SKP ----------------------------------------------------------


def test_current_year_is_the_open_year_containing_today_else_the_latest_open_one(db: None) -> None:
    today = dt.date.today()
    assert selectors.current_year() is None
    make_year(today.year - 1, status=YearStatus.CLOSED)
    make_year(today.year + 1, status=YearStatus.DRAFT)
    assert selectors.current_year().year == today.year - 1
    this_year = make_year(today.year, status=YearStatus.OPEN)
    assert selectors.current_year() == this_year


def test_current_work_plan_is_the_one_covering_the_day_after_a_transfer(cast: Cast, year: PerformanceYear) -> None:
    alice = cast.employee("staff")
    first = make_plan(alice, cast.positions["staff"], year, end_date=dt.date(YEAR, 6, 30))
    second = make_plan(alice, cast.positions["staff_b"], year, start_date=dt.date(YEAR, 7, 1))
    assert selectors.current_work_plan(alice, dt.date(YEAR, 3, 1)) == first
    assert selectors.current_work_plan(alice, dt.date(YEAR, 9, 1)) == second
    assert list(selectors.work_plans_of(alice)) == [second, first]
    assert selectors.current_work_plan(alice, dt.date(YEAR + 1, 1, 5)) is None


# --- Review queue ------------------------------------------------------------------------


def test_review_queue_holds_the_submitted_skp_of_the_penilais_team_only(cast: Cast, plans: dict) -> None:
    _set_status(plans["staff"], WorkPlanStatus.SUBMITTED)
    _set_status(plans["colleague"], WorkPlanStatus.RETURNED)
    _set_status(plans["supervisor"], WorkPlanStatus.SUBMITTED)
    _set_status(plans["other_staff"], WorkPlanStatus.SUBMITTED)
    assert list(selectors.review_queue(cast.employee("supervisor"))) == [plans["staff"]]
    assert list(selectors.review_queue(cast.employee("opd_head"))) == [plans["supervisor"]]
    assert list(selectors.review_queue(cast.employee("other_head"))) == [plans["other_staff"]]
    assert not selectors.review_queue(cast.employee("staff")).exists()


def test_review_queue_passes_to_the_plt_once_the_snapshot_penilai_left(cast: Cast, plans: dict) -> None:
    _set_status(plans["staff"], WorkPlanStatus.SUBMITTED)
    carol = cast.employee("colleague")
    AssignmentFactory(employee=carol, position=cast.positions["kabid"], kind=AssignmentKind.PLT)
    assert not selectors.review_queue(carol).exists()
    Assignment.objects.filter(employee=cast.employee("supervisor")).update(end_date=dt.date(2024, 12, 31))
    assert list(selectors.review_queue(carol)) == [plans["staff"]]
    # The snapshot penilai still finds it (the contract lets them act).
    assert list(selectors.review_queue(cast.employee("supervisor"))) == [plans["staff"]]


def test_review_queue_of_the_regional_leader_holds_skp_with_no_superior_in_the_tree(cast: Cast, plans: dict) -> None:
    _set_status(plans["opd_head"], WorkPlanStatus.SUBMITTED)
    _set_status(plans["other_head"], WorkPlanStatus.DRAFT)
    assert list(selectors.review_queue(cast.user("leader"))) == [plans["opd_head"]]
    assert list(selectors.review_queue(cast.employee("leader"))) == [plans["opd_head"]]
    assert not selectors.review_queue(cast.user("admin_bkpsdm")).exists()


def test_review_queue_costs_the_same_queries_for_a_team_of_two_or_of_fifteen(
    cast: Cast, plans: dict, year: PerformanceYear
) -> None:
    sam = cast.employee("supervisor")
    _add_staff_with_plan(cast, year, 2, WorkPlanStatus.SUBMITTED)
    with CaptureQueriesContext(connection) as small:
        rows = [(p.employee.name, p.position.name, p.unit.name, p.year.year) for p in selectors.review_queue(sam)]
    assert len(rows) == 2
    _add_staff_with_plan(cast, year, 13, WorkPlanStatus.SUBMITTED)
    with CaptureQueriesContext(connection) as large:
        rows = [(p.employee.name, p.position.name, p.unit.name, p.year.year) for p in selectors.review_queue(sam)]
    assert len(rows) == 15
    assert len(large.captured_queries) == len(small.captured_queries)


# --- Detail and matriks peran hasil -------------------------------------------------------


def _fill_detail(plan: WorkPlan, supports: PlanItem, n_items: int) -> None:
    for i in range(n_items):
        _item(plan, f"RHK {i}", supports=supports)
    for value in BehaviourValue.objects.all():
        BehaviourExpectation.objects.get_or_create(work_plan=plan, value=value)
    WorkPlanEvent.objects.create(work_plan=plan, version=plan.version, from_status="draft", to_status="submitted")


def _read_detail(plan: WorkPlan) -> list[str]:
    seen = [plan.employee.rank.code, plan.penilai.name, plan.position.name]
    for item in plan.items.all():
        seen.append(item.supported_item.work_plan.employee.name if item.supported_item else "")
        seen.extend(indicator.text for indicator in item.indicators.all())
    for expectation in plan.behaviour_expectations.all():
        seen.extend(indicator.text for indicator in expectation.value.indicators.all())
    seen.extend(str(event.actor) for event in plan.events.all())
    return seen


def test_work_plan_detail_reads_a_whole_skp_in_a_fixed_number_of_queries(cast: Cast, plans: dict) -> None:
    upper = _item(plans["supervisor"], "Laporan bidang")
    _fill_detail(plans["staff"], upper, 2)
    _fill_detail(plans["colleague"], upper, 8)
    with CaptureQueriesContext(connection) as small:
        small_read = _read_detail(selectors.work_plan_detail(plans["staff"].pk))
    with CaptureQueriesContext(connection) as large:
        _read_detail(selectors.work_plan_detail(WorkPlan.objects.all()).get(pk=plans["colleague"].pk))
    assert len(large.captured_queries) == len(small.captured_queries)
    assert small_read.count("Sam") == 3  # penilai, and the owner of the RHK both items support
    fetched = WorkPlan.objects.get(pk=plans["staff"].pk)
    assert selectors.work_plan_detail(fetched) is fetched
    assert len(fetched.behaviour_expectations.all()) == 7


def test_distributions_show_what_was_handed_down_and_whether_it_was_taken(cast: Cast, plans: dict) -> None:
    report = _item(plans["supervisor"], "Laporan bidang")
    survey = _item(plans["supervisor"], "Survei kepuasan")
    for item in (report, survey):
        ResultDistribution.objects.create(item=item, employee=cast.employee("staff"))
    ResultDistribution.objects.create(item=report, employee=cast.employee("colleague"))
    _item(plans["staff"], "Bahan laporan bidang", supports=report)

    year = plans["staff"].year
    handed = {d.item.text: d.is_taken for d in selectors.distributions_for(cast.employee("staff"), year)}
    assert handed == {"Laporan bidang": True, "Survei kepuasan": False}

    items = list(selectors.distributable_items(cast.employee("supervisor"), year))
    assert [item.text for item in items] == ["Laporan bidang", "Survei kepuasan"]
    assert [d.employee.name for d in items[0].distributions.all()] == ["Alice", "Carol"]
    assert [i.work_plan.employee.name for i in items[0].supporting_items.all()] == ["Alice"]


# --- Cascade -------------------------------------------------------------------------------


@pytest.fixture
def cascaded(cast: Cast, plans: dict, year: PerformanceYear) -> dict[str, Any]:
    """Goal G1 served by Hana's H1, carried by Sam's S1 (carried by Alice and Carol) and S2 (carried by nobody);
    Hana's H2 intervenes nothing; goal G2 is served by nobody; Alice has a stand-alone tambahan RHK."""
    g1 = OrganizationGoal.objects.create(year=year, unit=cast.opd_a, statement="G1", order=1)
    g2 = OrganizationGoal.objects.create(year=year, unit=cast.opd_a, statement="G2", order=2)
    h1 = _item(plans["opd_head"], "H1", goal=g1)
    h2 = _item(plans["opd_head"], "H2")
    s1 = _item(plans["supervisor"], "S1", supports=h1)
    s2 = _item(plans["supervisor"], "S2", supports=h1)
    a1 = _item(plans["staff"], "A1", supports=s1)
    c1 = _item(plans["colleague"], "C1", supports=s1)
    extra = _item(plans["staff"], "A-tambahan", kind=ItemKind.ADDITIONAL)
    return {"g1": g1, "g2": g2, "h1": h1, "h2": h2, "s1": s1, "s2": s2, "a1": a1, "c1": c1, "extra": extra}


def _texts(nodes: list) -> list[str]:
    return [node.item.text for node in nodes]


def test_cascade_hangs_every_rhk_under_the_goal_it_serves_person_by_person(
    cast: Cast, year: PerformanceYear, cascaded: dict
) -> None:
    tree = selectors.cascade(cast.opd_a, year)
    assert [goal.goal.statement for goal in tree.goals] == ["G1", "G2"]
    (h1,) = tree.goals[0].children
    assert h1.item.text == "H1" and h1.work_plan.employee.name == "Hana"
    assert _texts(h1.children) == ["S1", "S2"]
    assert _texts(h1.children[0].children) == ["A1", "C1"]
    assert {node.work_plan.employee.name for node in h1.children[0].children} == {"Alice", "Carol"}
    assert _texts(tree.unlinked) == ["H2"]
    assert _texts(tree.additional) == ["A-tambahan"]
    assert tree.outside == []


def test_cascade_flags_rhk_serving_nothing_rhk_nobody_carries_and_goals_nobody_serves(
    cast: Cast, year: PerformanceYear, cascaded: dict
) -> None:
    tree = selectors.cascade(cast.opd_a, year)
    assert tree.unlinked_items == [cascaded["h2"]]
    # H2 is Hana's and serves nothing; being a supervisor's RHK with no one under it, it is also not carried.
    assert sorted(item.text for item in tree.uncarried_items) == ["H2", "S2"]
    assert tree.unserved_goals == [cascaded["g2"]]
    assert tree.flag_count == 4
    # Staff RHK are never "not carried" (nobody reports to them), and a tambahan RHK may stand alone.
    flagged = {node.item.text for node in tree.nodes() if node.flagged}
    assert flagged == {"H2", "S2"}


def test_cascade_of_a_division_lists_rhk_serving_the_rest_of_the_agency_as_outside(
    cast: Cast, year: PerformanceYear, cascaded: dict
) -> None:
    tree = selectors.cascade(cast.bidang_a1, year)
    assert tree.agency == cast.opd_a
    assert _texts(tree.outside) == ["S1", "S2"]
    assert _texts(tree.outside[0].children) == ["A1", "C1"]
    assert all(goal.unserved for goal in tree.goals)


def test_cascade_is_built_from_the_same_number_of_queries_for_a_bigger_agency(
    cast: Cast, year: PerformanceYear, cascaded: dict
) -> None:
    def walk() -> int:
        tree = selectors.cascade(cast.opd_a, year)
        return sum(len(node.item.indicators.all()) + len(node.work_plan.employee.name) for node in tree.nodes())

    with CaptureQueriesContext(connection) as small:
        walk()
    for plan in _add_staff_with_plan(cast, year, 10):
        _item(plan, f"RHK {plan.employee.name}", supports=cascaded["s2"])
    with CaptureQueriesContext(connection) as large:
        walk()
    assert len(large.captured_queries) == len(small.captured_queries) <= 8
    assert cascaded["s2"] not in selectors.cascade(cast.opd_a, year).uncarried_items


def test_cascade_for_a_year_without_goals_or_skp_is_empty(cast: Cast) -> None:
    tree = selectors.cascade(cast.opd_b, make_year(YEAR + 1))
    assert tree.goals == [] and tree.nodes() == [] and tree.flag_count == 0


def _shape(nodes: list) -> list:
    return [
        (n.item.pk, n.item.text, n.work_plan.employee.full_name, n.supports_nothing, n.not_carried, _shape(n.children))
        for n in nodes
    ]


def test_cascade_outline_for_the_page_holds_the_same_tree_and_flags_in_constant_queries(
    cast: Cast, year: PerformanceYear, plans: dict, cascaded: dict
) -> None:
    for unit in (cast.opd_a, cast.bidang_a1):
        full, outline = selectors.cascade(unit, year), cascade_outline(unit, year)
        assert [(g.goal, _shape(g.children)) for g in outline.goals] == [
            (g.goal, _shape(g.children)) for g in full.goals
        ]
        for section in ("unlinked", "outside", "additional"):
            assert _shape(getattr(outline, section)) == _shape(getattr(full, section))
        assert [i.pk for i in outline.uncarried_items] == [i.pk for i in full.uncarried_items]
    tree = cascade_outline(cast.opd_a, year)
    assert [item.pk for item in tree.unlinked_items] == [cascaded["h2"].pk]
    assert tree.unserved_goals == [cascaded["g2"]] and tree.flag_count == 4
    h1 = tree.goals[0].children[0]
    head_plan = plans["opd_head"]
    assert (h1.work_plan.position.name, h1.work_plan.get_status_display()) == (
        head_plan.position.name,
        head_plan.get_status_display(),
    )

    def walk() -> int:
        tree = cascade_outline(cast.opd_a, year)
        return sum(len(node.work_plan.employee.full_name + node.work_plan.position.name) for node in tree.nodes())

    with CaptureQueriesContext(connection) as small:
        walk()
    for plan in _add_staff_with_plan(cast, year, 10):
        _item(plan, f"RHK {plan.employee.name}", supports=cascaded["s2"])
    with CaptureQueriesContext(connection) as large:
        walk()
    assert len(large.captured_queries) == len(small.captured_queries) <= 7


# --- Completion and late list -----------------------------------------------------------------


def test_completion_per_unit_counts_each_person_once_by_the_status_of_their_latest_skp(
    cast: Cast, plans: dict, year: PerformanceYear
) -> None:
    _set_status(plans["opd_head"], WorkPlanStatus.APPROVED)
    _set_status(plans["supervisor"], WorkPlanStatus.APPROVED)
    _set_status(plans["staff"], WorkPlanStatus.SUBMITTED)
    _set_status(plans["colleague"], WorkPlanStatus.RETURNED)
    plans["admin_opd"].delete()
    completion = selectors.completion_per_unit(cast.opd_a, year)
    by_unit = {row.unit.name: row for row in completion.rows}
    assert set(by_unit) == {"Dinas A", "Bidang A1"}
    dinas, bidang = by_unit["Dinas A"], by_unit["Bidang A1"]
    assert (dinas.people, dinas.approved, dinas.not_started) == (2, 1, 1)
    assert (bidang.approved, bidang.submitted, bidang.returned, bidang.draft) == (1, 1, 1, 0)
    assert completion.total.people == 5 and completion.total.approved == 2
    assert completion.total.approved_percent == 40


def test_completion_costs_two_queries_whatever_the_headcount(cast: Cast, plans: dict, year: PerformanceYear) -> None:
    with CaptureQueriesContext(connection) as small:
        selectors.completion_per_unit(cast.opd_a, year)
    _add_staff_with_plan(cast, year, 12)
    with CaptureQueriesContext(connection) as large:
        completion = selectors.completion_per_unit(cast.opd_a, year)
    assert len(small.captured_queries) == len(large.captured_queries) == 2
    assert completion.total.draft == 5 + 12


def _late(cast: Cast, year: PerformanceYear, day: dt.date, scope: Any = None) -> dict[str, str]:
    entries = selectors.late_work_plans([scope or cast.root], year, day)
    return {entry.employee.name: entry.status for entry in entries}


def test_nobody_is_late_before_the_drafting_deadline(cast: Cast, year: PerformanceYear) -> None:
    assert _late(cast, year, dt.date(YEAR, 1, 31)) == {}


def test_after_the_drafting_deadline_the_unsubmitted_and_the_unstarted_are_late(
    cast: Cast, plans: dict, year: PerformanceYear
) -> None:
    _set_status(plans["staff"], WorkPlanStatus.SUBMITTED)
    _set_status(plans["colleague"], WorkPlanStatus.RETURNED)
    _set_status(plans["supervisor"], WorkPlanStatus.APPROVED)
    _set_status(plans["opd_head"], WorkPlanStatus.DRAFT, version=2)  # a revision: not late
    plans["other_staff"].delete()
    late = _late(cast, year, dt.date(YEAR, 2, 10))
    assert late == {
        "Carol": WorkPlanStatus.RETURNED,
        "Adi": WorkPlanStatus.DRAFT,
        "Bob": selectors.NOT_STARTED,
        "Hugo": WorkPlanStatus.DRAFT,
    }
    assert _late(cast, year, dt.date(YEAR, 2, 10), scope=cast.opd_a) == {
        "Carol": WorkPlanStatus.RETURNED,
        "Adi": WorkPlanStatus.DRAFT,
    }


def test_after_the_approval_deadline_a_submitted_skp_waits_for_its_late_penilai(
    cast: Cast, plans: dict, year: PerformanceYear
) -> None:
    for plan in plans.values():
        _set_status(plan, WorkPlanStatus.APPROVED)
    _set_status(plans["staff"], WorkPlanStatus.SUBMITTED)
    entries = selectors.late_work_plans([cast.root], year, dt.date(YEAR, 2, 20))
    assert [(e.employee.name, e.waits_for_penilai, e.days_late) for e in entries] == [("Alice", True, 5)]
    assert entries[0].work_plan == plans["staff"] and entries[0].deadline == year.skp_approval_deadline


def test_late_list_costs_two_queries_whatever_the_headcount(cast: Cast, plans: dict, year: PerformanceYear) -> None:
    day = dt.date(YEAR, 3, 1)
    with CaptureQueriesContext(connection) as small:
        selectors.late_work_plans([cast.root], year, day)
    _add_staff_with_plan(cast, year, 10)
    with CaptureQueriesContext(connection) as large:
        entries = selectors.late_work_plans([cast.root], year, day)
        names = [(e.employee.name, e.unit.name, e.position.name) for e in entries]
    assert len(small.captured_queries) == len(large.captured_queries) == 2
    assert len(names) == 7 + 10


def test_cascade_of_the_planning_cast_flags_the_unserved_goal_and_the_kabids_undistributed_rhk(
    planning_cast: Any,
) -> None:
    pc = planning_cast
    tree = selectors.cascade(pc.opd_a, pc.year)
    assert tree.unserved_goals == [pc.goals[2]]
    assert [node.item for goal in tree.goals[:2] for node in goal.children] == pc.head_items
    # Alice and Carol were handed Sam's RHK but have no SKP yet: nobody carries them.
    assert sorted(item.pk for item in tree.uncarried_items) == sorted(item.pk for item in pc.kabid_items)
    assert tree.unlinked_items == []
