"""Matriks peran hasil: a supervisor hands each of their RHK to the team members who will carry it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors, services
from kinerja.planning.models import WorkPlan
from kinerja.planning.views._common import error_text


def _owner_plan(request: HttpRequest, pk: int) -> WorkPlan:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    employee = actor_for(request.user).employee
    if employee is None or employee.pk != plan.employee_id:
        raise PermissionDenied
    return plan


def _ids(values: list[str]) -> set[int]:
    return {int(value) for value in values if value.isdigit()}


@login_required
@require_http_methods(("GET", "POST"))
def distribution(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _owner_plan(request, pk)
    team = list(org_selectors.team_members(plan.employee).order_by("name"))
    if request.method == "POST":
        item = permissions.get_plan_item_for_user_or_404(request.user, request.POST.get("item", ""))
        if item.work_plan_id != plan.pk or not permissions.can_distribute_item(request.user, item):
            raise PermissionDenied
        chosen = _ids(request.POST.getlist("employees"))
        members = [member for member in team if member.pk in chosen]
        if len(members) != len(chosen):
            messages.error(request, _("Team members: choose only people of your team."))
        else:
            try:
                services.distribution_set(
                    actor=request.user,
                    item=item,
                    employees=members,
                    suggested_text=request.POST.get("suggested_text", "").strip(),
                )
            except ValidationError as error:
                messages.error(request, error_text(error))
            else:
                messages.success(request, _("Saved who carries this RHK."))
        return redirect(reverse("planning:distribution", args=[plan.pk]) + f"#rhk-{item.pk}")
    items = list(selectors.distributable_items(plan.employee, plan.year).filter(work_plan=plan))
    rows: list[dict[str, Any]] = []
    for item in items:
        given = {d.employee_id: d for d in item.distributions.all()}
        suggested = next((d.suggested_text for d in given.values() if d.suggested_text), "")
        rows.append({"item": item, "given": set(given), "suggested": suggested})
    context = {"plan": plan, "team": team, "rows": rows}
    return render(request, "planning/distribution.html", context)
