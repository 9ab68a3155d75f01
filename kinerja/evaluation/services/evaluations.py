"""Step 3: opening evaluations, the self-assessment and the penilai's rating (PermenPANRB 6/2022 Ps 25; §6.1–6.3).

Every rating carries a written reason; the predikat follows from the year's matrix; a unit head's rating hasil
kerja is the capaian kinerja organisasi of their unit, never typed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit.services import snapshot
from kinerja.evaluation import permissions, rating, selectors
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, Rating
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationForum, Evaluation, ItemAssessment
from kinerja.evaluation.services._common import (
    actor_name,
    bump_lock,
    check_version,
    clean_text,
    evaluation_url,
    lock_row,
    notify_on_commit,
    penilai_now,
    record_evaluation,
    require,
)
from kinerja.organization.choices import AGENCY_KINDS
from kinerja.organization.models import OrgUnit
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, WorkPlan

_RATING_FIELDS = [
    "status", "results_rating", "results_reason", "behaviour_rating", "behaviour_reason", "note", "proposed_predikat",
]  # fmt: skip


# --- Opening ------------------------------------------------------------------------------


def _plans_in(period: EvaluationPeriod, work_plans: QuerySet[WorkPlan] | Iterable[WorkPlan]) -> QuerySet[WorkPlan]:
    """Approved SKP of the period's year covering at least one day of the period, without an evaluation yet."""
    if not isinstance(work_plans, QuerySet):
        work_plans = WorkPlan.objects.filter(pk__in=[plan.pk for plan in work_plans])
    return (
        work_plans.filter(
            status=WorkPlanStatus.APPROVED,
            year_id=period.year_id,
            start_date__lte=period.end_date,
            end_date__gte=period.start_date,
        )
        .exclude(evaluations__period=period)
        .select_related("position", "unit")
    )


def _agencies(units: Iterable[OrgUnit]) -> dict[int, OrgUnit]:
    """unit id → its OPD (organization.selectors.agency_of for many units in one query)."""
    units = list(units)
    ancestors = {
        u.pk: u for u in OrgUnit.objects.filter(pk__in={pk for unit in units for pk in unit.ancestor_ids()})
    }  # fmt: skip
    agencies = {}
    for unit in units:
        chain = [ancestors.get(pk) for pk in reversed(unit.ancestor_ids())]
        agencies[unit.pk] = next((u for u in chain if u is not None and u.kind in AGENCY_KINDS), unit)
    return agencies


def _new_evaluation(plan: WorkPlan, period: EvaluationPeriod, agency: OrgUnit) -> Evaluation:
    is_unit_head = plan.position.is_unit_head
    return Evaluation(
        work_plan=plan,
        period=period,
        employee_id=plan.employee_id,
        agency=agency,
        unit_id=plan.unit_id,
        penilai_id=plan.penilai_id,
        atasan_penilai_id=plan.atasan_penilai_id,
        is_unit_head=is_unit_head,
        # The OPD head is rated from above and calibrated outside their own OPD's forum.
        is_agency_head=is_unit_head and agency.pk == plan.unit_id,
    )


def evaluations_open(*, period: EvaluationPeriod, work_plans: QuerySet[WorkPlan] | Iterable[WorkPlan]) -> int:
    """Open an evaluation for each approved SKP covering the period; returns how many were opened.

    Set-based and idempotent: SKP already evaluated are skipped, and a concurrent run loses on the unique
    constraint instead of creating a second evaluation.
    """
    plans = list(_plans_in(period, work_plans))
    if not plans:
        return 0
    agencies = _agencies({plan.unit_id: plan.unit for plan in plans}.values())
    rows = [_new_evaluation(plan, period, agencies[plan.unit_id]) for plan in plans]
    Evaluation.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


def evaluation_for(*, work_plan: WorkPlan, period: EvaluationPeriod) -> Evaluation:
    """The evaluation of an SKP for a period, opened now if the SKP is approved and covers the period."""
    existing = Evaluation.objects.filter(work_plan=work_plan, period=period).first()
    if existing is not None:
        return existing
    if work_plan.status != WorkPlanStatus.APPROVED:
        raise InvalidState(_("Only an approved SKP can be evaluated."))
    if (
        work_plan.year_id != period.year_id
        or work_plan.start_date > period.end_date
        or work_plan.end_date < period.start_date
    ):
        raise InvalidState(_("This SKP does not cover %(period)s.") % {"period": period})
    evaluations_open(period=period, work_plans=[work_plan])
    return Evaluation.objects.get(work_plan=work_plan, period=period)


