"""Inline edits of an SKP's content: RHK, IKI, lampiran, approach and the penilai's ekspektasi khusus.

Each form is an htmx partial: an invalid submission returns the form with the service's messages next to
the fields; a valid one returns the refreshed SKP body (so the optimistic lock versions stay current).
Without htmx the same URLs work as ordinary pages that redirect back to the SKP.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors, services
from kinerja.planning.choices import FormVariant, ItemKind
from kinerja.planning.forms import ApproachForm, ExpectationForm, IndicatorForm, LampiranForm, PlanItemForm
from kinerja.planning.models import BehaviourValue, OrganizationGoal, PlanItem, WorkPlan
from kinerja.planning.views._common import error_text, errors_onto, htmx_replace, is_partial
from kinerja.planning.views.plans import plan_context

_GET_POST = ("GET", "POST")


def _editable_plan(request: HttpRequest, plan: WorkPlan) -> WorkPlan:
    if not permissions.can_edit_work_plan(request.user, plan):
        raise PermissionDenied
    return plan


def _saved(request: HttpRequest, plan: WorkPlan, anchor: str = "") -> HttpResponse:
    """After a successful edit: the refreshed SKP body for htmx, a redirect back to the SKP otherwise."""
    if is_partial(request):
        response = render(request, "planning/_plan_body.html", plan_context(request, plan))
        return htmx_replace(response, "#plan-body")
    url = reverse("planning:plan-detail", args=[plan.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _form_flow(
    request: HttpRequest,
    plan: WorkPlan,
    form: forms.Form,
    save: Callable[[], object],
    *,
    anchor: str,
    title: str,
    action: str,
    partial: str,
) -> HttpResponse:
    """The one shape of every inline edit: on a valid POST call the service; its ValidationError goes
    next to the fields, success refreshes the SKP; otherwise (GET or invalid) reply with the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            errors_onto(form, error)
        else:
            return _saved(request, plan, anchor)
    context = {"plan": plan, "form": form, "title": title, "action": action, "partial": partial}
    if is_partial(request):
        return render(request, partial, context)
    return render(request, "planning/form_page.html", context)


def _supervisor_items(plan: WorkPlan) -> QuerySet[PlanItem] | None:
    """The penilai's RHK in the same year: what a subordinate's RHK may intervene (None without a penilai)."""
    if plan.penilai_id is None:
        return None
    return selectors.distributable_items(plan.penilai, plan.year)


def _agency_goals(request: HttpRequest, plan: WorkPlan) -> QuerySet[OrganizationGoal] | None:
    if plan.form_variant != FormVariant.JPT:
        return None
    agency = org_selectors.agency_of(plan.unit)
    return permissions.goals_visible_to(request.user).filter(year=plan.year, unit=agency).order_by("order", "pk")


def _item_form(request: HttpRequest, plan: WorkPlan, *args: Any, **kwargs: Any) -> PlanItemForm:
    return PlanItemForm(*args, supervisor_items=_supervisor_items(plan), goals=_agency_goals(request, plan), **kwargs)


@login_required
@require_http_methods(_GET_POST)
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, permissions.get_work_plan_for_user_or_404(request.user, pk))
    kind = request.GET.get("kind") or ItemKind.MAIN
    form = _item_form(request, plan, request.POST or None, initial={"kind": kind})
    return _form_flow(
        request,
        plan,
        form,
        lambda: services.plan_item_add(actor=request.user, work_plan=plan, **form.cleaned_data),
        anchor="rhk",
        title=_("Add an RHK"),
        action=reverse("planning:item-add", args=[plan.pk]),
        partial="planning/_item_form.html",
    )


