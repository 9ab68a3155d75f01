"""Organisation API: units, positions and employees, read-only, with the same visibility as the UI."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.api import paginated_response, validated_filters
from kinerja.core.permissions import get_visible_or_404
from kinerja.organization import nip as nip_codec
from kinerja.organization import permissions, selectors
from kinerja.organization.choices import UnitKind
from kinerja.organization.models import Employee, OrgUnit


class _UnitFilterField(serializers.IntegerField):
    """A unit id from the query string, resolved to a unit the caller may see."""

    def to_internal_value(self, data: Any) -> OrgUnit:
        pk = super().to_internal_value(data)
        unit = permissions.org_units_visible_to(self.context["request"].user).filter(pk=pk).first()
        if unit is None:
            raise serializers.ValidationError(_("There is no unit with id %(id)s.") % {"id": pk})
        return unit


class OrgUnitListApi(APIView):
    """Units of the government (the structure is visible to every logged-in user)."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        parent = _UnitFilterField(required=False, help_text=gettext_lazy("Only the direct children of this unit."))
        kind = serializers.ChoiceField(choices=UnitKind.choices, required=False)

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        code = serializers.CharField()
        name = serializers.CharField()
        short_name = serializers.CharField()
        kind = serializers.CharField()
        kind_display = serializers.CharField(source="get_kind_display")
        parent_id = serializers.IntegerField(allow_null=True)
        depth = serializers.IntegerField()
        is_active = serializers.BooleanField()

    @extend_schema(
        operation_id="org_unit_list",
        parameters=[FilterSerializer],
        responses={200: OutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        units = permissions.org_units_visible_to(request.user).order_by("path")
        if "parent" in filters:
            units = units.filter(parent=filters["parent"])
        if "kind" in filters:
            units = units.filter(kind=filters["kind"])
        return paginated_response(request=request, view=self, queryset=units, serializer_class=self.OutputSerializer)


class OrgUnitDetailApi(APIView):
    OutputSerializer = OrgUnitListApi.OutputSerializer

    @extend_schema(operation_id="org_unit_detail", responses={200: OutputSerializer})
    def get(self, request: Request, pk: int) -> Response:
        unit = permissions.get_org_unit_for_user_or_404(request.user, pk)
        return Response(self.OutputSerializer(unit).data)


class PositionListApi(APIView):
    """Positions (jabatan) with the position each reports to (atasan jabatan)."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        unit = _UnitFilterField(required=False, help_text=gettext_lazy("Only positions of this unit itself."))

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        code = serializers.CharField()
        name = serializers.CharField()
        kind = serializers.CharField()
        kind_display = serializers.CharField(source="get_kind_display")
        level = serializers.CharField()
        unit_id = serializers.IntegerField()
        unit = serializers.CharField(source="unit.name")
        reports_to_id = serializers.IntegerField(allow_null=True)
        is_unit_head = serializers.BooleanField()
        is_active = serializers.BooleanField()

    @extend_schema(
        operation_id="position_list",
        parameters=[FilterSerializer],
        responses={200: OutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        positions = permissions.positions_visible_to(request.user).select_related("unit")
        if "unit" in filters:
            positions = positions.filter(unit=filters["unit"])
        return paginated_response(
            request=request, view=self, queryset=positions, serializer_class=self.OutputSerializer
        )


class PositionDetailApi(APIView):
    OutputSerializer = PositionListApi.OutputSerializer

    @extend_schema(operation_id="position_detail", responses={200: OutputSerializer})
    def get(self, request: Request, pk: int) -> Response:
        position = permissions.get_position_for_user_or_404(request.user, pk)
        return Response(self.OutputSerializer(position).data)


class _EmployeeCardSerializer(serializers.Serializer):
    """What anyone who may see the employee sees: name, NIP, rank, current post (with_current_post)."""

    id = serializers.IntegerField()
    nip = serializers.CharField()
    name = serializers.CharField()
    full_name = serializers.CharField()
    employment_type = serializers.CharField()
    rank = serializers.CharField(source="rank.code", allow_null=True, default=None)
    position_id = serializers.IntegerField(source="position_id_now", allow_null=True)
    position = serializers.CharField(source="position_name", allow_null=True)
    unit_id = serializers.IntegerField(source="unit_id_now", allow_null=True)
    unit = serializers.CharField(source="unit_name", allow_null=True)
    is_active = serializers.BooleanField()


class EmployeeListApi(APIView):
    """The employees the caller may see (own OPD, own team, roles in scope); search by name or NIP."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        q = serializers.CharField(
            required=False, max_length=100, help_text=gettext_lazy("Part of the name, or the start of the NIP.")
        )
        unit = _UnitFilterField(
            required=False, help_text=gettext_lazy("Employees whose definitive post is in this unit or below it.")
        )

    OutputSerializer = _EmployeeCardSerializer

    @extend_schema(
        operation_id="employee_list",
        parameters=[FilterSerializer],
        responses={200: _EmployeeCardSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        employees: QuerySet[Employee] = permissions.employees_visible_to(request.user)
        if filters.get("q"):
            term = filters["q"].strip()
            digits = nip_codec.normalize(term)
            match = Q(name__icontains=term)
            if digits.isdigit():
                match |= Q(nip__startswith=digits)
            employees = employees.filter(match)
        employees = selectors.with_current_post(employees)
        if "unit" in filters:
            employees = employees.filter(unit_id_now__in=selectors.unit_subtree(filters["unit"]).values("pk"))
        return paginated_response(
            request=request,
            view=self,
            queryset=employees.order_by("name", "pk"),
            serializer_class=self.OutputSerializer,
        )


class EmployeeDetailApi(APIView):
    """One employee; personal data only for the person, their superiors and HR admins/auditors in scope."""

    class OutputSerializer(_EmployeeCardSerializer):
        class AssignmentSerializer(serializers.Serializer):
            position_id = serializers.IntegerField()
            position = serializers.CharField(source="position.name")
            unit_id = serializers.IntegerField(source="position.unit_id")
            unit = serializers.CharField(source="position.unit.name")
            kind = serializers.CharField()
            start_date = serializers.DateField()
            end_date = serializers.DateField(allow_null=True)
            decree_number = serializers.CharField()

        # Personal data (product.md §4): omitted from the response, not nulled, when the caller may not see it.
        PERSONAL_FIELDS = ("birth_date", "birth_place", "sex", "tmt_cpns", "assignments")

        front_title = serializers.CharField()
        back_title = serializers.CharField()
        email = serializers.EmailField()
        phone = serializers.CharField()
        birth_date = serializers.DateField(required=False)
        birth_place = serializers.CharField(required=False)
        sex = serializers.CharField(required=False)
        tmt_cpns = serializers.DateField(required=False, allow_null=True)
        assignments = AssignmentSerializer(source="history", many=True, required=False)

        def to_representation(self, instance: Any) -> dict[str, Any]:
            data = super().to_representation(instance)
            if not self.context.get("personal", False):
                for name in self.PERSONAL_FIELDS:
                    data.pop(name, None)
            return data

    @extend_schema(
        operation_id="employee_detail",
        responses={200: OutputSerializer},
        description=(
            "birth_date, birth_place, sex, tmt_cpns and assignments are present only when the caller may see "
            "personal data: the person, supervisors above them, Admin OPD/BKPSDM and auditors in scope."
        ),
    )
    def get(self, request: Request, pk: int) -> Response:
        # One fetch through the visibility rules, with the current post joined (404 for anyone who may not see it).
        card = get_visible_or_404(selectors.with_current_post(permissions.employees_visible_to(request.user)), pk=pk)
        personal = permissions.can_view_personal_data(request.user, card)
        if personal:
            card.history = list(selectors.assignment_history(card))
        return Response(self.OutputSerializer(card, context={"personal": personal}).data)
