"""Keberatan deadline reminders (called by ``manage.py send_deadline_reminders``, hourly by cron).

The penilai is reminded of an explanation and the atasan pejabat penilai of a decision when the deadline is
REMIND_DAYS_BEFORE days away or already passed. Idempotent: the reminder's time is stored on the objection
and a reminded objection is never reminded again. Set-based: a handful of queries however many are due.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.accounts.models import User
from kinerja.evaluation.choices import ObjectionStatus
from kinerja.evaluation.models import Objection
from kinerja.evaluation.services._common import date_text, page_url
from kinerja.notifications import services as notifications
from kinerja.organization import selectors as org_selectors

REMIND_DAYS_BEFORE = 2
EXPLANATION_VERB = "evaluation.objection.explanation_reminder"
DECISION_VERB = "evaluation.objection.decision_reminder"


def _due(today: dt.date) -> tuple[list[dict], list[dict]]:
    """(explanations due, decisions due) not reminded yet: two queries."""
    horizon = today + dt.timedelta(days=REMIND_DAYS_BEFORE)
    columns = ("pk", "explanation_due", "decision_due", "evaluation__employee__name")
    explanations = list(
        Objection.objects.filter(
            status=ObjectionStatus.FILED, explanation_reminded_at__isnull=True, explanation_due__lte=horizon
        ).values(*columns, recipient=F("evaluation__penilai_id"))
    )
    decisions = list(
        Objection.objects.filter(
            status__in=(ObjectionStatus.FILED, ObjectionStatus.EXPLAINED),
            decision_reminded_at__isnull=True,
            decision_due__lte=horizon,
        ).values(*columns, recipient=F("evaluation__atasan_penilai_id"))
    )
    return explanations, decisions


def _message(row: dict, kind: str, user: User) -> notifications.Message:
    url = page_url("evaluation:objection", pk=row["pk"])
    name = row["evaluation__employee__name"]
    if kind == "explanation":
        return notifications.Message(
            recipient=user,
            verb=EXPLANATION_VERB,
            title=_("Your explanation of the keberatan of %(name)s is due on %(date)s")
            % {"name": name, "date": date_text(row["explanation_due"])},
            url=url,
        )
    return notifications.Message(
        recipient=user,
        verb=DECISION_VERB,
        title=_("Your decision on the keberatan of %(name)s is due on %(date)s")
        % {"name": name, "date": date_text(row["decision_due"])},
        url=url,
    )


def objection_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each penilai and atasan penilai once per keberatan deadline; returns the notifications left."""
    today = today or org_selectors.today()
    explanations, decisions = _due(today)
    if not explanations and not decisions:
        return 0
    recipients = {row["recipient"] for row in (*explanations, *decisions) if row["recipient"] is not None}
    users = {u.employee_id: u for u in User.objects.filter(employee_id__in=recipients, is_active=True)}
    now = timezone.now()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        # Marked even when nobody can be told (no account, or a Pimpinan daerah outside the tree), so they are
        # not looked at again every hour; the deadline still shows on the keberatan page.
        Objection.objects.filter(pk__in=[row["pk"] for row in explanations]).update(explanation_reminded_at=now)
        Objection.objects.filter(pk__in=[row["pk"] for row in decisions]).update(decision_reminded_at=now)
        messages = [
            _message(row, kind, users[row["recipient"]])
            for kind, rows in (("explanation", explanations), ("decision", decisions))
            for row in rows
            if row["recipient"] in users
        ]
        return notifications.notify_many(messages)
