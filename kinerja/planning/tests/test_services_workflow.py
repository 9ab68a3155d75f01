"""The SKP workflow: every allowed and refused transition, who may do it, events, audit, notifications."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.notifications.models import Notification
from kinerja.planning import services
from kinerja.planning.choices import Aspect, ItemKind, WorkPlanStatus
from kinerja.planning.exceptions import TransitionNotAllowed
from kinerja.planning.models import WorkPlan, WorkPlanEvent, WorkPlanVersion
from kinerja.planning.tests.conftest import PlanningCast

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fresh(pc: PlanningCast, name: str) -> User:
    """A new User object: actor_for memoises on the instance, as it lives for one request."""
    return User.objects.get(pk=pc.user(name).pk)


def ready_plan(pc: PlanningCast, name: str = "staff") -> WorkPlan:
    """A complete draft of alice (or carol) started from what sam distributed, with one IKI per RHK."""
    user = fresh(pc, name)
    plan = services.work_plan_start(actor=user, employee=pc.employee(name), year=pc.year, source="distribution")
    for item in plan.items.all():
        services.indicator_add(
            actor=user,
            item=item,
            aspect=Aspect.QUANTITY,
            text=f"Jumlah {item.text}",
            target_min="12",
            target_unit="dokumen",
        )
    plan.refresh_from_db()
    return plan


def submitted_plan(pc: PlanningCast) -> WorkPlan:
    plan = ready_plan(pc)
    return services.work_plan_submit(actor=fresh(pc, "staff"), work_plan=plan)


def test_owner_submits_a_complete_draft_and_the_penilai_is_notified(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    plan = ready_plan(planning_cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED
    assert plan.submitted_at is not None
    event = plan.events.get()
    assert (event.from_status, event.to_status, event.version) == ("draft", "submitted", 1)
    assert event.actor == planning_cast.user("staff")
    assert event.created_at is not None
    audit = AuditEvent.objects.get(verb="planning.work_plan.submitted")
    assert audit.org_unit == planning_cast.bidang_a1
    assert audit.subject == planning_cast.employee("staff")
    assert audit.before == {"status": "draft", "version": 1}
    assert audit.after == {"status": "submitted", "version": 1}
    note = Notification.objects.get(recipient=planning_cast.user("supervisor"))
    assert note.verb == "planning.work_plan.submitted"
    assert "Alice" in note.title


def test_penilai_returns_with_a_note_and_the_owner_is_notified(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    plan = submitted_plan(planning_cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_return(actor=fresh(planning_cast, "supervisor"), work_plan=plan, note="Perjelas target IKI")
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.RETURNED
    assert plan.return_note == "Perjelas target IKI"
    event = plan.events.order_by("-pk").first()
    assert (event.from_status, event.to_status, event.note) == ("submitted", "returned", "Perjelas target IKI")
    assert event.actor == planning_cast.user("supervisor")
    assert AuditEvent.objects.filter(verb="planning.work_plan.returned", reason="Perjelas target IKI").exists()
    note = Notification.objects.get(recipient=planning_cast.user("staff"), verb="planning.work_plan.returned")
    assert note.body == "Perjelas target IKI"


def test_return_without_a_note_is_refused_and_changes_nothing(planning_cast: PlanningCast) -> None:
    plan = submitted_plan(planning_cast)
    with pytest.raises(ValidationError) as exc:
        services.work_plan_return(actor=fresh(planning_cast, "supervisor"), work_plan=plan, note="   ")
    assert "note" in exc.value.message_dict
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED
    assert plan.events.count() == 1


def test_returned_plan_can_be_resubmitted_and_approved(planning_cast: PlanningCast) -> None:
    plan = submitted_plan(planning_cast)
    services.work_plan_return(actor=fresh(planning_cast, "supervisor"), work_plan=plan, note="Tambah IKI waktu")
    services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.APPROVED
    steps = list(plan.events.values_list("from_status", "to_status"))
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
    ]


def test_approval_freezes_the_content_of_the_version_and_notifies_the_owner(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    plan = submitted_plan(planning_cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.APPROVED
    assert plan.approved_by == planning_cast.user("supervisor")
    assert plan.approved_at is not None
    version = WorkPlanVersion.objects.get(work_plan=plan)
    assert version.version == 1
    assert version.approved_by == planning_cast.user("supervisor")
    assert version.content["status"] == "approved"
    assert [e["to"] for e in version.content["events"]] == ["submitted", "approved"]
    assert version.content["identity"]["penilai"]["name"] == "Sam"
    assert AuditEvent.objects.filter(
        verb="planning.work_plan.approved", subject=planning_cast.employee("staff")
    ).exists()
    assert Notification.objects.filter(
        recipient=planning_cast.user("staff"), verb="planning.work_plan.approved"
    ).exists()


def test_revision_opens_a_new_draft_version_and_keeps_the_approved_one_readable(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    plan = submitted_plan(planning_cast)
    services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
    first_text = plan.items.order_by("pk").first().text
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_revise(actor=fresh(planning_cast, "staff"), work_plan=plan, reason="Tugas tambahan baru")
    plan.refresh_from_db()
    assert (plan.status, plan.version, plan.revision_reason) == ("draft", 2, "Tugas tambahan baru")
    assert plan.approved_at is None
    item = plan.items.order_by("pk").first()
    services.plan_item_update(actor=fresh(planning_cast, "staff"), item=item, text="RHK yang diubah")
    old = WorkPlanVersion.objects.get(work_plan=plan, version=1)
    assert old.content["items"]["utama"][0]["text"] == first_text
    assert old.content["version"] == 1
    event = plan.events.order_by("-pk").first()
    assert (event.version, event.from_status, event.to_status, event.note) == (
        2,
        "approved",
        "draft",
        "Tugas tambahan baru",
    )
    assert AuditEvent.objects.filter(verb="planning.work_plan.revised", reason="Tugas tambahan baru").exists()
    assert Notification.objects.filter(
        recipient=planning_cast.user("supervisor"), verb="planning.work_plan.revised"
    ).exists()
    # Re-approval stores the second version beside the first.
    services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
    versions = dict(WorkPlanVersion.objects.filter(work_plan=plan).values_list("version", "content"))
    assert versions[2]["items"]["utama"][0]["text"] == "RHK yang diubah"
    assert versions[1]["items"]["utama"][0]["text"] == first_text


def test_penilai_may_also_open_a_revision_and_the_owner_is_told(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    plan = submitted_plan(planning_cast)
    services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_revise(actor=fresh(planning_cast, "supervisor"), work_plan=plan, reason="Refocusing")
    assert Notification.objects.filter(
        recipient=planning_cast.user("staff"), verb="planning.work_plan.revised"
    ).exists()


def test_revision_without_a_reason_is_refused(planning_cast: PlanningCast) -> None:
    plan = planning_cast.kabid_plan
    with pytest.raises(ValidationError) as exc:
        services.work_plan_revise(actor=fresh(planning_cast, "supervisor"), work_plan=plan, reason="")
    assert "reason" in exc.value.message_dict
    plan.refresh_from_db()
    assert (plan.status, plan.version) == ("approved", 1)


@pytest.mark.parametrize(
    ("status", "step"),
    [
        ("draft", "return"),
        ("draft", "approve"),
        ("draft", "revise"),
        ("submitted", "submit"),
        ("submitted", "revise"),
        ("returned", "return"),
        ("returned", "approve"),
        ("returned", "revise"),
        ("approved", "submit"),
        ("approved", "return"),
        ("approved", "approve"),
    ],
)
def test_a_step_the_state_does_not_allow_is_refused_as_a_wrong_transition(
    planning_cast: PlanningCast, status: str, step: str
) -> None:
    plan = ready_plan(planning_cast)
    WorkPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    owner, penilai = fresh(planning_cast, "staff"), fresh(planning_cast, "supervisor")
    calls = {
        "submit": lambda: services.work_plan_submit(actor=owner, work_plan=plan),
        "return": lambda: services.work_plan_return(actor=penilai, work_plan=plan, note="x"),
        "approve": lambda: services.work_plan_approve(actor=penilai, work_plan=plan),
        "revise": lambda: services.work_plan_revise(actor=owner, work_plan=plan, reason="x"),
    }
    with pytest.raises(TransitionNotAllowed) as exc:
        calls[step]()
    assert "status" in exc.value.message_dict
    plan.refresh_from_db()
    assert plan.status == status
    assert not plan.events.exists()


@pytest.mark.parametrize("name", ["colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "other_staff"])
def test_only_the_owner_may_submit(planning_cast: PlanningCast, name: str) -> None:
    plan = ready_plan(planning_cast)
    with pytest.raises(PermissionDenied):
        services.work_plan_submit(actor=fresh(planning_cast, name), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.DRAFT


@pytest.mark.parametrize("name", ["staff", "colleague", "opd_head", "admin_opd", "admin_bkpsdm", "other_head"])
def test_only_the_penilai_may_approve_or_return(planning_cast: PlanningCast, name: str) -> None:
    plan = submitted_plan(planning_cast)
    actor = fresh(planning_cast, name)
    with pytest.raises(PermissionDenied):
        services.work_plan_approve(actor=actor, work_plan=plan)
    with pytest.raises(PermissionDenied):
        services.work_plan_return(actor=actor, work_plan=plan, note="Tidak")
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED
    assert not WorkPlanVersion.objects.filter(work_plan=plan).exists()


@pytest.mark.parametrize("name", ["colleague", "opd_head", "admin_bkpsdm"])
def test_only_the_owner_or_penilai_may_revise(planning_cast: PlanningCast, name: str) -> None:
    plan = planning_cast.kabid_plan
    with pytest.raises(PermissionDenied):
        services.work_plan_revise(actor=fresh(planning_cast, "staff"), work_plan=plan, reason="x")
    # hana is sam's penilai and may; the others may not.
    if name == "opd_head":
        services.work_plan_revise(actor=fresh(planning_cast, name), work_plan=plan, reason="x")
        plan.refresh_from_db()
        assert plan.version == 2
    else:
        with pytest.raises(PermissionDenied):
            services.work_plan_revise(actor=fresh(planning_cast, name), work_plan=plan, reason="x")


def test_submit_needs_a_main_rhk(planning_cast: PlanningCast) -> None:
    user = fresh(planning_cast, "staff")
    plan = services.work_plan_start(actor=user, employee=planning_cast.employee("staff"), year=planning_cast.year)
    with pytest.raises(ValidationError) as exc:
        services.work_plan_submit(actor=user, work_plan=plan)
    assert exc.value.message_dict["items"] == ["Add at least one main RHK."]


def test_submit_needs_an_indicator_for_every_rhk(planning_cast: PlanningCast) -> None:
    user = fresh(planning_cast, "staff")
    plan = services.work_plan_start(
        actor=user, employee=planning_cast.employee("staff"), year=planning_cast.year, source="distribution"
    )
    with pytest.raises(ValidationError) as exc:
        services.work_plan_submit(actor=user, work_plan=plan)
    messages = exc.value.message_dict["items"]
    assert len(messages) == 2
    assert all("has no indicator (IKI)" in m for m in messages)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.DRAFT


def test_submit_checks_the_links_of_rhk_copied_without_them(planning_cast: PlanningCast) -> None:
    plan = ready_plan(planning_cast)
    plan.items.update(supported_item=None)
    with pytest.raises(ValidationError) as exc:
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    assert any("RHK atasan yang diintervensi" in m for m in exc.value.message_dict["items"])


def test_submit_checks_indicators_against_a_changed_approach(planning_cast: PlanningCast) -> None:
    plan = ready_plan(planning_cast)
    services.work_plan_update(actor=fresh(planning_cast, "staff"), work_plan=plan, approach="kualitatif")
    with pytest.raises(ValidationError) as exc:
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    assert any("described in words" in m for m in exc.value.message_dict["items"])


def test_a_tambahan_rhk_may_stand_alone_at_submission(planning_cast: PlanningCast) -> None:
    plan = ready_plan(planning_cast)
    user = fresh(planning_cast, "staff")
    extra = services.plan_item_add(actor=user, work_plan=plan, kind=ItemKind.ADDITIONAL, text="Panitia HUT Kota")
    services.indicator_add(
        actor=user, item=extra, aspect=Aspect.QUALITY, text="Acara terlaksana", target_min=1, target_unit="kegiatan"
    )
    services.work_plan_submit(actor=user, work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED


def test_submit_after_the_drafting_deadline_is_refused_with_the_date_and_changes_nothing(
    planning_cast: PlanningCast,
) -> None:
    year = planning_cast.year
    year.skp_draft_deadline = dt.date(year.year, 1, 31)
    year.save()
    plan = ready_plan(planning_cast)
    audits_before = AuditEvent.objects.count()
    with time_machine.travel(dt.datetime(year.year, 2, 1, 9, 0, tzinfo=dt.UTC)), pytest.raises(ValidationError) as exc:
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    assert f"closed on 31 January {year.year}" in exc.value.message_dict["status"][0]
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.DRAFT
    assert plan.submitted_at is None
    assert not WorkPlanEvent.objects.filter(work_plan=plan).exists()
    assert AuditEvent.objects.count() == audits_before


def test_submit_on_the_deadline_day_in_the_city_is_accepted(planning_cast: PlanningCast) -> None:
    year = planning_cast.year
    year.skp_draft_deadline = dt.date(year.year, 1, 31)
    year.save()
    plan = ready_plan(planning_cast)
    # 16:30 UTC on 31 January is 23:30 in Lhokseumawe (WIB): still the deadline day.
    with time_machine.travel(dt.datetime(year.year, 1, 31, 16, 30, tzinfo=dt.UTC)):
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED


def test_resubmission_after_a_return_and_a_revision_are_not_bound_by_the_drafting_deadline(
    planning_cast: PlanningCast,
) -> None:
    year = planning_cast.year
    year.skp_draft_deadline = dt.date(year.year, 1, 31)
    year.save()
    plan = ready_plan(planning_cast)
    with time_machine.travel(dt.datetime(year.year, 1, 20, 3, 0, tzinfo=dt.UTC)):
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    with time_machine.travel(dt.datetime(year.year, 2, 10, 3, 0, tzinfo=dt.UTC)):
        services.work_plan_return(actor=fresh(planning_cast, "supervisor"), work_plan=plan, note="Perbaiki")
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
        services.work_plan_approve(actor=fresh(planning_cast, "supervisor"), work_plan=plan)
        services.work_plan_revise(actor=fresh(planning_cast, "staff"), work_plan=plan, reason="Mutasi tugas")
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    plan.refresh_from_db()
    assert (plan.status, plan.version) == ("submitted", 2)


def test_penilai_may_edit_a_submitted_plan_and_set_special_expectations(planning_cast: PlanningCast) -> None:
    plan = submitted_plan(planning_cast)
    penilai = fresh(planning_cast, "supervisor")
    item = plan.items.order_by("pk").first()
    services.plan_item_update(actor=penilai, item=item, text="RHK yang dipertajam penilai")
    value = plan.behaviour_expectations.order_by("value__order").first().value
    services.behaviour_expectation_set(
        actor=penilai, work_plan=plan, value=value, special_expectation="Menjadi role model pelayanan prima"
    )
    services.work_plan_approve(actor=penilai, work_plan=plan)
    content = WorkPlanVersion.objects.get(work_plan=plan).content
    assert content["items"]["utama"][0]["text"] == "RHK yang dipertajam penilai"
    assert content["behaviour"][0]["special_expectation"] == "Menjadi role model pelayanan prima"
    assert len(content["behaviour"]) == 7
    assert all(len(b["indicators"]) == 3 for b in content["behaviour"])


def test_the_owner_cannot_edit_a_submitted_or_approved_plan(planning_cast: PlanningCast) -> None:
    plan = submitted_plan(planning_cast)
    item = plan.items.first()
    with pytest.raises(PermissionDenied):
        services.plan_item_update(actor=fresh(planning_cast, "staff"), item=item, text="Diam-diam")
    with pytest.raises(PermissionDenied):
        services.plan_item_update(actor=fresh(planning_cast, "supervisor"), item=planning_cast.kabid_items[0], text="x")


def test_special_expectations_are_the_penilais_not_the_owners(planning_cast: PlanningCast) -> None:
    plan = ready_plan(planning_cast)
    value = plan.behaviour_expectations.first().value
    with pytest.raises(PermissionDenied):
        services.behaviour_expectation_set(
            actor=fresh(planning_cast, "staff"), work_plan=plan, value=value, special_expectation="Saya sendiri"
        )


def test_an_acting_holder_of_the_penilai_position_approves_when_the_penilai_has_left(
    planning_cast: PlanningCast,
) -> None:
    from kinerja.organization.choices import AssignmentKind
    from kinerja.organization.models import Assignment
    from kinerja.organization.selectors import today

    plan = submitted_plan(planning_cast)
    Assignment.objects.filter(employee=planning_cast.employee("supervisor")).update(
        end_date=today() - dt.timedelta(days=1)
    )
    Assignment.objects.create(
        employee=planning_cast.employee("admin_opd"),
        position=planning_cast.positions["kabid"],
        kind=AssignmentKind.PLT,
        start_date=today() - dt.timedelta(days=1),
    )
    services.work_plan_approve(actor=fresh(planning_cast, "admin_opd"), work_plan=plan)
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.APPROVED
    assert plan.events.order_by("-pk").first().actor == planning_cast.user("admin_opd")


def test_content_lists_the_workflow_history_with_names_and_times(planning_cast: PlanningCast) -> None:
    plan = submitted_plan(planning_cast)
    services.work_plan_return(actor=fresh(planning_cast, "supervisor"), work_plan=plan, note="Perbaiki target")
    content = services.work_plan_content(plan)
    assert [(e["from"], e["to"], e["actor"], e["note"]) for e in content["events"]] == [
        ("draft", "submitted", "Alice", ""),
        ("submitted", "returned", "Sam", "Perbaiki target"),
    ]
    assert all(dt.datetime.fromisoformat(e["at"]) for e in content["events"])
    assert content["items"]["utama"][0]["supported_item"] == planning_cast.kabid_items[0].text
    assert content["items"]["utama"][0]["indicators"][0]["target_min"] == "12"


def test_a_submission_is_announced_to_the_acting_holder_once_the_penilai_has_left(
    planning_cast: PlanningCast, django_capture_on_commit_callbacks
) -> None:
    from kinerja.organization.choices import AssignmentKind
    from kinerja.organization.models import Assignment
    from kinerja.organization.selectors import today

    plan = ready_plan(planning_cast)
    Assignment.objects.filter(employee=planning_cast.employee("supervisor")).update(
        end_date=today() - dt.timedelta(days=1)
    )
    Assignment.objects.create(
        employee=planning_cast.employee("admin_opd"),
        position=planning_cast.positions["kabid"],
        kind=AssignmentKind.PLH,
        start_date=today() - dt.timedelta(days=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.work_plan_submit(actor=fresh(planning_cast, "staff"), work_plan=plan)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["admin.opd"]
