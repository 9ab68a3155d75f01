"""Cross-cutting views: health check, and the home page that is the landing of every role."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.audit import selectors as audit_selectors
from kinerja.audit.permissions import can_browse_audit_trail
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit

# Lists on the home page are teasers; the full lists live on their own pages.
_TEAM_LIMIT = 50
_EVENTS_LIMIT = 10


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness and database check for load balancers: no auth, no template, no session."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "unhealthy"
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _employee_context(employee: Employee) -> dict[str, Any]:
    situation = org_selectors.situation_on(employee)
    team = list(org_selectors.team_members(employee, situation.day).order_by("name")[: _TEAM_LIMIT + 1])
    return {
        "situation": situation,
        "team": team[:_TEAM_LIMIT],
        "team_truncated": len(team) > _TEAM_LIMIT,
    }


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """One page per person: their own place in the organisation, then what each of their roles asks for."""
    user = request.user
    actor = actor_for(user)
    superuser = bool(user.is_superuser)
    context: dict[str, Any] = {"actor": actor, "employee": actor.employee}
    if actor.employee is not None:
        employee = Employee.objects.select_related("rank").get(pk=actor.employee.pk)
        context["employee"] = employee
        context.update(_employee_context(employee))
    head_of = actor.heads_unit
    if head_of is not None:
        context["headed_unit"] = head_of
        context["headed_unit_headcount"] = org_selectors.unit_headcount(head_of)
    root_scopes = list(OrgUnit.objects.filter(parent__isnull=True)) if superuser else []
    admin_scopes = root_scopes or actor.scopes(Role.ADMIN_BKPSDM, Role.ADMIN_OPD)
    if admin_scopes:
        context["admin_scopes"] = admin_scopes
        context["attention"] = org_selectors.admin_attention(admin_scopes)
    leader_scopes = root_scopes or actor.scopes(Role.REGIONAL_LEADER)
    if leader_scopes:
        context["agency_headcounts"] = org_selectors.headcount_per_agency(leader_scopes)
    if actor.has_role(Role.AUDITOR) or superuser:
        context["latest_events"] = audit_selectors.latest_events(user, _EVENTS_LIMIT)
    context["can_browse_audit"] = can_browse_audit_trail(user)
    return render(request, "core/home.html", context)
