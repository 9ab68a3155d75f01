"""Forum evaluasi kinerja of an OPD and period: adjustments with reasons, minutes and the lock (regulation.md §7).

The distribution rules (SE MenPANRB 3/2023, §6.4) are checked against the OPD's capaian; locking is refused
while anyone is unrated, a rule is violated, a small-unit warning has no justification or the minutes are
empty. Locking publishes the final predikat of the whole forum in one set-based operation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Case, CharField, Count, F, QuerySet, When
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.audit.services import snapshot
from kinerja.evaluation import distribution, permissions, selectors
from kinerja.evaluation.choices import AdjustmentSource, EvaluationStatus, ForumStatus, Predikat
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationAdjustment, CalibrationForum, Evaluation, OrganizationRating
from kinerja.evaluation.services._common import (
    LONG_TEXT_MAX,
    bump_lock,
    check_version,
    clean_text,
    lock_row,
    record,
    record_evaluation,
    require,
)
from kinerja.evaluation.services.evaluations import evaluations_open
from kinerja.evaluation.services.publication import publish_set
from kinerja.organization.models import Employee, OrgUnit
from kinerja.planning.models import EvaluationPeriod, WorkPlan

_FORUM_FIELDS = ["guests", "held_on", "minutes", "justification"]


def predikat_counts(evaluations: QuerySet[Evaluation]) -> dict[str, int]:
    """Rated people per predikat that counts (the forum's, else the matrix's), all five keys: one query."""
    counted = (
        evaluations.exclude(status=EvaluationStatus.OPEN)
        .annotate(
            counted=Case(
                When(final_predikat="", then=F("proposed_predikat")),
                default=F("final_predikat"),
                output_field=CharField(),
            )
        )
        .values("counted")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(Predikat.values, 0)
    for row in counted:
        if row["counted"] in counts:
            counts[row["counted"]] = row["n"]
    return counts


def _open_agency_evaluations(agency: OrgUnit, period: EvaluationPeriod) -> int:
    plans = WorkPlan.objects.filter(unit__path__startswith=agency.path)
    return evaluations_open(period=period, work_plans=plans)


def _check_forum_open(forum: CalibrationForum) -> None:
    if forum.status == ForumStatus.LOCKED:
        raise InvalidState(_("This evaluation forum is locked and its results are published: nothing can change."))


def forum_open(*, actor: Any, agency: OrgUnit, period: EvaluationPeriod) -> CalibrationForum:
    """Open (or reopen the page of) the forum of an OPD and period; opens evaluations for its approved SKP."""
    require(permissions.can_manage_forum(actor, agency))
    if not agency.is_agency:
        raise ValidationError({"agency": [_("A forum is held per OPD: choose an OPD, kecamatan or secretariat.")]})
    with transaction.atomic():
        forum, created = CalibrationForum.objects.get_or_create(
            agency=agency, period=period, defaults={"opened_by": actor}
        )
        if forum.status == ForumStatus.LOCKED:
            return forum
        opened = _open_agency_evaluations(agency, period)
        if created or opened:
            record(
                actor,
                "evaluation.forum.opened" if created else "evaluation.forum.evaluations_opened",
                forum,
                unit=agency,
                after={"evaluations_opened": opened},
            )
    return forum


def _clean_held_on(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        day = parse_date(str(value).strip())
    except ValueError:
        day = None
    if day is None:
        raise ValidationError({"held_on": [_("Enter a valid date (YYYY-MM-DD).")]})
    return day


def _participant_ids(participants: Iterable[Employee | int]) -> list[int]:
    ids = sorted({p.pk if isinstance(p, Employee) else int(p) for p in participants})
    if Employee.objects.filter(pk__in=ids).count() != len(ids):
        raise ValidationError({"participants": [_("Choose participants from the list of employees.")]})
    return ids


def forum_update(
    *,
    actor: Any,
    forum: CalibrationForum,
    participants: Iterable[Employee | int],
    guests: str,
    held_on: dt.date | str | None,
    minutes: str,
    justification: str,
    lock_version: int | None,
) -> CalibrationForum:
    """Participants, date, minutes (berita acara) and the justification for small-unit warnings."""
    with transaction.atomic():
        lock_row(forum)
        _check_forum_open(forum)
        require(permissions.can_manage_forum(actor, forum.agency))
        check_version(forum, lock_version)
        ids = _participant_ids(participants)
        values = {
            "guests": clean_text(guests, "guests", required=False),
            "held_on": _clean_held_on(held_on),
            "minutes": clean_text(minutes, "minutes", required=False, max_length=LONG_TEXT_MAX),
            "justification": clean_text(justification, "justification", required=False),
        }
        before = {
            **snapshot(forum, _FORUM_FIELDS),
            "participants": sorted(forum.participants.values_list("pk", flat=True)),
        }
        for name, value in values.items():
            setattr(forum, name, value)
        forum.save()
        forum.participants.set(ids)
        bump_lock(forum)
        after = {**snapshot(forum, _FORUM_FIELDS), "participants": ids}
        record(actor, "evaluation.forum.updated", forum, unit=forum.agency, before=before, after=after)
    return forum


def _adjustable(actor: Any, forum: CalibrationForum, evaluation: Evaluation) -> None:
    if evaluation.agency_id != forum.agency_id or evaluation.period_id != forum.period_id or evaluation.is_agency_head:
        raise ValidationError({"evaluation": [_("Choose someone calibrated by this forum.")]})
    if getattr(actor, "employee_id", None) is not None and actor.employee_id == evaluation.employee_id:
        # An Admin OPD or Admin BKPSDM may sit in the forum that calibrates them: they take no part in their own.
        raise ValidationError(
            {"evaluation": [_("Nobody calibrates their own result: another member of the forum adjusts it.")]}
        )
    if evaluation.status == EvaluationStatus.PUBLISHED:
        raise InvalidState(_("The result of %(name)s is already published.") % {"name": evaluation.employee})
    if evaluation.status == EvaluationStatus.OPEN:
        raise ValidationError(
            {"evaluation": [_("%(name)s is not rated yet: the penilai rates first.") % {"name": evaluation.employee}]}
        )


def _clean_target(evaluation: Evaluation, to_predikat: str) -> None:
    if to_predikat not in Predikat.values:
        raise ValidationError({"to_predikat": [_("Choose one of the five predikat.")]})
    if to_predikat == evaluation.predikat:
        raise ValidationError(
            {"to_predikat": [_("%(name)s already has this predikat.") % {"name": evaluation.employee}]}
        )


def _adjust(
    actor: Any, forum: CalibrationForum, evaluation: Evaluation, to_predikat: str, reason: str, source: str
) -> CalibrationAdjustment:
    from_predikat = evaluation.predikat
    adjustment = CalibrationAdjustment.objects.create(
        forum=forum,
        evaluation=evaluation,
        from_predikat=from_predikat,
        to_predikat=to_predikat,
        reason=reason,
        source=source,
        by=actor,
    )
    # Back to the matrix's predikat means no calibration change is left to show; the adjustments keep the trail.
    back = to_predikat == evaluation.proposed_predikat
    evaluation.final_predikat = "" if back else to_predikat
    evaluation.calibration_reason = "" if back else reason
    evaluation.save(update_fields=["final_predikat", "calibration_reason", "updated_at"])
    bump_lock(evaluation)
    record_evaluation(
        actor,
        "evaluation.calibration.adjusted",
        evaluation,
        target=adjustment,
        before={"predikat": from_predikat},
        after={"predikat": to_predikat, "source": source},
        reason=reason,
    )
    return adjustment


def _clean_reason(reason: str) -> str:
    return clean_text(
        reason, "reason", message=_("Write the reason for the change: the employee will read it with their result.")
    )


def forum_adjust(
    *, actor: Any, forum: CalibrationForum, evaluation: Evaluation, to_predikat: str, reason: str
) -> CalibrationAdjustment:
    """The forum changes one person's predikat, with the reason the employee will read."""
    with transaction.atomic():
        lock_row(forum)
        _check_forum_open(forum)
        require(permissions.can_manage_forum(actor, forum.agency))
        lock_row(evaluation)
        _adjustable(actor, forum, evaluation)
        _clean_target(evaluation, to_predikat)
        reason = _clean_reason(reason)
        adjustment = _adjust(actor, forum, evaluation, to_predikat, reason, AdjustmentSource.MANUAL)
        bump_lock(forum)
    return adjustment


