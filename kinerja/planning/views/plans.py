"""My SKP, starting one, an SKP's page and its old approved versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee
from kinerja.planning import permissions, selectors, services
from kinerja.planning.choices import ItemKind, WorkPlanStatus, YearStatus
from kinerja.planning.forms import ApproachForm, LampiranForm, ReturnForm, ReviseForm, StartForm
from kinerja.planning.models import PerformanceYear, WorkPlan, WorkPlanTemplate
from kinerja.planning.views._common import STATUS_TONES, errors_onto


def _templates_for(employee: Employee) -> Any:
    """Templates for the employee's position today, and the general ones (no position)."""
    position = org_selectors.situation_on(employee).position
    templates = WorkPlanTemplate.objects.filter(position__isnull=True)
    if position is not None:
        templates = WorkPlanTemplate.objects.filter(Q(position=position) | Q(position__isnull=True))
    return templates.order_by("name")


def _start_context(request: HttpRequest, employee: Employee, year: PerformanceYear | None) -> dict[str, Any]:
    """What the "Start SKP" form needs: whether it applies, and how many RHK were handed down."""
    if year is None or year.status != YearStatus.OPEN:
        return {"can_start": False}
    has_plan = selectors.work_plans_of(employee).filter(year=year).exists()
    if has_plan or not permissions.can_start_work_plan(request.user, employee):
        return {"can_start": False}
    return {
        "can_start": True,
        "distributed_count": selectors.distributions_for(employee, year).count(),
    }


@login_required
@require_GET
def my_plans(request: HttpRequest) -> HttpResponse:
    employee = actor_for(request.user).employee
    year = selectors.current_year()
    context: dict[str, Any] = {"employee": employee, "current_year": year, "plans": []}
    if employee is not None:
        context["plans"] = list(selectors.work_plans_of(employee))
        context.update(_start_context(request, employee, year))
        if context.get("can_start"):
            # Start from what was handed down when there is something (matriks peran hasil).
            source = "distribution" if context["distributed_count"] else "blank"
            context["start_form"] = StartForm(templates=_templates_for(employee), initial={"source": source})
    context["tones"] = STATUS_TONES
    return render(request, "planning/my_plans.html", context)


@login_required
@require_POST
def plan_start(request: HttpRequest) -> HttpResponse:
    employee = actor_for(request.user).employee
    year = selectors.current_year()
    if employee is None or year is None:
        messages.error(request, _("There is no open performance year or no employee record to start an SKP for."))
        return redirect("planning:my-plans")
    if not permissions.can_start_work_plan(request.user, employee):
        raise PermissionDenied
    form = StartForm(request.POST, templates=_templates_for(employee))
    if form.is_valid():
        try:
            plan = services.work_plan_start(
                actor=request.user,
                employee=employee,
                year=year,
                approach=form.cleaned_data["approach"],
                source=form.cleaned_data["source"],
                template=form.cleaned_data["template"],
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Your SKP for %(year)s is ready to fill in.") % {"year": year.year})
            return redirect("planning:plan-detail", pk=plan.pk)
    context: dict[str, Any] = {
        "employee": employee,
        "current_year": year,
        "plans": list(selectors.work_plans_of(employee)),
        "start_form": form,
        "tones": STATUS_TONES,
    }
    context.update(_start_context(request, employee, year))
    if not context.get("can_start"):
        # Nothing to start (already has one, or the year closed meanwhile): say why at the top.
        for message in form.non_field_errors() or [_("You cannot start an SKP for this year.")]:
            messages.error(request, message)
        return redirect("planning:my-plans")
    return render(request, "planning/my_plans.html", context, status=200)


def plan_context(request: HttpRequest, plan: WorkPlan, **extra: Any) -> dict[str, Any]:
    """Everything the SKP page (and its htmx-refreshed body) shows, with what this user may do."""
    plan = selectors.work_plan_detail(plan)
    user = request.user
    items = list(plan.items.all())
    expectations = list(plan.behaviour_expectations.all())
    can_edit = permissions.can_edit_work_plan(user, plan)
    context: dict[str, Any] = {
        "plan": plan,
        "tone": STATUS_TONES.get(plan.status, "secondary"),
        "main_items": [item for item in items if item.kind == ItemKind.MAIN],
        "additional_items": [item for item in items if item.kind == ItemKind.ADDITIONAL],
        "expectations": expectations,
        "events": list(plan.events.all()),
        "versions": sorted(version.version for version in plan.versions.all()),
        "can_edit": can_edit,
        "can_submit": permissions.can_submit_work_plan(user, plan),
        "can_return": permissions.can_return_work_plan(user, plan),
        "can_approve": permissions.can_approve_work_plan(user, plan),
        "can_revise": permissions.can_revise_work_plan(user, plan),
        "can_set_expectations": permissions.can_set_expectations(user, plan),
        "is_jpt": plan.form_variant == "jpt",
        "is_owner": actor_for(user).employee is not None and actor_for(user).employee.pk == plan.employee_id,
        "lampiran": {
            "resource_support": _lines(plan.resource_support),
            "accountability_scheme": _lines(plan.accountability_scheme),
            "consequences": _lines(plan.consequences),
        },
        "return_form": ReturnForm(),
        "revise_form": ReviseForm(),
    }
    if can_edit:
        context["lampiran_form"] = LampiranForm(
            initial={
                "resource_support": plan.resource_support,
                "accountability_scheme": plan.accountability_scheme,
                "consequences": plan.consequences,
                "lock_version": plan.lock_version,
            }
        )
        context["approach_form"] = ApproachForm(initial={"approach": plan.approach, "lock_version": plan.lock_version})
    context.update(extra)
    return context


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    return render(request, "planning/plan_detail.html", plan_context(request, plan))


@login_required
@require_GET
def plan_version(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    stored = get_object_or_404(plan.versions.select_related("approved_by"), version=version)
    context = {
        "plan": plan,
        "stored": stored,
        "content": stored.content,
        "is_current": plan.version == stored.version and plan.status == WorkPlanStatus.APPROVED,
    }
    return render(request, "planning/plan_version.html", context)
