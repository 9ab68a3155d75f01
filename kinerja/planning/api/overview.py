"""Overviews: the penilai's review queue, the cascade of an agency, and SKP completion per unit."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors
from kinerja.planning.api.common import PersonSerializer, PlanningApi, UnitField, YearField, year_or_current
from kinerja.planning.api.serializers import WorkPlanCardSerializer


class ReviewQueueApi(PlanningApi):
    """Submitted SKP waiting for the caller to return or approve them, oldest first."""

    pagination_class = LimitOffsetPagination
    OutputSerializer = WorkPlanCardSerializer

    @extend_schema(operation_id="review_queue", responses={200: WorkPlanCardSerializer(many=True)})
    def get(self, request: Request) -> Response:
        queue = selectors.review_queue(request.user)
        return paginated_response(request=request, view=self, queryset=queue, serializer_class=self.OutputSerializer)


class _UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class _CascadeNodeSerializer(serializers.Serializer):
    """One RHK in the cascade with the RHK below that support it (recursive)."""

    id = serializers.IntegerField(source="item.pk")
    kind = serializers.CharField(source="item.kind")
    text = serializers.CharField(source="item.text")
    work_plan_id = serializers.IntegerField(source="item.work_plan_id")
    status = serializers.CharField(source="item.work_plan.status")
    employee = PersonSerializer(source="item.work_plan.employee")
    position = serializers.CharField(source="item.work_plan.position.name")
    supported_item_id = serializers.IntegerField(source="item.supported_item_id", allow_null=True)
    supports_nothing = serializers.BooleanField(help_text=gettext_lazy("A main RHK that intervenes nothing."))
    not_carried = serializers.BooleanField(
        help_text=gettext_lazy("A supervisor's main RHK that no subordinate's RHK supports.")
    )


# Declared after the class so the field can name its own serializer (a tree of any depth).
_CascadeNodeSerializer._declared_fields["children"] = _CascadeNodeSerializer(many=True)


class CascadeApi(PlanningApi):
    """The tree from each organisation goal of an agency down to every RHK that serves it, with the flags."""

    class FilterSerializer(serializers.Serializer):
        unit = UnitField(help_text=gettext_lazy("The agency (or a unit of it) whose cascade to show."))
        year = YearField(required=False, help_text=gettext_lazy("Default: the current performance year."))

    class OutputSerializer(serializers.Serializer):
        class GoalSerializer(serializers.Serializer):
            class GoalIndicatorSerializer(serializers.Serializer):
                id = serializers.IntegerField()
                text = serializers.CharField()
                target_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
                target_unit = serializers.CharField()
                target_text = serializers.CharField()

            id = serializers.IntegerField(source="goal.pk")
            code = serializers.CharField(source="goal.code")
            statement = serializers.CharField(source="goal.statement")
            indicators = GoalIndicatorSerializer(many=True, source="goal.indicators.all")
            unserved = serializers.BooleanField(help_text=gettext_lazy("No RHK supports this goal."))
            children = _CascadeNodeSerializer(many=True)

        class FlagsSerializer(serializers.Serializer):
            unlinked_items = serializers.IntegerField()
            uncarried_items = serializers.IntegerField()
            unserved_goals = serializers.IntegerField()

        unit = _UnitRefSerializer()
        agency = _UnitRefSerializer()
        year = serializers.IntegerField(source="year.year")
        goals = GoalSerializer(many=True)
        unlinked = _CascadeNodeSerializer(many=True, help_text=gettext_lazy("Main RHK that support nothing."))
        outside = _CascadeNodeSerializer(many=True, help_text=gettext_lazy("RHK supporting an RHK outside this unit."))
        additional = _CascadeNodeSerializer(many=True, help_text=gettext_lazy("Tambahan RHK that stand alone."))
        flags = FlagsSerializer()

    @extend_schema(operation_id="cascade", parameters=[FilterSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        unit = filters["unit"]
        if not permissions.can_view_cascade(request.user, unit):
            raise PermissionDenied
        tree = selectors.cascade(unit, year_or_current(filters))
        flags = {
            "unlinked_items": len(tree.unlinked_items),
            "uncarried_items": len(tree.uncarried_items),
            "unserved_goals": len(tree.unserved_goals),
        }
        payload: dict[str, Any] = {
            "unit": tree.unit,
            "agency": tree.agency,
            "year": tree.year,
            "goals": tree.goals,
            "unlinked": tree.unlinked,
            "outside": tree.outside,
            "additional": tree.additional,
            "flags": flags,
        }
        return Response(self.OutputSerializer(payload).data)


class _CountsSerializer(serializers.Serializer):
    not_started = serializers.IntegerField()
    draft = serializers.IntegerField()
    submitted = serializers.IntegerField()
    returned = serializers.IntegerField()
    approved = serializers.IntegerField()
    people = serializers.IntegerField()
    approved_percent = serializers.IntegerField()


class CompletionApi(PlanningApi):
    """How many people of each unit of an agency have no SKP yet, a draft, a submitted, returned or approved one."""

    class FilterSerializer(serializers.Serializer):
        unit = UnitField(help_text=gettext_lazy("The agency (OPD); a unit inside one means its whole agency."))
        year = YearField(required=False, help_text=gettext_lazy("Default: the current performance year."))

    class OutputSerializer(serializers.Serializer):
        class RowSerializer(_CountsSerializer):
            unit = _UnitRefSerializer()

        agency = _UnitRefSerializer()
        year = serializers.IntegerField(source="year.year")
        rows = RowSerializer(many=True)
        total = _CountsSerializer()

    @extend_schema(operation_id="completion", parameters=[FilterSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        agency = org_selectors.agency_of(filters["unit"])
        if not permissions.can_view_cascade(request.user, agency):
            raise PermissionDenied
        year = year_or_current(filters)
        completion = selectors.completion_per_unit(agency, year)
        payload = {"agency": agency, "year": year, "rows": completion.rows, "total": completion.total}
        return Response(self.OutputSerializer(payload).data)
