"""An OPD's evaluation documents as one zip, generated as a background job with a progress bar (product.md §3.8).

The page lists the earlier batches and requests a new one; the batch page polls its progress through htmx
every second until the job is done (the pattern of imports/views.py), then offers the download.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.evaluation import permissions
from kinerja.evaluation.choices import BatchStatus
from kinerja.evaluation.exceptions import EvaluationError
from kinerja.evaluation.models import DocumentBatch
from kinerja.evaluation.services.batches import batch_request
from kinerja.evaluation.views._common import error_text, is_partial
from kinerja.evaluation.views.forum import period_or_404, viewable_agency

BATCH_TONES = {
    BatchStatus.QUEUED: "secondary",
    BatchStatus.RUNNING: "primary",
    BatchStatus.DONE: "success",
    BatchStatus.FAILED: "danger",
}
WORKING = (BatchStatus.QUEUED, BatchStatus.RUNNING)


def _decorate(batch: DocumentBatch) -> DocumentBatch:
    batch.tone = BATCH_TONES.get(BatchStatus(batch.status), "secondary")  # type: ignore[attr-defined]
    batch.is_working = batch.status in WORKING  # type: ignore[attr-defined]
    return batch


@login_required
@require_http_methods(("GET", "POST"))
def batch_page(request: HttpRequest, agency_pk: int, period_pk: int) -> HttpResponse:
    agency = viewable_agency(request, agency_pk)
    period = period_or_404(period_pk)
    if not permissions.can_generate_documents(request.user, agency):
        raise PermissionDenied
    if request.method == "POST":
        try:
            batch = batch_request(actor=request.user, agency=agency, period=period)
        except ValidationError as error:
            messages.error(request, error_text(error))
        except EvaluationError as error:
            messages.error(request, str(error))
        else:
            return redirect("evaluation:batch", pk=batch.pk)
        return redirect("evaluation:batches", agency_pk=agency.pk, period_pk=period.pk)
    batches = [
        _decorate(batch)
        for batch in permissions.batches_visible_to(request.user)
        .filter(agency=agency, period=period)
        .select_related("requested_by__employee")[:20]
    ]
    context = {"agency": agency, "period": period, "batches": batches}
    return render(request, "evaluation/batches.html", context)


@login_required
@require_GET
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The batch's page; htmx asks for the progress bar every second until the job stops working."""
    batch = _decorate(permissions.get_batch_for_user_or_404(request.user, pk))
    if is_partial(request):
        return render(request, "evaluation/batch_progress.html", {"batch": batch})
    return render(request, "evaluation/batch.html", {"batch": batch})
