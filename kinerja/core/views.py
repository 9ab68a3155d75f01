"""Cross-cutting views: health check, and the home page that is the landing of every role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.audit import selectors as audit_selectors
from kinerja.audit.permissions import can_browse_audit_trail
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind
from kinerja.organization.models import Assignment, Employee, OrgUnit

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


@dataclass(frozen=True)
class Attention:
    """What an HR admin should look at in their scope."""

    in_scope: int
    without_position: int
    without_account: int


def _path_q(field: str, paths: list[str]) -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def _attention(scopes: list[OrgUnit]) -> Attention:
    """Counts for the admin's scope in one aggregate query.

    An employee without an active position belongs to the scope of the unit of their last
    assignment; one who never had any belongs to whoever administers the whole government (root).
    """
    day = org_selectors.today()
    paths = [scope.path for scope in scopes]
    active_now = Assignment.objects.active_on(day)
    in_scope_now = active_now.filter(_path_q("position__unit__path", paths)).values("employee_id")
    ever_in_scope = Assignment.objects.filter(_path_q("position__unit__path", paths)).values("employee_id")
    belongs = Q(pk__in=ever_in_scope)
    if any(scope.parent_id is None for scope in scopes):
        belongs |= ~Exists(Assignment.objects.filter(employee=OuterRef("pk")))
    holds_post = Exists(active_now.filter(employee=OuterRef("pk")))
    counts = (
        Employee.objects.filter(is_active=True)
        .filter(belongs)
        .aggregate(
            in_scope=Count("pk", filter=Q(pk__in=in_scope_now)),
            without_position=Count("pk", filter=~holds_post),
            without_account=Count("pk", filter=Q(pk__in=in_scope_now, user__isnull=True)),
        )
    )
    return Attention(**counts)


def _headcount_per_agency(scopes: list[OrgUnit]) -> list[tuple[OrgUnit, int]]:
    """Employees holding a definitive post, per OPD/kecamatan in scope: one grouped query plus the agencies."""
    day = org_selectors.today()
    paths = [scope.path for scope in scopes]
    agencies = list(OrgUnit.objects.filter(_path_q("path", paths), kind__in=AGENCY_KINDS, is_active=True))
    per_unit = (
        Assignment.objects.active_on(day)
        .filter(kind=AssignmentKind.DEFINITIVE)
        .filter(_path_q("position__unit__path", paths))
        .order_by()
        .values("position__unit__path")
        .annotate(people=Count("employee_id", distinct=True))
    )
    counts = {row["position__unit__path"]: row["people"] for row in per_unit}
    result = []
    for agency in agencies:
        total = sum(people for path, people in counts.items() if path.startswith(agency.path))
        result.append((agency, total))
    return sorted(result, key=lambda pair: (-pair[1], pair[0].name))


def _unit_headcount(unit: OrgUnit) -> int:
    return (
        Assignment.objects.active_on(org_selectors.today())
        .filter(kind=AssignmentKind.DEFINITIVE, position__unit__path__startswith=unit.path)
        .values("employee_id")
        .distinct()
        .count()
    )


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
        context["headed_unit_headcount"] = _unit_headcount(head_of)
    root_scopes = list(OrgUnit.objects.filter(parent__isnull=True)) if superuser else []
    admin_scopes = root_scopes or actor.scopes(Role.ADMIN_BKPSDM, Role.ADMIN_OPD)
    if admin_scopes:
        context["admin_scopes"] = admin_scopes
        context["attention"] = _attention(admin_scopes)
    leader_scopes = root_scopes or actor.scopes(Role.REGIONAL_LEADER)
    if leader_scopes:
        context["agency_headcounts"] = _headcount_per_agency(leader_scopes)
    if actor.has_role(Role.AUDITOR) or superuser:
        context["latest_events"] = audit_selectors.latest_events(user, _EVENTS_LIMIT)
    context["can_browse_audit"] = can_browse_audit_trail(user)
    return render(request, "core/home.html", context)
