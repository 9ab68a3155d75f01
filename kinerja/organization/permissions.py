"""Who may see and change organisation data. The whole security surface of this app.

Rules (product.md §2, §4 "Security"):
- everyone sees their own record and the colleagues of their own OPD (name, position, unit);
- a supervisor sees everyone below the positions they hold (definitive or Plt/Plh);
- scoped roles see their unit subtree: Admin OPD, Admin BKPSDM, Pimpinan daerah, Auditor;
- personal data (birth date, NIP decoding, assignment history) only to the person, the supervisors
  above them, and Admin OPD/BKPSDM/Auditor in scope; the audit trail of a record only to the
  person and Admin OPD/BKPSDM/Auditor in scope (audit/permissions.py).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.core.permissions import get_visible_or_404, is_authenticated, is_superuser
from kinerja.organization import selectors
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

# Roles that may read personal data of the people in their scope.
_PERSONAL_DATA_ROLES = (Role.ADMIN_BKPSDM, Role.ADMIN_OPD, Role.AUDITOR)
_ALL_ROLES = tuple(Role)


def employees_visible_to(user: Any) -> QuerySet[Employee]:
    """Employees whose basic card (name, position, unit) the user may see."""
    if not is_authenticated(user):
        return Employee.objects.none()
    if is_superuser(user):
        return Employee.objects.all()
    actor = actor_for(user)
    scopes = actor.scopes(*_ALL_ROLES)
    unit_paths = [scope.path for scope in scopes]
    if actor.agency is not None:
        unit_paths.append(actor.agency.path)
    position_paths = [p.path for p in actor.positions]
    reach = selectors.under_paths("position__unit__path", unit_paths) | selectors.under_paths(
        "position__path", position_paths
    )
    active = Assignment.objects.active_on(selectors.today())
    visible = Q(pk__in=active.filter(reach).values("employee_id"))
    if actor.employee is not None:
        visible |= Q(pk=actor.employee.pk)
    if _covers_whole_government(scopes):
        # Someone without a post today (between posts, or imported before placement) belongs to the
        # whole government: without this, not even Admin BKPSDM could find them.
        visible |= ~Q(pk__in=active.values("employee_id"))
    return Employee.objects.filter(visible)


def get_employee_for_user_or_404(user: Any, pk: int) -> Employee:
    return get_visible_or_404(employees_visible_to(user).select_related("rank"), pk=pk)


def _employee_position_paths(employee: Employee) -> list[str]:
    return list(
        Assignment.objects.active_on(selectors.today())
        .filter(employee=employee, kind=AssignmentKind.DEFINITIVE)
        .values_list("position__path", flat=True)
    )


def _covers_whole_government(scopes: list[OrgUnit]) -> bool:
    return any(scope.parent_id is None for scope in scopes)


def _in_scope(scopes: list[OrgUnit], unit_paths: list[str]) -> bool:
    """Whether the employee's units today fall under one of the scopes; the unplaced fall under the root's."""
    if not unit_paths:
        return _covers_whole_government(scopes)
    return any(path.startswith(scope.path) for scope in scopes for path in unit_paths)


def can_view_personal_data(user: Any, employee: Employee) -> bool:
    """Birth date, decoded NIP, assignment history: the person, their superiors, HR admins and auditors."""
    if not is_authenticated(user):
        return False
    if is_superuser(user):
        return True
    actor = actor_for(user)
    if actor.employee is not None and actor.employee.pk == employee.pk:
        return True
    if _in_scope(actor.scopes(*_PERSONAL_DATA_ROLES), selectors.unit_paths_of(employee)):
        return True
    own_paths = [p.path for p in actor.positions]
    return any(
        theirs.startswith(mine) and theirs != mine
        for theirs in _employee_position_paths(employee)
        for mine in own_paths
    )


def can_manage_employee(user: Any, employee: Employee) -> bool:
    """Edit master data of a person: Admin BKPSDM, or Admin OPD of the person's OPD."""
    if is_superuser(user):
        return True
    actor = actor_for(user)
    return _in_scope(actor.scopes(Role.ADMIN_BKPSDM, Role.ADMIN_OPD), selectors.unit_paths_of(employee))


def can_import_people(user: Any) -> bool:
    """Imports from SIASN exports reshape the whole city: Admin BKPSDM only."""
    if not is_authenticated(user):
        return False
    return is_superuser(user) or actor_for(user).has_role(Role.ADMIN_BKPSDM)


def org_units_visible_to(user: Any) -> QuerySet[OrgUnit]:
    """The structure of the government is public inside it: every logged-in user sees every unit."""
    if not is_authenticated(user):
        return OrgUnit.objects.none()
    return OrgUnit.objects.all()


def get_org_unit_for_user_or_404(user: Any, pk: int) -> OrgUnit:
    return get_visible_or_404(org_units_visible_to(user), pk=pk)


def positions_visible_to(user: Any) -> QuerySet[Position]:
    """Positions are part of the public structure; who holds them is filtered by employees_visible_to."""
    if not is_authenticated(user):
        return Position.objects.none()
    return Position.objects.all()


def get_position_for_user_or_404(user: Any, pk: int) -> Position:
    return get_visible_or_404(positions_visible_to(user).select_related("unit", "reports_to"), pk=pk)
