"""Output shapes of an evaluation shared by several API views (card in lists, the result block)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kinerja.evaluation import permissions
from kinerja.evaluation.api.common import OrgUnitRefSerializer, PeriodRefSerializer, PersonSerializer
from kinerja.evaluation.choices import Predikat, Rating
from kinerja.evaluation.models import Evaluation

# What a card needs, in one query with the evaluations.
CARD_RELATIONS = ("employee", "period__year", "agency", "unit", "penilai", "atasan_penilai")


def _display(choices: type[Any], value: str) -> str:
    return str(choices(value).label) if value else ""


class ResultSerializer(serializers.Serializer):
    """The ratings with their reasons and the predikat (null for the owner until it is published)."""

    results_rating = serializers.CharField()
    results_rating_display = serializers.CharField()
    results_reason = serializers.CharField()
    behaviour_rating = serializers.CharField()
    behaviour_rating_display = serializers.CharField()
    behaviour_reason = serializers.CharField()
    note = serializers.CharField()
    proposed_predikat = serializers.CharField()
    final_predikat = serializers.CharField()
    predikat = serializers.CharField(help_text="The predikat that counts: final once calibrated/published.")
    predikat_display = serializers.CharField()
    calibration_reason = serializers.CharField()
    legacy_score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    rated_at = serializers.DateTimeField(allow_null=True)


def result_of(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "results_rating": evaluation.results_rating,
        "results_rating_display": _display(Rating, evaluation.results_rating),
        "results_reason": evaluation.results_reason,
        "behaviour_rating": evaluation.behaviour_rating,
        "behaviour_rating_display": _display(Rating, evaluation.behaviour_rating),
        "behaviour_reason": evaluation.behaviour_reason,
        "note": evaluation.note,
        "proposed_predikat": evaluation.proposed_predikat,
        "final_predikat": evaluation.final_predikat,
        "predikat": evaluation.predikat,
        "predikat_display": _display(Predikat, evaluation.predikat),
        "calibration_reason": evaluation.calibration_reason,
        "legacy_score": evaluation.legacy_score,
        "rated_at": evaluation.rated_at,
    }


class EvaluationCardSerializer(serializers.Serializer):
    """An evaluation in a list: whose, which period, where it stands, and the result when the caller may see it.

    Needs select_related of CARD_RELATIONS and the request in the context.
    """

    id = serializers.IntegerField()
    work_plan_id = serializers.IntegerField()
    employee = PersonSerializer()
    period = PeriodRefSerializer()
    agency = OrgUnitRefSerializer()
    unit = OrgUnitRefSerializer()
    penilai = PersonSerializer(allow_null=True)
    atasan_penilai = PersonSerializer(allow_null=True)
    is_unit_head = serializers.BooleanField()
    is_agency_head = serializers.BooleanField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    self_assessed_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    lock_version = serializers.IntegerField()
    result = serializers.SerializerMethodField()

    @extend_schema_field(ResultSerializer(allow_null=True))
    def get_result(self, evaluation: Evaluation) -> dict[str, Any] | None:
        visible = self.context.get("result_visible")
        if visible is None:
            visible = permissions.result_shown(self.context["request"].user, evaluation)
        return result_of(evaluation) if visible else None
