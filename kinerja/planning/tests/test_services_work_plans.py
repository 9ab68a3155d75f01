"""Starting an SKP (blank, distribution, previous year, template), transfers, and optimistic locking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import Notification
from kinerja.organization.models import Assignment, Rank
from kinerja.organization.tests.factories import AssignmentFactory, PositionFactory
from kinerja.planning import services
from kinerja.planning.choices import FormVariant, ItemKind, WorkPlanStatus, YearStatus
from kinerja.planning.models import PerformanceYear, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast
from kinerja.planning.tests.factories import (
    IndicatorFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    WorkPlanFactory,
    WorkPlanTemplateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fresh(pc: PlanningCast, name: str) -> User:
    return User.objects.get(pk=pc.user(name).pk)


def start(pc: PlanningCast, name: str = "staff", **kwargs) -> WorkPlan:
    return services.work_plan_start(actor=fresh(pc, name), employee=pc.employee(name), year=pc.year, **kwargs)


def test_a_blank_skp_snapshots_the_employee_penilai_and_atasan(planning_cast: PlanningCast) -> None:
    plan = start(planning_cast)
    year = planning_cast.year
    assert (plan.status, plan.version, plan.start_date, plan.end_date) == ("draft", 1, year.start_date, year.end_date)
    assert plan.position == planning_cast.positions["staff"]
    assert plan.unit == planning_cast.bidang_a1
    assert plan.penilai == planning_cast.employee("supervisor")
    assert plan.penilai_position == planning_cast.positions["kabid"]
    assert plan.atasan_penilai == planning_cast.employee("opd_head")
    assert plan.form_variant == FormVariant.ADMIN_FUNCTIONAL
    alice = planning_cast.employee("staff")
    assert plan.snapshot["pegawai"] == {
        "name": alice.full_name,
        "nip": alice.nip_display,
        "rank": "Penata Muda, III/a",
        "position": "Analis A1",
        "unit": "Bidang A1",
    }
    assert plan.snapshot["penilai"]["name"] == "Sam"
    assert plan.snapshot["penilai"]["position"] == "Kepala Bidang A1"
    assert plan.snapshot["atasan_penilai"]["position"] == "Kepala Dinas A"
    assert plan.behaviour_expectations.count() == 7
    assert not plan.items.exists()
    audit = AuditEvent.objects.get(verb="planning.work_plan.created")
    assert (audit.org_unit, audit.subject, audit.after["source"]) == (planning_cast.bidang_a1, alice, "blank")


def test_a_pppk_rank_prints_its_golongan(planning_cast: PlanningCast) -> None:
    alice = planning_cast.employee("staff")
    alice.employment_type = "pppk"
    alice.rank = Rank.objects.get(code="IX")
    alice.save()
    assert start(planning_cast).snapshot["pegawai"]["rank"] == "IX"


def test_the_head_of_an_agency_gets_the_jpt_form_without_penilai(planning_cast: PlanningCast) -> None:
    hugo = planning_cast.employee("other_head")
    plan = services.work_plan_start(actor=fresh(planning_cast, "other_head"), employee=hugo, year=planning_cast.year)
    assert plan.form_variant == FormVariant.JPT
    assert plan.penilai is None
    assert plan.snapshot["penilai"] is None
    assert plan.snapshot["atasan_penilai"] is None


def test_an_administrator_heading_an_agency_gets_the_jpt_form(planning_cast: PlanningCast) -> None:
    staff_b = PositionFactory(name="Sekretaris Uji", kind="administrator", unit=planning_cast.opd_b, is_unit_head=False)
    head = PositionFactory(name="Kepala Unit Mandiri", kind="administrator", is_unit_head=True)
    assert services.work_plans.form_variant_for(head) == FormVariant.JPT
    assert services.work_plans.form_variant_for(staff_b) == FormVariant.ADMIN_FUNCTIONAL


def test_starting_from_the_distribution_creates_one_linked_rhk_per_distributed_result(
    planning_cast: PlanningCast,
) -> None:
    plan = start(planning_cast, source="distribution")
    items = list(plan.items.order_by("order"))
    assert [(i.kind, i.supported_item) for i in items] == [
        (ItemKind.MAIN, planning_cast.kabid_items[0]),
        (ItemKind.MAIN, planning_cast.kabid_items[1]),
    ]
    assert items[0].text == planning_cast.kabid_items[0].text
    assert items[1].text == "Tersusunnya bahan laporan kinerja Bidang A1"
    carol_plan = start(planning_cast, "colleague", source="distribution")
    assert list(carol_plan.items.values_list("supported_item", flat=True)) == [planning_cast.kabid_items[0].pk]


def test_starting_from_the_distribution_with_nothing_distributed_is_refused(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        start(planning_cast, "other_staff", source="distribution")
    assert "source" in exc.value.message_dict
    assert not WorkPlan.objects.filter(employee=planning_cast.employee("other_staff")).exists()


def test_starting_from_last_year_copies_rhk_and_iki_without_links(planning_cast: PlanningCast) -> None:
    last_year = PerformanceYearFactory(year=planning_cast.year.year - 1, status=YearStatus.CLOSED)
    old = WorkPlanFactory(employee=planning_cast.employee("staff"), year=last_year, status=WorkPlanStatus.APPROVED)
    old_item = PlanItemFactory(work_plan=old, text="RHK tahun lalu", supported_item=None)
    IndicatorFactory(item=old_item, text="IKI tahun lalu", target_min=5, target_max=7, target_unit="dokumen")
    PlanItemFactory(work_plan=old, kind=ItemKind.ADDITIONAL, text="Tambahan tahun lalu")
    plan = start(planning_cast, source="previous")
    items = list(plan.items.order_by("kind", "order"))
    assert [(i.kind, i.text, i.supported_item_id) for i in items] == [
        ("tambahan", "Tambahan tahun lalu", None),
        ("utama", "RHK tahun lalu", None),
    ]
    indicator = items[1].indicators.get()
    assert (indicator.text, indicator.target_min, indicator.target_max, indicator.target_unit) == (
        "IKI tahun lalu",
        5,
        7,
        "dokumen",
    )


def test_starting_from_last_year_without_an_approved_skp_is_refused(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        start(planning_cast, source="previous")
    assert str(planning_cast.year.year - 1) in exc.value.message_dict["source"][0]


def test_starting_from_a_template_copies_its_rhk_and_iki(planning_cast: PlanningCast) -> None:
    template = WorkPlanTemplateFactory()
    plan = start(planning_cast, "colleague", source="template", template=template)
    item = plan.items.get()
    assert item.text == "Terlaksananya pelayanan administrasi umum"
    assert list(item.indicators.values_list("text", "target_min", "target_unit")) == [
        ("Jumlah dokumen yang diproses", 240, "dokumen"),
        ("Waktu penyelesaian", 12, "bulan"),
    ]


def test_starting_from_a_template_needs_the_template(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        start(planning_cast, source="template")
    assert "template" in exc.value.message_dict


def test_a_second_skp_for_the_same_post_is_refused(planning_cast: PlanningCast) -> None:
    start(planning_cast)
    with pytest.raises(ValidationError) as exc:
        start(planning_cast)
    assert "already has an SKP" in exc.value.message_dict["employee"][0]
    assert WorkPlan.objects.filter(employee=planning_cast.employee("staff")).count() == 1


def test_a_mid_year_transfer_closes_the_old_skp_and_opens_one_with_a_new_penilai(planning_cast: PlanningCast) -> None:
    year = planning_cast.year
    alice = planning_cast.employee("staff")
    old = start(planning_cast)
    moved_on = dt.date(year.year, 7, 1)
    Assignment.objects.filter(employee=alice).update(end_date=moved_on - dt.timedelta(days=1))
    new_post = PositionFactory(name="Staf B2", unit=planning_cast.opd_b, reports_to=planning_cast.positions["head_b"])
    AssignmentFactory(employee=alice, position=new_post, start_date=moved_on)
    new = services.work_plan_start(actor=fresh(planning_cast, "staff"), employee=alice, year=year, start_date=moved_on)
    old.refresh_from_db()
    assert old.end_date == dt.date(year.year, 6, 30)
    assert (new.start_date, new.end_date) == (moved_on, year.end_date)
    assert new.position == new_post
    assert new.unit == planning_cast.opd_b
    assert new.penilai == planning_cast.employee("other_head")
    assert new.snapshot["penilai"]["name"] == "Hugo"
    assert old.penilai == planning_cast.employee("supervisor")
    closed = AuditEvent.objects.get(verb="planning.work_plan.closed")
    assert closed.before == {"end_date": old.start_date.replace(month=12, day=31).isoformat()}
    assert closed.after == {"end_date": dt.date(year.year, 6, 30).isoformat()}


def test_the_default_start_is_the_start_of_the_current_post_within_the_year(planning_cast: PlanningCast) -> None:
    year = planning_cast.year
    alice = planning_cast.employee("staff")
    Assignment.objects.filter(employee=alice).update(start_date=dt.date(year.year, 3, 1))
    plan = start(planning_cast)
    assert plan.start_date == dt.date(year.year, 3, 1)


def test_a_start_date_outside_the_year_is_refused(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        start(planning_cast, start_date=dt.date(planning_cast.year.year + 1, 1, 2))
    assert "start_date" in exc.value.message_dict


def test_an_skp_cannot_be_started_in_a_year_that_is_not_open(planning_cast: PlanningCast) -> None:
    PerformanceYear.objects.filter(pk=planning_cast.year.pk).update(status=YearStatus.CLOSED)
    planning_cast.year.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        start(planning_cast)
    assert "year" in exc.value.message_dict


def test_someone_without_a_position_cannot_start_an_skp(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError) as exc:
        services.work_plan_start(
            actor=fresh(planning_cast, "admin_bkpsdm"),
            employee=planning_cast.employee("auditor"),
            year=planning_cast.year,
        )
    assert "holds no position" in exc.value.message_dict["employee"][0]


@pytest.mark.parametrize("name", ["colleague", "supervisor", "other_staff", "auditor", "leader"])
def test_others_cannot_start_an_skp_for_an_employee(planning_cast: PlanningCast, name: str) -> None:
    with pytest.raises(PermissionDenied):
        services.work_plan_start(
            actor=fresh(planning_cast, name), employee=planning_cast.employee("staff"), year=planning_cast.year
        )


def test_admin_opd_starts_an_skp_on_behalf_and_the_employee_is_notified(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.work_plan_start(
            actor=fresh(planning_cast, "admin_opd"), employee=planning_cast.employee("staff"), year=planning_cast.year
        )
    assert plan.employee == planning_cast.employee("staff")
    assert Notification.objects.filter(
        recipient=planning_cast.user("staff"), verb="planning.work_plan.created"
    ).exists()


def test_a_failed_start_leaves_nothing_half_written(planning_cast: PlanningCast) -> None:
    with pytest.raises(ValidationError):
        start(planning_cast, "other_staff", source="distribution")
    assert not WorkPlan.objects.filter(employee=planning_cast.employee("other_staff")).exists()
    assert not AuditEvent.objects.filter(verb="planning.work_plan.created").exists()


def test_update_changes_the_lampiran_and_bumps_the_lock_version(planning_cast: PlanningCast) -> None:
    plan = start(planning_cast)
    seen = plan.lock_version
    services.work_plan_update(
        actor=fresh(planning_cast, "staff"),
        work_plan=plan,
        lock_version=seen,
        resource_support="Laptop\nKoneksi internet",
        consequences="Penghargaan bila tercapai",
    )
    plan.refresh_from_db()
    assert plan.lock_version == seen + 1
    assert services.work_plan_content(plan)["lampiran"]["resource_support"] == ["Laptop", "Koneksi internet"]
    audit = AuditEvent.objects.get(verb="planning.work_plan.updated")
    assert audit.after["consequences"] == "Penghargaan bila tercapai"


def test_a_stale_lock_version_is_refused_and_changes_nothing(planning_cast: PlanningCast) -> None:
    plan = start(planning_cast)
    seen = plan.lock_version
    services.work_plan_update(actor=fresh(planning_cast, "staff"), work_plan=plan, lock_version=seen, consequences="A")
    stale = WorkPlan.objects.get(pk=plan.pk)
    with pytest.raises(ValidationError) as exc:
        services.work_plan_update(
            actor=fresh(planning_cast, "staff"), work_plan=stale, lock_version=seen, consequences="B"
        )
    assert "Someone else changed this SKP" in exc.value.message_dict["lock_version"][0]
    plan.refresh_from_db()
    assert plan.consequences == "A"


def test_every_edit_bumps_the_lock_version_so_a_stale_form_is_refused(planning_cast: PlanningCast) -> None:
    plan = start(planning_cast, source="distribution")
    seen = plan.lock_version
    item = plan.items.first()
    services.indicator_add(
        actor=fresh(planning_cast, "staff"),
        item=item,
        aspect="kuantitas",
        text="Jumlah",
        target_min=3,
        target_unit="laporan",
    )
    with pytest.raises(ValidationError) as exc:
        services.plan_item_update(actor=fresh(planning_cast, "staff"), item=item, lock_version=seen, text="Baru")
    assert "lock_version" in exc.value.message_dict
    item.refresh_from_db()
    assert item.text != "Baru"


def test_update_refuses_unknown_fields_and_bad_approaches(planning_cast: PlanningCast) -> None:
    plan = start(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.work_plan_update(actor=fresh(planning_cast, "staff"), work_plan=plan, status="approved")
    assert "status" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.work_plan_update(actor=fresh(planning_cast, "staff"), work_plan=plan, approach="campuran")
    assert "approach" in exc.value.message_dict
