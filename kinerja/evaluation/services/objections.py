"""Keberatan (PP 30/2019 Ps 59; regulation.md §8): filed by the employee within the year's window after the
result was published, explained by the pejabat penilai, decided by the atasan pejabat penilai. The decision is
final and changes the evaluation itself, so documents and reports follow it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kinerja.audit.services import snapshot
from kinerja.evaluation import permissions, rating
from kinerja.evaluation.choices import EvaluationStatus, ObjectionOutcome, ObjectionStatus, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import Evaluation, Objection, ObjectionAttachment, objection_upload_to
from kinerja.evaluation.services._common import (
    LONG_TEXT_MAX,
    actor_name,
    bump_lock,
    check_version,
    clean_text,
    date_text,
    lock_row,
    notify_on_commit,
    objection_url,
    record_evaluation,
    require,
)
from kinerja.monitoring import storage
from kinerja.organization import selectors as org_selectors

MAX_ATTACHMENTS = 10
_RESULT_FIELDS = ["results_rating", "results_reason", "behaviour_rating", "behaviour_reason", "final_predikat"]


def _notify_all(recipients: Sequence[Any], verb: str, title: Any, **kwargs: Any) -> None:
    for recipient in recipients:
        notify_on_commit(recipient, verb, title, **kwargs)


def last_filing_day(evaluation: Evaluation) -> dt.date | None:
    """The last calendar day a keberatan may be filed: publication day + the year's appeal window."""
    if evaluation.published_at is None:
        return None
    published_on = timezone.localdate(evaluation.published_at)
    return published_on + dt.timedelta(days=evaluation.period.year.appeal_window_days)


def _check_window(evaluation: Evaluation) -> None:
    if evaluation.status != EvaluationStatus.PUBLISHED:
        raise InvalidState(_("A keberatan can be filed once the result is published."))
    last_day = last_filing_day(evaluation)
    if last_day is not None and org_selectors.today() > last_day:
        raise InvalidState(
            _("The keberatan period closed on %(closed)s (%(days)d days after the result was published on "
              "%(published)s).")
            % {
                "closed": date_text(last_day),
                "days": evaluation.period.year.appeal_window_days,
                "published": date_text(timezone.localdate(evaluation.published_at)),
            }
        )  # fmt: skip


def _check_files(files: Sequence[UploadedFile]) -> list[storage.CheckedFile]:
    """Each attachment checked by its content like evidence (monitoring.storage); nothing is stored yet."""
    files = [f for f in files if f is not None]
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError({"file": [_("Attach at most %(max)d files.") % {"max": MAX_ATTACHMENTS}]})
    return [storage.check_upload(upload) for upload in files]


def objection_file(
    *, actor: Any, evaluation: Evaluation, reasons: str, files: Sequence[UploadedFile] = ()
) -> Objection:
    """The employee files a keberatan with reasons (and attachments) to the atasan pejabat penilai.

    All or nothing: a failure after a file was stored deletes it again (storage.cleanup_on_error).
    """
    if getattr(actor, "employee_id", None) is None or actor.employee_id != evaluation.employee_id:
        raise PermissionDenied
    reasons = clean_text(
        reasons,
        "reasons",
        max_length=LONG_TEXT_MAX,
        message=_(
            "Write the reasons for the keberatan: the atasan pejabat penilai decides on them (PP 30/2019 Ps 59)."
        ),
    )
    checked = _check_files(files)
    with storage.cleanup_on_error(), transaction.atomic():
        lock_row(evaluation)
        if Objection.objects.filter(evaluation=evaluation).exists():
            raise InvalidState(_("A keberatan was already filed against this result; only one is allowed."))
        _check_window(evaluation)
        require(permissions.can_file_objection(actor, evaluation))
        today = org_selectors.today()
        objection = Objection.objects.create(
            evaluation=evaluation,
            reasons=reasons,
            filed_by=actor,
            explanation_due=today + dt.timedelta(days=settings.KINERJA_OBJECTION_EXPLANATION_DAYS),
            decision_due=today + dt.timedelta(days=settings.KINERJA_OBJECTION_DECISION_DAYS),
        )
        for upload in checked:
            attachment = ObjectionAttachment(
                objection=objection,
                original_name=upload.original_name,
                content_type=upload.content_type,
                size=upload.size,
            )
            attachment.file.name = storage.store(objection_upload_to(attachment, upload.original_name), upload.content)
            attachment.save()
        record_evaluation(
            actor,
            "evaluation.objection.filed",
            evaluation,
            target=objection,
            after={"reasons": reasons, "attachments": [c.original_name for c in checked]},
        )
        name, url = actor_name(actor), objection_url(objection)
        due = date_text(objection.explanation_due)
        # Whoever acts today: the snapshot penilai/atasan, their successor, or the Pimpinan daerah for an OPD head.
        _notify_all(
            permissions.penilai_users(evaluation),
            "evaluation.objection.filed",
            lambda: _("%(name)s filed a keberatan: your explanation is due on %(date)s") % {"name": name, "date": due},
            body=lambda: reasons[:300],
            url=url,
        )
        _notify_all(
            permissions.atasan_penilai_users(evaluation),
            "evaluation.objection.filed",
            lambda: _("%(name)s filed a keberatan for you to decide") % {"name": name},
            body=lambda: reasons[:300],
            url=url,
        )
    return objection


