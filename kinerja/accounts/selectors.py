"""Reads about the logged-in person: their grants and derived roles, cached per request."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant
from kinerja.core.permissions import is_authenticated
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit, Position


@dataclass
class Actor:
    """Everything access rules need to know about a user, computed once per request."""

    employee: Employee | None
    grants: list[RoleGrant]
    positions: list[Position] = field(default_factory=list)
    agency: OrgUnit | None = None

    def scopes(self, *roles: Role) -> list[OrgUnit]:
        return [g.scope for g in self.grants if g.role in roles]

    def has_role(self, *roles: Role) -> bool:
        return any(g.role in roles for g in self.grants)

    @cached_property  # read by the navbar and several home cards in one request
    def is_supervisor(self) -> bool:
        return bool(self.positions) and Position.objects.filter(reports_to__in=self.positions).exists()

    @property
    def heads_unit(self) -> OrgUnit | None:
        return next((p.unit for p in self.positions if p.is_unit_head), None)


def actor_for(user: Any) -> Actor:
    """The Actor of a user; memoised on the user object, which lives for one request."""
    cached = getattr(user, "_kinerja_actor", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if not is_authenticated(user):
        actor = Actor(employee=None, grants=[])
    else:
        employee = user.employee if user.employee_id else None
        grants = list(RoleGrant.objects.filter(user=user).select_related("scope"))
        positions = org_selectors.positions_held(employee) if employee else []
        primary = next((p for p in positions), None)
        agency = org_selectors.agency_of(primary.unit) if primary else None
        actor = Actor(employee=employee, grants=grants, positions=positions, agency=agency)
    user._kinerja_actor = actor
    return actor
