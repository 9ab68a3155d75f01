"""Bulk documents of an OPD for a period: request a zip (a background task) and follow its progress."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.evaluation import permissions
from kinerja.evaluation.api.common import (
    CONFLICT,
    EvaluationApi,
    OrgUnitRefSerializer,
    PeriodRefSerializer,
    agency_or_404,
    period_or_404,
)
from kinerja.evaluation.choices import BatchStatus
from kinerja.evaluation.models import DocumentBatch
from kinerja.evaluation.services.batches import batch_request


class BatchSerializer(serializers.Serializer):
    """A document batch: where the task stands, how far it got, and the zip once done."""

    id = serializers.IntegerField()
    agency = OrgUnitRefSerializer()
    period = PeriodRefSerializer()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    percent = serializers.IntegerField()
    error = serializers.CharField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, batch: DocumentBatch) -> str | None:
        if batch.status != BatchStatus.DONE or not batch.file:
            return None
        try:
            return reverse("documents:evaluation-batch-zip", kwargs={"pk": batch.pk})
        except NoReverseMatch:  # the documents app names it; without it the zip is not served yet
            return None


def _fresh(user: object, batch: DocumentBatch) -> DocumentBatch:
    return permissions.get_batch_for_user_or_404(user, batch.pk)


class BatchRequestApi(EvaluationApi):
    """Generate every evaluation document of an OPD for a period as one zip, in the background."""

    OutputSerializer = BatchSerializer

    @extend_schema(
        operation_id="evaluation_document_batch_request", request=None, responses={202: BatchSerializer, 409: CONFLICT}
    )
    def post(self, request: Request, agency_pk: int, period_pk: int) -> Response:
        agency = agency_or_404(request.user, agency_pk)
        period = period_or_404(request.user, period_pk)
        if not permissions.can_generate_documents(request.user, agency):
            raise PermissionDenied
        batch = batch_request(actor=request.user, agency=agency, period=period)
        # 202: the task may still be running (immediate backend: it is already done); poll the batch for progress.
        return Response(self.OutputSerializer(_fresh(request.user, batch)).data, status=status.HTTP_202_ACCEPTED)


class BatchDetailApi(EvaluationApi):
    """A document batch's progress (percent) and, once done, where to download the zip."""

    OutputSerializer = BatchSerializer

    @extend_schema(operation_id="evaluation_document_batch_detail", responses={200: BatchSerializer})
    def get(self, request: Request, pk: int) -> Response:
        batch = permissions.get_batch_for_user_or_404(request.user, pk)
        return Response(self.OutputSerializer(batch).data)
