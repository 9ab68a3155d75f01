"""The SKP workflow buttons (submit, return, approve, revise) and the penilai's review queue."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors, services
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.forms import ReturnForm, ReviseForm
from kinerja.planning.views._common import PAGE_SIZE, STATUS_TONES, error_text, errors_onto
from kinerja.planning.views.plans import plan_context


@login_required
@require_POST
def plan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    if not permissions.can_submit_work_plan(request.user, plan):
        raise PermissionDenied
    try:
        services.work_plan_submit(actor=request.user, work_plan=plan)
    except ValidationError as error:
        # TransitionNotAllowed is a ValidationError too: a wrong state, the deadline, a missing IKI…
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Your SKP was submitted to your pejabat penilai."))
    return redirect("planning:plan-detail", pk=plan.pk)


@login_required
@require_POST
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    if not permissions.can_approve_work_plan(request.user, plan):
        raise PermissionDenied
    try:
        services.work_plan_approve(actor=request.user, work_plan=plan)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The SKP of %(name)s is approved.") % {"name": plan.employee.full_name})
    return redirect("planning:plan-detail", pk=plan.pk)


def _note_action(request: HttpRequest, pk: int, *, kind: str) -> HttpResponse:
    """Return (penilai, note) and revise (owner or penilai, reason): a required text, then the service."""
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    allowed = permissions.can_return_work_plan if kind == "return" else permissions.can_revise_work_plan
    if not allowed(request.user, plan):
        raise PermissionDenied
    form: Any = ReturnForm(request.POST) if kind == "return" else ReviseForm(request.POST)
    if form.is_valid():
        try:
            if kind == "return":
                services.work_plan_return(actor=request.user, work_plan=plan, note=form.cleaned_data["note"])
            else:
                services.work_plan_revise(actor=request.user, work_plan=plan, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            errors_onto(form, error)
        else:
            if kind == "return":
                messages.success(request, _("The SKP was returned to %(name)s.") % {"name": plan.employee.full_name})
            else:
                messages.success(request, _("A new version of the SKP is open for changes."))
            return redirect("planning:plan-detail", pk=plan.pk)
    # The page again, with the form open and its message next to the field; nothing was changed.
    extra = {f"{kind}_form": form, "open_form": kind}
    return render(request, "planning/plan_detail.html", plan_context(request, plan, **extra), status=200)


@login_required
@require_POST
def plan_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _note_action(request, pk, kind="return")


@login_required
@require_POST
def plan_revise(request: HttpRequest, pk: int) -> HttpResponse:
    return _note_action(request, pk, kind="revise")


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """The penilai's desk: SKP waiting for a decision, then the team's SKP status at a glance."""
    employee = actor_for(request.user).employee
    year = selectors.current_year()
    context: dict[str, Any] = {"employee": employee, "current_year": year, "tones": STATUS_TONES}
    if employee is None:
        context.update(page_obj=None, team=[], counts={})
        return render(request, "planning/review_queue.html", context)
    queue = selectors.review_queue(employee)
    context["page_obj"] = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    team = list(org_selectors.team_members(employee).order_by("name"))
    plans_by_employee: dict[int, Any] = {}
    if year is not None and team:
        plans = permissions.work_plans_visible_to(request.user).filter(
            year=year, employee__in=[member.pk for member in team]
        )
        for plan in plans.order_by("start_date"):
            plans_by_employee[plan.employee_id] = plan  # the latest period of service wins
    rows = [(member, plans_by_employee.get(member.pk)) for member in team]
    counts = Counter(plan.status if plan else "none" for _member, plan in rows)
    context["team"] = rows
    context["counts"] = {
        "none": counts.get("none", 0),
        **{status: counts.get(status, 0) for status in WorkPlanStatus.values},
    }
    context["status_labels"] = dict(WorkPlanStatus.choices)
    return render(request, "planning/review_queue.html", context)
