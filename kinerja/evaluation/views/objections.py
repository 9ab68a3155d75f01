"""Keberatan (PP 30/2019 Ps 59; regulation.md §8): filing from the result page, the timeline page everyone
involved sees, the penilai's explanation, the atasan pejabat penilai's final decision, attachment download."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.core.files import uploaded_file_response
from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.choices import ObjectionOutcome
from kinerja.evaluation.forms.objections import DecisionForm, ExplanationForm, ObjectionForm
from kinerja.evaluation.models import Objection
from kinerja.evaluation.views._common import errors_onto
from kinerja.evaluation.views.evaluations import SERVICE_ERRORS, matrix_data, matrix_rows, page_context
from kinerja.organization import selectors as org_selectors


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


def _objection_step(
    request: HttpRequest,
    pk: int,
    *,
    allowed: Callable[[Any, Objection], bool],
    form: Callable[[Objection], forms.Form],
    save: Callable[[Objection, dict[str, Any]], Any],
    done: str,
    form_name: str,
) -> HttpResponse:
    """One step on a keberatan from its page: ``save`` the valid ``form`` through the service, then back to the
    page with ``done``; on an error the page again with the form (``form_name`` in its context) and the reason."""
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    if not allowed(request.user, objection):
        raise PermissionDenied
    bound = form(objection)
    if bound.is_valid():
        try:
            save(objection, bound.cleaned_data)
        except SERVICE_ERRORS as error:
            errors_onto(bound, error)
        else:
            messages.success(request, done)
            return redirect("evaluation:objection", pk=objection.pk)
    objection = permissions.get_objection_for_user_or_404(request.user, pk)
    return render(request, "evaluation/objection.html", objection_context(request, objection, **{form_name: bound}))


@login_required
@require_POST
def explain(request: HttpRequest, pk: int) -> HttpResponse:
    return _objection_step(
        request,
        pk,
        allowed=permissions.can_explain_objection,
        form=lambda objection: ExplanationForm(request.POST),
        save=lambda objection, data: services.objection_explain(
            actor=request.user,
            objection=objection,
            explanation=data["explanation"],
            lock_version=data["lock_version"],
        ),
        done=_("Your explanation was sent to the atasan pejabat penilai."),
        form_name="explanation_form",
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the atasan pejabat penilai decides, and the decision is final (PP 30/2019 Ps 59(4))."""
    return _objection_step(
        request,
        pk,
        allowed=permissions.can_decide_objection,
        form=lambda objection: DecisionForm(request.POST, unit_head=objection.evaluation.is_unit_head),
        save=lambda objection, data: services.objection_decide(
            actor=request.user,
            objection=objection,
            outcome=data["outcome"],
            reason=data["reason"],
            results_rating=data["results_rating"],
            behaviour_rating=data["behaviour_rating"],
            lock_version=data["lock_version"],
        ),
        done=_("The keberatan is decided. Everyone involved is notified."),
        form_name="decision_form",
    )


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a keberatan attachment to whoever may see the keberatan (404 for everyone else)."""
    item = permissions.get_objection_attachment_for_user_or_404(request.user, pk)
    if not item.file:
        raise Http404
    # Images open in the browser; everything else is downloaded, never rendered (as monitoring's evidence).
    return uploaded_file_response(
        item.file, content_type=item.content_type, filename=item.original_name or f"lampiran-{item.pk}"
    )
