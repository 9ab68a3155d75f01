"""Progress of one SKP in one period: realisasi per IKI with capaian, daily entries per RHK, feedback.

Everyone who may see the SKP (planning.permissions) sees this page; the owner fills realisasi while the
period is open, the penilai gives feedback; a locked period (published evaluation) is read-only for all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import permissions, selectors
from kinerja.monitoring.forms import FeedbackForm, RealizationForm, ReplyForm
from kinerja.monitoring.services.feedback import feedback_give, feedback_reply
from kinerja.monitoring.services.realization import realization_set
from kinerja.monitoring.views._common import error_text, errors_onto, is_partial
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.choices import Approach, PeriodKind
from kinerja.planning.models import BehaviourValue, EvaluationPeriod, Indicator, WorkPlan


def _periods(plan: WorkPlan) -> list[EvaluationPeriod]:
    """The periods of the SKP's year that overlap the SKP's dates, in order."""
    periods = plan.year.periods.filter(start_date__lte=plan.end_date, end_date__gte=plan.start_date)
    # The periodic ones (triwulan/semester/bulan) in order, the annual evaluation last.
    return sorted(periods, key=lambda p: (p.kind == PeriodKind.ANNUAL, p.start_date, p.number))


def _chosen_period(request: HttpRequest, periods: list[EvaluationPeriod]) -> EvaluationPeriod | None:
    wanted = request.GET.get("period", "")
    for period in periods:
        if str(period.pk) == wanted:
            return period
    today = org_selectors.today()
    # The running periodic period first: that is the realisasi being filled now.
    current = [p for p in periods if p.start_date <= today <= p.end_date]
    if current:
        return current[0]
    started = [p for p in periods if p.start_date <= today and p.kind != PeriodKind.ANNUAL]
    return started[-1] if started else (periods[0] if periods else None)


def _feedback_targets(plan: WorkPlan) -> list[tuple[str, str]]:
    items = [(f"item:{item.pk}", _("RHK: %(text)s") % {"text": item.text}) for item in plan.items.order_by("order")]
    values = [
        (f"value:{value.pk}", _("Core value: %(name)s") % {"name": value.name})
        for value in BehaviourValue.objects.order_by("order")
    ]
    return items + values


def progress_context(request: HttpRequest, plan: WorkPlan, period: EvaluationPeriod | None) -> dict[str, Any]:
    user = request.user
    periods = _periods(plan)
    rows = selectors.plan_progress(plan, period) if period is not None else []
    can_fill = period is not None and any(
        permissions.can_set_realization(user, indicator, period) for indicator in _first_indicator(plan)
    )
    can_feedback = permissions.can_give_feedback(user, plan)
    return {
        "plan": plan,
        "periods": periods,
        "period": period,
        "rows": rows,
        "can_fill": can_fill,
        "quantitative": plan.approach == Approach.QUANTITATIVE,
        "can_feedback": can_feedback,
        "feedback_form": FeedbackForm(targets=_feedback_targets(plan)) if can_feedback else None,
        "feedback": selectors.feedback_for(plan),
        "is_owner": plan.employee_id == getattr(actor_for(user).employee, "pk", None),
    }


def _first_indicator(plan: WorkPlan) -> list[Indicator]:
    # Realisasi rights are the same for every IKI of one SKP and period: asking about one is enough.
    first = Indicator.objects.filter(item__work_plan=plan).first()
    return [first] if first is not None else []


@login_required
@require_GET
def plan_progress(request: HttpRequest, pk: int) -> HttpResponse:
    plan = planning_permissions.get_work_plan_for_user_or_404(request.user, pk)
    period = _chosen_period(request, _periods(plan))
    return render(request, "monitoring/plan_progress.html", progress_context(request, plan, period))


def _progress_url(plan: WorkPlan, period: EvaluationPeriod | None, anchor: str = "") -> str:
    url = reverse("monitoring:plan-progress", args=[plan.pk])
    if period is not None:
        url += f"?period={period.pk}"
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_http_methods(["GET", "POST"])
def realization_edit(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    indicator = planning_permissions.get_indicator_for_user_or_404(request.user, pk)
    plan = indicator.item.work_plan
    period = next((p for p in _periods(plan) if p.pk == period_pk), None)
    if period is None:
        raise Http404
    if not permissions.can_set_realization(request.user, indicator, period):
        raise PermissionDenied
    quantitative = plan.approach == Approach.QUANTITATIVE
    current = indicator.realizations.filter(period=period).first()
    initial = {"value": current.value, "narrative": current.narrative} if current else {}
    form = RealizationForm(request.POST or None, request.FILES or None, quantitative=quantitative, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            realization_set(
                actor=request.user,
                indicator=indicator,
                period=period,
                value=data.get("value") or None,
                narrative=data["narrative"],
                files=data["files"],
                links=[data["link"]] if data["link"] else [],
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Realisasi saved."))
            return redirect(_progress_url(plan, period, f"iki-{indicator.pk}"))
    context = {"plan": plan, "indicator": indicator, "period": period, "form": form}
    if is_partial(request):
        return render(request, "monitoring/_realization_form.html", context)
    return render(request, "monitoring/realization_form.html", context)


@login_required
@require_POST
def feedback_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = planning_permissions.get_work_plan_for_user_or_404(request.user, pk)
    if not permissions.can_give_feedback(request.user, plan):
        raise PermissionDenied
    period = _chosen_period(request, _periods(plan))
    form = FeedbackForm(request.POST, targets=_feedback_targets(plan))
    if form.is_valid():
        target = form.target_kwargs()
        try:
            feedback_give(
                actor=request.user,
                work_plan=plan,
                text=form.cleaned_data["text"],
                item=plan.items.filter(pk=target.get("item_id")).first() if "item_id" in target else None,
                value=BehaviourValue.objects.filter(pk=target.get("value_id")).first()
                if "value_id" in target
                else None,
                reaction=form.cleaned_data["reaction"],
                period=period,
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Feedback sent."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(_progress_url(plan, period, "feedback"))


@login_required
@require_POST
def feedback_reply_add(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = permissions.get_feedback_for_user_or_404(request.user, pk)
    if not permissions.can_reply_feedback(request.user, feedback):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            feedback_reply(actor=request.user, feedback=feedback, text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Reply sent."))
    else:
        messages.error(request, _("Reply: write something before sending."))
    return redirect(_progress_url(feedback.work_plan, feedback.period, f"feedback-{feedback.pk}"))
