"""Evaluations: list what the caller may see, read one with its evidence, self-assess, rate (step 3)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.api.common import CONFLICT, EvaluationApi, PeriodField
from kinerja.evaluation.api.evaluation_detail import EvaluationDetailSerializer, detail_data
from kinerja.evaluation.api.serializers import CARD_RELATIONS, EvaluationCardSerializer
from kinerja.evaluation.choices import EvaluationStatus, Rating
from kinerja.evaluation.models import Evaluation

LOCK_VERSION_HELP = gettext_lazy("The lock_version you read; a stale one is refused with 409 (reload and redo).")


def detail_response(request: Request, evaluation: Evaluation) -> Response:
    """The evaluation as the caller sees it now (re-read after a write so that every part is current)."""
    fresh = permissions.get_evaluation_for_user_or_404(request.user, evaluation.pk)
    return Response(detail_data(selectors.evaluation_detail(fresh), request))


class EvaluationListApi(EvaluationApi):
    """The evaluations the caller may see (their own, their team's, those their role covers), newest period first."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        period = PeriodField(required=False, help_text=gettext_lazy("Evaluation period id."))
        employee = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Employee id."))
        status = serializers.ChoiceField(choices=EvaluationStatus.choices, required=False)
        agency = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("OPD id."))

    OutputSerializer = EvaluationCardSerializer

    @extend_schema(
        operation_id="evaluation_list",
        parameters=[FilterSerializer],
        responses={200: EvaluationCardSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        evaluations = permissions.evaluations_visible_to(request.user).select_related(*CARD_RELATIONS)
        if "period" in filters:
            evaluations = evaluations.filter(period=filters["period"])
        if "employee" in filters:
            evaluations = evaluations.filter(employee_id=filters["employee"])
        if "status" in filters:
            evaluations = evaluations.filter(status=filters["status"])
        if "agency" in filters:
            evaluations = evaluations.filter(agency_id=filters["agency"])
        evaluations = evaluations.order_by("-period__end_date", "period__kind", "employee__name", "pk")
        return paginated_response(
            request=request, view=self, queryset=evaluations, serializer_class=self.OutputSerializer
        )


class EvaluationDetailApi(EvaluationApi):
    """One evaluation with the evidence per RHK, the org capaian, the suggestion and why, and what may be done now."""

    OutputSerializer = EvaluationDetailSerializer

    @extend_schema(operation_id="evaluation_detail", responses={200: EvaluationDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
        return detail_response(request, evaluation)


class _ItemTextSerializer(serializers.Serializer):
    item = serializers.IntegerField(min_value=1, help_text=gettext_lazy("RHK id (of this SKP)."))
    text = serializers.CharField(allow_blank=True, max_length=4000)


class _ItemRatingSerializer(serializers.Serializer):
    item = serializers.IntegerField(min_value=1, help_text=gettext_lazy("RHK id (of this SKP)."))
    rating = serializers.ChoiceField(choices=Rating.choices, allow_blank=True)


def _by_item(rows: list[dict[str, Any]], key: str, field: str) -> dict[int, str]:
    """[{item, <key>}] → {item id: value}; an RHK named twice is refused naming the field."""
    mapped: dict[int, str] = {}
    for row in rows:
        if row["item"] in mapped:
            raise serializers.ValidationError({field: [_("Name each RHK once.")]})
        mapped[row["item"]] = row[key]
    return mapped


class EvaluationSelfAssessmentApi(EvaluationApi):
    """The owner writes their own view of the period, overall and per RHK, before the penilai rates (optional)."""

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
        items = _ItemTextSerializer(many=True, required=False, default=list)
        lock_version = serializers.IntegerField(min_value=0, help_text=LOCK_VERSION_HELP)

    OutputSerializer = EvaluationDetailSerializer

    @extend_schema(
        operation_id="evaluation_self_assessment",
        request=InputSerializer,
        responses={200: EvaluationDetailSerializer, 409: CONFLICT},
    )
    def put(self, request: Request, pk: int) -> Response:
        evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
        if evaluation.employee_id != getattr(request.user, "employee_id", None):
            raise PermissionDenied  # a self-assessment is the owner's own
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.self_assessment_save(
            actor=request.user,
            evaluation=evaluation,
            text=data["text"],
            items=_by_item(data["items"], "text", "items"),
            lock_version=data["lock_version"],
        )
        return detail_response(request, evaluation)


class EvaluationRateApi(EvaluationApi):
    """The penilai rates hasil kerja and perilaku kerja, each with a reason; the predikat follows from the matrix.

    A unit head's rating hasil kerja is the capaian of their unit (PermenPANRB 6/2022 Ps 25): leave it out.
    """

    class InputSerializer(serializers.Serializer):
        results_rating = serializers.ChoiceField(
            choices=Rating.choices,
            required=False,
            allow_blank=True,
            default="",
            help_text=gettext_lazy("Ignored for a unit head (it follows from the unit's capaian)."),
        )
        results_reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
        behaviour_rating = serializers.ChoiceField(choices=Rating.choices)
        behaviour_reason = serializers.CharField(allow_blank=True, max_length=4000)
        note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
        item_ratings = _ItemRatingSerializer(many=True, required=False, default=list)
        lock_version = serializers.IntegerField(min_value=0, help_text=LOCK_VERSION_HELP)

    OutputSerializer = EvaluationDetailSerializer

    @extend_schema(
        operation_id="evaluation_rate",
        request=InputSerializer,
        responses={200: EvaluationDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
        if not permissions.acts_as_penilai(request.user, evaluation):
            raise PermissionDenied  # only the pejabat penilai rates
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["item_ratings"] = _by_item(data["item_ratings"], "rating", "item_ratings")
        services.evaluation_rate(actor=request.user, evaluation=evaluation, **data)
        return detail_response(request, evaluation)
