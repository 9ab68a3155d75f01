"""Step 1: capaian kinerja organisasi, set by the leadership above the unit (PermenPANRB 6/2022 Ps 24; §6.1).

A unit head's rating hasil kerja is the capaian of their unit (Ps 25), so setting or changing a capaian also
re-applies it to the unit heads already rated below it whose effective capaian it is.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kinerja.audit.services import snapshot
from kinerja.evaluation import permissions
from kinerja.evaluation import rating as rating_rules
from kinerja.evaluation.choices import EvaluationStatus, OrgPredikat
from kinerja.evaluation.exceptions import InvalidState
from kinerja.evaluation.models import CalibrationForum, Evaluation, OrganizationRating
from kinerja.evaluation.services._common import (
    bump_lock,
    check_version,
    clean_text,
    lock_row,
    record,
    record_evaluation,
    require,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import OrgUnit
from kinerja.planning.models import EvaluationPeriod

_FIELDS = ["predikat", "note"]


def signer_of(actor: Any) -> dict[str, str]:
    """Name, NIP and jabatan of the person setting the capaian, frozen as they print on the penetapan."""
    employee = actor.employee if getattr(actor, "employee_id", None) else None
    if employee is None:
        return {"name": actor.get_full_name() or actor.get_username(), "nip": "", "position": ""}
    held = org_selectors.positions_held(employee)
    return {"name": employee.full_name, "nip": employee.nip_display, "position": held[0].name if held else ""}


def _check_not_published(unit: OrgUnit, period: EvaluationPeriod) -> None:
    """Published results rest on the capaian they were calibrated against: it cannot move under them."""
    published = Evaluation.objects.filter(
        period=period, unit__path__startswith=unit.path, status=EvaluationStatus.PUBLISHED
    ).exists()
    if published or period.locked_at is not None:
        raise InvalidState(
            _("The results of %(unit)s for %(period)s are already published: its capaian kinerja organisasi can no "
              "longer change.") % {"unit": unit, "period": period}
        )  # fmt: skip


def _lock_forums(unit: OrgUnit, period: EvaluationPeriod) -> None:
    """Lock the forum rows of the OPDs this capaian bears on (the unit's own OPD, or the OPDs below it).

    forum_lock locks its row first and then publishes: a lock running now waits for this write, or this write
    waits for it and then sees its published results in _check_not_published.
    """
    agencies = OrgUnit.objects.filter(Q(path__startswith=unit.path) | Q(pk__in=unit.ancestor_ids())).values("pk")
    forums = CalibrationForum.objects.select_for_update().filter(period=period, agency_id__in=agencies)
    list(forums.values_list("pk", flat=True))


def _existing(unit: OrgUnit, period: EvaluationPeriod) -> OrganizationRating | None:
    return OrganizationRating.objects.filter(unit=unit, period=period).first()


def _reapply_to_unit_heads(actor: Any, unit: OrgUnit, period: EvaluationPeriod) -> int:
    """Rated unit heads in the unit's subtree whose effective capaian changed get the new rating hasil kerja."""
    heads = list(
        Evaluation.objects.filter(
            period=period, is_unit_head=True, status=EvaluationStatus.RATED, unit__path__startswith=unit.path
        ).select_related("unit", "employee", "period__year")
    )
    if not heads:
        return 0
    ancestor_ids = {pk for ev in heads for pk in ev.unit.ancestor_ids()}
    ratings = dict(
        OrganizationRating.objects.filter(period=period, unit_id__in=ancestor_ids).values_list("unit_id", "predikat")
    )
    changed = 0
    for evaluation in heads:
        org_predikat = next((ratings[pk] for pk in reversed(evaluation.unit.ancestor_ids()) if pk in ratings), None)
        if org_predikat is None:
            continue
        results = rating_rules.results_rating_for_org(org_predikat)
        if results == evaluation.results_rating:
            continue
        before = snapshot(evaluation, ["results_rating", "proposed_predikat"])
        evaluation.results_rating = results
        evaluation.proposed_predikat = rating_rules.predikat_for(
            results, evaluation.behaviour_rating, period.year.predikat_matrix
        )
        evaluation.save(update_fields=["results_rating", "proposed_predikat", "updated_at"])
        bump_lock(evaluation)
        record_evaluation(
            actor,
            "evaluation.evaluation.results_from_org_rating",
            evaluation,
            before=before,
            after=snapshot(evaluation, ["results_rating", "proposed_predikat"]),
            reason=_("The capaian kinerja organisasi of %(unit)s changed.") % {"unit": unit},
        )
        changed += 1
    return changed


def org_rating_set(
    *,
    actor: Any,
    unit: OrgUnit,
    period: EvaluationPeriod,
    predikat: str,
    note: str,
    lock_version: int | None = None,
) -> OrganizationRating:
    """Set (or change) the capaian kinerja organisasi of a unit for a period, with the note it rests on."""
    require(permissions.can_set_org_rating(actor, unit))
    errors: dict[str, list[str]] = {}
    if predikat not in OrgPredikat.values:
        errors["predikat"] = [
            _("Choose one of the five capaian kinerja organisasi: Istimewa, Baik, Butuh Perbaikan, Kurang or "
              "Sangat Kurang (PermenPANRB 6/2022 Ps 24).")
        ]  # fmt: skip
    try:
        note = clean_text(
            note, "note", message=_("Write what the capaian rests on (rencana aksi, target periodik, IKU).")
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock_forums(unit, period)
        _check_not_published(unit, period)
        rating = _existing(unit, period)
        created = False
        if rating is None:
            try:
                with transaction.atomic():  # a savepoint: losing the race below leaves this transaction usable
                    rating = OrganizationRating.objects.create(
                        unit=unit, period=period, predikat=predikat, note=note, signer=signer_of(actor), set_by=actor
                    )
                created = True
            except IntegrityError:
                # Someone set it at the same moment (one per unit and period): this write corrects theirs.
                rating = OrganizationRating.objects.get(unit=unit, period=period)
        if created:
            before = None
            verb = "evaluation.org_rating.set"
        else:
            lock_row(rating)
            check_version(rating, lock_version)
            before = snapshot(rating, _FIELDS)
            rating.predikat, rating.note, rating.signer, rating.set_by = predikat, note, signer_of(actor), actor
            rating.save()
            bump_lock(rating)
            verb = "evaluation.org_rating.changed"
        record(actor, verb, rating, unit=unit, before=before, after=snapshot(rating, _FIELDS))
        _reapply_to_unit_heads(actor, unit, period)
    return rating
