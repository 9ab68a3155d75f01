"""The parts of an SKP: RHK (plan items), their IKI (indicators) and the penilai's ekspektasi khusus."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.planning import permissions, selectors, services
from kinerja.planning.api.common import PlanningApi
from kinerja.planning.api.serializers import ExpectationSerializer, IndicatorSerializer, PlanItemSerializer
from kinerja.planning.api.work_plans import CONFLICT
from kinerja.planning.choices import Aspect, ItemKind, Perspective
from kinerja.planning.models import BehaviourValue, OrganizationGoal, PlanItem, WorkPlan


class _SupportedItemField(serializers.IntegerField):
    """An RHK of the penilai's SKP in the same year (the "RHK atasan yang diintervensi"), by id.

    The owner cannot read their penilai's SKP as a whole, so the id is looked up among exactly the RHK
    the plan may link to; anything else is "no such RHK", which reveals nothing about other SKP.
    """

    def to_internal_value(self, data: Any) -> PlanItem:
        pk = super().to_internal_value(data)
        plan: WorkPlan = self.context["work_plan"]
        found = None
        if plan.penilai_id is not None:
            found = selectors.distributable_items(plan.penilai, plan.year).filter(pk=pk).first()
        if found is None:
            raise serializers.ValidationError(
                _("There is no RHK with id %(id)s in the SKP %(year)s of your pejabat penilai.")
                % {"id": pk, "year": plan.year.year}
            )
        return found


class _SupportedGoalField(serializers.IntegerField):
    """An organisation goal of the same year, by id (the service checks it belongs to the SKP's agency)."""

    def to_internal_value(self, data: Any) -> OrganizationGoal:
        pk = super().to_internal_value(data)
        plan: WorkPlan = self.context["work_plan"]
        goal = permissions.goals_visible_to(self.context["request"].user).filter(pk=pk, year=plan.year).first()
        if goal is None:
            raise serializers.ValidationError(
                _("There is no organisation goal with id %(id)s in %(year)s.") % {"id": pk, "year": plan.year.year}
            )
        return goal


class _ItemInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices, default=ItemKind.MAIN)
    text = serializers.CharField(max_length=2000)
    supported_item = _SupportedItemField(
        required=False, allow_null=True, help_text=gettext_lazy("Id of the penilai's RHK this RHK supports.")
    )
    supported_goal = _SupportedGoalField(
        required=False, allow_null=True, help_text=gettext_lazy("Id of the organisation goal (JPT form).")
    )
    perspective = serializers.ChoiceField(choices=Perspective.choices, required=False, allow_blank=True)


class PlanItemAddApi(PlanningApi):
    """Add an RHK (utama or tambahan) to an SKP."""

    InputSerializer = _ItemInputSerializer
    OutputSerializer = PlanItemSerializer

    @extend_schema(
        operation_id="plan_item_add", request=_ItemInputSerializer, responses={201: PlanItemSerializer, 409: CONFLICT}
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data, context={"request": request, "work_plan": plan})
        serializer.is_valid(raise_exception=True)
        item = services.plan_item_add(actor=request.user, work_plan=plan, **serializer.validated_data)
        return Response(self.OutputSerializer(item).data, status=status.HTTP_201_CREATED)


class PlanItemDetailApi(PlanningApi):
    """PATCH: change an RHK (only the fields given). DELETE: remove it with its IKI."""

    InputSerializer = _ItemInputSerializer
    OutputSerializer = PlanItemSerializer

    @extend_schema(
        operation_id="plan_item_update",
        request=_ItemInputSerializer,
        responses={200: PlanItemSerializer, 409: CONFLICT},
    )
    def patch(self, request: Request, pk: int) -> Response:
        item = permissions.get_plan_item_for_user_or_404(request.user, pk)
        context = {"request": request, "work_plan": item.work_plan}
        serializer = self.InputSerializer(data=request.data, partial=True, context=context)
        serializer.is_valid(raise_exception=True)
        updated = services.plan_item_update(actor=request.user, item=item, **serializer.validated_data)
        return Response(self.OutputSerializer(updated or item).data)

    @extend_schema(operation_id="plan_item_delete", responses={204: None, 409: CONFLICT})
    def delete(self, request: Request, pk: int) -> Response:
        item = permissions.get_plan_item_for_user_or_404(request.user, pk)
        services.plan_item_delete(actor=request.user, item=item)
        return Response(status=status.HTTP_204_NO_CONTENT)


class _IndicatorInputSerializer(serializers.Serializer):
    aspect = serializers.ChoiceField(choices=Aspect.choices, default=Aspect.QUANTITY)
    text = serializers.CharField(max_length=2000)
    target_min = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The target number (quantitative SKP); the lower bound of a range."),
    )
    target_max = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, help_text=gettext_lazy("Upper bound.")
    )
    target_unit = serializers.CharField(max_length=40, required=False, allow_blank=True)
    target_text = serializers.CharField(
        max_length=255, required=False, allow_blank=True, help_text=gettext_lazy("The target (qualitative SKP).")
    )
    lower_is_better = serializers.BooleanField(required=False)


class IndicatorAddApi(PlanningApi):
    """Add an IKI with its aspect and target to an RHK."""

    InputSerializer = _IndicatorInputSerializer
    OutputSerializer = IndicatorSerializer

    @extend_schema(
        operation_id="indicator_add",
        request=_IndicatorInputSerializer,
        responses={201: IndicatorSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        item = permissions.get_plan_item_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        indicator = services.indicator_add(actor=request.user, item=item, **serializer.validated_data)
        return Response(self.OutputSerializer(indicator).data, status=status.HTTP_201_CREATED)


class IndicatorDetailApi(PlanningApi):
    """PATCH: change an IKI (only the fields given). DELETE: remove it."""

    InputSerializer = _IndicatorInputSerializer
    OutputSerializer = IndicatorSerializer

    @extend_schema(
        operation_id="indicator_update",
        request=_IndicatorInputSerializer,
        responses={200: IndicatorSerializer, 409: CONFLICT},
    )
    def patch(self, request: Request, pk: int) -> Response:
        indicator = permissions.get_indicator_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        updated = services.indicator_update(actor=request.user, indicator=indicator, **serializer.validated_data)
        return Response(self.OutputSerializer(updated or indicator).data)

    @extend_schema(operation_id="indicator_delete", responses={204: None, 409: CONFLICT})
    def delete(self, request: Request, pk: int) -> Response:
        indicator = permissions.get_indicator_for_user_or_404(request.user, pk)
        services.indicator_delete(actor=request.user, indicator=indicator)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExpectationSetApi(PlanningApi):
    """The penilai sets the ekspektasi khusus for one BerAKHLAK value (by its code, e.g. "akuntabel")."""

    class InputSerializer(serializers.Serializer):
        special_expectation = serializers.CharField(max_length=5000, allow_blank=True)

    OutputSerializer = ExpectationSerializer

    @extend_schema(
        operation_id="work_plan_expectation_set",
        request=InputSerializer,
        responses={200: ExpectationSerializer, 409: CONFLICT},
    )
    def put(self, request: Request, pk: int, value: str) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        # The seven core values are public reference data (regulation.md §4.5).
        core_value = get_object_or_404(BehaviourValue.objects.prefetch_related("indicators"), code=value)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        expectation = services.behaviour_expectation_set(
            actor=request.user,
            work_plan=plan,
            value=core_value,
            special_expectation=serializer.validated_data["special_expectation"],
        )
        return Response(self.OutputSerializer(expectation).data)
