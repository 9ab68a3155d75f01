"""Per period: the team a penilai rates, and the city-wide publication by BKPSDM (one set-based operation)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.api.common import (
    CONFLICT,
    EvaluationApi,
    PeriodRefSerializer,
    PersonSerializer,
    period_or_404,
)
from kinerja.evaluation.choices import EvaluationStatus, Predikat


class TeamRowSerializer(serializers.Serializer):
    """One SKP the caller rates in the period: whose, and its evaluation (null until the period is opened)."""

    work_plan_id = serializers.IntegerField(source="plan.pk")
    employee = PersonSerializer(source="plan.employee")
    position = serializers.CharField(source="plan.position.name")
    evaluation_id = serializers.IntegerField(source="evaluation.pk", allow_null=True, default=None)
    status = serializers.CharField(allow_null=True)
    status_display = serializers.SerializerMethodField()
    predikat = serializers.CharField(allow_blank=True, allow_null=True)
    predikat_display = serializers.SerializerMethodField()
    lock_version = serializers.IntegerField(source="evaluation.lock_version", allow_null=True, default=None)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_status_display(self, row: Any) -> str | None:
        return str(EvaluationStatus(row.status).label) if row.status in EvaluationStatus.values else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_predikat_display(self, row: Any) -> str | None:
        return str(Predikat(row.predikat).label) if row.predikat in Predikat.values else None


class TeamApi(EvaluationApi):
    """Everyone whose SKP the caller rates in a period (as pejabat penilai), with where each evaluation stands."""

    class OutputSerializer(serializers.Serializer):
        period = PeriodRefSerializer()
        rows = TeamRowSerializer(many=True)

    @extend_schema(operation_id="evaluation_team", responses={200: OutputSerializer})
    def get(self, request: Request, period_pk: int) -> Response:
        period = period_or_404(request.user, period_pk)
        employee = getattr(request.user, "employee", None)
        rows = selectors.team_evaluations(employee, period) if employee is not None else []
        return Response(self.OutputSerializer({"period": period, "rows": rows}).data)


class PeriodPublishApi(EvaluationApi):
    """Admin BKPSDM publishes the whole city's results of a period and locks it (one set-based operation)."""

    class InputSerializer(serializers.Serializer):
        force = serializers.BooleanField(
            default=False,
            help_text="Publish even where an OPD's forum with rated people is not locked (recorded in the audit).",
        )

    class OutputSerializer(serializers.Serializer):
        period = PeriodRefSerializer()
        published = serializers.IntegerField(help_text="How many evaluations this publication published.")

    @extend_schema(
        operation_id="evaluation_period_publish",
        request=InputSerializer,
        responses={200: OutputSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, period_pk: int) -> Response:
        period = period_or_404(request.user, period_pk)
        if not permissions.can_publish_period(request.user):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        force = serializer.validated_data["force"]
        published = services.period_publish(actor=request.user, period=period, force=force)
        period.refresh_from_db()
        return Response(self.OutputSerializer({"period": period, "published": published}).data)
