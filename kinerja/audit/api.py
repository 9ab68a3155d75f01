"""Audit API: the trail of changes the caller may read (own record; auditors and HR admins in scope)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.audit import permissions
from kinerja.core.api import paginated_response, validated_filters


class AuditEventListApi(APIView):
    """Newest first. Everyone sees the events about their own record; roles see their unit subtree."""

    pagination_class = LimitOffsetPagination

    class FilterSerializer(serializers.Serializer):
        subject = serializers.IntegerField(
            required=False, min_value=1, help_text=gettext_lazy("Only events about this employee (id).")
        )

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        created_at = serializers.DateTimeField()
        actor_id = serializers.IntegerField(allow_null=True)
        actor = serializers.CharField(allow_null=True, default=None)
        verb = serializers.CharField()
        target_type = serializers.CharField()
        target_id = serializers.CharField()
        target_repr = serializers.CharField()
        org_unit_id = serializers.IntegerField(allow_null=True)
        subject_id = serializers.IntegerField(allow_null=True)
        before = serializers.JSONField(allow_null=True)
        after = serializers.JSONField(allow_null=True)
        reason = serializers.CharField()

    @extend_schema(
        operation_id="audit_event_list",
        parameters=[FilterSerializer],
        responses={200: OutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        filters = validated_filters(self.FilterSerializer, request)
        events = permissions.audit_events_visible_to(request.user).select_related("actor__employee")
        if "subject" in filters:
            events = events.filter(subject_id=filters["subject"])
        return paginated_response(request=request, view=self, queryset=events, serializer_class=self.OutputSerializer)
