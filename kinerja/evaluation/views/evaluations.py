"""The penilai's team list and the evaluation page: evidence, self-assessment, suggestion, rating and result.

The page is where trust is won: everyone who may open it sees the evidence (realisasi, capaian, progress,
feedback) the rating rests on; the owner sees the ratings and the predikat only once published; the penilai
sees the system's suggestion with its reasons and rates with a reason for each rating.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.choices import EvaluationStatus, Predikat, Rating
from kinerja.evaluation.exceptions import InvalidState, StaleObject
from kinerja.evaluation.forms.evaluations import RatingForm, SelfAssessmentForm
from kinerja.evaluation.forms.objections import ObjectionForm
from kinerja.evaluation.legacy import pp46_band
from kinerja.evaluation.models import Evaluation, ItemAssessment
from kinerja.evaluation.rating import legacy_band, results_rating_for_org
from kinerja.evaluation.templatetags.evaluation_tags import predikat_tone
from kinerja.evaluation.views._common import appeal_deadline, errors_onto, optional_url
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod, PlanItem

SERVICE_ERRORS = (ValidationError, StaleObject, InvalidState)
# Rows and columns of the matrix as regulation.md §6.3 prints it: hasil kerja best first, perilaku worst first.
RESULTS_ORDER = (Rating.ABOVE, Rating.MEETS, Rating.BELOW)
BEHAVIOUR_ORDER = (Rating.BELOW, Rating.MEETS, Rating.ABOVE)


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, period_pk: int) -> HttpResponse:
    """Every SKP I rate in the period; POST opens the evaluation of one of them (a GET never writes)."""
    period = get_object_or_404(EvaluationPeriod.objects.select_related("year"), pk=period_pk)
    employee = actor_for(request.user).employee
    rows = selectors.team_evaluations(employee, period) if employee is not None else []
    if request.method == "POST":
        wanted = request.POST.get("work_plan", "")
        row = next((r for r in rows if str(r.plan.pk) == wanted), None)
        if row is None or not planning_permissions.acts_as_penilai(request.user, row.plan):
            raise PermissionDenied
        evaluation = row.evaluation or services.evaluation_for(work_plan=row.plan, period=period)
        return redirect("evaluation:detail", pk=evaluation.pk)
    context = {
        "period": period,
        "rows": rows,
        "rated": sum(1 for r in rows if r.evaluation is not None and r.evaluation.status != EvaluationStatus.OPEN),
    }
    return render(request, "evaluation/team.html", context)


def matrix_rows(matrix: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """The year's predikat matrix as table rows for the mini matrix that explains the predikat."""
    labels = dict(Predikat.choices)
    return [
        {
            "rating": results,
            "label": Rating(results).label,
            "cells": [
                {"behaviour": b, "predikat": matrix[results][b], "label": labels.get(matrix[results][b], "")}
                for b in BEHAVIOUR_ORDER
            ],
        }
        for results in RESULTS_ORDER
    ]


def matrix_data(matrix: dict[str, dict[str, str]]) -> dict[str, Any]:
    """What the page's script needs to show the predikat as the penilai clicks (the same table, no logic)."""
    return {
        "matrix": matrix,
        "labels": {key: str(label) for key, label in Predikat.choices},
        "tones": {key: predikat_tone(key) for key in Predikat.values},
    }


def fixed_results_rating(evaluation: Evaluation, org_rating: Any) -> str | None:
    """A unit head's rating hasil kerja: from the unit's effective capaian organisasi, else None (not set yet)."""
    if not evaluation.is_unit_head or org_rating is None:
        return None
    return results_rating_for_org(org_rating.predikat)


