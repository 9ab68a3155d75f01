"""Document downloads (logged in; planning's and evaluation's access rules) and the public verification pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kinerja.documents import (
    evaluation_document,
    forum_document,
    org_rating_document,
    permissions,
    rendering,
    selectors,
    services,
    work_plan_document,
)
from kinerja.documents.selectors import RecordState
from kinerja.evaluation import permissions as evaluation_permissions
from kinerja.evaluation.choices import BatchStatus


def _pdf_download(
    render_document: Callable[..., rendering.RenderedDocument],
) -> Callable[..., HttpResponse]:
    """A logged-in, never-cached GET answering the document ``render_document`` renders, shown inline."""

    @login_required
    @require_GET
    @never_cache
    @functools.wraps(render_document)
    def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = render_document(request, *args, **kwargs)
        response = HttpResponse(document.content, content_type=document.mimetype)
        response["Content-Disposition"] = f'inline; filename="{document.filename}"'
        return response

    return view


@_pdf_download
def work_plan_pdf(request: HttpRequest, pk: int) -> rendering.RenderedDocument:
    """The SKP as it stands: issued and verifiable once approved, a DRAF print before."""
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    stored = selectors.approved_version(plan, plan.version)
    return work_plan_document.current_document(request, plan, stored)


@_pdf_download
def work_plan_version_pdf(request: HttpRequest, pk: int, version: int) -> rendering.RenderedDocument:
    """An earlier approved version, printed from its frozen content (the issue asks old versions stay readable)."""
    plan, stored = permissions.get_work_plan_version_for_user_or_404(request.user, pk, version)
    return work_plan_document.version_document(request, plan, stored)


def _evaluation_result_or_403(request: HttpRequest, pk: int) -> Any:
    """An evaluation the user sees; its owner only once the result is published (the result is not theirs before)."""
    evaluation = evaluation_permissions.get_evaluation_for_user_or_404(request.user, pk)
    if not evaluation_permissions.result_shown(request.user, evaluation):
        raise PermissionDenied
    return evaluation


@_pdf_download
def evaluation_pdf(request: HttpRequest, pk: int) -> rendering.RenderedDocument:
    """EVALUASI KINERJA PEGAWAI of one period: issued once published, a DRAF before."""
    evaluation = _evaluation_result_or_403(request, pk)
    return evaluation_document.evaluation_pdf(evaluation, actor=request.user, request=request)


@_pdf_download
def evaluation_record_pdf(request: HttpRequest, pk: int) -> rendering.RenderedDocument:
    """DOKUMEN EVALUASI KINERJA PEGAWAI, with the keberatan sections once one was filed."""
    evaluation = _evaluation_result_or_403(request, pk)
    return evaluation_document.dokumen_pdf(evaluation, actor=request.user, request=request)


@_pdf_download
def org_rating_pdf(request: HttpRequest, pk: int) -> rendering.RenderedDocument:
    """Penetapan capaian kinerja organisasi with its pola distribusi."""
    rating = evaluation_permissions.get_org_rating_for_user_or_404(request.user, pk)
    return org_rating_document.org_rating_pdf(rating, actor=request.user, request=request)


@_pdf_download
def forum_minutes_pdf(request: HttpRequest, pk: int) -> rendering.RenderedDocument:
    """Berita acara of the forum evaluasi kinerja: issued once locked, a DRAF before."""
    forum = evaluation_permissions.get_forum_for_user_or_404(request.user, pk)
    return forum_document.forum_pdf(forum, actor=request.user, request=request)


@login_required
@require_GET
@never_cache
def evaluation_batch_zip(request: HttpRequest, pk: int) -> FileResponse:
    """The zip of an OPD's evaluation documents, once the background task has finished it."""
    batch = evaluation_permissions.get_batch_for_user_or_404(request.user, pk)
    if batch.status != BatchStatus.DONE or not batch.file:
        raise Http404
    name = batch.file.name.rsplit("/", 1)[-1]
    return FileResponse(batch.file.open("rb"), as_attachment=True, filename=name, content_type="application/zip")


def _noindex(response: HttpResponse) -> HttpResponse:
    # Verification pages name a person: reachable by whoever holds the paper, not by search engines.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """Type the code printed under the QR; a well-formed code goes to its page (GET, so it can be bookmarked)."""
    raw = request.GET.get("code")
    error = ""
    if raw is not None:
        code = services.normalize_code(raw)
        if services.is_well_formed_code(code):
            return redirect("documents:verify", code=code)
        error = _(
            "Verification code: enter the %(length)s letters and digits printed under the QR code "
            "(the letters I, L, O and the digits 0 and 1 are never used)."
        ) % {"length": services.CODE_LENGTH}
    context = {"error": error, "value": raw or ""}
    return _noindex(render(request, "documents/verify_form.html", context, status=400 if error else 200))


@require_GET
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a document with this code was issued, whose it is, and whether the record still matches it."""
    normalized = services.normalize_code(code)
    if normalized != code and services.is_well_formed_code(normalized):
        return redirect("documents:verify", code=normalized)
    document = selectors.issued_document_by_code(normalized) if services.is_well_formed_code(normalized) else None
    if document is None:
        return _noindex(render(request, "documents/verify_unknown.html", {"code": code}, status=404))
    result = selectors.verify(document)
    subject = document.subject
    context = {
        "document": document,
        "result": result,
        "unchanged": result.record_state == RecordState.UNCHANGED,
        "changed": result.record_state == RecordState.CHANGED,
        "missing": result.record_state == RecordState.MISSING,
        "subject_name": subject.full_name if subject else "",
        "subject_nip": selectors.mask_nip(subject.nip) if subject else "",
    }
    return _noindex(render(request, "documents/verify.html", context))
