"""Who may see and act on SKP, organisation goals and performance years. The whole security surface of planning.

Rules (product.md §2, §3.2; regulation.md §2):
- an SKP is seen by its owner, its pejabat penilai and atasan pejabat penilai (the snapshot), everyone holding
  a position above the SKP's position (definitive or Plt/Plh), and Admin OPD / Admin BKPSDM / Auditor /
  Pimpinan daerah whose scope covers the SKP's unit. Colleagues do not see each other's SKP;
- the owner edits and submits while DRAFT or RETURNED; the penilai edits, returns or approves while SUBMITTED
  (PermenPANRB 6/2022: the penilai may edit and add ekspektasi khusus before approving);
- the penilai is the one frozen in the SKP, or whoever holds the penilai's position today (Plt/Plh included)
  once the snapshot penilai has left it, so an SKP never waits for someone who moved away;
- an SKP whose position reports to nobody (Sekda) is assessed by the Pimpinan daerah (regulation.md §2:
  the Wali Kota is the penilai of JPT Pratama).
Services re-check these predicates, so the HTML pages and the API cannot differ.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import Actor, actor_for
from kinerja.core.permissions import covers, get_visible_or_404, is_authenticated, is_superuser
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position
from kinerja.planning.choices import WorkPlanStatus, YearStatus
from kinerja.planning.models import Indicator, OrganizationGoal, PerformanceYear, PlanItem, WorkPlan

# Roles that see every SKP of their scope (read-only unless another rule grants more).
SCOPED_READ_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM, Role.AUDITOR, Role.REGIONAL_LEADER)
# Pengelola kinerja may open an SKP on someone's behalf (PermenPANRB 8/2021: when nothing was drafted in time).
_START_ON_BEHALF_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM)
_GOAL_ROLES = (Role.ADMIN_OPD, Role.ADMIN_BKPSDM)
_LATE_LIST_ROLES = (Role.ADMIN_BKPSDM, Role.ADMIN_OPD, Role.REGIONAL_LEADER, Role.AUDITOR)
_OWNER_EDITABLE = (WorkPlanStatus.DRAFT, WorkPlanStatus.RETURNED)


def _is_owner(actor: Actor, plan: WorkPlan) -> bool:
    return actor.employee is not None and actor.employee.pk == plan.employee_id


# --- Work plans (SKP) ----------------------------------------------------------------


def work_plans_visible_to(user: Any) -> QuerySet[WorkPlan]:
    """SKP the user may read: one queryset whatever the size of the city (prefix queries on the trees)."""
    if not is_authenticated(user):
        return WorkPlan.objects.none()
    if is_superuser(user):
        return WorkPlan.objects.all()
    actor = actor_for(user)
    visible = org_selectors.under_paths("unit__path", [scope.path for scope in actor.scopes(*SCOPED_READ_ROLES)])
    if actor.employee is not None:
        me = actor.employee.pk
        visible |= Q(employee_id=me) | Q(penilai_id=me) | Q(atasan_penilai_id=me)
    for position in actor.positions:
        # Strictly below: the previous holder of one's own position is not one's subordinate.
        visible |= Q(position__path__startswith=position.path) & ~Q(position_id=position.pk)
    return WorkPlan.objects.filter(visible)


def get_work_plan_for_user_or_404(user: Any, pk: int) -> WorkPlan:
    return get_visible_or_404(
        work_plans_visible_to(user).select_related(
            "employee", "year", "position", "unit", "penilai", "penilai_position", "atasan_penilai"
        ),
        pk=pk,
    )


def _snapshot_penilai_left(plan: WorkPlan) -> bool:
    if plan.penilai_id is None:
        return True
    return not (
        Assignment.objects.active_on(org_selectors.today())
        .filter(employee_id=plan.penilai_id, position_id=plan.penilai_position_id)
        .exists()
    )


def acts_as_penilai(user: Any, plan: WorkPlan) -> bool:
    """Whether the user is the pejabat penilai of this SKP today (regardless of its status).

    The snapshot penilai; or the holder today (Plt/Plh included) of the penilai's position once the
    snapshot penilai no longer holds it; or, for an SKP with no superior in the tree, a Pimpinan daerah
    in scope. Nobody assesses their own SKP.
    """
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    if _is_owner(actor, plan):
        return False
    if actor.employee is not None and plan.penilai_id == actor.employee.pk:
        return True
    if plan.penilai_position_id is not None:
        holds_it = any(p.pk == plan.penilai_position_id for p in actor.positions)
        return holds_it and _snapshot_penilai_left(plan)
    if plan.penilai_id is None:
        return covers(actor.scopes(Role.REGIONAL_LEADER), plan.unit.path)
    return False


def can_view_work_plan(user: Any, plan: WorkPlan) -> bool:
    return work_plans_visible_to(user).filter(pk=plan.pk).exists()


def can_edit_work_plan(user: Any, plan: WorkPlan) -> bool:
    """Content (RHK, IKI, lampiran): the owner while DRAFT/RETURNED, the penilai while SUBMITTED."""
    if not is_authenticated(user):
        return False
    if plan.status in _OWNER_EDITABLE:
        return _is_owner(actor_for(user), plan)
    if plan.status == WorkPlanStatus.SUBMITTED:
        return acts_as_penilai(user, plan)
    return False


def can_submit_work_plan(user: Any, plan: WorkPlan) -> bool:
    return is_authenticated(user) and plan.status in _OWNER_EDITABLE and _is_owner(actor_for(user), plan)


def can_return_work_plan(user: Any, plan: WorkPlan) -> bool:
    return plan.status == WorkPlanStatus.SUBMITTED and acts_as_penilai(user, plan)


def can_approve_work_plan(user: Any, plan: WorkPlan) -> bool:
    return plan.status == WorkPlanStatus.SUBMITTED and acts_as_penilai(user, plan)


def can_revise_work_plan(user: Any, plan: WorkPlan) -> bool:
    """An approved SKP changes only through a recorded revision, opened by the owner or the penilai."""
    if plan.status != WorkPlanStatus.APPROVED or not is_authenticated(user):
        return False
    return _is_owner(actor_for(user), plan) or acts_as_penilai(user, plan)


def can_set_expectations(user: Any, plan: WorkPlan) -> bool:
    """Ekspektasi khusus pimpinan are the penilai's, until the SKP is approved (regulation.md §4.5)."""
    return plan.status != WorkPlanStatus.APPROVED and acts_as_penilai(user, plan)