def objection_explain(*, actor: Any, objection: Objection, explanation: str, lock_version: int | None) -> Objection:
    """The pejabat penilai explains the rating under objection (PP 30/2019 Ps 59(3))."""
    with transaction.atomic():
        lock_row(objection)
        if objection.status != ObjectionStatus.FILED:
            raise InvalidState(_("This keberatan no longer waits for an explanation (it was explained or decided)."))
        require(permissions.can_explain_objection(actor, objection))
        check_version(objection, lock_version)
        explanation = clean_text(
            explanation,
            "explanation",
            max_length=LONG_TEXT_MAX,
            message=_("Write your explanation of the rating: the atasan pejabat penilai reads it before deciding."),
        )
        objection.explanation = explanation
        objection.explained_by = actor
        objection.explained_at = timezone.now()
        objection.status = ObjectionStatus.EXPLAINED
        objection.save()
        bump_lock(objection)
        evaluation = objection.evaluation
        record_evaluation(
            actor, "evaluation.objection.explained", evaluation, target=objection, after={"explanation": explanation}
        )
        url, due = objection_url(objection), date_text(objection.decision_due)
        _notify_all(
            permissions.atasan_penilai_users(evaluation),
            "evaluation.objection.explained",
            lambda: _("The penilai explained a keberatan: your decision is due on %(date)s") % {"date": due},
            url=url,
        )
        notify_on_commit(
            evaluation.employee,
            "evaluation.objection.explained",
            lambda: _("Your penilai explained the rating under your keberatan"),
            url=url,
        )
    return objection


def _changed_ratings(
    evaluation: Evaluation, results_rating: str | None, behaviour_rating: str | None
) -> tuple[str, str, str]:
    """New (results, behaviour, predikat) of a CHANGED decision; refused unless the predikat changes.

    A rating left out (None or empty) stays as it was, so the atasan may change only one of the two.
    """
    errors: dict[str, list[str]] = {}
    if evaluation.is_unit_head and results_rating and results_rating != evaluation.results_rating:
        # A unit head's rating hasil kerja is the unit's capaian (PermenPANRB 6/2022 Ps 25), not the atasan's.
        errors["results_rating"] = [
            _("A unit head's rating hasil kerja is the capaian kinerja organisasi of the unit and does not "
              "change through a keberatan; change the rating perilaku kerja.")
        ]  # fmt: skip
    results_rating = results_rating or evaluation.results_rating
    behaviour_rating = behaviour_rating or evaluation.behaviour_rating
    if "results_rating" not in errors and results_rating not in Rating.values:
        errors["results_rating"] = [_("Choose the new rating hasil kerja.")]
    if behaviour_rating not in Rating.values:
        errors["behaviour_rating"] = [_("Choose the new rating perilaku kerja.")]
    if errors:
        raise ValidationError(errors)
    results_rating, behaviour_rating = str(results_rating), str(behaviour_rating)
    predikat = rating.predikat_for(results_rating, behaviour_rating, evaluation.period.year.predikat_matrix)
    if predikat == evaluation.predikat:
        raise ValidationError(
            {"results_rating": [
                _("These ratings give the same predikat (%(predikat)s): to change the result choose ratings that "
                  "change the predikat, or decide to keep it.") % {"predikat": Predikat(predikat).label}
            ]}
        )  # fmt: skip
    return results_rating, behaviour_rating, predikat


