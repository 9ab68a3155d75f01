"""Keberatan deadline reminders: the penilai for the explanation, the atasan for the decision, each once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from kinerja.evaluation import services
from kinerja.evaluation.choices import ObjectionStatus, Rating
from kinerja.evaluation.services.reminders import DECISION_VERB, EXPLANATION_VERB, REMIND_DAYS_BEFORE
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import ObjectionFactory
from kinerja.notifications.models import Notification
from kinerja.organization import selectors as org_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def objection(evaluation_cast):
    evaluation = publish(
        rate(evaluation_cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("supervisor"))
    )
    return ObjectionFactory(evaluation=evaluation)


def test_nothing_is_reminded_while_the_deadlines_are_far(objection):
    assert services.objection_reminders_send(today=org_selectors.today()) == 0
    assert not Notification.objects.exists()


def test_the_penilai_is_reminded_of_the_explanation_once(evaluation_cast, objection):
    day = objection.explanation_due - dt.timedelta(days=REMIND_DAYS_BEFORE)
    assert services.objection_reminders_send(today=day) == 1
    note = Notification.objects.get()
    assert (note.recipient, note.verb) == (evaluation_cast.user("supervisor"), EXPLANATION_VERB)
    assert "Alice" in note.title
    assert services.objection_reminders_send(today=day) == 0
    assert services.objection_reminders_send(today=day + dt.timedelta(days=1)) == 0
    assert Notification.objects.count() == 1


def test_the_atasan_is_reminded_of_the_decision_once_even_after_the_explanation(evaluation_cast, objection):
    objection.status = ObjectionStatus.EXPLAINED
    objection.save()
    day = objection.decision_due - dt.timedelta(days=1)
    assert services.objection_reminders_send(today=day) == 1
    note = Notification.objects.get()
    assert (note.recipient, note.verb) == (evaluation_cast.user("opd_head"), DECISION_VERB)
    assert services.objection_reminders_send(today=day) == 0


def test_a_decided_keberatan_is_not_reminded(objection):
    objection.status = ObjectionStatus.DECIDED
    objection.save()
    assert services.objection_reminders_send(today=objection.decision_due) == 0


def test_the_deadline_reminder_command_sends_keberatan_reminders_too(evaluation_cast, objection):
    objection.explanation_due = org_selectors.today()
    objection.save()
    out = StringIO()
    call_command("send_deadline_reminders", stdout=out)
    assert "Keberatan deadline reminders sent: 1." in out.getvalue()
    assert Notification.objects.filter(verb=EXPLANATION_VERB).count() == 1
    call_command("send_deadline_reminders", stdout=StringIO())
    assert Notification.objects.filter(verb=EXPLANATION_VERB).count() == 1


def test_an_opd_heads_keberatan_reminds_the_pimpinan_daerah_who_act_on_it(evaluation_cast):
    from kinerja.accounts.choices import Role
    from kinerja.accounts.models import User
    from kinerja.accounts.tests.factories import RoleGrantFactory
    from kinerja.organization.tests.factories import EmployeeFactory

    # hana has no penilai nor atasan in the tree: the Wali Kota rated her, the Wakil decides.
    wakil = User.objects.create(username="wakil", employee=EmployeeFactory(name="Wakil"))
    RoleGrantFactory(user=wakil, role=Role.REGIONAL_LEADER, scope=evaluation_cast.root)
    evaluation = publish(
        rate(evaluation_cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, evaluation_cast.user("leader"))
    )
    objection = ObjectionFactory(evaluation=evaluation)
    assert services.objection_reminders_send(today=objection.decision_due) == 2
    told = {(n.recipient_id, n.verb) for n in Notification.objects.all()}
    assert told == {(evaluation_cast.user("leader").pk, EXPLANATION_VERB), (wakil.pk, DECISION_VERB)}
    assert services.objection_reminders_send(today=objection.decision_due) == 0
