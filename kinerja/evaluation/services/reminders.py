"""Keberatan deadline reminders (called by ``manage.py send_deadline_reminders``, hourly by cron).

The penilai is reminded of an explanation and the atasan pejabat penilai of a decision when the deadline is
REMIND_DAYS_BEFORE days away or already passed. Idempotent: the reminder's time is stored on the objection
and a reminded objection is never reminded again. The due keberatan are found in two queries; who to tell is
resolved per keberatan as permissions.py decides who acts today (the successor of a penilai or atasan who left,
the Pimpinan daerah for an OPD head), so a reminder reaches whoever can act. Keberatan are few; the cost is small.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.accounts.models import User
from kinerja.evaluation import permissions
from kinerja.evaluation.choices import ObjectionStatus
from kinerja.evaluation.models import Objection
from kinerja.evaluation.services._common import date_text, page_url
from kinerja.notifications import services as notifications
from kinerja.organization import selectors as org_selectors

REMIND_DAYS_BEFORE = 2
EXPLANATION_VERB = "evaluation.objection.explanation_reminder"
DECISION_VERB = "evaluation.objection.decision_reminder"


def _due(today: dt.date) -> tuple[list[Objection], list[Objection]]:
    """(explanations due, decisions due) not reminded yet: two queries."""
    horizon = today + dt.timedelta(days=REMIND_DAYS_BEFORE)
    objections = Objection.objects.select_related(
        "evaluation__employee", "evaluation__unit", "evaluation__work_plan__unit",
        "evaluation__work_plan__penilai_position",
    )  # fmt: skip
    explanations = list(
        objections.filter(
            status=ObjectionStatus.FILED, explanation_reminded_at__isnull=True, explanation_due__lte=horizon
        )
    )
    decisions = list(
        objections.filter(
            status__in=(ObjectionStatus.FILED, ObjectionStatus.EXPLAINED),
            decision_reminded_at__isnull=True,
            decision_due__lte=horizon,
        )
    )
    return explanations, decisions


def _message(objection: Objection, kind: str, user: User) -> notifications.Message:
    url = page_url("evaluation:objection", pk=objection.pk)
    name = objection.evaluation.employee.name
    if kind == "explanation":
        return notifications.Message(
            recipient=user,
            verb=EXPLANATION_VERB,
            title=_("Your explanation of the keberatan of %(name)s is due on %(date)s")
            % {"name": name, "date": date_text(objection.explanation_due)},
            url=url,
        )
    return notifications.Message(
        recipient=user,
        verb=DECISION_VERB,
        title=_("Your decision on the keberatan of %(name)s is due on %(date)s")
        % {"name": name, "date": date_text(objection.decision_due)},
        url=url,
    )


_RECIPIENTS = {"explanation": permissions.penilai_users, "decision": permissions.atasan_penilai_users}


def objection_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind whoever explains and decides each keberatan today, once per deadline; returns the notifications left."""
    today = today or org_selectors.today()
    explanations, decisions = _due(today)
    if not explanations and not decisions:
        return 0
    now = timezone.now()
    messages: list[notifications.Message] = []
    reminded: dict[str, list[int]] = {"explanation": [], "decision": []}
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        for kind, objections in (("explanation", explanations), ("decision", decisions)):
            for objection in objections:
                # Whoever acts today (an active account): marked once told. A keberatan with nobody at all to
                # act on it is marked too, so it is not looked at again every hour; its page shows the deadline.
                messages.extend(_message(objection, kind, user) for user in _RECIPIENTS[kind](objection.evaluation))
                reminded[kind].append(objection.pk)
        Objection.objects.filter(pk__in=reminded["explanation"]).update(explanation_reminded_at=now)
        Objection.objects.filter(pk__in=reminded["decision"]).update(decision_reminded_at=now)
        return notifications.notify_many(messages)
