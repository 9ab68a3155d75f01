"""Performance years (periode penilaian) with their evaluation periods and deadlines."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response
from kinerja.planning import permissions, services
from kinerja.planning.api.common import PlanningApi
from kinerja.planning.choices import PeriodType


class _YearSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    period_type = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    skp_draft_deadline = serializers.DateField()
    skp_approval_deadline = serializers.DateField()
    appeal_window_days = serializers.IntegerField()


class YearListApi(PlanningApi):
    """Every performance year, newest first (public reference data for every logged-in user)."""

    pagination_class = LimitOffsetPagination
    OutputSerializer = _YearSerializer

    @extend_schema(operation_id="performance_year_list", responses={200: _YearSerializer(many=True)})
    def get(self, request: Request) -> Response:
        years = permissions.years_visible_to(request.user).order_by("-year")
        return paginated_response(request=request, view=self, queryset=years, serializer_class=self.OutputSerializer)


class YearDetailApi(PlanningApi):
    """One year by its number, with its evaluation periods and their realisasi/evaluation deadlines."""

    class OutputSerializer(_YearSerializer):
        class PeriodSerializer(serializers.Serializer):
            id = serializers.IntegerField()
            kind = serializers.CharField()
            number = serializers.IntegerField()
            name = serializers.CharField()
            start_date = serializers.DateField()
            end_date = serializers.DateField()
            realisasi_deadline = serializers.DateField()
            evaluation_deadline = serializers.DateField()

        periods = PeriodSerializer(many=True, source="periods.all")

    @extend_schema(operation_id="performance_year_detail", responses={200: OutputSerializer})
    def get(self, request: Request, year: int) -> Response:
        found = permissions.get_year_or_404(request.user, year=year)
        return Response(self.OutputSerializer(found).data)


class YearOpenApi(PlanningApi):
    """Open a performance year with its periods and deadlines (Admin BKPSDM)."""

    class InputSerializer(serializers.Serializer):
        year = serializers.IntegerField(min_value=2000, max_value=2100)
        period_type = serializers.ChoiceField(choices=PeriodType.choices, default=PeriodType.QUARTERLY)
        skp_draft_deadline = serializers.DateField(
            required=False, allow_null=True, help_text=gettext_lazy("Default: 31 January of the year.")
        )
        skp_approval_deadline = serializers.DateField(
            required=False, allow_null=True, help_text=gettext_lazy("Default: 15 February of the year.")
        )

    OutputSerializer = YearDetailApi.OutputSerializer

    @extend_schema(operation_id="performance_year_open", request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request: Request) -> Response:
        if not permissions.can_manage_years(request.user):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        year = services.year_open(actor=request.user, **serializer.validated_data)
        return Response(self.OutputSerializer(year).data, status=status.HTTP_201_CREATED)
