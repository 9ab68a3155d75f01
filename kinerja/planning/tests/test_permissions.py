"""Who sees, edits and approves whose SKP: the planning access rules asked of the whole cast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja.accounts.tests.factories import UserFactory
from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment, Employee, Position
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning import permissions, rules
from kinerja.planning.choices import Aspect, FormVariant, WorkPlanStatus, YearStatus
from kinerja.planning.models import Indicator, OrganizationGoal, PerformanceYear, PlanItem, WorkPlan

YEAR = 2025
NOBODY: frozenset[str] = frozenset()
OPD_A = frozenset({"staff", "colleague", "supervisor", "opd_head", "admin_opd"})
OPD_B = frozenset({"other_staff", "other_head"})
WITH_PLAN = OPD_A | OPD_B
CITY_WIDE = frozenset({"admin_bkpsdm", "auditor", "leader"})


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    EmployeeFactory.reset_sequence()


def make_year(year: int = YEAR, status: str = YearStatus.OPEN) -> PerformanceYear:
    return PerformanceYear.objects.create(
        year=year,
        start_date=dt.date(year, 1, 1),
        end_date=dt.date(year, 12, 31),
        period_type="quarterly",
        status=status,
        skp_draft_deadline=dt.date(year, 1, 31),
        skp_approval_deadline=dt.date(year, 2, 15),
        predikat_matrix=rules.PREDIKAT_MATRIX,
        distribution_rules=rules.DISTRIBUTION_RULES,
    )


def make_plan(
    employee: Employee,
    position: Position,
    year: PerformanceYear,
    *,
    penilai: Employee | None = None,
    penilai_position: Position | None = None,
    atasan: Employee | None = None,
    status: str = WorkPlanStatus.DRAFT,
    version: int = 1,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
) -> WorkPlan:
    return WorkPlan.objects.create(
        employee=employee,
        year=year,
        start_date=start_date or year.start_date,
        end_date=end_date or year.end_date,
        form_variant=FormVariant.ADMIN_FUNCTIONAL,
        position=position,
        unit=position.unit,
        penilai=penilai,
        penilai_position=penilai_position,
        atasan_penilai=atasan,
        status=status,
        version=version,
    )


def _post(cast: Cast, name: str) -> Position:
    return Assignment.objects.get(employee=cast.employee(name)).position


def plans_of_cast(cast: Cast, year: PerformanceYear) -> dict[str, WorkPlan]:
    """One SKP for every cast member with a post, with the penilai the tree gives them."""
    e, p = cast.employee, cast.positions
    lines = {
        "staff": ("supervisor", "kabid", "opd_head"),
        "colleague": ("supervisor", "kabid", "opd_head"),
        "supervisor": ("opd_head", "head_a", None),
        "admin_opd": ("opd_head", "head_a", None),
        "opd_head": (None, None, None),
        "other_staff": ("other_head", "head_b", None),
        "other_head": (None, None, None),
    }
    plans = {}
    for name, (penilai, penilai_position, atasan) in lines.items():
        plans[name] = make_plan(
            e(name),
            _post(cast, name),
            year,
            penilai=e(penilai) if penilai else None,
            penilai_position=p[penilai_position] if penilai_position else None,
            atasan=e(atasan) if atasan else None,
        )
    return plans


@pytest.fixture
def year(db: None) -> PerformanceYear:
    return make_year()


@pytest.fixture
def plans(cast: Cast, year: PerformanceYear) -> dict[str, WorkPlan]:
    return plans_of_cast(cast, year)


# --- Visibility ----------------------------------------------------------------------

VISIBLE = {
    "staff": {"staff"},
    "colleague": {"colleague"},
    "supervisor": {"supervisor", "staff", "colleague"},
    "opd_head": OPD_A,
    "admin_opd": OPD_A,
    "other_staff": {"other_staff"},
    "other_head": OPD_B,
    "admin_bkpsdm": WITH_PLAN,
    "auditor": WITH_PLAN,
    "leader": WITH_PLAN,
}


def _owners(plans: dict[str, WorkPlan], queryset: Any) -> set[str]:
    by_pk = {plan.pk: name for name, plan in plans.items()}
    return {by_pk[plan.pk] for plan in queryset}


@pytest.mark.parametrize("viewer", sorted(VISIBLE))
def test_each_cast_member_sees_exactly_the_skp_the_rules_allow(cast: Cast, plans: dict, viewer: str) -> None:
    assert _owners(plans, permissions.work_plans_visible_to(cast.user(viewer))) == VISIBLE[viewer]


@pytest.mark.parametrize("viewer", sorted(VISIBLE))
def test_an_invisible_skp_is_404_and_a_visible_one_is_returned(cast: Cast, plans: dict, viewer: str) -> None:
    user = cast.user(viewer)
    for owner, plan in plans.items():
        if owner in VISIBLE[viewer]:
            assert permissions.get_work_plan_for_user_or_404(user, plan.pk) == plan
            assert permissions.can_view_work_plan(user, plan)
        else:
            with pytest.raises(Http404):
                permissions.get_work_plan_for_user_or_404(user, plan.pk)


def test_anonymous_visitor_sees_no_skp_and_may_do_nothing(cast: Cast, plans: dict) -> None:
    anonymous = AnonymousUser()
    assert not permissions.work_plans_visible_to(anonymous).exists()
    staff_plan = plans["staff"]
    assert not permissions.can_edit_work_plan(anonymous, staff_plan)
    assert not permissions.can_approve_work_plan(anonymous, staff_plan)
    assert not permissions.can_start_work_plan(anonymous, cast.employee("staff"))
    assert not permissions.can_view_cascade(anonymous, cast.opd_a)
    assert not permissions.years_visible_to(anonymous).exists()


def test_visibility_is_one_query_whatever_the_number_of_skp(
    cast: Cast, plans: dict, year: PerformanceYear, django_assert_num_queries: Any
) -> None:
    user = cast.user("opd_head")
    permissions.work_plans_visible_to(user)  # the actor is computed once per request
    with django_assert_num_queries(1):
        small = len(permissions.work_plans_visible_to(user))
    for n in range(5):
        person = EmployeeFactory(name=f"Extra {n}")
        post = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(employee=person, position=post)
        make_plan(person, post, year)
    with django_assert_num_queries(1):
        large = len(permissions.work_plans_visible_to(user))
    assert large == small + 5


def test_the_next_holder_of_a_position_does_not_see_the_previous_holders_skp(cast: Cast, year: PerformanceYear) -> None:
    staff_position = cast.positions["staff"]
    predecessor = EmployeeFactory(name="Predecessor")
    plan = make_plan(predecessor, staff_position, year)
    assert not permissions.work_plans_visible_to(cast.user("staff")).filter(pk=plan.pk).exists()


# --- Workflow predicates, by status ----------------------------------------------------

PREDICATES: dict[str, Callable[[Any, WorkPlan], bool]] = {
    "edit": permissions.can_edit_work_plan,
    "submit": permissions.can_submit_work_plan,
    "return": permissions.can_return_work_plan,
    "approve": permissions.can_approve_work_plan,
    "revise": permissions.can_revise_work_plan,
    "expectations": permissions.can_set_expectations,
}

# Who may do what to Alice's (staff's) SKP in each status; Sam (supervisor) is her penilai.
WORKFLOW = {
    WorkPlanStatus.DRAFT: {
        "edit": {"staff"},
        "submit": {"staff"},
        "return": NOBODY,
        "approve": NOBODY,
        "revise": NOBODY,
        "expectations": {"supervisor"},
    },
    WorkPlanStatus.SUBMITTED: {
        "edit": {"supervisor"},
        "submit": NOBODY,
        "return": {"supervisor"},
        "approve": {"supervisor"},
        "revise": NOBODY,
        "expectations": {"supervisor"},
    },
    WorkPlanStatus.RETURNED: {
        "edit": {"staff"},
        "submit": {"staff"},
        "return": NOBODY,
        "approve": NOBODY,
        "revise": NOBODY,
        "expectations": {"supervisor"},
    },
    WorkPlanStatus.APPROVED: {
        "edit": NOBODY,
        "submit": NOBODY,
        "return": NOBODY,
        "approve": NOBODY,
        "revise": {"staff", "supervisor"},
        "expectations": NOBODY,
    },
}

WORKFLOW_CASES = [(status, action) for status in WORKFLOW for action in PREDICATES]


@pytest.mark.parametrize(("status", "action"), WORKFLOW_CASES)
def test_only_the_owner_and_the_penilai_act_on_an_skp_according_to_its_status(
    cast: Cast, plans: dict, status: str, action: str
) -> None:
    plan = plans["staff"]
    plan.status = status
    plan.save(update_fields=["status"])
    allowed = {name for name in sorted(EVERYONE) if PREDICATES[action](cast.user(name), plan)}
    assert allowed == WORKFLOW[status][action]


def test_opd_heads_skp_without_a_penilai_in_the_tree_is_approved_by_the_regional_leader(
    cast: Cast, plans: dict
) -> None:
    plan = plans["opd_head"]
    plan.status = WorkPlanStatus.SUBMITTED
    plan.save(update_fields=["status"])
    approvers = {name for name in sorted(EVERYONE) if permissions.can_approve_work_plan(cast.user(name), plan)}
    assert approvers == {"leader"}


def test_nobody_approves_their_own_skp_even_as_acting_holder_of_the_penilai_position(cast: Cast, plans: dict) -> None:
    # Sam is away; Alice is made Plt of his post, so the penilai position of her own SKP is now hers.
    Assignment.objects.filter(employee=cast.employee("supervisor")).update(end_date=dt.date(2024, 12, 31))
    AssignmentFactory(
        employee=cast.employee("staff"), position=cast.positions["kabid"], kind=AssignmentKind.PLT,
        start_date=dt.date(2025, 1, 1),
    )  # fmt: skip
    plan = plans["staff"]
    plan.status = WorkPlanStatus.SUBMITTED
    plan.save(update_fields=["status"])
    assert not permissions.can_approve_work_plan(cast.user("staff"), plan)


def test_plt_holder_may_approve_when_the_snapshot_penilai_has_left_the_position(cast: Cast, plans: dict) -> None:
    plan = plans["staff"]
    plan.status = WorkPlanStatus.SUBMITTED
    plan.save(update_fields=["status"])
    colleague = cast.user("colleague")
    acting = AssignmentFactory(
        employee=cast.employee("colleague"), position=cast.positions["kabid"], kind=AssignmentKind.PLT,
        start_date=dt.date(2025, 1, 1),
    )  # fmt: skip
    # While Sam still holds the post, a Plt beside him is not Alice's penilai.
    assert not permissions.can_approve_work_plan(colleague, plan)

    Assignment.objects.filter(employee=cast.employee("supervisor")).update(end_date=dt.date(2024, 12, 31))
    AssignmentFactory(employee=cast.employee("supervisor"), position=PositionFactory(unit=cast.opd_b))
    colleague._kinerja_actor = None  # a new request
    assert acting.position == plan.penilai_position
    assert permissions.can_approve_work_plan(colleague, plan)
    assert permissions.can_return_work_plan(colleague, plan)
    assert permissions.can_edit_work_plan(colleague, plan)
    # The snapshot penilai keeps the right the contract gives them.
    assert permissions.can_approve_work_plan(cast.user("supervisor"), plan)


def test_plh_holder_of_a_vacated_penilai_position_may_approve(cast: Cast, plans: dict) -> None:
    plan = plans["staff"]
    plan.status = WorkPlanStatus.SUBMITTED
    plan.save(update_fields=["status"])
    Assignment.objects.filter(employee=cast.employee("supervisor")).update(end_date=dt.date(2024, 12, 31))
    AssignmentFactory(
        employee=cast.employee("admin_opd"), position=cast.positions["kabid"], kind=AssignmentKind.PLH,
        start_date=dt.date(2025, 1, 1),
    )  # fmt: skip
    assert permissions.can_approve_work_plan(cast.user("admin_opd"), plan)
    assert not permissions.can_approve_work_plan(cast.user("opd_head"), plan)


def test_only_the_owner_distributes_the_rhk_of_their_skp(cast: Cast, plans: dict) -> None:
    item = PlanItem.objects.create(work_plan=plans["supervisor"], text="Laporan bidang tersusun")
    allowed = {name for name in sorted(EVERYONE) if permissions.can_distribute_item(cast.user(name), item)}
    assert allowed == {"supervisor"}


# --- Starting, goals, years, cascade, late list -----------------------------------------


@pytest.mark.parametrize(
    ("employee", "allowed"),
    [
        ("staff", {"staff", "admin_opd", "admin_bkpsdm"}),
        ("opd_head", {"opd_head", "admin_opd", "admin_bkpsdm"}),
        ("other_staff", {"other_staff", "admin_bkpsdm"}),
    ],
)
def test_an_skp_is_started_by_the_employee_or_an_admin_in_scope(cast: Cast, employee: str, allowed: set) -> None:
    target = cast.employee(employee)
    starters = {name for name in sorted(EVERYONE) if permissions.can_start_work_plan(cast.user(name), target)}
    assert starters == allowed


def test_only_bkpsdm_starts_an_skp_for_someone_without_a_post(cast: Cast) -> None:
    unplaced = EmployeeFactory(name="Between Posts")
    starters = {name for name in sorted(EVERYONE) if permissions.can_start_work_plan(cast.user(name), unplaced)}
    assert starters == {"admin_bkpsdm"}


@pytest.mark.parametrize(
    ("unit", "allowed"),
    [
        ("opd_a", {"opd_head", "admin_opd", "admin_bkpsdm"}),
        ("bidang_a1", {"opd_head", "admin_opd", "admin_bkpsdm"}),
        ("opd_b", {"other_head", "admin_bkpsdm"}),
    ],
)
def test_goals_of_an_agency_are_managed_by_its_head_and_the_admins(cast: Cast, unit: str, allowed: set) -> None:
    target = getattr(cast, unit)
    managers = {name for name in sorted(EVERYONE) if permissions.can_manage_goals(cast.user(name), target)}
    assert managers == allowed


def test_only_admin_bkpsdm_manages_performance_years(cast: Cast) -> None:
    assert {name for name in sorted(EVERYONE) if permissions.can_manage_years(cast.user(name))} == {"admin_bkpsdm"}


def test_a_year_being_prepared_is_visible_only_to_bkpsdm(cast: Cast, year: PerformanceYear) -> None:
    draft = make_year(YEAR + 1, status=YearStatus.DRAFT)
    for name in sorted(EVERYONE):
        visible = set(permissions.years_visible_to(cast.user(name)))
        assert (draft in visible) == (name == "admin_bkpsdm")
        assert year in visible
    assert permissions.get_year_or_404(cast.user("staff"), year=YEAR) == year
    assert permissions.get_year_or_404(cast.user("admin_bkpsdm"), draft.pk) == draft
    with pytest.raises(Http404):
        permissions.get_year_or_404(cast.user("staff"), draft.pk)


@pytest.mark.parametrize(
    ("unit", "allowed"),
    [
        ("opd_a", OPD_A | CITY_WIDE),
        ("bidang_a1", OPD_A | CITY_WIDE),
        ("opd_b", OPD_B | CITY_WIDE),
    ],
)
def test_the_cascade_is_seen_by_the_agencys_members_superiors_and_scoped_roles(
    cast: Cast, unit: str, allowed: frozenset
) -> None:
    target = getattr(cast, unit)
    viewers = {name for name in sorted(EVERYONE) if permissions.can_view_cascade(cast.user(name), target)}
    assert viewers == allowed


def test_a_superior_outside_the_agency_sees_its_cascade(cast: Cast) -> None:
    sekda_post = PositionFactory(name="Sekretaris Daerah", unit=cast.root, is_unit_head=True)
    cast.positions["head_a"].reports_to = sekda_post
    cast.positions["head_a"].save()
    for position in Position.objects.filter(path__startswith=cast.positions["head_a"].path).order_by("path"):
        position.path = position.compute_path()
        position.save(update_fields=["path"])
    sekda = AssignmentFactory(position=sekda_post).employee
    user = UserFactory(employee=sekda)
    assert permissions.can_view_cascade(user, cast.opd_a)
    assert not permissions.can_view_cascade(user, cast.opd_b)


def test_the_late_list_is_for_admins_leaders_and_auditors_within_their_scope(cast: Cast) -> None:
    viewers = {name for name in sorted(EVERYONE) if permissions.can_view_late_list(cast.user(name))}
    assert viewers == {"admin_opd", "admin_bkpsdm", "auditor", "leader"}
    assert permissions.late_list_scopes(cast.user("admin_opd")) == [cast.opd_a]
    assert permissions.late_list_scopes(cast.user("staff")) == []


# --- Parts of an SKP --------------------------------------------------------------------


def test_items_and_indicators_are_fetched_only_through_a_visible_skp(cast: Cast, plans: dict) -> None:
    item = PlanItem.objects.create(work_plan=plans["staff"], text="Dokumen analisis tersusun")
    indicator = Indicator.objects.create(item=item, aspect=Aspect.QUANTITY, text="Jumlah dokumen", target_unit="dok")
    for name in sorted(EVERYONE):
        user = cast.user(name)
        if "staff" in VISIBLE[name]:
            assert permissions.get_plan_item_for_user_or_404(user, item.pk) == item
            assert permissions.get_indicator_for_user_or_404(user, indicator.pk) == indicator
        else:
            with pytest.raises(Http404):
                permissions.get_plan_item_for_user_or_404(user, item.pk)
            with pytest.raises(Http404):
                permissions.get_indicator_for_user_or_404(user, indicator.pk)


def test_organisation_goals_are_readable_by_every_logged_in_user(cast: Cast, year: PerformanceYear) -> None:
    goal = OrganizationGoal.objects.create(year=year, unit=cast.opd_a, statement="Meningkatnya mutu layanan")
    for name in sorted(EVERYONE):
        assert permissions.get_goal_for_user_or_404(cast.user(name), goal.pk) == goal
    with pytest.raises(Http404):
        permissions.get_goal_for_user_or_404(AnonymousUser(), goal.pk)
    with pytest.raises(Http404):
        permissions.get_goal_for_user_or_404(cast.user("staff"), "not-a-number")
