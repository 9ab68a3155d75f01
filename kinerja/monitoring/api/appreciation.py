"""Appreciation (apresiasi): the feed the caller may see, and recognising someone's achievement."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.api import paginated_response, validated_filters
from kinerja.monitoring import permissions, services
from kinerja.monitoring.api.common import EmployeeField, ItemRefSerializer, PersonSerializer
from kinerja.planning.api.common import UnitField
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PlanItem

APPRECIATION_RELATIONS = ("recipient", "author__employee", "item", "unit")


class AppreciationSerializer(serializers.Serializer):
    """One appreciation. Needs select_related of APPRECIATION_RELATIONS."""

    id = serializers.IntegerField()
    recipient = PersonSerializer()
    author_id = serializers.IntegerField()
    author = serializers.CharField()
    text = serializers.CharField()
    item = ItemRefSerializer(allow_null=True)
    unit_id = serializers.IntegerField()
    unit = serializers.CharField(source="unit.name")
    created_at = serializers.DateTimeField()


class AppreciationListApi(APIView):
    """GET: the appreciation feed (the caller's agency, their own, their scope). POST: appreciate someone."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        recipient = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Employee id."))
        unit = UnitField(required=False, help_text=gettext_lazy("This unit and the units below it."))

    class InputSerializer(serializers.Serializer):
        recipient = EmployeeField(help_text=gettext_lazy("Employee id of whom you appreciate."))
        text = serializers.CharField(max_length=1000)
        item = serializers.IntegerField(
            required=False, allow_null=True, help_text=gettext_lazy("Id of one of the recipient's RHK (optional).")
        )

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if attrs.get("item") is None:
                attrs.pop("item", None)
                return attrs
            # A colleague may not read the recipient's SKP, yet may name the RHK the achievement served: only the
            # recipient's approved RHK are eligible, and an id outside them reveals nothing.
            item = (
                PlanItem.objects.filter(
                    pk=attrs["item"],
                    work_plan__employee=attrs["recipient"],
                    work_plan__status=WorkPlanStatus.APPROVED,
                )
                .select_related("work_plan")
                .first()
            )
            if item is None:
                raise serializers.ValidationError({"item": [_("Choose an RHK of the person you appreciate.")]})
            attrs["item"] = item
            return attrs

    OutputSerializer = AppreciationSerializer

    @extend_schema(
        operation_id="appreciation_list",
        parameters=[FilterSerializer],
        responses={200: AppreciationSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        feed = permissions.appreciations_visible_to(request.user).select_related(*APPRECIATION_RELATIONS)
        if "recipient" in filters:
            feed = feed.filter(recipient_id=filters["recipient"])
        if "unit" in filters:
            feed = feed.filter(unit__path__startswith=filters["unit"].path)
        feed = feed.order_by("-created_at", "-pk")
        return paginated_response(request=request, view=self, queryset=feed, serializer_class=self.OutputSerializer)

    @extend_schema(operation_id="appreciation_give", request=InputSerializer, responses={201: AppreciationSerializer})
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        appreciation = services.appreciation_give(actor=request.user, **serializer.validated_data)
        fresh = (
            permissions.appreciations_visible_to(request.user)
            .select_related(*APPRECIATION_RELATIONS)
            .get(pk=appreciation.pk)
        )
        return Response(self.OutputSerializer(fresh).data, status=status.HTTP_201_CREATED)
