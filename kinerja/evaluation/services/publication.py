"""Publication of results: set-based, whatever the size of the OPD or the city (issue 5 §7).

One UPDATE of the evaluations, one read of who to tell, one notify_many and one audit event: the number of
queries does not grow with the number of people. Publishing freezes the predikat that counts as final.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.accounts.models import User
from kinerja.evaluation import permissions
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationForum, Evaluation
from kinerja.evaluation.services._common import date_text, lock_row, page_url, record, require
from kinerja.notifications import services as notifications
from kinerja.organization.models import OrgUnit
from kinerja.planning.models import EvaluationPeriod

PUBLISHED_VERB = "evaluation.evaluation.published"


def _notify_published(scope: QuerySet[Evaluation], stamp: Any) -> None:
    """Tell each employee whose result was just published, after commit, in one insert."""
    rows = list(
        scope.filter(published_at=stamp, employee__user__is_active=True).values_list(
            "pk", "employee__user__pk", "period__name", "period__year__year"
        )
    )
    if not rows:
        return
    users = User.objects.only("pk", "is_active").in_bulk({row[1] for row in rows})

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            notifications.notify_many(
                notifications.Message(
                    recipient=users[user_pk],
                    verb=PUBLISHED_VERB,
                    title=_("Your performance result for %(period)s is published") % {"period": f"{name} {year}"},
                    body=_(
                        "See your predikat, the reasons for your ratings and any change made by the evaluation "
                        "forum. You may file a keberatan within the period shown on the page."
                    ),
                    url=page_url("evaluation:detail", pk=pk),
                )  # fmt: skip
                for pk, user_pk, name, year in rows
            )

    transaction.on_commit(send)


def publish_set(
    actor: Any,
    scope: QuerySet[Evaluation],
    *,
    target: models.Model,
    unit: OrgUnit | None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> int:
    """Publish every RATED evaluation of ``scope``; callers have checked the right and run in a transaction.

    ``scope`` must not filter on status: it is read again after the update to find who was published.
    """
    stamp = timezone.now()
    count = scope.filter(status=EvaluationStatus.RATED).update(
        status=EvaluationStatus.PUBLISHED,
        # The predikat that counts (the forum's, else the matrix's) becomes the final one.
        final_predikat=Case(When(final_predikat="", then=F("proposed_predikat")), default=F("final_predikat")),
        published_at=stamp,
        lock_version=F("lock_version") + 1,
        updated_at=stamp,
    )
    if count:
        _notify_published(scope, stamp)
    record(actor, PUBLISHED_VERB, target, unit=unit, after={"published": count, **(after or {})}, reason=reason)
    return count


def _forum_locked() -> Exists:
    """The evaluation's OPD forum for its period is locked (a correlated subquery, no extra query)."""
    return Exists(
        CalibrationForum.objects.filter(
            agency_id=OuterRef("agency_id"), period_id=OuterRef("period_id"), status=ForumStatus.LOCKED
        )
    )


def evaluations_publish(*, actor: Any, evaluations: QuerySet[Evaluation] | Iterable[Evaluation]) -> int:
    """BKPSDM publishes the given rated evaluations of OPD heads (calibrated outside any forum); returns how many.

    Anyone else is published by the lock of their OPD's forum, after its distribution check (SE MenPANRB
    3/2023): they are skipped here while that forum is not locked.
    """
    require(permissions.can_publish_period(actor))
    if not isinstance(evaluations, QuerySet):
        evaluations = Evaluation.objects.filter(pk__in=[ev.pk for ev in evaluations])
    scope = Evaluation.objects.filter(pk__in=evaluations.values("pk")).filter(Q(is_agency_head=True) | _forum_locked())
    with transaction.atomic():
        total = 0
        periods = EvaluationPeriod.objects.filter(pk__in=scope.values("period_id")).select_related("year")
        for period in periods:  # one per period (usually exactly one), so each is audited against its period
            total += publish_set(actor, scope.filter(period=period), target=period, unit=None)
    return total


SHOWN_AGENCIES = 10


def _unlocked_forums(period: EvaluationPeriod) -> list[tuple[str, int]]:
    """(OPD name, rated people) of each OPD whose forum population has rated people but is not locked: one query."""
    rows = (
        Evaluation.objects.filter(period=period, status=EvaluationStatus.RATED, is_agency_head=False)
        .exclude(_forum_locked())
        .values("agency__name")
        .annotate(rated=Count("pk"))
        .order_by("agency__name")
    )
    return [(row["agency__name"], row["rated"]) for row in rows]


def _unlocked_message(period: EvaluationPeriod, agencies: list[tuple[str, int]]) -> str:
    names = ", ".join(name for name, _count in agencies[:SHOWN_AGENCIES])
    more = len(agencies) - SHOWN_AGENCIES
    if more > 0:
        names = ngettext("%(names)s and %(count)d more OPD", "%(names)s and %(count)d more OPDs", more) % {
            "names": names,
            "count": more,
        }
    return _(
        "%(period)s cannot be published yet: the evaluation forum of these OPDs has rated people but is not "
        "locked, so their distribution was not checked (SE MenPANRB 3/2023): %(agencies)s. Lock their forums "
        "first."
    ) % {"period": period, "agencies": names}


def period_publish(*, actor: Any, period: EvaluationPeriod, force: bool = False) -> int:
    """BKPSDM publishes a whole period city-wide and locks it (monitoring becomes read-only for it).

    Every rated evaluation not yet published is published; unrated ones stay open for their penilai. Refused
    while an OPD's forum has rated people but is not locked (they would be published uncalibrated), unless
    ``force`` (BKPSDM decides to publish anyway; the audit event says so).
    """
    require(permissions.can_publish_period(actor))
    with transaction.atomic():
        lock_row(period)
        if period.locked_at is not None:
            raise InvalidState(
                _("%(period)s was already published on %(date)s.")
                % {"period": period, "date": date_text(timezone.localdate(period.locked_at))}
            )
        unlocked = _unlocked_forums(period)
        if unlocked and not force:
            raise InvalidState(_unlocked_message(period, unlocked))
        period.locked_at = timezone.now()
        period.save(update_fields=["locked_at"])
        scope = Evaluation.objects.filter(period=period)
        after: dict[str, Any] = {"locked_at": period.locked_at.isoformat()}
        if unlocked:
            after["forced_unlocked_forums"] = [name for name, _count in unlocked]
        count = publish_set(actor, scope, target=period, unit=None, after=after)
    return count
