"""Who may read the audit trail: auditors and Admin BKPSDM/OPD in scope, and everyone for their own record."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.selectors import actor_for
from kinerja.audit.models import AuditEvent
from kinerja.core.permissions import get_visible_or_404, is_authenticated, is_superuser

_TRAIL_ROLES = (Role.ADMIN_BKPSDM, Role.ADMIN_OPD, Role.AUDITOR)


def audit_events_visible_to(user: Any) -> QuerySet[AuditEvent]:
    if not is_authenticated(user):
        return AuditEvent.objects.none()
    if is_superuser(user):
        return AuditEvent.objects.all()
    actor = actor_for(user)
    q = Q(pk__in=[])
    for scope in actor.scopes(*_TRAIL_ROLES):
        q |= Q(org_unit__path__startswith=scope.path)
        if scope.parent_id is None:
            q |= Q(org_unit__isnull=True)  # city-wide events belong to the root's scope
    if actor.employee is not None:
        q |= Q(subject=actor.employee)
    return AuditEvent.objects.filter(q)


def can_browse_audit_trail(user: Any) -> bool:
    """The audit browser (all events in scope) is for auditors and HR admins."""
    if is_superuser(user):
        return True
    return is_authenticated(user) and actor_for(user).has_role(*_TRAIL_ROLES)


def get_audit_event_for_user_or_404(user: Any, pk: int) -> AuditEvent:
    return get_visible_or_404(audit_events_visible_to(user), pk=pk)
