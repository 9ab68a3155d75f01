"""send_deadline_reminders: one reminder per employee and period (or action), in-app and by e-mail, never twice."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kinerja.monitoring.models import Dialogue, DialogueAction, Realization, ReminderKind, ReminderSent
from kinerja.notifications.models import Notification
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast, build_planning_cast
from kinerja.planning.tests.factories import IndicatorFactory, PlanItemFactory, WorkPlanFactory, approve_directly


@pytest.fixture
def reminder_cast(db: None) -> PlanningCast:
    """The planning cast plus alice's approved SKP with two IKI; hana, sam and alice have e-mail addresses."""
    cast = build_planning_cast()
    plan = WorkPlanFactory(employee=cast.employee("staff"), year=cast.year)
    item = PlanItemFactory(work_plan=plan, supported_item=cast.kabid_items[0], text="Terlayaninya pemohon")
    IndicatorFactory(item=item)
    IndicatorFactory(item=item, text="Persentase pemohon puas", target_min=90, target_unit="%")
    approve_directly(plan, owner_user=cast.user("staff"), penilai_user=cast.user("supervisor"))
    for name, address in (("staff", "alice@example.go.id"), ("supervisor", "sam@example.go.id")):
        employee = cast.employee(name)
        employee.email = address
        employee.save(update_fields=["email"])
    return cast


def _q3(cast: PlanningCast) -> EvaluationPeriod:
    return cast.year.periods.get(kind=PeriodKind.PERIODIC, number=3)


def _days_before(period: EvaluationPeriod, days: int) -> dt.datetime:
    day = period.realisasi_deadline - dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=dt.UTC)


def _run(*args: str) -> str:
    out = StringIO()
    # English, so that assertions read the msgids; e-mails leave after commit.
    with translation.override("en"), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_deadline_reminders", *args, stdout=out)
    return out.getvalue()


def _fill(cast: PlanningCast, name: str, period: EvaluationPeriod) -> None:
    plan = WorkPlan.objects.get(employee=cast.employee(name), year=cast.year)
    for item in plan.items.all():
        for indicator in item.indicators.all():
            Realization.objects.create(indicator=indicator, period=period, value=1)


def test_each_employee_missing_realisasi_gets_one_notification_and_one_email(reminder_cast: PlanningCast) -> None:
    cast = reminder_cast
    q3 = _q3(cast)
    _fill(cast, "opd_head", q3)  # hana filled everything: no reminder for her
    plan = WorkPlan.objects.get(employee=cast.employee("staff"), year=cast.year)
    Realization.objects.create(indicator=plan.items.get().indicators.first(), period=q3, value=5)

    with time_machine.travel(_days_before(q3, 2)):
        output = _run()

    reminded = set(ReminderSent.objects.values_list("employee__name", flat=True))
    assert reminded == {cast.employee("staff").name, cast.employee("supervisor").name}
    assert set(ReminderSent.objects.values_list("period", "kind").distinct()) == {(q3.pk, ReminderKind.REALISATION_DUE)}
    alice_note = Notification.objects.get(recipient=cast.user("staff"))
    assert "1 indicator(s)" in alice_note.body
    assert str(q3) in alice_note.title
    assert alice_note.url == reverse("monitoring:today")
    assert Notification.objects.filter(recipient=cast.user("supervisor")).count() == 1
    assert not Notification.objects.filter(recipient=cast.user("opd_head")).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.go.id", "sam@example.go.id"]
    assert "Sent 2 realisasi and 0 action reminders (2 in-app, 2 e-mails)" in output


def test_running_twice_sends_nothing_the_second_time(reminder_cast: PlanningCast) -> None:
    q3 = _q3(reminder_cast)
    with time_machine.travel(_days_before(q3, 3)):
        _run()
    first = (ReminderSent.objects.count(), Notification.objects.count(), len(mail.outbox))
    with time_machine.travel(_days_before(q3, 1)):
        output = _run()

    assert first == (3, 3, 2)  # hana has no e-mail address: notified in-app only
    assert (ReminderSent.objects.count(), Notification.objects.count(), len(mail.outbox)) == first
    assert "Sent 0 realisasi and 0 action reminders" in output