# --- Self-assessment ----------------------------------------------------------------------


def _check_open(evaluation: Evaluation) -> None:
    """Ratings and self-assessments freeze once the forum locked or the result was published."""
    if evaluation.status == EvaluationStatus.PUBLISHED:
        raise InvalidState(
            _("This evaluation is published: it can no longer change here (the employee may file a keberatan).")
        )
    if evaluation.period.locked_at is not None:
        raise InvalidState(_("%(period)s is published city-wide: its evaluations can no longer change.")
                           % {"period": evaluation.period})  # fmt: skip
    if (
        not evaluation.is_agency_head
        and CalibrationForum.objects.filter(
            agency_id=evaluation.agency_id, period_id=evaluation.period_id, status=ForumStatus.LOCKED
        ).exists()
    ):
        raise InvalidState(_("The evaluation forum of this OPD is locked: the evaluation can no longer change."))


def _item_ids(evaluation: Evaluation, keys: Iterable[Any], field: str) -> dict[Any, int]:
    """Map the given RHK keys to ids of this SKP's RHK; anything else is refused."""
    own = set(evaluation.work_plan.items.values_list("pk", flat=True))
    mapped = {}
    for key in keys:
        try:
            pk = int(key)
        except (TypeError, ValueError):
            pk = None
        if pk not in own:
            raise ValidationError({field: [_("Choose RHK of this SKP only.")]})
        mapped[key] = pk
    return mapped


def _save_items(evaluation: Evaluation, values: dict[int, dict[str, str]]) -> None:
    """Upsert one ItemAssessment per RHK with the given fields, in two statements."""
    if not values:
        return
    existing = {a.item_id: a for a in ItemAssessment.objects.filter(evaluation=evaluation, item_id__in=values)}
    fields = sorted({name for changes in values.values() for name in changes})
    for item_id, changes in values.items():
        assessment = existing.get(item_id)
        if assessment is None:
            existing[item_id] = ItemAssessment(evaluation=evaluation, item_id=item_id, **changes)
        else:
            for name, value in changes.items():
                setattr(assessment, name, value)
    ItemAssessment.objects.bulk_create([a for a in existing.values() if a.pk is None])
    ItemAssessment.objects.bulk_update([a for a in existing.values() if a.pk is not None], fields)


def self_assessment_save(
    *, actor: Any, evaluation: Evaluation, text: str, items: Mapping[int, str], lock_version: int | None
) -> Evaluation:
    """The employee's own view of the period, overall and per RHK, before the penilai rates (optional step)."""
    with transaction.atomic():
        lock_row(evaluation)
        _check_open(evaluation)
        require(permissions.can_self_assess(actor, evaluation))
        check_version(evaluation, lock_version)
        text = clean_text(text, "text", required=False)
        ids = _item_ids(evaluation, items.keys(), "items")
        per_item = {
            ids[key]: {"self_assessment": clean_text(value, "items", required=False)} for key, value in items.items()
        }
        if not text and not any(v["self_assessment"] for v in per_item.values()):
            raise ValidationError({"text": [_("Write your self-assessment, overall or for at least one RHK.")]})
        before = {"self_assessment": evaluation.self_assessment}
        evaluation.self_assessment = text
        evaluation.self_assessed_at = timezone.now()
        evaluation.save(update_fields=["self_assessment", "self_assessed_at", "updated_at"])
        _save_items(evaluation, per_item)
        bump_lock(evaluation)
        record_evaluation(
            actor,
            "evaluation.self_assessment.saved",
            evaluation,
            before=before,
            after={"self_assessment": text},
            carries_result=False,  # the owner's own words: in their trail whatever the status
        )
        name = actor_name(actor)
        notify_on_commit(
            penilai_now(evaluation),
            "evaluation.self_assessment.saved",
            lambda: _("%(name)s wrote a self-assessment for %(period)s") % {"name": name, "period": evaluation.period},
            url=evaluation_url(evaluation),
        )
    return evaluation


# --- Rating -------------------------------------------------------------------------------


