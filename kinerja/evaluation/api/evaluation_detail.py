"""The whole evaluation as the API shows it: the evidence per RHK next to the ratings, the suggestion and why.

The owner sees the ratings, reasons, predikat, suggestion and calibration change only once the result is
published (permissions.can_view_result): until then the forum may still change the predikat.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kinerja.evaluation import legacy, permissions, rating
from kinerja.evaluation.api.common import AdjustmentSerializer, OrgUnitRefSerializer, adjustment_data
from kinerja.evaluation.api.serializers import EvaluationCardSerializer
from kinerja.evaluation.selectors import EvaluationDetail


class _IndicatorEvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    aspect = serializers.CharField()
    text = serializers.CharField()
    target_min = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_max = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_unit = serializers.CharField()
    target_text = serializers.CharField()
    realisasi = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    narrative = serializers.CharField()
    capaian = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    nilai = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    category = serializers.CharField(allow_null=True)
    category_display = serializers.CharField(allow_null=True)
    evidence_count = serializers.IntegerField()


class _ItemEvidenceSerializer(serializers.Serializer):
    """One RHK: its IKI with realisasi and capaian, the evidence behind them, and both views of it."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    text = serializers.CharField()
    progress_entries = serializers.IntegerField()
    feedback = serializers.IntegerField(help_text="Feedback threads on this RHK in the period.")
    indicators = _IndicatorEvidenceSerializer(many=True)
    self_assessment = serializers.CharField()
    penilai_rating = serializers.CharField(allow_null=True)
    penilai_note = serializers.CharField(allow_null=True)


class _SuggestionSerializer(serializers.Serializer):
    results = serializers.CharField()
    behaviour = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())


class _OrgRatingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    unit = OrgUnitRefSerializer()
    predikat = serializers.CharField()
    predikat_display = serializers.CharField()
    note = serializers.CharField()


class _FeedbackRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    item_id = serializers.IntegerField(allow_null=True)
    value = serializers.CharField(allow_null=True)
    reaction = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class _PeriodicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    period = serializers.CharField()
    status = serializers.CharField()
    results_rating = serializers.CharField(allow_null=True)
    behaviour_rating = serializers.CharField(allow_null=True)
    predikat = serializers.CharField(allow_null=True)


class _ObjectionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    status_display = serializers.CharField()


class _ActionsSerializer(serializers.Serializer):
    can_self_assess = serializers.BooleanField()
    can_rate = serializers.BooleanField()
    can_file_objection = serializers.BooleanField()


class EvaluationDetailSerializer(EvaluationCardSerializer):
    """Schema of the evaluation detail; detail_data builds it, knowing what the caller may see."""

    self_assessment = serializers.CharField()
    org_rating = _OrgRatingRefSerializer(allow_null=True)
    unit_head_results = serializers.CharField(
        allow_null=True, help_text="A unit head's rating hasil kerja: the capaian of their unit (Ps 25)."
    )
    suggestion = _SuggestionSerializer(allow_null=True, help_text="What the evidence suggests now, and why.")
    suggestion_when_rated = serializers.JSONField(allow_null=True, help_text="What was suggested when rated.")
    legacy_score = serializers.DecimalField(
        max_digits=6, decimal_places=2, allow_null=True, help_text="Nilai capaian SKP (PermenPANRB 8/2021) now."
    )
    legacy_band = serializers.CharField(allow_null=True)
    pp46_score = serializers.DecimalField(
        max_digits=6, decimal_places=2, allow_null=True, help_text="Nilai capaian SKP under PP 46/2011, now."
    )
    pp46_band = serializers.CharField(allow_null=True)
    items = _ItemEvidenceSerializer(many=True)
    feedback = _FeedbackRefSerializer(many=True)
    periodic = _PeriodicSerializer(many=True, help_text="ANNUAL only: the periodic evaluations it draws on.")
    adjustments = AdjustmentSerializer(many=True)
    objection = _ObjectionRefSerializer(allow_null=True)
    actions = _ActionsSerializer()


def _indicator(row: Any) -> dict[str, Any]:
    indicator, realization, category = row.indicator, row.realization, row.category
    return {
        "id": indicator.pk, "aspect": indicator.aspect, "text": indicator.text,
        "target_min": indicator.target_min, "target_max": indicator.target_max,
        "target_unit": indicator.target_unit, "target_text": indicator.target_text,
        "realisasi": realization.value if realization is not None else None,
        "narrative": realization.narrative if realization is not None else "",
        "capaian": row.capaian, "nilai": row.nilai,
        "category": category.value if category is not None else None,
        "category_display": str(category.label) if category is not None else None,
        "evidence_count": len(row.evidence),
    }  # fmt: skip


