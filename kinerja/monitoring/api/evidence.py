"""Evidence (bukti dukung): attach a file or link, download it through permissions, delete it."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.files import API_INLINE_TYPES, uploaded_file_response
from kinerja.monitoring import permissions, services
from kinerja.monitoring.api.common import EvidenceSerializer, not_visible
from kinerja.monitoring.models import ProgressEntry, Realization

# Shown in the browser when opened directly; anything else is downloaded.


class _ProgressEntryField(serializers.IntegerField):
    def to_internal_value(self, data: Any) -> ProgressEntry:
        pk = super().to_internal_value(data)
        visible = permissions.progress_visible_to(self.context["request"].user)
        entry = visible.select_related("employee", "item__work_plan").filter(pk=pk).first()
        if entry is None:
            raise not_visible(_("There is no progress entry with id %(id)s.") % {"id": pk})
        return entry


class _RealizationField(serializers.IntegerField):
    def to_internal_value(self, data: Any) -> Realization:
        pk = super().to_internal_value(data)
        found = (
            permissions.realizations_visible_to(self.context["request"].user)
            .select_related("indicator__item__work_plan", "period")
            .filter(pk=pk)
            .first()
        )
        if found is None:
            raise not_visible(_("There is no realisasi with id %(id)s.") % {"id": pk})
        return found


class EvidenceAttachApi(APIView):
    """Attach one file (multipart ``file``) or one link to a progress entry or a realisasi of your own."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    class InputSerializer(serializers.Serializer):
        progress_entry = _ProgressEntryField(required=False, allow_null=True)
        realization = _RealizationField(required=False, allow_null=True)
        file = serializers.FileField(
            required=False, allow_null=True, help_text=gettext_lazy("PDF, image or office file.")
        )
        link = serializers.CharField(required=False, allow_blank=True, max_length=200)

        def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
            if (attrs.get("progress_entry") is None) == (attrs.get("realization") is None):
                raise serializers.ValidationError(
                    {"progress_entry": [_("Attach the evidence to one progress entry or one realisasi.")]}
                )
            return attrs

    OutputSerializer = EvidenceSerializer

    @extend_schema(
        operation_id="evidence_attach",
        request={"multipart/form-data": InputSerializer, "application/json": InputSerializer},
        responses={201: EvidenceSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        entry, realization = data.get("progress_entry"), data.get("realization")
        owner = entry.employee if entry is not None else realization.indicator.item.work_plan.employee
        evidence = services.evidence_attach(
            actor=request.user,
            owner=owner,
            upload=data.get("file"),
            link=data.get("link", ""),
            progress_entry=entry,
            realization=realization,
        )
        return Response(self.OutputSerializer(evidence).data, status=status.HTTP_201_CREATED)


class EvidenceDetailApi(APIView):
    """GET: download the file (only for who may see the record; 404 otherwise). DELETE: the owner removes it."""

    @extend_schema(
        operation_id="evidence_download",
        responses={200: OpenApiResponse(OpenApiTypes.BINARY, description="The file, with its sniffed type.")},
    )
    def get(self, request: Request, pk: int) -> FileResponse:
        evidence = permissions.get_evidence_for_user_or_404(request.user, pk)
        if not evidence.file:
            raise Http404  # a link has nothing to download: it is in the record itself
        return uploaded_file_response(
            evidence.file,
            content_type=evidence.content_type,
            filename=evidence.original_name or f"bukti-{evidence.pk}",
            inline_types=API_INLINE_TYPES,
        )

    @extend_schema(operation_id="evidence_delete", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        evidence = permissions.get_evidence_for_user_or_404(request.user, pk)
        services.evidence_delete(actor=request.user, evidence=evidence)
        return Response(status=status.HTTP_204_NO_CONTENT)
