"""Organisation goals (Perjanjian Kinerja): the roots of cascading, one list per agency and year."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.planning import permissions, services
from kinerja.planning.api.common import PlanningApi, UnitField, YearField, year_or_current


class _GoalIndicatorInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)
    target_value = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    target_unit = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    target_text = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class _GoalSerializer(serializers.Serializer):
    class IndicatorSerializer(_GoalIndicatorInputSerializer):
        id = serializers.IntegerField()

    id = serializers.IntegerField()
    year = serializers.IntegerField(source="year.year")
    unit_id = serializers.IntegerField()
    unit = serializers.CharField(source="unit.name")
    code = serializers.CharField()
    statement = serializers.CharField()
    order = serializers.IntegerField()
    indicators = IndicatorSerializer(many=True, source="indicators.all")


class _GoalInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    statement = serializers.CharField(max_length=2000)
    indicators = _GoalIndicatorInputSerializer(many=True, required=False, default=list)


class GoalListApi(PlanningApi):
    """GET: the goals of a unit in a year. POST: add a goal (Admin OPD in scope, the agency head, Admin BKPSDM)."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        unit = UnitField(help_text=gettext_lazy("The agency (OPD) whose goals to list."))
        year = YearField(required=False, help_text=gettext_lazy("Default: the current performance year."))

    class InputSerializer(_GoalInputSerializer):
        unit = UnitField()
        year = YearField()

    OutputSerializer = _GoalSerializer

    @extend_schema(operation_id="goal_list", parameters=[FilterSerializer], responses={200: _GoalSerializer(many=True)})
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        goals = (
            permissions.goals_visible_to(request.user)
            .filter(unit=filters["unit"], year=year_or_current(filters))
            .select_related("year", "unit")
            .prefetch_related("indicators")
        )
        return paginated_response(request=request, view=self, queryset=goals, serializer_class=self.OutputSerializer)

    @extend_schema(operation_id="goal_create", request=InputSerializer, responses={201: _GoalSerializer})
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data: dict[str, Any] = serializer.validated_data
        if not permissions.can_manage_goals(request.user, data["unit"]):
            raise PermissionDenied
        goal = services.goal_create(actor=request.user, **data)
        return Response(self.OutputSerializer(goal).data, status=status.HTTP_201_CREATED)


class GoalDetailApi(PlanningApi):
    """One goal. PUT replaces statement, code and indicators; DELETE is refused while an RHK supports it."""

    InputSerializer = _GoalInputSerializer
    OutputSerializer = _GoalSerializer

    @extend_schema(operation_id="goal_detail", responses={200: _GoalSerializer})
    def get(self, request: Request, pk: int) -> Response:
        goal = permissions.get_goal_for_user_or_404(request.user, pk)
        return Response(self.OutputSerializer(goal).data)

    @extend_schema(operation_id="goal_update", request=_GoalInputSerializer, responses={200: _GoalSerializer})
    def put(self, request: Request, pk: int) -> Response:
        goal = permissions.get_goal_for_user_or_404(request.user, pk)
        if not permissions.can_manage_goals(request.user, goal.unit):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        goal = services.goal_update(actor=request.user, goal=goal, **serializer.validated_data)
        return Response(self.OutputSerializer(goal).data)

    @extend_schema(operation_id="goal_delete", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        goal = permissions.get_goal_for_user_or_404(request.user, pk)
        if not permissions.can_manage_goals(request.user, goal.unit):
            raise PermissionDenied
        services.goal_delete(actor=request.user, goal=goal)
        return Response(status=status.HTTP_204_NO_CONTENT)
