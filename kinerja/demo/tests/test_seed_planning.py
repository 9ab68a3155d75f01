"""seed_demo's planning data: two years, goals per OPD, SKPs in every state, cascaded and consistent."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind
from kinerja.organization.models import Assignment, OrgUnit
from kinerja.planning.choices import WORK_PLAN_TRANSITIONS, FormVariant, ItemKind, WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    OrganizationGoal,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanVersion,
)
from kinerja.planning.services.content import work_plan_content

pytestmark = pytest.mark.django_db

SMALL = 120


def seed(*args: str, employees: int = SMALL, seed: int = 7) -> None:
    with translation.override("en"):
        call_command("seed_demo", "--employees", str(employees), "--seed", str(seed), *args, stdout=io.StringIO())


def employee_of(username: str):  # noqa: ANN201 - an Employee
    return User.objects.select_related("employee").get(username=username).employee


def plans_of(year: int):  # noqa: ANN201 - a WorkPlan queryset
    return WorkPlan.objects.filter(year__year=year)


def fingerprint() -> list[tuple]:
    return list(
        PlanItem.objects.order_by("work_plan__employee__nip", "work_plan__year__year", "kind", "order").values_list(
            "work_plan__employee__nip", "work_plan__year__year", "work_plan__status", "work_plan__version", "text",
            "supported_item__work_plan__employee__nip", "supported_goal__statement",
        )
    )  # fmt: skip


def test_a_closed_2025_and_an_open_2026_with_quarterly_periods_and_deadlines_still_ahead() -> None:
    seed()
    closed, current = PerformanceYear.objects.get(year=2025), PerformanceYear.objects.get(year=2026)
    assert (closed.status, current.status) == (YearStatus.CLOSED, YearStatus.OPEN)
    assert str(current.skp_draft_deadline) >= "2026-11-28"
    assert current.skp_draft_deadline <= current.skp_approval_deadline <= current.end_date
    names = set(current.periods.values_list("name", flat=True))
    assert names == {"Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Tahunan"}
    assert closed.predikat_matrix == current.predikat_matrix


def test_every_agency_has_goals_with_indicators_in_both_years() -> None:
    seed()
    agencies = OrgUnit.objects.filter(kind__in=AGENCY_KINDS)
    for year in (2025, 2026):
        goals = OrganizationGoal.objects.filter(year__year=year)
        assert set(goals.values_list("unit", flat=True)) == set(agencies.values_list("pk", flat=True))
        assert not goals.filter(indicators__isnull=True).exists()
    dinkes = OrganizationGoal.objects.filter(year__year=2026, unit__name="Dinas Kesehatan")
    health = dinkes.get(statement="Meningkatnya derajat kesehatan masyarakat")
    assert "Angka kematian ibu" in list(health.indicators.values_list("text", flat=True))


def test_every_state_of_the_skp_is_present_in_the_open_year_including_a_revision() -> None:
    seed()
    statuses = set(plans_of(2026).values_list("status", flat=True))
    assert statuses == set(WorkPlanStatus.values)
    revised = plans_of(2026).filter(status=WorkPlanStatus.APPROVED, version=2).first()
    assert revised is not None and revised.revision_reason
    assert list(revised.versions.values_list("version", flat=True)) == [1, 2]
    assert revised.versions.get(version=1).content["version"] == 1
    assert plans_of(2026).filter(status=WorkPlanStatus.DRAFT, version=2).exists()  # a revision under way
    returned = plans_of(2026).filter(status=WorkPlanStatus.RETURNED)
    assert all(plan.return_note for plan in returned)
    assert set(plans_of(2025).values_list("status", flat=True)) == {WorkPlanStatus.APPROVED}


def test_each_main_rhk_supports_an_rhk_of_the_penilai_skp_or_a_goal_of_the_head_agency() -> None:
    seed()
    items = PlanItem.objects.filter(kind=ItemKind.MAIN).select_related(
        "work_plan__position__unit", "supported_item__work_plan", "supported_goal"
    )
    heads = 0
    for item in items:
        plan = item.work_plan
        if plan.form_variant == FormVariant.JPT and plan.position.is_unit_head and plan.unit.is_agency:
            heads += 1
            assert item.supported_goal is not None and item.supported_goal.unit_id == plan.unit_id
            assert item.supported_goal.year_id == plan.year_id
        else:
            assert item.supported_item is not None, item.text
            assert item.supported_item.work_plan.employee_id == plan.penilai_id
            assert item.supported_item.work_plan.year_id == plan.year_id
    assert heads > 0
    assert not PlanItem.objects.filter(indicators__isnull=True).exists()
    assert BehaviourExpectation.objects.count() == 7 * WorkPlan.objects.count()


def test_the_snapshot_names_the_penilai_that_the_organisation_gives_on_the_start_date() -> None:
    seed()
    for plan in plans_of(2026).select_related("employee", "penilai"):
        situation = org_selectors.situation_on(plan.employee, plan.start_date)
        assert plan.position_id == situation.position.pk
        expected = situation.pejabat_penilai.employee if situation.pejabat_penilai else None
        assert plan.penilai == expected
        assert plan.snapshot["pegawai"]["nip"] == plan.employee.nip_display
        if expected is not None:
            assert plan.snapshot["penilai"]["name"] == expected.full_name


def test_each_workflow_step_is_recorded_and_ends_in_the_current_status() -> None:
    seed()
    for plan in WorkPlan.objects.prefetch_related("events", "versions"):
        events = list(plan.events.all())
        state = WorkPlanStatus.DRAFT
        for event in events:
            assert event.from_status == state and event.to_status in WORK_PLAN_TRANSITIONS[state]
            state = event.to_status
        assert state == plan.status
        assert max([1] + [e.version for e in events]) == plan.version
        approvals = [e.version for e in events if e.to_status == WorkPlanStatus.APPROVED]
        assert [v.version for v in plan.versions.all()] == approvals
        assert [e.created_at for e in events] == sorted(e.created_at for e in events)


def test_the_approved_version_holds_exactly_what_work_plan_content_gives() -> None:
    seed()
    for plan in plans_of(2026).filter(status=WorkPlanStatus.APPROVED)[:40]:
        assert WorkPlanVersion.objects.get(work_plan=plan, version=plan.version).content == work_plan_content(plan)


def test_penilai_has_an_approved_skp_and_distributed_rhk_to_pegawai_who_has_not_started() -> None:
    seed()
    pegawai, penilai = employee_of("pegawai"), employee_of("penilai")
    own = plans_of(2026).get(employee=penilai)
    assert own.status == WorkPlanStatus.APPROVED
    handed = ResultDistribution.objects.filter(employee=pegawai, item__work_plan=own)
    assert handed.count() >= 1 and all(d.suggested_text for d in handed)
    assert not plans_of(2026).filter(employee=pegawai).exists()
    assert plans_of(2025).get(employee=pegawai).status == WorkPlanStatus.APPROVED  # "start from last year"
    team = set(org_selectors.team_members(penilai).values_list("pk", flat=True))
    assert pegawai.pk in team
    waiting = plans_of(2026).filter(penilai=penilai, status=WorkPlanStatus.SUBMITTED)
    assert waiting.exists() and set(waiting.values_list("employee", flat=True)) <= team


def test_kepala_opd_has_an_approved_skp_serving_the_goals_of_the_demo_opd() -> None:
    seed()
    plan = plans_of(2026).get(employee=employee_of("kepala.opd"))
    assert plan.status == WorkPlanStatus.APPROVED and plan.form_variant == FormVariant.JPT
    goals = OrganizationGoal.objects.filter(year=plan.year, unit__name="Dinas Kesehatan")
    assert set(plan.items.values_list("supported_goal", flat=True)) == set(goals.values_list("pk", flat=True))
    mortality = plan.items.get(supported_goal__statement="Meningkatnya derajat kesehatan masyarakat")
    assert mortality.indicators.get(text="Angka kematian ibu").lower_is_better


def test_every_distribution_goes_to_a_subordinate_of_the_rhk_owner() -> None:
    seed()
    for d in ResultDistribution.objects.select_related("item__work_plan__year", "employee"):
        owner_plan = d.item.work_plan
        started = Assignment.objects.filter(employee=d.employee, kind=AssignmentKind.DEFINITIVE).get().start_date
        situation = org_selectors.situation_on(d.employee, max(owner_plan.start_date, started))
        assert situation.pejabat_penilai.employee.pk == owner_plan.employee_id


def test_same_seed_gives_the_same_skps_and_another_seed_does_not() -> None:
    seed()
    first = fingerprint()
    seed("--reset")
    assert fingerprint() == first
    seed("--reset", seed=8)
    assert fingerprint() != first


def test_reset_removes_the_planning_data_with_the_city() -> None:
    seed()
    counts = Counter(WorkPlan.objects.values_list("year__year", flat=True))
    assert counts[2025] == SMALL
    seed("--reset", seed=3)
    assert PerformanceYear.objects.count() == 2
    assert WorkPlan.objects.filter(year__year=2025).count() == SMALL


def test_pegawai_starts_the_2026_skp_from_what_penilai_distributed_through_the_service() -> None:
    from kinerja.planning import services

    seed()
    user = User.objects.get(username="pegawai")
    year = PerformanceYear.objects.get(year=2026)
    plan = services.work_plan_start(actor=user, employee=user.employee, year=year, source="distribution")
    handed = ResultDistribution.objects.filter(employee=user.employee, item__work_plan__year=year)
    assert plan.penilai == employee_of("penilai")
    assert set(plan.items.values_list("supported_item", flat=True)) == set(handed.values_list("item", flat=True))


def test_shared_templates_for_pelaksana_carry_rhk_with_numeric_targets() -> None:
    from kinerja.planning.models import WorkPlanTemplate

    seed()
    template = WorkPlanTemplate.objects.get(name="Pengadministrasi Perkantoran")
    indicator = template.items[0]["indicators"][0]
    assert float(indicator["target_min"]) > 0 and indicator["target_unit"]
