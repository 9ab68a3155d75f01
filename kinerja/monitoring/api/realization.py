"""Realisasi: the progress of an SKP in a period (per RHK and IKI, with capaian), and setting one IKI's realisasi."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.api import validated_filters
from kinerja.monitoring import permissions, selectors, services
from kinerja.monitoring.api.common import EvidenceSerializer, PeriodField, UploadsField
from kinerja.monitoring.models import Evidence
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod, WorkPlan


class RealizationSerializer(serializers.Serializer):
    """The realisasi of one IKI in one period, with its evidence. Needs evidence prefetched."""

    id = serializers.IntegerField()
    indicator_id = serializers.IntegerField()
    period_id = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    narrative = serializers.CharField()
    updated_at = serializers.DateTimeField()
    evidence = EvidenceSerializer(many=True, source="evidence.all")


class _IndicatorProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    aspect = serializers.CharField()
    text = serializers.CharField()
    target_min = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_max = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    target_unit = serializers.CharField()
    target_text = serializers.CharField()
    lower_is_better = serializers.BooleanField()
    realisasi = RealizationSerializer(allow_null=True)
    capaian = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    nilai = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    category = serializers.CharField(allow_null=True)
    category_display = serializers.CharField(allow_null=True)
    can_set = serializers.BooleanField()


class _EntryRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    day = serializers.DateField()
    description = serializers.CharField()


class _ItemProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    text = serializers.CharField()
    progress_entries = serializers.IntegerField(help_text=gettext_lazy("Daily progress entries in the period."))
    latest_entries = _EntryRefSerializer(many=True)
    indicators = _IndicatorProgressSerializer(many=True)


class PlanProgressSerializer(serializers.Serializer):
    work_plan_id = serializers.IntegerField()
    period = serializers.DictField()
    items = _ItemProgressSerializer(many=True)


def _periods_of(plan: WorkPlan) -> Any:
    # Periods are the year's calendar (public reference data of the SKP the caller already sees).
    return EvaluationPeriod.objects.filter(year_id=plan.year_id).select_related("year")


def plan_progress(user: Any, plan: WorkPlan, period: EvaluationPeriod) -> dict[str, Any]:
    """Per RHK and IKI: target, realisasi, capaian with its category and nilai, and the period's daily entries.

    Built on selectors.plan_progress (the same figures as the HTML page), a fixed number of queries.
    """
    progress = selectors.plan_progress(plan, period)
    # Only the owner ever sets realisasi, so one check answers for every IKI of the plan.
    any_indicator = next((row.indicator for item in progress for row in item.indicators), None)
    can_set = any_indicator is not None and permissions.can_set_realization(user, any_indicator, period)
    rows = []
    for item in progress:
        indicators = []
        for row in item.indicators:
            indicator, category = row.indicator, row.category
            indicators.append(
                {
                    "id": indicator.pk, "aspect": indicator.aspect, "text": indicator.text,
                    "target_min": indicator.target_min, "target_max": indicator.target_max,
                    "target_unit": indicator.target_unit, "target_text": indicator.target_text,
                    "lower_is_better": indicator.lower_is_better, "realisasi": row.realization,
                    "capaian": row.capaian, "nilai": row.nilai,
                    "category": category.value if category is not None else None,
                    "category_display": str(category.label) if category is not None else None, "can_set": can_set,
                }
            )  # fmt: skip
        rows.append(
            {
                "id": item.item.pk, "kind": item.item.kind, "text": item.item.text,
                "progress_entries": item.entries_count, "latest_entries": item.latest_entries,
                "indicators": indicators,
            }
        )  # fmt: skip
    period_data = {
        "id": period.pk, "name": str(period), "start_date": period.start_date.isoformat(),
        "end_date": period.end_date.isoformat(), "realisasi_deadline": period.realisasi_deadline.isoformat(),
        "locked": period.is_locked,
    }  # fmt: skip
    return {"work_plan_id": plan.pk, "period": period_data, "items": rows}


class PlanProgressApi(APIView):
    """The progress of an SKP in one period (default: the period containing today, else the year's first)."""

    class FilterSerializer(serializers.Serializer):
        period = PeriodField(required=False, help_text=gettext_lazy("Evaluation period id."))

    @extend_schema(
        operation_id="work_plan_realisasi", parameters=[FilterSerializer], responses={200: PlanProgressSerializer}
    )
    def get(self, request: Request, pk: int) -> Response:
        plan = planning_permissions.get_work_plan_for_user_or_404(request.user, pk)
        filters = validated_filters(self.FilterSerializer, request)
        period = filters.get("period")
        if period is not None and period.year_id != plan.year_id:
            raise serializers.ValidationError({"period": [_("Choose a period of the SKP's year.")]})
        if period is None:
            today = org_selectors.today()
            # The periodic period running today (triwulan/bulan) rather than the annual one that also contains it.
            periods = _periods_of(plan).order_by("start_date", "number")
            running = periods.filter(start_date__lte=today, end_date__gte=today)
            period = running.filter(kind=PeriodKind.PERIODIC).first() or running.first() or periods.first()
        if period is None:
            raise serializers.ValidationError({"period": [_("The SKP's year has no evaluation periods.")]})
        return Response(PlanProgressSerializer(plan_progress(request.user, plan, period)).data)


class RealizationSetApi(APIView):
    """The owner records the realisasi of one IKI for one period, optionally with evidence files and links."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer):
        # Kept as text: the service parses it ("12,5" too) and names "value" when it is not a number.
        value = serializers.CharField(
            required=False, allow_null=True, allow_blank=True, help_text=gettext_lazy("The number (quantitative SKP).")
        )
        narrative = serializers.CharField(
            required=False, allow_blank=True, max_length=5000, help_text=gettext_lazy("The narrative (qualitative).")
        )
        links = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
        files = UploadsField(required=False, help_text=gettext_lazy("Evidence files (multipart)."))

    OutputSerializer = RealizationSerializer

    @extend_schema(
        operation_id="realisasi_set",
        request={"multipart/form-data": InputSerializer, "application/json": InputSerializer},
        responses={200: RealizationSerializer},
    )
    def put(self, request: Request, pk: int, period: int) -> Response:
        indicator = planning_permissions.get_indicator_for_user_or_404(request.user, pk)
        found = _periods_of(indicator.item.work_plan).filter(pk=period).first()
        if found is None:
            raise serializers.ValidationError({"period": [_("Choose a period of the SKP's year.")]})
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        realization = services.realization_set(actor=request.user, indicator=indicator, period=found, **data)
        fresh = (
            permissions.realizations_visible_to(request.user)
            .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk")))
            .get(pk=realization.pk)
        )
        return Response(self.OutputSerializer(fresh).data)
