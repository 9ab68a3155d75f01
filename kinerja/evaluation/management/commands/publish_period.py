"""``manage.py publish_period <year> <period number|annual> --user <admin bkpsdm> [--force]``.

BKPSDM publishes every rated evaluation of the period city-wide in one set-based operation and locks the period
(monitoring entries of the period become read-only). Audited under the given Admin BKPSDM account. Refused while
an OPD forum with rated people is not locked, unless --force.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.accounts.models import User
from kinerja.core.management.base import TranslatedCommand
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationForum, Evaluation
from kinerja.evaluation.services import period_publish
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod

ANNUAL = "annual"


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Publish the rated evaluations of a period for the whole city and lock the period "
        "(for example: publish_period 2026 1 --user bea, or publish_period 2026 annual --user bea)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("year", type=int, help=_("The performance year, e.g. 2026."))
        parser.add_argument("period", help=_('The period number (1–4, or the month) or "annual".'))
        parser.add_argument("--user", required=True, help=_("Username of the Admin BKPSDM who publishes (audited)."))
        parser.add_argument("--dry-run", action="store_true", help=_("Only print what would be published."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_(
                "Publish even though some OPD forums with rated people are not locked (their distribution was not "
                "checked); the audit trail records it."
            ),
        )

    def _period(self, year: int, period: str) -> EvaluationPeriod:
        rows = EvaluationPeriod.objects.select_related("year").filter(year__year=year)
        if period.strip().lower() in (ANNUAL, "tahunan"):
            rows = rows.filter(kind=PeriodKind.ANNUAL)
        elif period.strip().isdigit():
            rows = rows.filter(kind=PeriodKind.PERIODIC, number=int(period))
        else:
            raise CommandError(_('Give the period as a number or "annual".'))
        found = rows.first()
        if found is None:
            raise CommandError(_("No such period in %(year)s.") % {"year": year})
        return found

    def handle(self, *args: Any, **options: Any) -> None:
        period = self._period(options["year"], options["period"])
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("No active user %(username)s.") % {"username": options["user"]})
        counts = Evaluation.objects.filter(period=period).aggregate(
            rated=Count("pk", filter=Q(status=EvaluationStatus.RATED)),
            unrated=Count("pk", filter=Q(status=EvaluationStatus.OPEN)),
        )
        unlocked = CalibrationForum.objects.filter(period=period).exclude(status=ForumStatus.LOCKED).count()
        summary = _(
            "%(period)s: %(rated)d rated evaluation(s) to publish; %(unrated)d not rated yet (they stay open); "
            "%(unlocked)d evaluation forum(s) not locked."
        ) % {"period": period, "unlocked": unlocked, **counts}
        self.stdout.write(summary)
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was published."))
            return
        try:
            published = period_publish(actor=user, period=period, force=options["force"])
        except PermissionDenied as exc:
            raise CommandError(_("%(username)s may not publish periods (Admin BKPSDM only).") % {
                "username": user.get_username()
            }) from exc  # fmt: skip
        except InvalidState as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Published %(count)d evaluation(s) of %(period)s; the period is locked.")
                % {"count": published, "period": period}
            )
        )
