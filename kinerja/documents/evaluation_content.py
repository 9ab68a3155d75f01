"""The canonical content of the two evaluation documents (regulation.md §10.3–10.4): the data they print.

``document_issue`` hashes this content when a final document is issued, and the verification page
recomputes it from the current record: a keberatan decided after a paper was printed changes the
ratings and the predikat here, so the old paper reads "changed" (PP 30/2019 Ps 59(4): the decision
is final and replaces the result). Keys and order are stable and every value is JSON-safe and
locale-free (numbers as "12.5", dates ISO); the print layer formats them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from kinerja.evaluation.choices import CURVE_ORDER, EvaluationStatus, ForumStatus
from kinerja.evaluation.models import CalibrationForum, Evaluation, Objection, OrganizationRating
from kinerja.monitoring import selectors as monitoring_selectors
from kinerja.monitoring.models import Feedback
from kinerja.planning.choices import ItemKind, PeriodKind
from kinerja.planning.models import BehaviourExpectation, EvaluationPeriod
from kinerja.planning.services._common import decimal_text


def _iso(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        return timezone.localdate(moment).isoformat() if timezone.is_aware(moment) else moment.date().isoformat()
    return moment.isoformat()


def period_content(period: EvaluationPeriod) -> dict[str, Any]:
    return {
        "id": period.pk,
        "kind": period.kind,
        "number": period.number,
        "name": period.name,
        "type": period.year.period_type,
        "year": period.year.year,
        "start_date": period.start_date.isoformat(),
        "end_date": period.end_date.isoformat(),
        "year_start": period.year.start_date.isoformat(),
        "year_end": period.year.end_date.isoformat(),
    }


def _identity(evaluation: Evaluation) -> dict[str, Any]:
    """The three identity blocks frozen on the SKP (regulation.md §10): the paper prints who they were then."""
    snapshot = evaluation.work_plan.snapshot or {}
    return {key: snapshot.get(key) or None for key in ("pegawai", "penilai", "atasan_penilai")}


def org_rating_content(evaluation: Evaluation) -> dict[str, Any] | None:
    """The capaian kinerja organisasi that applies to the SKP's unit (its own, else the nearest ancestor's)."""
    from kinerja.evaluation.selectors import effective_org_rating

    rating = effective_org_rating(evaluation.unit, evaluation.period)
    if rating is None:
        return None
    return {"id": rating.pk, "unit": rating.unit.name, "predikat": rating.predikat}


def population_counts(evaluations: Iterable[Evaluation]) -> dict[str, int]:
    counts = {str(p): 0 for p in CURVE_ORDER}
    for evaluation in evaluations:
        if evaluation.predikat in counts:
            counts[evaluation.predikat] += 1
    return counts


def distribution_content(evaluation: Evaluation) -> dict[str, Any] | None:
    """The pola distribusi printed on the form: the OPD's org predikat and its actual counts.

    Once the OPD's forum is locked, the distribution it locked (``locked_check``) is printed: a later
    keberatan of a colleague does not rewrite everybody's paper. Before that (a DRAF), the live counts.
    The OPD head is calibrated outside their OPD's forum: only the allowed shape is printed for them.
    """
    agency_rating = OrganizationRating.objects.filter(
        unit_id=evaluation.agency_id, period_id=evaluation.period_id
    ).first()
    forum = CalibrationForum.objects.filter(agency_id=evaluation.agency_id, period_id=evaluation.period_id).first()
    if evaluation.is_agency_head:
        if agency_rating is None:
            return None
        return _distribution(evaluation, agency_rating.predikat, 0, None, "rules")
    if forum is not None and forum.status == ForumStatus.LOCKED and forum.locked_check:
        check = forum.locked_check
        org_predikat = check.get("org_predikat") or (agency_rating.predikat if agency_rating else "")
        counts = {str(k): int(v) for k, v in (check.get("counts") or {}).items()}
        return _distribution(evaluation, org_predikat, int(check.get("total") or 0), counts, "forum")
    if agency_rating is None:
        return None
    population = Evaluation.objects.filter(
        agency_id=evaluation.agency_id, period_id=evaluation.period_id, is_agency_head=False
    ).only("proposed_predikat", "final_predikat")
    counts = population_counts(population)
    return _distribution(evaluation, agency_rating.predikat, sum(counts.values()), counts, "live")


def _distribution(
    evaluation: Evaluation, org_predikat: str, total: int, counts: dict[str, int] | None, source: str
) -> dict[str, Any]:
    # The year's rule table (SE MenPANRB 3/2023) is part of what prints: the band drawn on the curve.
    rules = (evaluation.period.year.distribution_rules or {}).get(org_predikat) or []
    return {"org_predikat": org_predikat, "total": total, "counts": counts, "rules": rules, "source": source}


def _feedback(evaluation: Evaluation) -> list[Feedback]:
    """The umpan balik berkelanjutan of the period: tagged with it, or untagged and written within it.

    For the annual evaluation, all feedback of the SKP (it sums up the year).
    """
    period = evaluation.period
    feedback = Feedback.objects.filter(work_plan_id=evaluation.work_plan_id)
    if period.kind != PeriodKind.ANNUAL:
        within = Q(period__isnull=True, created_at__date__gte=period.start_date, created_at__date__lte=period.end_date)
        feedback = feedback.filter(Q(period_id=period.pk) | within)
    return list(feedback.order_by("created_at", "pk"))


def _realisasi(progress: Any) -> dict[str, Any]:
    realization = progress.realization
    capaian = progress.capaian
    return {
        "value": decimal_text(realization.value) if realization is not None else None,
        "narrative": realization.narrative if realization is not None else "",
        "capaian": decimal_text(Decimal(capaian).quantize(Decimal("0.01"))) if capaian is not None else None,
        "evidence": len(progress.evidence),
    }


def _indicator(progress: Any) -> dict[str, Any]:
    indicator = progress.indicator
    return {
        "aspect": indicator.aspect,
        "text": indicator.text,
        "target_min": decimal_text(indicator.target_min),
        "target_max": decimal_text(indicator.target_max),
        "target_unit": indicator.target_unit,
        "target_text": indicator.target_text,
        "realisasi": _realisasi(progress),
    }


def _items(evaluation: Evaluation, feedback: list[Feedback]) -> dict[str, list[dict[str, Any]]]:
    progress = monitoring_selectors.plan_progress(evaluation.work_plan, evaluation.period)
    notes = {a.item_id: a.penilai_note for a in evaluation.item_assessments.all() if a.penilai_note}
    by_item: dict[int, list[str]] = {}
    for entry in feedback:
        if entry.item_id:
            by_item.setdefault(entry.item_id, []).append(entry.text)
    rows = sorted(progress, key=lambda p: (p.item.kind != ItemKind.MAIN, p.item.order, p.item.pk))
    groups: dict[str, list[dict[str, Any]]] = {"utama": [], "tambahan": []}
    for row in rows:
        item = row.item
        supported = item.supported_item.text if item.supported_item_id else None
        if supported is None and item.supported_goal_id:
            supported = item.supported_goal.statement
        groups["utama" if item.kind == ItemKind.MAIN else "tambahan"].append(
            {
                "id": item.pk,
                "text": item.text,
                "supported": supported or "",
                "indicators": [_indicator(p) for p in row.indicators],
                "feedback": by_item.get(item.pk, []),
                "penilai_note": notes.get(item.pk, ""),
            }
        )
    return groups


def _behaviours(evaluation: Evaluation, feedback: list[Feedback]) -> list[dict[str, Any]]:
    by_value: dict[int, list[str]] = {}
    for entry in feedback:
        if entry.value_id:
            by_value.setdefault(entry.value_id, []).append(entry.text)
    expectations = (
        BehaviourExpectation.objects.filter(work_plan_id=evaluation.work_plan_id)
        .select_related("value")
        .prefetch_related("value__indicators")
        .order_by("value__order")
    )
    return [
        {
            "value": e.value.name,
            "indicators": [indicator.text for indicator in e.value.indicators.all()],
            "special_expectation": e.special_expectation,
            "feedback": by_value.get(e.value_id, []),
        }
        for e in expectations
    ]


def _result(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "status": evaluation.status,
        "results_rating": evaluation.results_rating,
        "results_reason": evaluation.results_reason,
        "behaviour_rating": evaluation.behaviour_rating,
        "behaviour_reason": evaluation.behaviour_reason,
        "predikat": evaluation.predikat,
        "proposed_predikat": evaluation.proposed_predikat,
        "calibration_reason": evaluation.calibration_reason,
        "note": evaluation.note,
        "published_on": _iso(evaluation.published_at),
        "rated_on": _iso(evaluation.rated_at),
    }


def sign_date(evaluation: Evaluation) -> str | None:
    """The date the pejabat penilai signs: publication, else the rating (a DRAF prints today's date)."""
    return _iso(evaluation.published_at) or _iso(evaluation.rated_at)


def evaluation_content(evaluation: Evaluation) -> dict[str, Any]:
    """EVALUASI KINERJA PEGAWAI (regulation.md §10.3): hasil kerja with realisasi and umpan balik, ratings, predikat."""
    plan = evaluation.work_plan
    feedback = _feedback(evaluation)
    return {
        "document": "evaluasi_kinerja_pegawai",
        "evaluation_id": evaluation.pk,
        "work_plan_id": plan.pk,
        "period": period_content(evaluation.period),
        "approach": plan.approach,
        "form_variant": plan.form_variant,
        "is_unit_head": evaluation.is_unit_head,
        "identity": _identity(evaluation),
        "org_rating": org_rating_content(evaluation),
        "distribution": distribution_content(evaluation),
        "items": _items(evaluation, feedback),
        "behaviour": _behaviours(evaluation, feedback),
        "result": _result(evaluation),
        "sign_date": sign_date(evaluation),
    }


def _periodic_results(evaluation: Evaluation) -> list[dict[str, Any]]:
    """For the annual evaluation: the published periodic predikat of the same SKP, in order."""
    if evaluation.period.kind != PeriodKind.ANNUAL:
        return []
    periodic = (
        Evaluation.objects.filter(
            work_plan_id=evaluation.work_plan_id, period__kind=PeriodKind.PERIODIC, status=EvaluationStatus.PUBLISHED
        )
        .select_related("period")
        .order_by("period__number")
    )
    return [{"period": e.period.name, "number": e.period.number, "predikat": e.predikat} for e in periodic]


def objection_content(evaluation: Evaluation) -> dict[str, Any] | None:
    """Keberatan, the penilai's explanation and the atasan's decision (PP 30/2019 Ps 59; regulation.md §8)."""
    objection = Objection.objects.filter(evaluation_id=evaluation.pk).select_related("decided_by__employee").first()
    if objection is None:
        return None
    decider = objection.decided_by
    return {
        "status": objection.status,
        "reasons": objection.reasons,
        "filed_on": _iso(objection.filed_at),
        "explanation": objection.explanation,
        "explained_on": _iso(objection.explained_at),
        "outcome": objection.outcome,
        "decision_reason": objection.decision_reason,
        "decided_on": _iso(objection.decided_at),
        "decided_by": (decider.employee.full_name if decider and decider.employee_id else "") if decider else "",
        "previous": objection.previous or {},
    }


def evaluation_document_content(evaluation: Evaluation) -> dict[str, Any]:
    """DOKUMEN EVALUASI KINERJA PEGAWAI (regulation.md §10.4), with the keberatan sections when one was filed."""
    org = org_rating_content(evaluation)
    return {
        "document": "dokumen_evaluasi_kinerja_pegawai",
        "evaluation_id": evaluation.pk,
        "work_plan_id": evaluation.work_plan_id,
        "period": period_content(evaluation.period),
        "identity": _identity(evaluation),
        "org_rating": org,
        "result": _result(evaluation),
        "periodic": _periodic_results(evaluation),
        "objection": objection_content(evaluation),
        "sign_date": sign_date(evaluation),
    }
