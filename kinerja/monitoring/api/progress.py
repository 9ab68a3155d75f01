"""Daily progress (progres harian): list, log with evidence files, edit, delete, acknowledge, comment."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.api import paginated_response, validated_filters
from kinerja.monitoring import permissions, services
from kinerja.monitoring.api.common import (
    EvidenceSerializer,
    ItemRefSerializer,
    PersonSerializer,
    PlanItemField,
    UploadsField,
)
from kinerja.monitoring.models import Evidence, ProgressComment, ProgressEntry
from kinerja.organization import selectors as org_selectors

# What every progress row needs, so a page of entries costs the same few queries however long it is.
ENTRY_RELATIONS = ("employee", "item")


def entries_for_output(entries: QuerySet[ProgressEntry]) -> QuerySet[ProgressEntry]:
    return entries.select_related(*ENTRY_RELATIONS).prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
    )


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author_id = serializers.IntegerField()
    author = serializers.CharField()
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class ProgressEntrySerializer(serializers.Serializer):
    """A daily progress entry with its evidence. Needs entries_for_output()."""

    id = serializers.IntegerField()
    employee = PersonSerializer()
    item = ItemRefSerializer()
    day = serializers.DateField()
    description = serializers.CharField()
    link = serializers.CharField()
    acknowledged = serializers.SerializerMethodField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    evidence = EvidenceSerializer(many=True, source="evidence.all")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_acknowledged(self, entry: ProgressEntry) -> bool:
        return entry.acknowledged_at is not None


def entry_response(request: Request, entry: ProgressEntry, *, status_code: int = status.HTTP_200_OK) -> Response:
    """The entry as the caller sees it now (re-read through permissions after a write)."""
    fresh = entries_for_output(permissions.progress_visible_to(request.user)).get(pk=entry.pk)
    return Response(ProgressEntrySerializer(fresh).data, status=status_code)


class ProgressListApi(APIView):
    """GET: the entries the caller may see (own, team's, scope). POST: log progress, with evidence files."""

    pagination_class = LimitOffsetPagination
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    class FilterSerializer(serializers.Serializer):
        mine = serializers.BooleanField(required=False, help_text=gettext_lazy("Only my own entries."))
        employee = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("Employee id."))
        item = serializers.IntegerField(required=False, min_value=1, help_text=gettext_lazy("RHK id."))
        start = serializers.DateField(required=False, help_text=gettext_lazy("First day (inclusive)."))
        end = serializers.DateField(required=False, help_text=gettext_lazy("Last day (inclusive)."))

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if "start" in attrs and "end" in attrs and attrs["end"] < attrs["start"]:
                raise serializers.ValidationError({"end": [_("The last day cannot be before the first day.")]})
            return attrs

    class InputSerializer(serializers.Serializer):
        item = PlanItemField(help_text=gettext_lazy("Id of the RHK of your approved SKP this work serves."))
        day = serializers.DateField(required=False, help_text=gettext_lazy("Default: today."))
        description = serializers.CharField(max_length=5000)
        link = serializers.URLField(required=False, allow_blank=True, max_length=200)
        files = UploadsField(required=False, help_text=gettext_lazy("Evidence files (multipart)."))

    OutputSerializer = ProgressEntrySerializer

    @extend_schema(
        operation_id="progress_list", parameters=[FilterSerializer], responses={200: ProgressEntrySerializer(many=True)}
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        entries = permissions.progress_visible_to(request.user)
        if filters.get("mine"):
            me = getattr(request.user, "employee_id", None)
            entries = entries.filter(employee_id=me) if me else entries.none()
        if "employee" in filters:
            entries = entries.filter(employee_id=filters["employee"])
        if "item" in filters:
            entries = entries.filter(item_id=filters["item"])
        if "start" in filters:
            entries = entries.filter(day__gte=filters["start"])
        if "end" in filters:
            entries = entries.filter(day__lte=filters["end"])
        entries = entries_for_output(entries).order_by("-day", "-created_at", "-pk")
        return paginated_response(request=request, view=self, queryset=entries, serializer_class=self.OutputSerializer)

    @extend_schema(
        operation_id="progress_add",
        request={"multipart/form-data": InputSerializer, "application/json": InputSerializer},
        responses={201: ProgressEntrySerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.setdefault("day", org_selectors.today())
        entry = services.progress_add(actor=request.user, **data)
        return entry_response(request, entry, status_code=status.HTTP_201_CREATED)


class ProgressDetailApi(APIView):
    """GET: one entry. PATCH: change it (the owner, until its period is locked). DELETE: remove it."""

    class InputSerializer(serializers.Serializer):
        item = PlanItemField(required=False)
        day = serializers.DateField(required=False)
        description = serializers.CharField(required=False, max_length=5000)
        link = serializers.URLField(required=False, allow_blank=True, max_length=200)

    OutputSerializer = ProgressEntrySerializer

    @extend_schema(operation_id="progress_detail", responses={200: ProgressEntrySerializer})
    def get(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        return entry_response(request, entry)

    @extend_schema(operation_id="progress_update", request=InputSerializer, responses={200: ProgressEntrySerializer})
    def patch(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        services.progress_update(actor=request.user, entry=entry, **serializer.validated_data)
        return entry_response(request, entry)

    @extend_schema(operation_id="progress_delete", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        services.progress_delete(actor=request.user, entry=entry)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProgressAcknowledgeApi(APIView):
    """The penilai acknowledges an entry (the owner is notified)."""

    @extend_schema(operation_id="progress_acknowledge", request=None, responses={200: ProgressEntrySerializer})
    def post(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        services.progress_acknowledge(actor=request.user, entry=entry)
        return entry_response(request, entry)


class ProgressCommentsApi(APIView):
    """GET: the conversation on an entry. POST: the owner or the penilai adds a comment (the other is notified)."""

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(max_length=5000)

    OutputSerializer = CommentSerializer

    @extend_schema(operation_id="progress_comment_list", responses={200: CommentSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        comments = (
            ProgressComment.objects.filter(entry=entry).select_related("author__employee").order_by("created_at", "pk")
        )
        return Response(self.OutputSerializer(comments, many=True).data)

    @extend_schema(operation_id="progress_comment_add", request=InputSerializer, responses={201: CommentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        entry = permissions.get_progress_for_user_or_404(request.user, pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.progress_comment(actor=request.user, entry=entry, text=serializer.validated_data["text"])
        comment = ProgressComment.objects.select_related("author__employee").get(pk=comment.pk)
        return Response(self.OutputSerializer(comment).data, status=status.HTTP_201_CREATED)