@login_required
@require_http_methods(_GET_POST)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_plan_item_for_user_or_404(request.user, pk)
    plan = _editable_plan(request, item.work_plan)
    initial = {
        "kind": item.kind,
        "text": item.text,
        "supported_item": item.supported_item_id,
        "supported_goal": item.supported_goal_id,
        "perspective": item.perspective,
    }
    form = _item_form(request, plan, request.POST or None, initial=initial)
    return _form_flow(
        request,
        plan,
        form,
        lambda: services.plan_item_update(actor=request.user, item=item, **form.cleaned_data),
        anchor=f"rhk-{item.pk}",
        title=_("Edit the RHK"),
        action=reverse("planning:item-edit", args=[item.pk]),
        partial="planning/_item_form.html",
    )


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_plan_item_for_user_or_404(request.user, pk)
    plan = _editable_plan(request, item.work_plan)
    try:
        services.plan_item_delete(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _saved(request, plan, "rhk")


@login_required
@require_http_methods(_GET_POST)
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_plan_item_for_user_or_404(request.user, pk)
    plan = _editable_plan(request, item.work_plan)
    form = IndicatorForm(request.POST or None, approach=plan.approach)
    return _form_flow(
        request,
        plan,
        form,
        lambda: services.indicator_add(actor=request.user, item=item, **form.service_fields()),
        anchor=f"rhk-{item.pk}",
        title=_("Add an indicator to: %(rhk)s") % {"rhk": item.text},
        action=reverse("planning:indicator-add", args=[item.pk]),
        partial="planning/_indicator_form.html",
    )


@login_required
@require_http_methods(_GET_POST)
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = permissions.get_indicator_for_user_or_404(request.user, pk)
    plan = _editable_plan(request, indicator.item.work_plan)
    initial = {
        "aspect": indicator.aspect,
        "text": indicator.text,
        "target_min": _plain(indicator.target_min),
        "target_max": _plain(indicator.target_max),
        "target_unit": indicator.target_unit,
        "target_text": indicator.target_text,
        "lower_is_better": indicator.lower_is_better,
    }
    form = IndicatorForm(request.POST or None, approach=plan.approach, initial=initial)
    return _form_flow(
        request,
        plan,
        form,
        lambda: services.indicator_update(actor=request.user, indicator=indicator, **form.service_fields()),
        anchor=f"rhk-{indicator.item_id}",
        title=_("Edit the indicator"),
        action=reverse("planning:indicator-edit", args=[indicator.pk]),
        partial="planning/_indicator_form.html",
    )


def _plain(number: Any) -> str:
    """A stored target without trailing zeros ("12" rather than "12.00")."""
    if number is None:
        return ""
    return format(number.normalize(), "f") if number == number.to_integral() else format(number, "f")


@login_required
@require_POST
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = permissions.get_indicator_for_user_or_404(request.user, pk)
    plan = _editable_plan(request, indicator.item.work_plan)
    try:
        services.indicator_delete(actor=request.user, indicator=indicator)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _saved(request, plan, f"rhk-{indicator.item_id}")


@login_required
@require_http_methods(_GET_POST)
def plan_lampiran(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, permissions.get_work_plan_for_user_or_404(request.user, pk))
    initial = {
        "resource_support": plan.resource_support,
        "accountability_scheme": plan.accountability_scheme,
        "consequences": plan.consequences,
        "lock_version": plan.lock_version,
    }
    form = LampiranForm(request.POST or None, initial=initial)
    return _form_flow(
        request,
        plan,
        form,
        lambda: services.work_plan_update(actor=request.user, work_plan=plan, **form.cleaned_data),
        anchor="lampiran",
        title=_("Lampiran SKP"),
        action=reverse("planning:plan-lampiran", args=[plan.pk]),
        partial="planning/_lampiran_form.html",
    )


@login_required
@require_POST
def plan_approach(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, permissions.get_work_plan_for_user_or_404(request.user, pk))
    form = ApproachForm(request.POST)
    if form.is_valid():
        try:
            services.work_plan_update(actor=request.user, work_plan=plan, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(request, error_text(ValidationError(list(form.errors.values()))))
    return _saved(request, plan)


@login_required
@require_POST
def expectation_set(request: HttpRequest, pk: int, value_pk: int) -> HttpResponse:
    plan = permissions.get_work_plan_for_user_or_404(request.user, pk)
    if not permissions.can_set_expectations(request.user, plan):
        raise PermissionDenied
    value = get_object_or_404(BehaviourValue, pk=value_pk)
    form = ExpectationForm(request.POST)
    if form.is_valid():
        try:
            services.behaviour_expectation_set(
                actor=request.user,
                work_plan=plan,
                value=value,
                special_expectation=form.cleaned_data["special_expectation"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
    return _saved(request, plan, "perilaku")