def page_context(request: HttpRequest, evaluation: Evaluation, **forms: Any) -> dict[str, Any]:
    user = request.user
    detail = selectors.evaluation_detail(evaluation)
    employee = actor_for(user).employee
    is_owner = employee is not None and employee.pk == evaluation.employee_id
    year = evaluation.period.year
    can_rate = permissions.can_rate(user, evaluation)
    can_self_assess = permissions.can_self_assess(user, evaluation)
    can_view_result = permissions.result_shown(user, evaluation)  # fetched through the visibility rules
    can_file = permissions.can_file_objection(user, evaluation)
    fixed = detail.unit_head_results
    items = _plan_items(evaluation)
    context: dict[str, Any] = {
        "evaluation": evaluation,
        "detail": detail,
        "is_owner": is_owner,
        "is_annual": evaluation.period.kind == PeriodKind.ANNUAL,
        "can_rate": can_rate,
        "can_self_assess": can_self_assess,
        "can_view_result": can_view_result,
        "can_file_objection": can_file,
        "results_fixed": fixed,
        "matrix": matrix_rows(year.predikat_matrix),
        "matrix_data": matrix_data(year.predikat_matrix),
        "legacy_band": legacy_band(detail.legacy_score) if detail.legacy_score is not None else "",
        "pp46_band": pp46_band(detail.pp46_score) if detail.pp46_score is not None else "",
        "self_rows": [(item, detail.assessments.get(item.pk)) for item in items],
        "today": org_selectors.today(),
        "appeal_deadline": appeal_deadline(evaluation),
        "pdf_url": optional_url("documents:evaluation-pdf", evaluation.pk) if evaluation.is_published else "",
        # Dokumen Evaluasi Kinerja Pegawai prints for every period (PERIODE: TRIWULAN … / AKHIR), with the keberatan
        # sections once one was filed (regulation.md §10.4).
        "record_pdf_url": optional_url("documents:evaluation-record-pdf", evaluation.pk)
        if evaluation.is_published
        else "",
    }
    if can_rate:
        context["rating_form"] = forms.get("rating_form") or RatingForm(
            initial={
                "results_rating": evaluation.results_rating or detail.suggestion.results,
                "results_reason": evaluation.results_reason,
                "behaviour_rating": evaluation.behaviour_rating or detail.suggestion.behaviour,
                "behaviour_reason": evaluation.behaviour_reason,
                "note": evaluation.note,
                "lock_version": evaluation.lock_version,
                **_item_rating_initial(detail.assessments),
            },
            unit_head=evaluation.is_unit_head,
            results_fixed=fixed,
            items=items,
        )
    # The per-RHK ratings, read-only wherever the result is shown (published for the owner; the penilai's own).
    context["item_ratings"] = [
        (item, assessment.penilai_rating)
        for item, assessment in context["self_rows"]
        if assessment is not None and assessment.penilai_rating
    ]
    if can_self_assess:
        initial = {"self_assessment": evaluation.self_assessment, "lock_version": evaluation.lock_version}
        initial.update(
            {f"item_{pk}": assessment.self_assessment for pk, assessment in detail.assessments.items() if assessment}
        )
        context["self_form"] = forms.get("self_form") or SelfAssessmentForm(initial=initial, items=items)
    if can_file:
        context["objection_form"] = forms.get("objection_form") or ObjectionForm()
    return context


def _item_rating_initial(assessments: dict[int, Any]) -> dict[str, str]:
    return {f"item_rating_{pk}": a.penilai_rating for pk, a in assessments.items() if a and a.penilai_rating}


def _plan_items(evaluation: Evaluation) -> list[PlanItem]:
    # The annual page lists periodic results instead of evidence; the self-assessment is still per RHK.
    return list(evaluation.work_plan.items.order_by("kind", "order", "pk"))


@login_required
@require_http_methods(["GET"])
def evaluation_page(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    return render(request, "evaluation/detail.html", page_context(request, evaluation))


@login_required
@require_POST
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    if not permissions.can_rate(request.user, evaluation):
        raise PermissionDenied
    org_rating = selectors.effective_org_rating(evaluation.unit, evaluation.period) if evaluation.is_unit_head else None
    fixed = fixed_results_rating(evaluation, org_rating)
    # The stored per-RHK ratings are the form's initial, so only the changed ones are written.
    stored = ItemAssessment.objects.filter(evaluation=evaluation).exclude(penilai_rating="")
    form = RatingForm(
        request.POST,
        initial=_item_rating_initial({a.item_id: a for a in stored}),
        unit_head=evaluation.is_unit_head,
        results_fixed=fixed,
        items=_plan_items(evaluation),
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.evaluation_rate(
                actor=request.user,
                evaluation=evaluation,
                results_rating=data["results_rating"],
                results_reason=data["results_reason"],
                behaviour_rating=data["behaviour_rating"],
                behaviour_reason=data["behaviour_reason"],
                note=data["note"],
                item_ratings=form.item_ratings(),
                lock_version=data["lock_version"],
            )
        except SERVICE_ERRORS as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The rating of %(name)s is saved.") % {"name": evaluation.employee.full_name})
            return redirect("evaluation:detail", pk=evaluation.pk)
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    return render(request, "evaluation/detail.html", page_context(request, evaluation, rating_form=form))


@login_required
@require_POST
def self_assess(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    if not permissions.can_self_assess(request.user, evaluation):
        raise PermissionDenied
    items = _plan_items(evaluation)
    form = SelfAssessmentForm(request.POST, items=items)
    if form.is_valid():
        try:
            services.self_assessment_save(
                actor=request.user,
                evaluation=evaluation,
                text=form.cleaned_data["self_assessment"],
                items=form.item_texts(),
                lock_version=form.cleaned_data["lock_version"],
            )
        except SERVICE_ERRORS as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Your self-assessment is saved. Your pejabat penilai will read it."))
            return redirect("evaluation:detail", pk=evaluation.pk)
    evaluation = permissions.get_evaluation_for_user_or_404(request.user, pk)
    return render(request, "evaluation/detail.html", page_context(request, evaluation, self_form=form))