def forum_apply_suggestion(
    *, actor: Any, forum: CalibrationForum, changes: list[tuple[int, str]], reason: str
) -> list[CalibrationAdjustment]:
    """Accept (some of) the proposed changes at once; people decided, the reason is shown to each of them."""
    with transaction.atomic():
        lock_row(forum)
        _check_forum_open(forum)
        require(permissions.can_manage_forum(actor, forum.agency))
        reason = _clean_reason(reason)
        if not changes:
            raise ValidationError({"changes": [_("Choose at least one proposed change.")]})
        try:
            pairs = [(int(pk), str(to_predikat)) for pk, to_predikat in changes]
        except (TypeError, ValueError):
            raise ValidationError({"changes": [_("Choose changes from the proposals.")]}) from None
        wanted = dict(pairs)
        if len(wanted) != len(pairs):
            raise ValidationError({"changes": [_("Each person can be changed once.")]})
        # Recorded as the suggestion's, so only what the fit helper proposes now (the counts may have moved
        # since the page was read); any other change is a manual adjustment with its own reason.
        proposed = {
            (p.evaluation_id, p.to_predikat) for p in selectors.forum_view(forum.agency, forum.period).proposals
        }
        if any(pair not in proposed for pair in wanted.items()):
            raise ValidationError(
                {"changes": [
                    _("Apply only changes the suggestion proposes now: the distribution may have changed since you "
                      "opened the page. Reload it and choose again, or adjust the person by hand with a reason.")
                ]}
            )  # fmt: skip
        evaluations = {
            ev.pk: ev
            for ev in Evaluation.objects.select_for_update()
            .filter(pk__in=list(wanted))
            .select_related("employee", "unit")
        }  # fmt: skip
        if len(evaluations) != len(wanted):
            raise ValidationError({"changes": [_("Choose someone calibrated by this forum.")]})
        for pk, to_predikat in wanted.items():
            _adjustable(actor, forum, evaluations[pk])
            _clean_target(evaluations[pk], to_predikat)
        adjustments = [
            _adjust(actor, forum, evaluations[pk], to_predikat, reason, AdjustmentSource.SUGGESTION)
            for pk, to_predikat in wanted.items()
        ]
        bump_lock(forum)
    return adjustments


