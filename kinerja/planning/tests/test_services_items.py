"""RHK link rules (cascade), indicator targets by approach, and their audit trail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.planning import services
from kinerja.planning.choices import Approach, Aspect, ItemKind
from kinerja.planning.models import Indicator, PlanItem, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast
from kinerja.planning.tests.factories import (
    OrganizationGoalFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fresh(pc: PlanningCast, name: str) -> User:
    return User.objects.get(pk=pc.user(name).pk)


def draft(pc: PlanningCast, name: str = "staff", approach: str = Approach.QUANTITATIVE) -> WorkPlan:
    return services.work_plan_start(actor=fresh(pc, name), employee=pc.employee(name), year=pc.year, approach=approach)


def test_a_main_rhk_supporting_the_penilais_rhk_is_added_and_audited(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    item = services.plan_item_add(
        actor=fresh(planning_cast, "staff"),
        work_plan=plan,
        kind=ItemKind.MAIN,
        text="  Tersusunnya kajian  ",
        supported_item=planning_cast.kabid_items[0],
    )
    assert (item.text, item.supported_item, item.order) == ("Tersusunnya kajian", planning_cast.kabid_items[0], 1)
    audit = AuditEvent.objects.get(verb="planning.plan_item.created")
    assert audit.subject == planning_cast.employee("staff")
    assert audit.org_unit == planning_cast.bidang_a1
    assert audit.after["supported_item"] == planning_cast.kabid_items[0].pk


def test_a_main_rhk_without_the_supervisors_rhk_is_refused_naming_supported_item(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(actor=fresh(planning_cast, "staff"), work_plan=plan, kind=ItemKind.MAIN, text="RHK")
    assert "RHK atasan yang diintervensi" in exc.value.message_dict["supported_item"][0]
    assert not plan.items.exists()
    assert not AuditEvent.objects.filter(verb="planning.plan_item.created").exists()


def test_an_rhk_of_someone_other_than_the_penilai_is_refused(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(
            actor=fresh(planning_cast, "staff"),
            work_plan=plan,
            kind=ItemKind.MAIN,
            text="RHK",
            supported_item=planning_cast.head_items[0],
        )
    assert "Sam" in exc.value.message_dict["supported_item"][0]


def test_an_rhk_of_the_penilais_skp_of_another_year_is_refused(planning_cast: PlanningCast) -> None:
    last_year = PerformanceYearFactory(year=planning_cast.year.year - 1)
    old_item = PlanItemFactory(work_plan=WorkPlanFactory(employee=planning_cast.employee("supervisor"), year=last_year))
    plan = draft(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(
            actor=fresh(planning_cast, "staff"), work_plan=plan, kind=ItemKind.MAIN, text="RHK", supported_item=old_item
        )
    assert "supported_item" in exc.value.message_dict


def test_a_tambahan_rhk_may_stand_alone(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    item = services.plan_item_add(
        actor=fresh(planning_cast, "staff"), work_plan=plan, kind=ItemKind.ADDITIONAL, text="Panitia kegiatan"
    )
    assert item.supported_item is None


def test_an_administrasi_skp_cannot_link_an_organisation_goal(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(
            actor=fresh(planning_cast, "staff"),
            work_plan=plan,
            kind=ItemKind.MAIN,
            text="RHK",
            supported_goal=planning_cast.goals[0],
        )
    assert "supported_goal" in exc.value.message_dict


def test_a_jpt_main_rhk_links_a_goal_of_its_agency(planning_cast: PlanningCast) -> None:
    hugo = planning_cast.employee("other_head")
    plan = services.work_plan_start(actor=fresh(planning_cast, "other_head"), employee=hugo, year=planning_cast.year)
    goal_b = OrganizationGoalFactory(year=planning_cast.year, unit=planning_cast.opd_b)
    item = services.plan_item_add(
        actor=fresh(planning_cast, "other_head"),
        work_plan=plan,
        kind=ItemKind.MAIN,
        text="Meningkatnya IKM Dinas B",
        supported_goal=goal_b,
        perspective="penerima_layanan",
    )
    assert item.supported_goal == goal_b
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(
            actor=fresh(planning_cast, "other_head"),
            work_plan=plan,
            kind=ItemKind.MAIN,
            text="RHK",
            supported_goal=planning_cast.goals[0],
        )
    assert "Dinas B" in exc.value.message_dict["supported_goal"][0]
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(actor=fresh(planning_cast, "other_head"), work_plan=plan, kind=ItemKind.MAIN, text="RHK")
    assert "supported_goal" in exc.value.message_dict


def test_an_rhk_cannot_support_a_goal_and_an_rhk_at_once(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.plan_item_add(
            actor=fresh(planning_cast, "staff"),
            work_plan=plan,
            kind=ItemKind.MAIN,
            text="RHK",
            supported_item=planning_cast.kabid_items[0],
            supported_goal=planning_cast.goals[0],
        )
    assert "not both" in exc.value.message_dict["supported_goal"][0]


def test_update_applies_the_link_rules_to_the_result(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    user = fresh(planning_cast, "staff")
    item = services.plan_item_add(actor=user, work_plan=plan, kind=ItemKind.ADDITIONAL, text="Tambahan")
    with pytest.raises(ValidationError) as exc:
        services.plan_item_update(actor=user, item=item, kind=ItemKind.MAIN)
    assert "supported_item" in exc.value.message_dict
    services.plan_item_update(actor=user, item=item, kind=ItemKind.MAIN, supported_item=planning_cast.kabid_items[1])
    item.refresh_from_db()
    assert (item.kind, item.supported_item) == (ItemKind.MAIN, planning_cast.kabid_items[1])
    assert AuditEvent.objects.get(verb="planning.plan_item.updated").before["kind"] == "tambahan"


def test_an_rhk_that_subordinates_intervene_cannot_be_deleted(planning_cast: PlanningCast) -> None:
    services.work_plan_revise(actor=fresh(planning_cast, "supervisor"), work_plan=planning_cast.kabid_plan, reason="x")
    draft(planning_cast)  # alice's plan supports nothing yet
    alice_plan = WorkPlan.objects.get(employee=planning_cast.employee("staff"))
    PlanItemFactory(work_plan=alice_plan, supported_item=planning_cast.kabid_items[0])
    with pytest.raises(ValidationError) as exc:
        services.plan_item_delete(actor=fresh(planning_cast, "supervisor"), item=planning_cast.kabid_items[0])
    assert "1 RHK" in exc.value.message_dict["item"][0]
    services.plan_item_delete(actor=fresh(planning_cast, "supervisor"), item=planning_cast.kabid_items[1])
    assert not PlanItem.objects.filter(pk=planning_cast.kabid_items[1].pk).exists()
    assert AuditEvent.objects.filter(verb="planning.plan_item.deleted").count() == 1


def rhk(pc: PlanningCast, plan: WorkPlan) -> PlanItem:
    return services.plan_item_add(
        actor=fresh(pc, "staff"), work_plan=plan, kind=ItemKind.MAIN, text="RHK", supported_item=pc.kabid_items[0]
    )


def test_a_quantitative_indicator_stores_a_number_and_its_unit(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    item = rhk(planning_cast, plan)
    indicator = services.indicator_add(
        actor=fresh(planning_cast, "staff"),
        item=item,
        aspect=Aspect.QUANTITY,
        text="Jumlah kajian",
        target_min="12,5",
        target_max="15",
        target_unit="kajian",
    )
    assert (indicator.target_min, indicator.target_max) == (Decimal("12.50"), Decimal("15.00"))
    assert AuditEvent.objects.get(verb="planning.indicator.created").after["target_min"] == "12.50"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"target_min": "abc", "target_unit": "laporan"}, "target_min"),
        ({"target_min": "", "target_unit": "laporan"}, "target_min"),
        ({"target_min": "-1", "target_unit": "laporan"}, "target_min"),
        ({"target_min": "5", "target_unit": ""}, "target_unit"),
        ({"target_min": "5", "target_max": "4", "target_unit": "laporan"}, "target_max"),
        ({"target_min": "5", "target_max": "x", "target_unit": "laporan"}, "target_max"),
    ],
)
def test_a_quantitative_target_that_is_not_a_valid_number_is_refused_naming_the_field(
    planning_cast: PlanningCast, values: dict, field: str
) -> None:
    plan = draft(planning_cast)
    item = rhk(planning_cast, plan)
    with pytest.raises(ValidationError) as exc:
        services.indicator_add(
            actor=fresh(planning_cast, "staff"), item=item, aspect=Aspect.QUANTITY, text="IKI", **values
        )
    assert list(exc.value.message_dict) == [field]
    assert not Indicator.objects.filter(item=item).exists()


def test_a_qualitative_indicator_needs_its_target_in_words(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast, approach=Approach.QUALITATIVE)
    item = rhk(planning_cast, plan)
    with pytest.raises(ValidationError) as exc:
        services.indicator_add(actor=fresh(planning_cast, "staff"), item=item, aspect=Aspect.QUALITY, text="IKI")
    assert "target_text" in exc.value.message_dict
    indicator = services.indicator_add(
        actor=fresh(planning_cast, "staff"),
        item=item,
        aspect=Aspect.QUALITY,
        text="Kajian diterima pimpinan",
        target_text="Tanpa revisi mayor",
    )
    assert indicator.target_min is None
    assert indicator.target_text == "Tanpa revisi mayor"


def test_an_unknown_aspect_is_refused(planning_cast: PlanningCast) -> None:
    item = rhk(planning_cast, draft(planning_cast))
    with pytest.raises(ValidationError) as exc:
        services.indicator_add(
            actor=fresh(planning_cast, "staff"),
            item=item,
            aspect="kecepatan",
            text="IKI",
            target_min=1,
            target_unit="x",
        )
    assert "aspect" in exc.value.message_dict


def test_indicator_update_and_delete_are_audited(planning_cast: PlanningCast) -> None:
    user = fresh(planning_cast, "staff")
    item = rhk(planning_cast, draft(planning_cast))
    indicator = services.indicator_add(
        actor=user, item=item, aspect=Aspect.TIME, text="Waktu", target_min=12, target_unit="bulan"
    )
    services.indicator_update(actor=user, indicator=indicator, target_min="10", lower_is_better=True)
    indicator.refresh_from_db()
    assert (indicator.target_min, indicator.lower_is_better) == (Decimal("10.00"), True)
    with pytest.raises(ValidationError) as exc:
        services.indicator_update(actor=user, indicator=indicator, target_min="sepuluh")
    assert "target_min" in exc.value.message_dict
    services.indicator_delete(actor=user, indicator=indicator)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    verbs = set(AuditEvent.objects.filter(verb__startswith="planning.indicator").values_list("verb", flat=True))
    assert verbs == {"planning.indicator.created", "planning.indicator.updated", "planning.indicator.deleted"}


def test_a_colleague_cannot_add_to_someone_elses_skp(planning_cast: PlanningCast) -> None:
    plan = draft(planning_cast)
    with pytest.raises(PermissionDenied):
        services.plan_item_add(
            actor=fresh(planning_cast, "colleague"), work_plan=plan, kind=ItemKind.ADDITIONAL, text="Iseng"
        )
