"""Matriks peran hasil: a supervisor hands each of their RHK to the subordinates who will carry it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import validated_filters
from kinerja.organization import permissions as org_permissions
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors, services
from kinerja.planning.api.common import PersonSerializer, PlanningApi, YearField, year_or_current
from kinerja.planning.models import PlanItem


class _DistributedItemSerializer(serializers.Serializer):
    """One of the caller's RHK with whom it is handed to and which subordinate RHK already carry it."""

    class DistributionSerializer(serializers.Serializer):
        employee = PersonSerializer()
        suggested_text = serializers.CharField()

    class CarriedBySerializer(serializers.Serializer):
        id = serializers.IntegerField()
        text = serializers.CharField()
        employee = PersonSerializer(source="work_plan.employee")

    id = serializers.IntegerField()
    work_plan_id = serializers.IntegerField()
    kind = serializers.CharField()
    text = serializers.CharField()
    distributions = DistributionSerializer(many=True, source="distributions.all")
    carried_by = CarriedBySerializer(many=True, source="supporting_items.all")


class DistributionListApi(PlanningApi):
    """The caller's RHK of a year with their distributions, and the team they may hand them to."""

    class FilterSerializer(serializers.Serializer):
        year = YearField(required=False, help_text=gettext_lazy("Default: the current performance year."))

    class OutputSerializer(serializers.Serializer):
        class TeamMemberSerializer(PersonSerializer):
            position = serializers.CharField(source="position_name", allow_null=True)

        year = serializers.IntegerField(source="year.year")
        items = _DistributedItemSerializer(many=True)
        team = TeamMemberSerializer(many=True)

    @extend_schema(operation_id="distribution_list", parameters=[FilterSerializer], responses={200: OutputSerializer})
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        year = year_or_current(filters)
        employee = getattr(request.user, "employee", None)
        items: list[PlanItem] = []
        team: list[Any] = []
        if employee is not None:
            items = list(selectors.distributable_items(employee, year))
            team = list(org_selectors.team_members(employee).order_by("name", "pk"))
        return Response(self.OutputSerializer({"year": year, "items": items, "team": team}).data)


class _EmployeesField(serializers.ListField):
    """Employee ids, each resolved among the people the caller may see (the service checks they are the team)."""

    child = serializers.IntegerField(min_value=1)

    def to_internal_value(self, data: Any) -> list[Any]:
        ids = super().to_internal_value(data)
        visible = org_permissions.employees_visible_to(self.context["request"].user)
        found = {employee.pk: employee for employee in visible.filter(pk__in=ids)}
        missing = [str(pk) for pk in ids if pk not in found]
        if missing:
            raise serializers.ValidationError(_("There is no employee with id %(ids)s.") % {"ids": ", ".join(missing)})
        return [found[pk] for pk in dict.fromkeys(ids)]


class ItemDistributionSetApi(PlanningApi):
    """Replace the list of subordinates an RHK is handed to (missing ones added, unlisted ones removed)."""

    class InputSerializer(serializers.Serializer):
        employees = _EmployeesField(help_text=gettext_lazy("Ids of the team members who will carry this RHK."))
        suggested_text = serializers.CharField(
            max_length=2000,
            required=False,
            allow_blank=True,
            default="",
            help_text=gettext_lazy("The RHK wording suggested to them (default: the same text)."),
        )

    OutputSerializer = _DistributedItemSerializer

    @extend_schema(
        operation_id="plan_item_distribution_set", request=InputSerializer, responses={200: OutputSerializer}
    )
    def put(self, request: Request, pk: int) -> Response:
        item = permissions.get_plan_item_for_user_or_404(request.user, pk)
        if not permissions.can_distribute_item(request.user, item):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        services.distribution_set(actor=request.user, item=item, **serializer.validated_data)
        fresh = selectors.distributable_items(item.work_plan.employee, item.work_plan.year).get(pk=item.pk)
        return Response(self.OutputSerializer(fresh).data)