def _unit_head_results(evaluation: Evaluation) -> tuple[str, str]:
    """(rating hasil kerja, reason) of a unit head: the effective capaian of their unit (Ps 25)."""
    org_rating = selectors.effective_org_rating(evaluation.unit, evaluation.period)
    if org_rating is None:
        raise ValidationError(
            {"results_rating": [
                _("The rating hasil kerja of a unit head is the capaian kinerja organisasi of their unit "
                  "(PermenPANRB 6/2022 Ps 25), and the capaian of %(unit)s for %(period)s has not been set yet. "
                  "Ask the leadership above the unit to set it first.")
                % {"unit": evaluation.unit, "period": evaluation.period}
            ]}
        )  # fmt: skip
    reason = _("Capaian kinerja organisasi of %(unit)s for %(period)s: %(predikat)s (PermenPANRB 6/2022 Ps 25).") % {
        "unit": org_rating.unit,
        "period": evaluation.period,
        "predikat": org_rating.get_predikat_display(),
    }
    return rating.results_rating_for_org(org_rating.predikat), reason


def _clean_rating(
    evaluation: Evaluation,
    results_rating: str,
    results_reason: str,
    behaviour_rating: str,
    behaviour_reason: str,
    note: str,
) -> dict[str, str]:
    """All the input checks at once, so the penilai sees every problem together; nothing is saved on error."""
    errors: dict[str, list[str]] = {}
    results_default = ""
    if evaluation.is_unit_head:
        try:
            results_rating, results_default = _unit_head_results(evaluation)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    elif results_rating not in Rating.values:
        errors["results_rating"] = [_("Choose the rating hasil kerja: above, meets or below expectations.")]
    if behaviour_rating not in Rating.values:
        errors["behaviour_rating"] = [_("Choose the rating perilaku kerja: above, meets or below expectations.")]
    reasons = {}
    for field, label, default in (
        ("results_reason", _("rating hasil kerja"), results_default),
        ("behaviour_reason", _("rating perilaku kerja"), ""),
    ):
        value = {"results_reason": results_reason, "behaviour_reason": behaviour_reason}[field] or default
        message = _("Write the reason for the %(rating)s: every rating needs a written reason the employee will read.")
        try:
            reasons[field] = clean_text(value, field, message=message % {"rating": label})
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        note = clean_text(note, "note", required=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return {"results_rating": results_rating, "behaviour_rating": behaviour_rating, "note": note, **reasons}


def evaluation_rate(
    *,
    actor: Any,
    evaluation: Evaluation,
    results_rating: str,
    results_reason: str,
    behaviour_rating: str,
    behaviour_reason: str,
    note: str = "",
    item_ratings: Mapping[int, str] | None = None,
    lock_version: int | None,
) -> Evaluation:
    """The penilai rates hasil kerja and perilaku kerja, each with a reason; the predikat follows from the matrix.

    The system's suggestion (from the evidence) is stored next to the decision, so a later reader sees both.
    A forum's calibration of the predikat stays in force if the penilai rates again before the lock.
    """
    with transaction.atomic():
        lock_row(evaluation)
        _check_open(evaluation)
        require(permissions.can_rate(actor, evaluation))
        check_version(evaluation, lock_version)
        values = _clean_rating(evaluation, results_rating, results_reason, behaviour_rating, behaviour_reason, note)
        per_item: dict[int, dict[str, str]] = {}
        if item_ratings:
            ids = _item_ids(evaluation, item_ratings.keys(), "item_ratings")
            for key, value in item_ratings.items():
                if value and value not in Rating.values:
                    raise ValidationError({"item_ratings": [_("Choose above, meets or below expectations per RHK.")]})
                per_item[ids[key]] = {"penilai_rating": value or ""}
        suggestion, legacy_score = selectors.evaluation_suggestion(evaluation)
        before = snapshot(evaluation, _RATING_FIELDS)
        for name, value in values.items():
            setattr(evaluation, name, value)
        evaluation.proposed_predikat = rating.predikat_for(
            values["results_rating"], values["behaviour_rating"], evaluation.period.year.predikat_matrix
        )
        evaluation.suggestion = suggestion.to_json()
        evaluation.legacy_score = legacy_score
        evaluation.status = EvaluationStatus.RATED
        evaluation.rated_at = timezone.now()
        evaluation.rated_by = actor
        evaluation.save()
        _save_items(evaluation, per_item)
        bump_lock(evaluation)
        record_evaluation(
            actor, "evaluation.evaluation.rated", evaluation, before=before, after=snapshot(evaluation, _RATING_FIELDS)
        )
    return evaluation
