"""Dialog kinerja / coaching / mentoring / counselling with agreed actions, and appreciation (product.md §3.3)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import permissions, selectors
from kinerja.monitoring.forms import ActionCloseForm, AppreciationForm, DialogueForm
from kinerja.monitoring.services.appreciation import appreciation_give
from kinerja.monitoring.services.dialogues import dialogue_action_close, dialogue_record
from kinerja.monitoring.views._common import error_text, errors_onto
from kinerja.organization import permissions as org_permissions
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Assignment, Employee

RECENT = 50


@login_required
@require_http_methods(["GET", "POST"])
def dialogues(request: HttpRequest) -> HttpResponse:
    """My dialogues (about me or led by me), my open agreed actions, and the record form for my team."""
    me = actor_for(request.user).employee
    visible = permissions.dialogues_visible_to(request.user)
    if me is not None:
        visible = visible.filter(Q(employee=me) | Q(led_by=me) | Q(participants=me)).distinct()
    visible = visible.select_related("employee", "led_by").prefetch_related("actions__owner")[:RECENT]
    team = org_selectors.team_members(me).order_by("name") if me is not None else Employee.objects.none()
    form = DialogueForm(request.POST or None, employees=team, initial={"held_on": org_selectors.today()})
    if request.method == "POST":
        if me is None or not team.exists():
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                dialogue_record(
                    actor=request.user,
                    employee=data["employee"],
                    kind=data["kind"],
                    held_on=data["held_on"],
                    topics=data["topics"],
                    summary=data["summary"],
                    actions=form.actions(me),
                )
            except ValidationError as error:
                errors_onto(form, error)
            else:
                messages.success(request, _("Dialogue recorded."))
                return redirect("monitoring:dialogues")
    context: dict[str, Any] = {
        "dialogues": visible,
        "form": form if me is not None and team.exists() else None,
        "open_actions": list(selectors.open_actions_for(me)) if me is not None else [],
        "me": me,
    }
    return render(request, "monitoring/dialogues.html", context)


@login_required
@require_POST
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    action = permissions.get_dialogue_action_for_user_or_404(request.user, pk)
    if not permissions.can_close_action(request.user, action):
        raise PermissionDenied
    form = ActionCloseForm(request.POST)
    form.is_valid()
    try:
        dialogue_action_close(actor=request.user, action=action, note=form.cleaned_data.get("note", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Action closed."))
    return redirect("monitoring:dialogues")


def _colleagues(request: HttpRequest) -> QuerySet[Employee]:
    """People holding a post in my agency today (whom I may appreciate), from the directory I may read."""
    actor = actor_for(request.user)
    if actor.employee is None or actor.agency is None:
        return Employee.objects.none()
    today = org_selectors.today()
    posted = Assignment.objects.active_on(today).filter(position__unit__path__startswith=actor.agency.path)
    colleagues = org_permissions.employees_visible_to(request.user).filter(pk__in=posted.values("employee_id"))
    return org_selectors.with_current_post(colleagues.exclude(pk=actor.employee.pk)).order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def appreciate(request: HttpRequest) -> HttpResponse:
    """Give appreciation to a colleague, and read my agency's feed."""
    actor = actor_for(request.user)
    recipients = _colleagues(request)
    form = AppreciationForm(request.POST or None, recipients=recipients)
    if request.method == "POST":
        if actor.employee is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                appreciation_give(
                    actor=request.user, recipient=form.cleaned_data["recipient"], text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                errors_onto(form, error)
            else:
                messages.success(request, _("Appreciation sent."))
                return redirect("monitoring:appreciate")
    feed = selectors.unit_appreciation_feed(actor.agency) if actor.agency is not None else []
    return render(
        request,
        "monitoring/appreciation.html",
        {"form": form if actor.employee is not None else None, "feed": feed, "agency": actor.agency},
    )
