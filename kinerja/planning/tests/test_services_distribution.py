"""Matriks peran hasil (distribution of a supervisor's RHK) and SKP templates."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import Notification
from kinerja.planning import services
from kinerja.planning.models import ResultDistribution, WorkPlanTemplate
from kinerja.planning.tests.conftest import PlanningCast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fresh(pc: PlanningCast, name: str) -> User:
    return User.objects.get(pk=pc.user(name).pk)


def carriers(item) -> list[str]:
    return sorted(ResultDistribution.objects.filter(item=item).values_list("employee__name", flat=True))


def test_the_owner_distributes_an_rhk_to_their_team_and_newcomers_are_notified(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    item = planning_cast.kabid_items[1]
    with django_capture_on_commit_callbacks(execute=True):
        result = services.distribution_set(
            actor=fresh(planning_cast, "supervisor"),
            item=item,
            employees=[planning_cast.employee("staff"), planning_cast.employee("colleague")],
            suggested_text="Tersusunnya bahan laporan",
        )
    assert sorted(d.employee.name for d in result) == ["Alice", "Carol"]
    assert carriers(item) == ["Alice", "Carol"]
    assert set(ResultDistribution.objects.filter(item=item).values_list("suggested_text", flat=True)) == {
        "Tersusunnya bahan laporan"
    }
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["colleague"]
    audit = AuditEvent.objects.get(verb="planning.result_distribution.updated")
    assert audit.after["employees"] == sorted(
        [planning_cast.employee("staff").pk, planning_cast.employee("colleague").pk]
    )


def test_unlisted_carriers_are_removed(planning_cast: PlanningCast) -> None:
    item = planning_cast.kabid_items[0]
    services.distribution_set(
        actor=fresh(planning_cast, "supervisor"), item=item, employees=[planning_cast.employee("colleague")]
    )
    assert carriers(item) == ["Carol"]


def test_someone_whose_skp_already_intervenes_the_rhk_cannot_be_removed(planning_cast: PlanningCast) -> None:
    item = planning_cast.kabid_items[0]
    services.work_plan_start(
        actor=fresh(planning_cast, "staff"),
        employee=planning_cast.employee("staff"),
        year=planning_cast.year,
        source="distribution",
    )
    with pytest.raises(ValidationError) as exc:
        services.distribution_set(actor=fresh(planning_cast, "supervisor"), item=item, employees=[])
    assert "Alice" in exc.value.message_dict["employees"][0]
    assert carriers(item) == ["Alice", "Carol"]


def test_only_the_team_of_the_owner_can_carry_an_rhk(planning_cast: PlanningCast) -> None:
    item = planning_cast.kabid_items[0]
    with pytest.raises(ValidationError) as exc:
        services.distribution_set(
            actor=fresh(planning_cast, "supervisor"), item=item, employees=[planning_cast.employee("other_staff")]
        )
    assert "Bob" in exc.value.message_dict["employees"][0]
    assert carriers(item) == ["Alice", "Carol"]


@pytest.mark.parametrize("name", ["staff", "opd_head", "admin_opd", "admin_bkpsdm"])
def test_only_the_owner_of_the_skp_distributes_its_rhk(planning_cast: PlanningCast, name: str) -> None:
    with pytest.raises(PermissionDenied):
        services.distribution_set(actor=fresh(planning_cast, name), item=planning_cast.kabid_items[0], employees=[])


ITEMS = [
    {
        "kind": "utama",
        "text": "Terlaksananya layanan surat",
        "indicators": [
            {"aspect": "kuantitas", "text": "Jumlah surat", "target_min": "1200", "target_unit": "surat"},
        ],
    },
]


def test_bkpsdm_creates_a_city_wide_template_and_admin_opd_one_for_a_position_of_their_agency(
    planning_cast: PlanningCast,
) -> None:
    template = services.template_create(
        actor=fresh(planning_cast, "admin_bkpsdm"), name="Pengadministrasi umum", items=ITEMS
    )
    assert template.items[0]["indicators"][0]["target_min"] == "1200"
    for_position = services.template_create(
        actor=fresh(planning_cast, "admin_opd"),
        name="Analis A1",
        position=planning_cast.positions["staff"],
        items=ITEMS,
    )
    assert for_position.position == planning_cast.positions["staff"]
    assert AuditEvent.objects.filter(verb="planning.work_plan_template.created").count() == 2


def test_admin_opd_cannot_create_city_wide_templates_or_ones_for_another_agency(planning_cast: PlanningCast) -> None:
    with pytest.raises(PermissionDenied):
        services.template_create(actor=fresh(planning_cast, "admin_opd"), name="Umum", items=ITEMS)
    with pytest.raises(PermissionDenied):
        services.template_create(
            actor=fresh(planning_cast, "admin_opd"), name="B", items=ITEMS, position=planning_cast.positions["staff_b"]
        )


def test_a_template_with_a_bad_target_or_no_rhk_is_refused(planning_cast: PlanningCast) -> None:
    bkpsdm = fresh(planning_cast, "admin_bkpsdm")
    with pytest.raises(ValidationError) as exc:
        services.template_create(actor=bkpsdm, name="Kosong", items=[])
    assert "items" in exc.value.message_dict
    bad = [{"kind": "utama", "text": "RHK", "indicators": [{"aspect": "kuantitas", "text": "IKI", "target_min": "x"}]}]
    with pytest.raises(ValidationError) as exc:
        services.template_create(actor=bkpsdm, name="Buruk", items=bad)
    assert "not a number" in exc.value.message_dict["items"][0]
    assert not WorkPlanTemplate.objects.exists()