def can_distribute_item(user: Any, item: PlanItem) -> bool:
    """Matriks peran hasil: only the owner of the SKP hands its RHK to their team."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    return actor.employee is not None and actor.employee.pk == item.work_plan.employee_id


def can_start_work_plan(user: Any, employee: Employee) -> bool:
    """The employee themself, or Admin OPD/BKPSDM whose scope covers where the employee works today."""
    if not is_authenticated(user):
        return False
    actor = actor_for(user)
    if actor.employee is not None and actor.employee.pk == employee.pk:
        return True
    scopes = actor.scopes(*_START_ON_BEHALF_ROLES)
    if not scopes:
        return False
    paths = org_selectors.unit_paths_of(employee)
    if not paths:
        # Someone without a post today belongs to whoever administers the whole government.
        return any(scope.parent_id is None for scope in scopes)
    return any(covers(scopes, path) for path in paths)


# --- Organisation goals, years, cascade, monitoring -----------------------------------


def can_manage_goals(user: Any, unit: OrgUnit) -> bool:
    """An agency's Perjanjian Kinerja: its head, Admin OPD in scope, Admin BKPSDM."""
    if not is_authenticated(user):
        return False
    if is_superuser(user):
        return True
    actor = actor_for(user)
    if covers(actor.scopes(*_GOAL_ROLES), unit.path):
        return True
    agency = org_selectors.agency_of(unit)
    return any(p.is_unit_head and p.unit_id == agency.pk for p in actor.positions)


def can_manage_years(user: Any) -> bool:
    """Periods, deadlines and the rule tables of a year are BKPSDM's (product.md §2)."""
    if not is_authenticated(user):
        return False
    return is_superuser(user) or actor_for(user).has_role(Role.ADMIN_BKPSDM)


def can_view_cascade(user: Any, unit: OrgUnit) -> bool:
    """The cascade of an agency: its members, the positions above any of its positions, scoped roles."""
    if not is_authenticated(user):
        return False
    if is_superuser(user):
        return True
    actor = actor_for(user)
    if covers(actor.scopes(*SCOPED_READ_ROLES), unit.path):
        return True
    agency = org_selectors.agency_of(unit)
    if any(p.unit.path.startswith(agency.path) for p in actor.positions):
        return True
    if not actor.positions:
        return False
    above = org_selectors.under_paths("path", [p.path for p in actor.positions])
    return Position.objects.filter(above, unit__path__startswith=agency.path).exists()


def can_view_late_list(user: Any) -> bool:
    if not is_authenticated(user):
        return False
    return is_superuser(user) or actor_for(user).has_role(*_LATE_LIST_ROLES)


def late_list_scopes(user: Any) -> list[OrgUnit]:
    """The units whose late SKP the user may list (pass to selectors.late_work_plans)."""
    if not is_authenticated(user):
        return []
    if is_superuser(user):
        return list(OrgUnit.objects.filter(parent__isnull=True))
    return actor_for(user).scopes(*_LATE_LIST_ROLES)


# --- Fetch helpers for the parts of an SKP ---------------------------------------------


def plan_items_visible_to(user: Any) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(work_plan__in=work_plans_visible_to(user))


def get_plan_item_for_user_or_404(user: Any, pk: int) -> PlanItem:
    return get_visible_or_404(
        plan_items_visible_to(user).select_related("work_plan__employee", "work_plan__unit"), pk=pk
    )


def get_indicator_for_user_or_404(user: Any, pk: int) -> Indicator:
    return get_visible_or_404(
        Indicator.objects.filter(item__work_plan__in=work_plans_visible_to(user)).select_related(
            "item__work_plan__employee", "item__work_plan__unit"
        ),
        pk=pk,
    )


def goals_visible_to(user: Any) -> QuerySet[OrganizationGoal]:
    """Perjanjian Kinerja are public documents inside the government: every logged-in user reads them."""
    if not is_authenticated(user):
        return OrganizationGoal.objects.none()
    return OrganizationGoal.objects.filter(year__in=years_visible_to(user))


def get_goal_for_user_or_404(user: Any, pk: int) -> OrganizationGoal:
    return get_visible_or_404(goals_visible_to(user).select_related("year", "unit"), pk=pk)


def years_visible_to(user: Any) -> QuerySet[PerformanceYear]:
    """A year being prepared is BKPSDM's draft; open and closed years are everyone's."""
    if not is_authenticated(user):
        return PerformanceYear.objects.none()
    if can_manage_years(user):
        return PerformanceYear.objects.all()
    return PerformanceYear.objects.exclude(status=YearStatus.DRAFT)


def get_year_or_404(user: Any, pk: int | None = None, *, year: int | None = None) -> PerformanceYear:
    """A performance year by primary key, or by its calendar year (``year=2025``)."""
    lookup = {"pk": pk} if year is None else {"year": year}
    return get_visible_or_404(years_visible_to(user), **lookup)
