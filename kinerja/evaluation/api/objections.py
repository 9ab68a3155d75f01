"""Keberatan (PP 30/2019 Ps 59): list, read with its timeline, file with attachments, explain, decide, download."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.core.api import paginated_response, validated_filters
from kinerja.core.files import API_INLINE_TYPES, uploaded_file_response
from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.api.common import CONFLICT, EvaluationApi, PeriodRefSerializer, PersonSerializer, UploadsField
from kinerja.evaluation.choices import ObjectionOutcome, ObjectionStatus, Rating
from kinerja.evaluation.models import Objection, ObjectionAttachment

# Shown in the browser when opened directly; anything else is downloaded.


def objections_for_output(objections: QuerySet[Objection]) -> QuerySet[Objection]:
    """Keberatan with everything their output needs: a fixed number of queries however many there are."""
    attachments = ObjectionAttachment.objects.order_by("uploaded_at", "pk")
    return objections.select_related(
        "evaluation__employee", "evaluation__period__year", "filed_by__employee", "explained_by__employee",
        "decided_by__employee",
    ).prefetch_related(Prefetch("attachments", queryset=attachments))  # fmt: skip


def _user_name(user: Any) -> str | None:
    if user is None:
        return None
    return user.employee.full_name if user.employee_id else user.get_username()


class AttachmentSerializer(serializers.Serializer):
    """A file attached to a keberatan; downloaded through the API (only by who may see the keberatan)."""

    id = serializers.IntegerField()
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, attachment: ObjectionAttachment) -> str:
        return reverse("api:evaluation-objection-attachment", kwargs={"pk": attachment.pk})


class ObjectionSerializer(serializers.Serializer):
    """A keberatan with its deadlines, the penilai's explanation and the atasan's decision.

    Needs objections_for_output().
    """

    class EvaluationRefSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        employee = PersonSerializer()
        period = PeriodRefSerializer()

    id = serializers.IntegerField()
    evaluation = EvaluationRefSerializer()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    reasons = serializers.CharField()
    filed_by = serializers.SerializerMethodField()
    filed_at = serializers.DateTimeField()
    explanation_due = serializers.DateField()
    decision_due = serializers.DateField()
    explanation = serializers.CharField()
    explained_by = serializers.SerializerMethodField()
    explained_at = serializers.DateTimeField(allow_null=True)
    outcome = serializers.CharField()
    outcome_display = serializers.CharField(source="get_outcome_display")
    decision_reason = serializers.CharField()
    previous = serializers.JSONField(help_text=gettext_lazy("The result before the decision."))
    decided_by = serializers.SerializerMethodField()
    decided_at = serializers.DateTimeField(allow_null=True)
    lock_version = serializers.IntegerField()
    attachments = AttachmentSerializer(many=True, source="attachments.all")

    def get_filed_by(self, objection: Objection) -> str | None:
        return _user_name(objection.filed_by)

    def get_explained_by(self, objection: Objection) -> str | None:
        return _user_name(objection.explained_by)

    def get_decided_by(self, objection: Objection) -> str | None:
        return _user_name(objection.decided_by)


class TimelineStepSerializer(serializers.Serializer):
    label = serializers.CharField()
    at = serializers.DateTimeField(allow_null=True)
    by = serializers.SerializerMethodField()
    text = serializers.CharField(allow_blank=True, allow_null=True)
    due = serializers.DateField(allow_null=True)

    def get_by(self, step: Any) -> str | None:
        by = step.by
        if by is None or isinstance(by, str):
            return by or None
        if hasattr(by, "get_username"):
            return _user_name(by)
        return str(by)


class ObjectionDetailSerializer(ObjectionSerializer):
    """The keberatan with its timeline and what the caller may do now."""

    class ActionsSerializer(serializers.Serializer):
        can_explain = serializers.BooleanField()
        can_decide = serializers.BooleanField()

    timeline = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    @extend_schema_field(TimelineStepSerializer(many=True))
    def get_timeline(self, objection: Objection) -> Any:
        return TimelineStepSerializer(selectors.objection_timeline(objection), many=True).data

    @extend_schema_field(ActionsSerializer)
    def get_actions(self, objection: Objection) -> dict[str, bool]:
        user = self.context["request"].user
        return {
            "can_explain": permissions.can_explain_objection(user, objection),
            "can_decide": permissions.can_decide_objection(user, objection),
        }


def detail_response(request: Request, objection: Objection, *, status_code: int = status.HTTP_200_OK) -> Response:
    """The keberatan as the caller sees it now (re-read after a write)."""
    fresh = objections_for_output(permissions.objections_visible_to(request.user)).get(pk=objection.pk)
    data = ObjectionDetailSerializer(fresh, context={"request": request}).data
    return Response(data, status=status_code)


class ObjectionListApi(EvaluationApi):
    """The keberatan the caller may see; ``waiting=true``: those waiting for the caller's explanation or decision."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=ObjectionStatus.choices, required=False)
        evaluation = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Evaluation id."))
        waiting = serializers.BooleanField(
            required=False, default=False, help_text=gettext_lazy("Only those waiting for you to act.")
        )

    OutputSerializer = ObjectionSerializer

    @extend_schema(
        operation_id="evaluation_objection_list",
        parameters=[FilterSerializer],
        responses={200: ObjectionSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        objections = permissions.objections_visible_to(request.user)
        if filters.get("waiting"):
            objections = objections.filter(pk__in=[o.pk for o in selectors.objections_waiting_for(request.user)])
        if "status" in filters:
            objections = objections.filter(status=filters["status"])
        if "evaluation" in filters:
            objections = objections.filter(evaluation_id=filters["evaluation"])
        objections = objections_for_output(objections).order_by("-filed_at", "-pk")
        return paginated_response(
            request=request, view=self, queryset=objections, serializer_class=self.OutputSerializer
        )


class ObjectionDetailApi(EvaluationApi):
    """A keberatan with its timeline: filed, explained, decided, each with who, when and the deadline."""

    OutputSerializer = ObjectionDetailSerializer

    @extend_schema(operation_id="evaluation_objection_detail", responses={200: ObjectionDetailSerializer})
    def get(self, request: Request, pk: int) -> Response:
        objection = permissions.get_objection_for_user_or_404(request.user, pk)
        return detail_response(request, objection)


class ObjectionFileApi(EvaluationApi):
    """The owner files a keberatan against a published result, within the year's window, with attachments."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    class InputSerializer(serializers.Serializer):
        reasons = serializers.CharField(max_length=20000)
        files = UploadsField(required=False, help_text=gettext_lazy("Supporting files (multipart, repeated)."))

    OutputSerializer = ObjectionDetailSerializer

    @extend_schema(
        operation_id="evaluation_objection_file",
        request={"multipart/form-data": InputSerializer, "application/json": InputSerializer},
        responses={201: ObjectionDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
        if evaluation.employee_id != getattr(request.user, "employee_id", None):
            raise PermissionDenied  # only the owner objects to their own result
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        objection = services.objection_file(
            actor=request.user, evaluation=evaluation, reasons=data["reasons"], files=data.get("files", [])
        )
        return detail_response(request, objection, status_code=status.HTTP_201_CREATED)


class ObjectionExplainApi(EvaluationApi):
    """The pejabat penilai explains the rating to the atasan (PP 30/2019 Ps 59(3))."""

    class InputSerializer(serializers.Serializer):
        explanation = serializers.CharField(max_length=20000)
        lock_version = serializers.IntegerField(min_value=0, help_text=gettext_lazy("The lock_version you read."))

    OutputSerializer = ObjectionDetailSerializer

    @extend_schema(
        operation_id="evaluation_objection_explain",
        request=InputSerializer,
        responses={200: ObjectionDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        objection = permissions.get_objection_for_user_or_404(request.user, pk)
        if not permissions.acts_as_penilai(request.user, objection.evaluation):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.objection_explain(actor=request.user, objection=objection, **serializer.validated_data)
        return detail_response(request, objection)


class ObjectionDecideApi(EvaluationApi):
    """Only the atasan pejabat penilai decides: keep, or change the ratings (the predikat follows); final."""

    class InputSerializer(serializers.Serializer):
        outcome = serializers.ChoiceField(choices=ObjectionOutcome.choices)
        reason = serializers.CharField(max_length=20000)
        results_rating = serializers.ChoiceField(
            choices=Rating.choices, required=False, allow_null=True, help_text=gettext_lazy("When changing.")
        )
        behaviour_rating = serializers.ChoiceField(
            choices=Rating.choices, required=False, allow_null=True, help_text=gettext_lazy("When changing.")
        )
        lock_version = serializers.IntegerField(min_value=0, help_text=gettext_lazy("The lock_version you read."))

    OutputSerializer = ObjectionDetailSerializer

    @extend_schema(
        operation_id="evaluation_objection_decide",
        request=InputSerializer,
        responses={200: ObjectionDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, pk: int) -> Response:
        objection = permissions.get_objection_for_user_or_404(request.user, pk)
        if not permissions.acts_as_atasan_penilai(request.user, objection.evaluation):
            raise PermissionDenied  # PP 30/2019 Ps 59(4): nobody else, whatever their role
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.objection_decide(actor=request.user, objection=objection, **serializer.validated_data)
        return detail_response(request, objection)


class ObjectionAttachmentApi(EvaluationApi):
    """Download a keberatan's attachment: only for who may see the keberatan (404 otherwise)."""

    @extend_schema(
        operation_id="evaluation_objection_attachment_download",
        responses={200: OpenApiResponse(OpenApiTypes.BINARY, description="The file, with its checked type.")},
    )
    def get(self, request: Request, pk: int) -> FileResponse:
        attachment = permissions.get_objection_attachment_for_user_or_404(request.user, pk)
        if not attachment.file:
            raise Http404
        return uploaded_file_response(
            attachment.file,
            content_type=attachment.content_type,
            filename=attachment.original_name or f"lampiran-{attachment.pk}",
            inline_types=API_INLINE_TYPES,
        )
