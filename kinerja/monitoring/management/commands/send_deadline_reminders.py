"""``manage.py send_deadline_reminders``: remind who owes realisasi or an agreed action (cron, hourly).

Idempotent: each reminder (employee × period, employee × action) is sent at most once, however often
the command runs (see kinerja.monitoring.reminders).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.core.management.base import TranslatedCommand
from kinerja.evaluation.services import objection_reminders_send
from kinerja.monitoring.reminders import send_deadline_reminders
from kinerja.organization import selectors as org_selectors

DEFAULT_DAYS = 3


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Send one reminder (in-app and e-mail) to each employee whose realisasi is missing for a period due within "
        "--days days, and to owners of agreed actions due tomorrow. Safe to run every hour."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=_("Remind when the realisasi deadline is at most this many days away."),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Only print how many reminders are due."))

    def handle(self, *args: Any, **options: Any) -> None:
        days: int = options["days"]
        if days < 0:
            raise CommandError(_("--days must be zero or more."))
        run = send_deadline_reminders(today=org_selectors.today(), days=days, dry_run=options["dry_run"])
        periods = ", ".join(str(p) for p in run.periods) or _("none")
        counts = {"periods": periods, "realisasi": run.realisation_due, "actions": run.action_due}
        if options["dry_run"]:
            self.stdout.write(
                _("Dry run. Periods due: %(periods)s. Realisasi reminders due: %(realisasi)d; action reminders due: "
                  "%(actions)d. Nothing was sent.") % counts
            )  # fmt: skip
            return
        counts.update(notified=run.notified, emailed=run.emailed)
        self.stdout.write(
            self.style.SUCCESS(
                _("Periods due: %(periods)s. Sent %(realisasi)d realisasi and %(actions)d action reminders "
                  "(%(notified)d in-app, %(emailed)d e-mails).") % counts
            )
        )  # fmt: skip
        objections = objection_reminders_send(today=org_selectors.today())
        self.stdout.write(_("Keberatan deadline reminders sent: %(count)d.") % {"count": objections})
