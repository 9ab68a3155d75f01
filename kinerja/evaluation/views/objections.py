"""Keberatan (PP 30/2019 Ps 59; regulation.md §8): filing from the result page, the timeline page everyone
involved sees, the penilai's explanation, the atasan pejabat penilai's final decision, attachment download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.choices import ObjectionOutcome
from kinerja.evaluation.forms.objections import DecisionForm, ExplanationForm, ObjectionForm
from kinerja.evaluation.models import Objection
from kinerja.evaluation.views._common import errors_onto
from kinerja.evaluation.views.evaluations import SERVICE_ERRORS, matrix_data, matrix_rows, page_context
from kinerja.organization import selectors as org_selectors

# Images open in the browser; everything else is downloaded, never rendered (as monitoring's evidence).
_INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


@login_required
@require_POST
def file_objection(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    if not permissions.can_file_objection(request.user, evaluation):
        raise PermissionDenied
    form = ObjectionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            objection = services.objection_file(
                actor=request.user,
                evaluation=evaluation,
                reasons=form.cleaned_data["reasons"],
                files=form.cleaned_data["files"],
            )
        except SERVICE_ERRORS as error:
            # After the window the service names the day it closed; it shows above the form.
            errors_onto(form, error)
        else:
            messages.success(request, _("Your keberatan was sent to your atasan pejabat penilai."))
            return redirect("evaluation:objection", pk=objection.pk)
    context = page_context(request, evaluation, objection_form=form)
    return render(request, "evaluation/detail.html", context)


def objection_context(request: HttpRequest, objection: Objection, **forms: Any) -> dict[str, Any]:
    user = request.user
    evaluation = objection.evaluation
    can_explain = permissions.can_explain_objection(user, objection)
    can_decide = permissions.can_decide_objection(user, objection)
    matrix = evaluation.period.year.predikat_matrix
    context: dict[str, Any] = {
        "objection": objection,
        "evaluation": evaluation,
        "timeline": selectors.objection_timeline(objection),
        "attachments": list(objection.attachments.all()),
        "today": org_selectors.today(),
        "can_explain": can_explain,
        "can_decide": can_decide,
        "changed": ObjectionOutcome.CHANGED,
    }
    if can_explain:
        context["explanation_form"] = forms.get("explanation_form") or ExplanationForm(
            initial={"lock_version": objection.lock_version}
        )
    if can_decide:
        context["decision_form"] = forms.get("decision_form") or DecisionForm(
            unit_head=evaluation.is_unit_head,
            initial={
                "lock_version": objection.lock_version,
                "results_rating": evaluation.results_rating,
                "behaviour_rating": evaluation.behaviour_rating,
            },
        )
        context["matrix"] = matrix_rows(matrix)
        context["matrix_data"] = matrix_data(matrix)
    return context


@login_required
@require_GET
def objection_page(request: HttpRequest, pk: int) -> HttpResponse:
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    return render(request, "evaluation/objection.html", objection_context(request, objection))


@login_required
@require_POST
def explain(request: HttpRequest, pk: int) -> HttpResponse:
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    if not permissions.can_explain_objection(request.user, objection):
        raise PermissionDenied
    form = ExplanationForm(request.POST)
    if form.is_valid():
        try:
            services.objection_explain(
                actor=request.user,
                objection=objection,
                explanation=form.cleaned_data["explanation"],
                lock_version=form.cleaned_data["lock_version"],
            )
        except SERVICE_ERRORS as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Your explanation was sent to the atasan pejabat penilai."))
            return redirect("evaluation:objection", pk=objection.pk)
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    return render(request, "evaluation/objection.html", objection_context(request, objection, explanation_form=form))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the atasan pejabat penilai decides, and the decision is final (PP 30/2019 Ps 59(4))."""
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    if not permissions.can_decide_objection(request.user, objection):
        raise PermissionDenied
    form = DecisionForm(request.POST, unit_head=objection.evaluation.is_unit_head)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.objection_decide(
                actor=request.user,
                objection=objection,
                outcome=data["outcome"],
                reason=data["reason"],
                results_rating=data["results_rating"],
                behaviour_rating=data["behaviour_rating"],
                lock_version=data["lock_version"],
            )
        except SERVICE_ERRORS as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The keberatan is decided. Everyone involved is notified."))
            return redirect("evaluation:objection", pk=objection.pk)
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    return render(request, "evaluation/objection.html", objection_context(request, objection, decision_form=form))


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a keberatan attachment to whoever may see the keberatan (404 for everyone else)."""
    item = permissions.get_objection_attachment_for_user_or_404(request.user, pk)
    if not item.file:
        raise Http404
    content_type = item.content_type or "application/octet-stream"
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=content_type not in _INLINE_TYPES,
        filename=item.original_name or f"lampiran-{item.pk}",
        content_type=content_type,
    )
    # The type is the one checked at upload; the browser must not guess another, nor run anything inside.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
