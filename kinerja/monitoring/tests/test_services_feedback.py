"""Feedback, dialogues and appreciation services: who may give them, what bad input says, who is told."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.monitoring import services
from kinerja.monitoring.choices import DialogueKind, Reaction
from kinerja.monitoring.models import Appreciation, Dialogue, DialogueAction, Feedback
from kinerja.notifications.models import Notification
from kinerja.organization import selectors as org_selectors
from kinerja.planning.models import BehaviourValue

pytestmark = pytest.mark.django_db


def _notes(cast, name: str) -> list[str]:
    return list(Notification.objects.filter(recipient=cast.user(name)).values_list("verb", flat=True))


def test_the_penilai_gives_feedback_on_an_rhk_and_the_owner_is_notified(
    monitoring_cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = services.feedback_give(
            actor=monitoring_cast.user("supervisor"), work_plan=monitoring_cast.staff_plan,
            item=monitoring_cast.staff_items[0], text="Laporan rapi", reaction=Reaction.GOOD,
            period=monitoring_cast.period,
        )  # fmt: skip
    assert feedback.author == monitoring_cast.user("supervisor")
    assert _notes(monitoring_cast, "staff") == ["monitoring.feedback.given"]


def test_feedback_on_a_core_value(monitoring_cast):
    value = BehaviourValue.objects.first()
    feedback = services.feedback_give(
        actor=monitoring_cast.user("supervisor"), work_plan=monitoring_cast.staff_plan, value=value, text="Kolaboratif"
    )
    assert feedback.value == value


@pytest.mark.parametrize("name", ["staff", "colleague", "opd_head", "admin_opd", "admin_bkpsdm", "other_head"])
def test_only_the_penilai_gives_feedback(monitoring_cast, name):
    with pytest.raises(PermissionDenied):
        services.feedback_give(
            actor=monitoring_cast.user(name), work_plan=monitoring_cast.staff_plan,
            item=monitoring_cast.staff_items[0], text="x",
        )  # fmt: skip
    assert Feedback.objects.count() == 0


def test_feedback_needs_exactly_one_of_rhk_or_value_and_a_known_reaction(monitoring_cast):
    sam = monitoring_cast.user("supervisor")
    plan = monitoring_cast.staff_plan
    with pytest.raises(ValidationError) as exc:
        services.feedback_give(actor=sam, work_plan=plan, text="x")
    assert "item" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.feedback_give(
            actor=sam,
            work_plan=plan,
            text="x",
            item=monitoring_cast.staff_items[0],
            value=BehaviourValue.objects.first(),
        )
    assert "item" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.feedback_give(actor=sam, work_plan=plan, text="x", item=monitoring_cast.kabid_items[0])
    assert "item" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.feedback_give(actor=sam, work_plan=plan, text="x", item=monitoring_cast.staff_items[0], reaction="wow")
    assert "reaction" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.feedback_give(actor=sam, work_plan=plan, text=" ", item=monitoring_cast.staff_items[0])
    assert "text" in exc.value.message_dict


def test_the_owner_replies_and_the_author_is_notified(monitoring_cast, django_capture_on_commit_callbacks):
    feedback = services.feedback_give(
        actor=monitoring_cast.user("supervisor"), work_plan=monitoring_cast.staff_plan,
        item=monitoring_cast.staff_items[0], text="Laporan rapi",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_reply(actor=monitoring_cast.user("staff"), feedback=feedback, text="Terima kasih")
    assert _notes(monitoring_cast, "supervisor") == ["monitoring.feedback.replied"]
    with pytest.raises(PermissionDenied):
        services.feedback_reply(actor=monitoring_cast.user("colleague"), feedback=feedback, text="Saya juga")


def test_sam_records_a_dialogue_with_actions_and_everyone_involved_is_notified(
    monitoring_cast, django_capture_on_commit_callbacks
):
    today = org_selectors.today()
    with django_capture_on_commit_callbacks(execute=True):
        dialogue = services.dialogue_record(
            actor=monitoring_cast.user("supervisor"), employee=monitoring_cast.employee("staff"),
            kind=DialogueKind.COACHING, held_on=today, topics="Penulisan laporan",
            participants=[monitoring_cast.employee("colleague")],
            actions=[
                {"description": "Draf laporan", "owner": monitoring_cast.employee("staff"),
                 "due_date": today + dt.timedelta(days=7)},
                {"description": "Contoh laporan", "owner": monitoring_cast.employee("supervisor"),
                 "due_date": (today + dt.timedelta(days=3)).isoformat()},
            ],
        )  # fmt: skip
    assert dialogue.led_by == monitoring_cast.employee("supervisor")
    assert dialogue.actions.count() == 2
    assert _notes(monitoring_cast, "staff") == ["monitoring.dialogue.recorded"]
    assert _notes(monitoring_cast, "colleague") == ["monitoring.dialogue.recorded"]
    assert _notes(monitoring_cast, "supervisor") == []


def test_a_dialogue_action_needs_an_owner_and_a_due_date_not_before_the_dialogue(monitoring_cast):
    today = org_selectors.today()
    base = {
        "actor": monitoring_cast.user("supervisor"), "employee": monitoring_cast.employee("staff"),
        "kind": DialogueKind.PERFORMANCE_DIALOGUE, "held_on": today, "topics": "Capaian",
    }  # fmt: skip
    bad = [
        {"description": "x", "owner": None, "due_date": today},
        {"description": "x", "owner": monitoring_cast.employee("staff"), "due_date": today - dt.timedelta(days=1)},
        {"description": "x", "owner": monitoring_cast.employee("staff"), "due_date": "soon"},
        {"description": "", "owner": monitoring_cast.employee("staff"), "due_date": today},
    ]
    for action in bad:
        with pytest.raises(ValidationError) as exc:
            services.dialogue_record(**base, actions=[action])
        assert "actions" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.dialogue_record(**{**base, "kind": "chat"})
    assert "kind" in exc.value.message_dict
    assert Dialogue.objects.count() == 0


@pytest.mark.parametrize("name", ["staff", "colleague", "other_head", "auditor"])
def test_dialogues_about_alice_are_recorded_by_her_line_or_the_admins_only(monitoring_cast, name):
    with pytest.raises(PermissionDenied):
        services.dialogue_record(
            actor=monitoring_cast.user(name), employee=monitoring_cast.employee("staff"),
            kind=DialogueKind.COUNSELLING, held_on=org_selectors.today(), topics="x",
        )  # fmt: skip


@pytest.mark.parametrize("name", ["supervisor", "opd_head", "admin_opd"])
def test_alices_line_and_admin_opd_may_record_a_dialogue(monitoring_cast, name):
    dialogue = services.dialogue_record(
        actor=monitoring_cast.user(name), employee=monitoring_cast.employee("staff"),
        kind=DialogueKind.COUNSELLING, held_on=org_selectors.today(), topics="x",
    )  # fmt: skip
    assert dialogue.pk


def test_the_owner_closes_an_action_and_the_leader_is_told(monitoring_cast, django_capture_on_commit_callbacks):
    today = org_selectors.today()
    dialogue = services.dialogue_record(
        actor=monitoring_cast.user("supervisor"), employee=monitoring_cast.employee("staff"),
        kind=DialogueKind.MENTORING, held_on=today, topics="x",
        actions=[{"description": "Draf", "owner": monitoring_cast.employee("staff"), "due_date": today}],
    )  # fmt: skip
    action = dialogue.actions.get()
    with pytest.raises(PermissionDenied):
        services.dialogue_action_close(actor=monitoring_cast.user("colleague"), action=action)
    with django_capture_on_commit_callbacks(execute=True):
        services.dialogue_action_close(actor=monitoring_cast.user("staff"), action=action, note="Selesai")
    assert DialogueAction.objects.get().done_at is not None
    assert _notes(monitoring_cast, "supervisor") == ["monitoring.dialogue_action.closed"]
    with pytest.raises(ValidationError):
        services.dialogue_action_close(actor=monitoring_cast.user("staff"), action=action)


def test_a_colleague_appreciates_alice_and_she_is_notified(monitoring_cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        appreciation = services.appreciation_give(
            actor=monitoring_cast.user("colleague"), recipient=monitoring_cast.employee("staff"),
            text="Laporan selesai lebih cepat", item=monitoring_cast.staff_items[0],
        )  # fmt: skip
    assert appreciation.unit == monitoring_cast.bidang_a1
    assert _notes(monitoring_cast, "staff") == ["monitoring.appreciation.given"]


@pytest.mark.parametrize("name", ["staff", "other_staff", "other_head", "admin_bkpsdm"])
def test_nobody_appreciates_themself_or_someone_of_another_agency(monitoring_cast, name):
    with pytest.raises(PermissionDenied):
        services.appreciation_give(
            actor=monitoring_cast.user(name), recipient=monitoring_cast.employee("staff"), text="x"
        )
    assert Appreciation.objects.count() == 0


def test_appreciation_about_someone_elses_rhk_is_refused(monitoring_cast):
    with pytest.raises(ValidationError) as exc:
        services.appreciation_give(
            actor=monitoring_cast.user("supervisor"), recipient=monitoring_cast.employee("staff"), text="x",
            item=monitoring_cast.kabid_items[0],
        )  # fmt: skip
    assert "item" in exc.value.message_dict
