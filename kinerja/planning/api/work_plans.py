"""SKP: list what the caller may see, start one, read and edit it, move it through the workflow, read versions."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.organization import permissions as org_permissions
from kinerja.planning import permissions, selectors, services
from kinerja.planning.api.common import PlanningApi, UnitField, YearField, year_or_current
from kinerja.planning.api.serializers import CARD_RELATIONS, WorkPlanCardSerializer, WorkPlanDetailSerializer
from kinerja.planning.choices import Approach, WorkPlanStatus
from kinerja.planning.models import WorkPlan, WorkPlanTemplate

CONFLICT = OpenApiResponse(description="The SKP is not in a state that allows this step (code invalid_state).")


def detail_response(request: Request, plan: WorkPlan, *, status_code: int = status.HTTP_200_OK) -> Response:
    """The full SKP as the caller sees it now (re-read after a write so that every part is current)."""
    fresh = permissions.get_work_plan_for_user_or_404(request.user, plan.pk)
    data = WorkPlanDetailSerializer(selectors.work_plan_detail(fresh), context={"request": request}).data
    return Response(data, status=status_code)


class WorkPlanListApi(PlanningApi):
    """The SKP the caller may see: their own, their team's, and those of the units their role covers."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        year = YearField(required=False)
        status = serializers.ChoiceField(choices=WorkPlanStatus.choices, required=False)
        employee = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Employee id."))
        unit = UnitField(required=False, help_text=gettext_lazy("SKP of this unit and the units below it."))

    OutputSerializer = WorkPlanCardSerializer

    @extend_schema(
        operation_id="work_plan_list",
        parameters=[FilterSerializer],
        responses={200: WorkPlanCardSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        plans = permissions.work_plans_visible_to(request.user).select_related(*CARD_RELATIONS)
        if "year" in filters:
            plans = plans.filter(year=filters["year"])
        if "status" in filters:
            plans = plans.filter(status=filters["status"])
        if "employee" in filters:
            plans = plans.filter(employee_id=filters["employee"])
        if "unit" in filters:
            plans = plans.filter(unit__path__startswith=filters["unit"].path)
        plans = plans.order_by("-year__year", "employee__name", "start_date", "pk")
        return paginated_response(request=request, view=self, queryset=plans, serializer_class=self.OutputSerializer)


class WorkPlanStartApi(PlanningApi):
    """Open an SKP: blank, from what the penilai distributed, from last year's SKP, or from a template."""

    class InputSerializer(serializers.Serializer):
        SOURCES = ("blank", "distribution", "previous", "template")

        employee = serializers.IntegerField(
            required=False,
            min_value=1,
            help_text=gettext_lazy("Id of whose SKP (default: the caller). Admin OPD/BKPSDM in scope."),
        )
        year = YearField(required=False, help_text=gettext_lazy("Default: the current performance year."))
        approach = serializers.ChoiceField(choices=Approach.choices, default=Approach.QUANTITATIVE)
        source = serializers.ChoiceField(choices=[(s, s) for s in SOURCES], default="blank")
        template = serializers.IntegerField(required=False, allow_null=True, help_text=gettext_lazy("Template id."))
        start_date = serializers.DateField(required=False, allow_null=True)

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            template_id = attrs.pop("template", None)
            if attrs["source"] == "template":
                # Templates are shared reference data (RHK many pelaksana hold in common): no visibility rule.
                template = WorkPlanTemplate.objects.filter(pk=template_id).first() if template_id else None
                if template is None:
                    raise serializers.ValidationError({"template": [_("Choose an existing SKP template.")]})
                attrs["template"] = template
            return attrs

    @extend_schema(
        operation_id="work_plan_start",
        request=InputSerializer,
        responses={201: WorkPlanDetailSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        employee_id = data.pop("employee", None)
        if employee_id is not None:
            employee = org_permissions.get_employee_for_user_or_404(request.user, employee_id)
        else:
            employee = getattr(request.user, "employee", None)
        if employee is None:
            raise serializers.ValidationError({"employee": [_("Name the employee whose SKP to open.")]})
        if not permissions.can_start_work_plan(request.user, employee):
            raise PermissionDenied
        data["year"] = year_or_current(data)
        plan = services.work_plan_start(actor=request.user, employee=employee, **data)
        return detail_response(request, plan, status_code=status.HTTP_201_CREATED)


class WorkPlanDetailApi(PlanningApi):
    """GET: the whole SKP. PATCH: approach and lampiran, naming the lock_version read (optimistic locking)."""

    class InputSerializer(serializers.Serializer):
        lock_version = serializers.IntegerField(
            required=False,
            min_value=0,
            help_text=gettext_lazy("The lock_version you read; a stale one is refused (someone else changed it)."),
        )
        approach = serializers.ChoiceField(choices=Approach.choices, required=False)
        resource_support = serializers.CharField(required=False, allow_blank=True, max_length=5000)
        accountability_scheme = serializers.CharField(required=False, allow_blank=True, max_length=5000)
        consequences = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    OutputSerializer = WorkPlanDetailSerializer

    @extend_schema(operation_id="work_plan_detail", responses={200: WorkPlanDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        return detail_response(request, plan)

    @extend_schema(
        operation_id="work_plan_update",
        request=InputSerializer,
        responses={200: WorkPlanDetailSerializer, 409: CONFLICT},
    )
    def patch(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.work_plan_update(actor=request.user, work_plan=plan, **serializer.validated_data)
        return detail_response(request, plan)


class WorkPlanSubmitApi(PlanningApi):
    """The owner submits the SKP to the penilai (refused after the drafting deadline for a first version)."""

    @extend_schema(
        operation_id="work_plan_submit", request=None, responses={200: WorkPlanDetailSerializer, 409: CONFLICT}
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        services.work_plan_submit(actor=request.user, work_plan=plan)
        return detail_response(request, plan)


class WorkPlanReturnApi(PlanningApi):
    """The penilai returns a submitted SKP to its owner with a note saying what to change."""

    class InputSerializer(serializers.Serializer):
        note = serializers.CharField(max_length=5000)

    @extend_schema(
        operation_id="work_plan_return",
        request=InputSerializer,
        responses={200: WorkPlanDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.work_plan_return(actor=request.user, work_plan=plan, note=serializer.validated_data["note"])
        return detail_response(request, plan)


class WorkPlanApproveApi(PlanningApi):
    """The penilai approves a submitted SKP; its content is frozen as an approved version."""

    @extend_schema(
        operation_id="work_plan_approve", request=None, responses={200: WorkPlanDetailSerializer, 409: CONFLICT}
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        services.work_plan_approve(actor=request.user, work_plan=plan)
        return detail_response(request, plan)


class WorkPlanReviseApi(PlanningApi):
    """Owner or penilai open a revision of an approved SKP: a new draft version, with the reason recorded."""

    class InputSerializer(serializers.Serializer):
        reason = serializers.CharField(max_length=5000)

    @extend_schema(
        operation_id="work_plan_revise",
        request=InputSerializer,
        responses={200: WorkPlanDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.work_plan_revise(actor=request.user, work_plan=plan, reason=serializer.validated_data["reason"])
        return detail_response(request, plan)


class _VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    approved_at = serializers.DateTimeField()
    approved_by = serializers.SerializerMethodField()

    def get_approved_by(self, version: Any) -> str | None:
        user = version.approved_by
        if user is None:
            return None
        return user.employee.full_name if user.employee_id else user.get_username()


class WorkPlanVersionListApi(PlanningApi):
    """The approved versions of an SKP, oldest first (each stays readable after later revisions)."""

    OutputSerializer = _VersionSerializer

    @extend_schema(operation_id="work_plan_version_list", responses={200: _VersionSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        versions = plan.versions.defer("content").select_related("approved_by__employee").order_by("version")
        return Response(self.OutputSerializer(versions, many=True).data)


class WorkPlanVersionDetailApi(PlanningApi):
    """One approved version with its frozen content (what was printed and hashed when it was approved)."""

    class OutputSerializer(_VersionSerializer):
        content = serializers.JSONField()

    @extend_schema(operation_id="work_plan_version_detail", responses={200: OutputSerializer})
    def get(self, request: Request, pk: int, version: int) -> Response:
        plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
        found = plan.versions.select_related("approved_by__employee").filter(version=version).first()
        if found is None:
            raise Http404
        return Response(self.OutputSerializer(found).data)