def objection_decide(
    *,
    actor: Any,
    objection: Objection,
    outcome: str,
    reason: str,
    results_rating: str | None = None,
    behaviour_rating: str | None = None,
    lock_version: int | None,
) -> Objection:
    """The atasan pejabat penilai keeps or changes the result, with a reason; final (PP 30/2019 Ps 59(4))."""
    with transaction.atomic():
        lock_row(objection)
        if objection.status == ObjectionStatus.DECIDED:
            raise InvalidState(_("This keberatan is already decided; the decision is final (PP 30/2019 Ps 59(4))."))
        require(permissions.can_decide_objection(actor, objection))
        check_version(objection, lock_version)
        if objection.status == ObjectionStatus.FILED and org_selectors.today() <= objection.explanation_due:
            raise InvalidState(
                _("Wait for the explanation of the pejabat penilai (due on %(date)s) before deciding "
                  "(PP 30/2019 Ps 59(3)).") % {"date": date_text(objection.explanation_due)}
            )  # fmt: skip
        if outcome not in ObjectionOutcome.values:
            raise ValidationError({"outcome": [_("Choose whether the result is kept or changed.")]})
        reason = clean_text(
            reason,
            "reason",
            max_length=LONG_TEXT_MAX,
            message=_("Write the reason for the decision: the employee and the penilai will read it."),
        )
        evaluation = lock_row(objection.evaluation)
        previous = {
            "results_rating": evaluation.results_rating,
            "results_reason": evaluation.results_reason,
            "behaviour_rating": evaluation.behaviour_rating,
            "behaviour_reason": evaluation.behaviour_reason,
            "predikat": evaluation.predikat,
        }
        if outcome == ObjectionOutcome.CHANGED:
            results, behaviour, predikat = _changed_ratings(evaluation, results_rating, behaviour_rating)
            before = snapshot(evaluation, _RESULT_FIELDS)
            # The penilai's reason no longer explains a rating the atasan changed: the decision's reason does
            # (the penilai's stays in objection.previous). Stored data printed on official documents: Indonesian.
            with translation.override("id"):
                changed_reason = _(
                    "Changed by the decision of the atasan pejabat penilai on the keberatan: %(reason)s"
                ) % {"reason": reason}
            if results != evaluation.results_rating:
                evaluation.results_reason = changed_reason
            if behaviour != evaluation.behaviour_rating:
                evaluation.behaviour_reason = changed_reason
            evaluation.results_rating, evaluation.behaviour_rating = results, behaviour
            evaluation.final_predikat = predikat
            evaluation.save(update_fields=[*_RESULT_FIELDS, "updated_at"])
            bump_lock(evaluation)
            record_evaluation(
                actor, "evaluation.evaluation.changed_by_objection", evaluation, before=before,
                after=snapshot(evaluation, _RESULT_FIELDS), reason=reason,
            )  # fmt: skip
        objection.outcome = outcome
        objection.decision_reason = reason
        objection.previous = previous
        objection.decided_by = actor
        objection.decided_at = timezone.now()
        objection.status = ObjectionStatus.DECIDED
        objection.save()
        bump_lock(objection)
        record_evaluation(
            actor, "evaluation.objection.decided", evaluation, target=objection, before=previous,
            after={"outcome": outcome, "predikat": evaluation.predikat}, reason=reason,
        )  # fmt: skip
        url, name = objection_url(objection), actor_name(actor)
        kept = outcome == ObjectionOutcome.KEPT
        penilai = [user for user in permissions.penilai_users(evaluation) if user.pk != actor.pk]
        for recipient in (evaluation.employee, *penilai):
            notify_on_commit(
                recipient,
                "evaluation.objection.decided",
                lambda: (_("%(name)s decided the keberatan: the result is kept")
                         if kept else _("%(name)s decided the keberatan: the result is changed")) % {"name": name},
                body=lambda: reason[:300],
                url=url,
            )  # fmt: skip
    return objection
