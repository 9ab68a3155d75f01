"""Deadline reminders (management command send_deadline_reminders): in-app notification plus e-mail.

Idempotent by construction: every reminder sent is recorded in ReminderSent (unique per employee and
period, or per employee and agreed action), and what is already recorded is never sent again, so cron
can run the command hourly. Everything is set-based: a handful of queries however many people are due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kinerja.accounts.models import User
from kinerja.monitoring.models import DialogueAction, Realization, ReminderKind, ReminderSent
from kinerja.notifications import services as notifications
from kinerja.organization.models import Employee
from kinerja.planning.choices import WorkPlanStatus, YearStatus
from kinerja.planning.models import EvaluationPeriod, Indicator

REALISATION_VERB = "monitoring.realization.reminder"
ACTION_VERB = "monitoring.action.reminder"


@dataclass
class Reminder:
    """One reminder to one employee, before it is sent."""

    employee_id: int
    kind: str
    title: str
    body: str
    period_id: int | None = None
    action_id: int | None = None


@dataclass
class ReminderRun:
    """What a run found and sent (the command prints it; --dry-run sends nothing)."""

    periods: list[EvaluationPeriod] = field(default_factory=list)
    realisation_due: int = 0
    action_due: int = 0
    notified: int = 0
    emailed: int = 0


def periods_due(today: dt.date, days: int) -> list[EvaluationPeriod]:
    """Unlocked periods of an open year whose realisasi deadline falls in [today, today + days]."""
    return list(
        EvaluationPeriod.objects.filter(
            year__status=YearStatus.OPEN,
            locked_at__isnull=True,
            realisasi_deadline__gte=today,
            realisasi_deadline__lte=today + dt.timedelta(days=days),
        )
        .select_related("year")
        .order_by("realisasi_deadline", "pk")
    )


def _missing_counts(period: EvaluationPeriod) -> dict[int, int]:
    """employee id → number of IKI of their approved SKP (covering the period) without realisasi: one query."""
    filled = Realization.objects.filter(indicator=OuterRef("pk"), period=period)
    already = ReminderSent.objects.filter(
        employee=OuterRef("item__work_plan__employee"), period=period, kind=ReminderKind.REALISATION_DUE
    )
    rows = (
        Indicator.objects.filter(
            item__work_plan__status=WorkPlanStatus.APPROVED,
            item__work_plan__year_id=period.year_id,
            item__work_plan__start_date__lte=period.end_date,
            item__work_plan__end_date__gte=period.start_date,
        )
        .filter(~Exists(filled), ~Exists(already))
        .values("item__work_plan__employee")
        .annotate(missing=Count("pk"))
    )
    return {row["item__work_plan__employee"]: row["missing"] for row in rows}


def realisation_reminders(period: EvaluationPeriod) -> list[Reminder]:
    """Employees who still owe realisasi for the period and were not reminded yet."""
    deadline = period.realisasi_deadline.strftime("%d/%m/%Y")
    title = _("Realisasi for %(period)s is due on %(date)s") % {"period": period, "date": deadline}
    reminders = []
    for employee_id, missing in sorted(_missing_counts(period).items()):
        body = _(
            "%(count)s indicator(s) of your SKP have no realisasi for %(period)s yet. "
            "Fill them in with their evidence before %(date)s."
        ) % {"count": missing, "period": period, "date": deadline}
        reminders.append(
            Reminder(
                employee_id=employee_id, kind=ReminderKind.REALISATION_DUE, title=title, body=body, period_id=period.pk
            )
        )
    return reminders


def action_reminders(today: dt.date) -> list[Reminder]:
    """Owners of open agreed actions due tomorrow who were not reminded of that action yet: one query."""
    already = ReminderSent.objects.filter(
        action=OuterRef("pk"), employee=OuterRef("owner"), kind=ReminderKind.ACTION_DUE
    )
    actions = (
        DialogueAction.objects.filter(done_at__isnull=True, due_date=today + dt.timedelta(days=1))
        .filter(~Exists(already))
        .select_related("dialogue")
        .order_by("pk")
    )
    reminders = []
    for action in actions:
        title = _("An agreed action is due tomorrow")
        body = _("Due %(date)s: %(action)s (agreed on %(held_on)s).") % {
            "date": action.due_date.strftime("%d/%m/%Y"),
            "action": action.description,
            "held_on": action.dialogue.held_on.strftime("%d/%m/%Y"),
        }
        reminders.append(
            Reminder(
                employee_id=action.owner_id, kind=ReminderKind.ACTION_DUE, title=title, body=body, action_id=action.pk
            )
        )
    return reminders


def _page(name: str) -> str:
    """The page a reminder links to; no link rather than a broken one if that page is not mounted."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


# Realisasi: the pegawai's monitoring home (what is missing); actions: the dialogue list with follow-ups.
_PAGES = {ReminderKind.REALISATION_DUE: "monitoring:today", ReminderKind.ACTION_DUE: "monitoring:dialogues"}


def _deliver(reminders: list[Reminder]) -> tuple[int, int]:
    """Record, notify in-app and queue e-mails for the reminders; returns (notified, e-mailed)."""
    employee_ids = {r.employee_id for r in reminders}
    users = {
        u.employee_id: u
        for u in User.objects.filter(employee_id__in=employee_ids, is_active=True).only(
            "pk", "employee_id", "is_active"
        )
    }
    addresses = dict(Employee.objects.filter(pk__in=employee_ids).exclude(email="").values_list("pk", "email"))
    urls = {kind: _page(name) for kind, name in _PAGES.items()}
    ReminderSent.objects.bulk_create(
        ReminderSent(
            employee_id=r.employee_id,
            kind=r.kind,
            period_id=r.period_id,
            action_id=r.action_id,
            emailed=r.employee_id in addresses,
        )
        for r in reminders
    )  # a concurrent run hits the unique constraints and rolls back instead of sending twice
    notified = notifications.notify_many(
        notifications.Message(
            recipient=users[r.employee_id],
            verb=REALISATION_VERB if r.kind == ReminderKind.REALISATION_DUE else ACTION_VERB,
            title=r.title,
            body=r.body,
            url=urls[r.kind],
        )
        for r in reminders
        if r.employee_id in users
    )
    messages = [
        EmailMessage(
            subject=r.title, body=r.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[addresses[r.employee_id]]
        )
        for r in reminders
        if r.employee_id in addresses
    ]
    if messages:
        # Sent after commit over one connection: a rolled-back run mails nobody.
        transaction.on_commit(lambda: get_connection().send_messages(messages))
    return notified, len(messages)


def send_deadline_reminders(*, today: dt.date, days: int = 3, dry_run: bool = False) -> ReminderRun:
    """Find who is due a reminder and (unless dry_run) send each reminder exactly once."""
    run = ReminderRun(periods=periods_due(today, days))
    reminders: list[Reminder] = []
    for period in run.periods:
        reminders.extend(realisation_reminders(period))
    actions = action_reminders(today)
    reminders.extend(actions)
    run.realisation_due = len(reminders) - len(actions)
    run.action_due = len(actions)
    if dry_run or not reminders:
        return run
    with transaction.atomic():
        run.notified, run.emailed = _deliver(reminders)
    return run
