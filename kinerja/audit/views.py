"""HTML pages of the audit trail: the browser for auditors and HR admins, and one employee's trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.selectors import actor_for
from kinerja.audit import selectors
from kinerja.audit.forms import EventFilterForm
from kinerja.audit.permissions import can_browse_audit_trail
from kinerja.organization import permissions as org_permissions

PAGE_SIZE = 50


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    if not can_browse_audit_trail(request.user):
        raise PermissionDenied
    form = EventFilterForm(request.GET or None, user=request.user)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
    events = selectors.events_for_browser(request.user, **filters)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "verbs": selectors.known_verbs(request.user),
    }
    return render(request, "audit/event_list.html", context)


@login_required
@require_GET
def employee_trail(request: HttpRequest, pk: int) -> HttpResponse:
    """The trail of one person's record: for the person, and for auditors/HR admins who may see their data."""
    employee = org_permissions.get_employee_for_user_or_404(request.user, pk)
    actor = actor_for(request.user)
    is_self = actor.employee is not None and actor.employee.pk == employee.pk
    if not is_self and not (
        can_browse_audit_trail(request.user) and org_permissions.can_view_personal_data(request.user, employee)
    ):
        raise PermissionDenied
    events = selectors.employee_trail(request.user, employee)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/employee_trail.html", {"employee": employee, "page_obj": page, "is_self": is_self})
