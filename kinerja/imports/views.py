"""Import pages for Admin BKPSDM: upload, preview, apply, progress. Parse → authorize → call → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.imports import columns, permissions, selectors, services, tasks
from kinerja.imports.forms import ImportUploadForm
from kinerja.imports.models import ImportJob, ImportStatus
from kinerja.organization.permissions import can_import_people

STATUS_TONES = {
    ImportStatus.UPLOADED: "info",
    ImportStatus.VALIDATED: "primary",
    ImportStatus.INVALID: "danger",
    ImportStatus.RUNNING: "warning",
    ImportStatus.DONE: "success",
    ImportStatus.FAILED: "danger",
}


def _decorate(job: ImportJob) -> ImportJob:
    job.tone = STATUS_TONES.get(ImportStatus(job.status), "secondary")  # type: ignore[attr-defined]
    return job


@login_required
@require_http_methods(["GET", "POST"])
def import_job_upload(request: HttpRequest) -> HttpResponse:
    if not can_import_people(request.user):
        raise PermissionDenied
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.import_job_create(actor=request.user, content=upload.read(), name=upload.name)
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            tasks.validate_import_job.enqueue(job.pk)
            return redirect("imports:job-detail", pk=job.pk)
    jobs = [_decorate(job) for job in selectors.import_jobs_recent(request.user)]
    return render(
        request,
        "imports/import_job_upload.html",
        {"form": form, "jobs": jobs, "columns": columns.ALL_COLUMNS},
    )


@login_required
def import_job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _decorate(permissions.get_import_job_for_user_or_404(request.user, pk))
    context = {"job": job, "can_apply": permissions.can_apply_import_job(request.user, job)}
    return render(request, "imports/import_job_detail.html", context)


@login_required
@require_POST
def import_job_apply(request: HttpRequest, pk: int) -> HttpResponse:
    job = permissions.get_import_job_for_user_or_404(request.user, pk)
    if not permissions.can_apply_import_job(request.user, job):
        raise PermissionDenied
    try:
        services.import_job_request_apply(job=job, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        tasks.apply_import_job.enqueue(job.pk)
        job.refresh_from_db()
        if job.status == ImportStatus.DONE:
            messages.success(request, _("The import has been applied."))
    return redirect("imports:job-detail", pk=job.pk)


@login_required
def import_job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by htmx every second; once the job stops working, reload the page."""
    job = _decorate(permissions.get_import_job_for_user_or_404(request.user, pk))
    response = render(request, "imports/_import_job_progress.html", {"job": job})
    if getattr(request, "htmx", False) and not job.is_working:
        response["HX-Refresh"] = "true"
    return response
