"""The cascade of an agency (goal → RHK → RHK, person by person) and its Perjanjian Kinerja goals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.organization import permissions as org_permissions
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AGENCY_KINDS
from kinerja.organization.models import OrgUnit
from kinerja.planning import permissions, selectors, services
from kinerja.planning.forms import GoalForm, GoalIndicatorFormSet, YearChoiceForm
from kinerja.planning.models import OrganizationGoal, PerformanceYear
from kinerja.planning.permissions import SCOPED_READ_ROLES
from kinerja.planning.views._common import error_text, errors_onto


def _chosen_year(request: HttpRequest) -> tuple[PerformanceYear | None, YearChoiceForm]:
    """The year picked in ?year=2026, else the current one; with the selector form for the page."""
    years = permissions.years_visible_to(request.user).order_by("-year")
    form = YearChoiceForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_valid() else None
    year = year or selectors.current_year()
    if year is not None and not form.is_bound:
        form = YearChoiceForm(initial={"year": year.year}, years=years)
    return year, form


def _agency(request: HttpRequest, unit_pk: int) -> tuple[OrgUnit, OrgUnit]:
    unit = org_permissions.get_org_unit_for_user_or_404(request.user, unit_pk)
    return unit, org_selectors.agency_of(unit)


@login_required
@require_GET
def cascade_home(request: HttpRequest) -> HttpResponse:
    """My agency's cascade; people without one (city-wide roles) pick an agency of their scope."""
    actor = actor_for(request.user)
    if actor.agency is not None:
        return redirect("planning:cascade", unit_pk=actor.agency.pk)
    scopes = actor.scopes(*SCOPED_READ_ROLES)
    agencies = [
        unit
        for unit in org_permissions.org_units_visible_to(request.user)
        .filter(kind__in=AGENCY_KINDS, is_active=True)
        .order_by("name")
        if any(unit.path.startswith(scope.path) for scope in scopes)
    ]
    context = {
        "agencies": agencies,
        "can_manage_years": permissions.can_manage_years(request.user),
        "can_view_late": permissions.can_view_late_list(request.user),
    }
    return render(request, "planning/cascade_home.html", context)


@login_required
@require_GET
def cascade(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit, agency = _agency(request, unit_pk)
    if not permissions.can_view_cascade(request.user, unit):
        raise PermissionDenied
    year, year_form = _chosen_year(request)
    context: dict[str, Any] = {"unit": unit, "agency": agency, "year": year, "year_form": year_form}
    if year is not None:
        # The light tree (names and texts only): the page of a large OPD prints ~1,700 RHK.
        context["tree"] = selectors.cascade_outline(unit, year)
        context["completion"] = selectors.completion_per_unit(agency, year)
    context["can_manage_goals"] = permissions.can_manage_goals(request.user, agency)
    context["can_view_late"] = permissions.can_view_late_list(request.user)
    context["can_manage_years"] = permissions.can_manage_years(request.user)
    return render(request, "planning/cascade.html", context)


@login_required
@require_GET
def goals(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit, agency = _agency(request, unit_pk)
    year, year_form = _chosen_year(request)
    context: dict[str, Any] = {
        "agency": agency,
        "year": year,
        "year_form": year_form,
        "goals": selectors.goals_of(agency, year) if year is not None else [],
        "can_manage": permissions.can_manage_goals(request.user, agency),
    }
    return render(request, "planning/goals.html", context)


def _indicator_rows(formset: Any) -> list[dict[str, Any]]:
    rows = []
    for form in formset.forms:
        data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
        if not data or not (data.get("text") or "").strip():
            continue  # an empty extra row
        value = data.get("target_value")
        rows.append(
            {
                "text": data["text"],
                "target_value": str(value) if value is not None else "",
                "target_unit": data.get("target_unit", ""),
                "target_text": data.get("target_text", ""),
            }
        )
    return rows


def _goal_form_reply(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "planning/goal_form.html", context)


@login_required
@require_http_methods(("GET", "POST"))
def goal_add(request: HttpRequest, unit_pk: int) -> HttpResponse:
    _unit, agency = _agency(request, unit_pk)
    if not permissions.can_manage_goals(request.user, agency):
        raise PermissionDenied
    year, _form = _chosen_year(request)
    if year is None:
        messages.error(request, _("There is no performance year to add goals to."))
        return redirect("planning:goals", unit_pk=agency.pk)
    form = GoalForm(request.POST or None)
    formset = GoalIndicatorFormSet(request.POST or None, prefix="ind")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.goal_create(
                actor=request.user,
                year=year,
                unit=agency,
                statement=form.cleaned_data["statement"],
                code=form.cleaned_data["code"],
                indicators=_indicator_rows(formset),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Goal added."))
            return redirect(reverse("planning:goals", args=[agency.pk]) + f"?year={year.year}")
    context = {"agency": agency, "year": year, "form": form, "formset": formset, "goal": None}
    return _goal_form_reply(request, context)


@login_required
@require_http_methods(("GET", "POST"))
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = permissions.get_goal_for_user_or_404(request.user, pk)
    if not permissions.can_manage_goals(request.user, goal.unit):
        raise PermissionDenied
    initial = [
        {"text": i.text, "target_value": i.target_value, "target_unit": i.target_unit, "target_text": i.target_text}
        for i in goal.indicators.all()
    ]
    form = GoalForm(request.POST or None, initial={"code": goal.code, "statement": goal.statement})
    formset = GoalIndicatorFormSet(request.POST or None, prefix="ind", initial=initial)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.goal_update(
                actor=request.user,
                goal=goal,
                statement=form.cleaned_data["statement"],
                code=form.cleaned_data["code"],
                indicators=_indicator_rows(formset),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Goal saved."))
            return redirect(reverse("planning:goals", args=[goal.unit_id]) + f"?year={goal.year.year}")
    context = {"agency": goal.unit, "year": goal.year, "form": form, "formset": formset, "goal": goal}
    return _goal_form_reply(request, context)


@login_required
@require_POST
def goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    goal: OrganizationGoal = permissions.get_goal_for_user_or_404(request.user, pk)
    if not permissions.can_manage_goals(request.user, goal.unit):
        raise PermissionDenied
    try:
        services.goal_delete(actor=request.user, goal=goal)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Goal deleted."))
    return redirect(reverse("planning:goals", args=[goal.unit_id]) + f"?year={goal.year.year}")