def test_nobody_is_reminded_while_the_deadline_is_further_away_than_the_days_given(
    reminder_cast: PlanningCast,
) -> None:
    q3 = _q3(reminder_cast)
    with time_machine.travel(_days_before(q3, 4)):
        _run()
        assert not ReminderSent.objects.exists()
        _run("--days", "4")
    assert ReminderSent.objects.filter(period=q3).count() == 3


def test_a_locked_period_sends_no_reminder(reminder_cast: PlanningCast) -> None:
    q3 = _q3(reminder_cast)
    EvaluationPeriod.objects.filter(pk=q3.pk).update(locked_at=timezone.now())
    with time_machine.travel(_days_before(q3, 1)):
        _run()
    assert not ReminderSent.objects.exists()
    assert not mail.outbox


def test_dry_run_prints_the_counts_and_sends_nothing(reminder_cast: PlanningCast) -> None:
    q3 = _q3(reminder_cast)
    with time_machine.travel(_days_before(q3, 2)):
        output = _run("--dry-run")
    assert "Realisasi reminders due: 3; action reminders due: 0" in output
    assert str(q3) in output
    assert not ReminderSent.objects.exists()
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_the_owner_of_an_action_due_tomorrow_is_reminded_once(reminder_cast: PlanningCast) -> None:
    cast = reminder_cast
    dialogue = Dialogue.objects.create(
        employee=cast.employee("staff"), led_by=cast.employee("supervisor"), kind="dialog_kinerja",
        held_on=dt.date(cast.year.year, 3, 2), topics="Capaian triwulan I",
    )  # fmt: skip
    due = dt.date(cast.year.year, 3, 10)
    action = DialogueAction.objects.create(
        dialogue=dialogue, description="Ikut pelatihan SAKIP", owner=cast.employee("staff"), due_date=due
    )
    DialogueAction.objects.create(
        dialogue=dialogue, description="Sudah selesai", owner=cast.employee("staff"), due_date=due,
        done_at=timezone.now(),
    )  # fmt: skip
    DialogueAction.objects.create(
        dialogue=dialogue, description="Minggu depan", owner=cast.employee("staff"), due_date=due + dt.timedelta(7)
    )
    with time_machine.travel(dt.datetime(due.year, 3, 9, 8, 0, tzinfo=dt.UTC)):
        _run()
        _run()

    sent = ReminderSent.objects.get()
    assert (sent.employee, sent.action, sent.kind) == (cast.employee("staff"), action, ReminderKind.ACTION_DUE)
    note = Notification.objects.get(recipient=cast.user("staff"))
    assert "Ikut pelatihan SAKIP" in note.body
    assert [m.to for m in mail.outbox] == [["alice@example.go.id"]]


def test_the_number_of_queries_does_not_grow_with_the_people_reminded(reminder_cast: PlanningCast) -> None:
    cast = reminder_cast
    q3, q2 = _q3(cast), cast.year.periods.get(kind=PeriodKind.PERIODIC, number=2)
    with time_machine.travel(_days_before(q2, 1)), CaptureQueriesContext(connection) as few:
        _run()
    # carol too, for Q3: one more person reminded
    plan = WorkPlanFactory(employee=cast.employee("colleague"), year=cast.year)
    IndicatorFactory(item=PlanItemFactory(work_plan=plan, supported_item=cast.kabid_items[0]))
    approve_directly(plan, owner_user=cast.user("colleague"), penilai_user=cast.user("supervisor"))
    with time_machine.travel(_days_before(q3, 1)), CaptureQueriesContext(connection) as more:
        _run()

    assert ReminderSent.objects.filter(period=q3).count() == 4
    assert len(more.captured_queries) == len(few.captured_queries)