def _lock_errors(forum: CalibrationForum) -> tuple[dict[str, list[str]], distribution.DistributionCheck | None]:
    """Everything that stands in the way of the lock, all at once."""
    errors: dict[str, list[str]] = {}
    people = selectors.forum_population(forum.agency_id, forum.period_id)
    unrated = people.filter(status=EvaluationStatus.OPEN).count()
    general = errors.setdefault(NON_FIELD_ERRORS, [])
    if unrated:
        general.append(
            ngettext(
                "%(count)d person is not rated yet: everyone in the forum is rated before the lock.",
                "%(count)d people are not rated yet: everyone in the forum is rated before the lock.",
                unrated,
            )
            % {"count": unrated}
        )
    org_rating = OrganizationRating.objects.filter(unit_id=forum.agency_id, period_id=forum.period_id).first()
    check = None
    if org_rating is None:
        general.append(
            _("The capaian kinerja organisasi of %(agency)s for %(period)s is not set: the allowed distribution "
              "follows from it (SE MenPANRB 3/2023).") % {"agency": forum.agency, "period": forum.period}
        )  # fmt: skip
    else:
        check = distribution.check_distribution(
            org_rating.predikat,
            predikat_counts(people),
            forum.period.year.distribution_rules,
            small_unit_size=settings.KINERJA_SMALL_UNIT_SIZE,
        )
        if check.violations:
            general.append(
                _("The distribution breaks the rules of SE MenPANRB 3/2023: %(rules)s. Adjust predikat (the "
                  "suggestion shows the fewest changes) before the lock.")
                % {"rules": "; ".join(str(r.label) for r in check.violations)}
            )  # fmt: skip
        if check.warnings and not forum.justification.strip():
            errors["justification"] = [
                _("The OPD is too small for these rules: %(rules)s. Write a justification before the lock.")
                % {"rules": "; ".join(str(r.label) for r in check.warnings)}
            ]
    if not forum.minutes.strip():
        errors["minutes"] = [_("Write the minutes (berita acara) of the forum before the lock.")]
    return {field: messages for field, messages in errors.items() if messages}, check


def forum_lock(*, actor: Any, forum: CalibrationForum, lock_version: int | None) -> CalibrationForum:
    """Lock the forum and publish the final predikat of everyone it calibrated; each employee is told."""
    with transaction.atomic():
        lock_row(forum)
        _check_forum_open(forum)
        require(permissions.can_lock_forum(actor, forum.agency))
        check_version(forum, lock_version)
        # SKP approved since the forum opened are counted too: they show up as unrated, not as missing.
        _open_agency_evaluations(forum.agency, forum.period)
        errors, check = _lock_errors(forum)
        if errors:
            raise ValidationError(errors)
        forum.status = ForumStatus.LOCKED
        forum.locked_at = timezone.now()
        forum.locked_by = actor
        forum.locked_check = check.to_json() if check is not None else {}
        forum.save()
        bump_lock(forum)
        publish_set(
            actor,
            selectors.forum_population(forum.agency_id, forum.period_id),
            target=forum,
            unit=forum.agency,
            after={"forum": "locked"},
        )
    return forum