def _items(detail: EvaluationDetail, show_result: bool) -> list[dict[str, Any]]:
    feedback_per_item: dict[int, int] = {}
    for thread in detail.feedback:
        if thread.item_id is not None:
            feedback_per_item[thread.item_id] = feedback_per_item.get(thread.item_id, 0) + 1
    rows = []
    for progress in detail.items:
        item = progress.item
        assessment = detail.assessments.get(item.pk)
        rows.append(
            {
                "id": item.pk, "kind": item.kind, "text": item.text, "progress_entries": progress.entries_count,
                "feedback": feedback_per_item.get(item.pk, 0),
                "indicators": [_indicator(row) for row in progress.indicators],
                "self_assessment": assessment.self_assessment if assessment else "",
                "penilai_rating": (assessment.penilai_rating if assessment else "") if show_result else None,
                "penilai_note": (assessment.penilai_note if assessment else "") if show_result else None,
            }
        )  # fmt: skip
    return rows


def _periodic(detail: EvaluationDetail, user: Any) -> list[dict[str, Any]]:
    rows = []
    for ev in detail.periodic:
        # The owner sees each periodic result once it is published, like the annual one.
        shown = permissions.result_shown(user, ev)
        rows.append(
            {
                "id": ev.pk, "period": str(ev.period.name), "status": ev.status,
                "results_rating": ev.results_rating if shown else None,
                "behaviour_rating": ev.behaviour_rating if shown else None,
                "predikat": ev.predikat if shown else None,
            }
        )  # fmt: skip
    return rows


def detail_data(detail: EvaluationDetail, request: Any) -> dict[str, Any]:
    """The detail as the caller may see it: the result and all that reveals it hidden from an unpublished owner."""
    user = request.user
    ev = detail.evaluation
    show_result = permissions.result_shown(user, ev)  # ev was fetched through the visibility rules
    data = dict(EvaluationCardSerializer(ev, context={"request": request, "result_visible": show_result}).data)
    org, suggestion = detail.org_rating, detail.suggestion
    adjustments = [adjustment_data(a) for a in detail.adjustments]
    feedback = [
        {
            "id": f.pk, "item_id": f.item_id, "value": f.value.code if f.value_id else None, "reaction": f.reaction,
            "text": f.text, "created_at": f.created_at,
        }
        for f in detail.feedback
    ]  # fmt: skip
    data.update(
        self_assessment=ev.self_assessment,
        org_rating=None if org is None else _OrgRatingRefSerializer(
            {
                "id": org.pk, "unit": org.unit, "predikat": org.predikat,
                "predikat_display": org.get_predikat_display(), "note": org.note,
            }
        ).data,
        unit_head_results=detail.unit_head_results,
        suggestion=None if not show_result or suggestion is None else _SuggestionSerializer(
            {"results": suggestion.results, "behaviour": suggestion.behaviour, "reasons": list(suggestion.reasons)}
        ).data,
        suggestion_when_rated=(ev.suggestion or None) if show_result else None,
        legacy_score=serializers.DecimalField(max_digits=6, decimal_places=2).to_representation(detail.legacy_score)
        if detail.legacy_score is not None else None,
        legacy_band=str(rating.legacy_band(detail.legacy_score)) if detail.legacy_score is not None else None,
        pp46_score=serializers.DecimalField(max_digits=6, decimal_places=2).to_representation(detail.pp46_score)
        if detail.pp46_score is not None else None,
        pp46_band=str(legacy.pp46_band(detail.pp46_score)) if detail.pp46_score is not None else None,
        items=_ItemEvidenceSerializer(_items(detail, show_result), many=True).data,
        feedback=_FeedbackRefSerializer(feedback, many=True).data,
        periodic=_PeriodicSerializer(_periodic(detail, user), many=True).data,
        adjustments=AdjustmentSerializer(adjustments, many=True).data if show_result else [],
        objection=None if detail.objection is None else _ObjectionRefSerializer(
            {
                "id": detail.objection.pk, "status": detail.objection.status,
                "status_display": detail.objection.get_status_display(),
            }
        ).data,
        actions={
            "can_self_assess": permissions.can_self_assess(user, ev),
            "can_rate": permissions.can_rate(user, ev),
            "can_file_objection": permissions.can_file_objection(user, ev),
        },
    )  # fmt: skip
    return data
