"""Reads of the audit trail. Every function starts from the visibility queryset in permissions.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from kinerja.audit.models import AuditEvent
from kinerja.audit.permissions import audit_events_visible_to
from kinerja.organization.models import Employee, OrgUnit


def _for_display(queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    # Lists show the actor's name and the unit: fetch them in the same query.
    return queryset.select_related("actor__employee", "org_unit", "subject")


def latest_events(user: Any, limit: int = 10) -> list[AuditEvent]:
    """The most recent events the user may read (the auditor's home page)."""
    return list(_for_display(audit_events_visible_to(user)).order_by("-created_at", "-id")[:limit])


def events_for_browser(
    user: Any,
    *,
    verb: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    unit: OrgUnit | None = None,
) -> QuerySet[AuditEvent]:
    """The audit browser's list: events in the user's scope, filtered; dates are in the city's time zone."""
    events = audit_events_visible_to(user)
    if verb:
        events = events.filter(verb__icontains=verb)
    if date_from is not None:
        events = events.filter(created_at__date__gte=date_from)
    if date_to is not None:
        events = events.filter(created_at__date__lte=date_to)
    if unit is not None:
        events = events.filter(org_unit__path__startswith=unit.path)
    return _for_display(events).order_by("-created_at", "-id")


def employee_trail(user: Any, employee: Employee) -> QuerySet[AuditEvent]:
    """Events about one employee's record, limited to what the user may read."""
    return _for_display(audit_events_visible_to(user).filter(subject=employee)).order_by("-created_at", "-id")


def known_verbs(user: Any) -> list[str]:
    """Distinct verbs in the user's scope, for the filter's suggestions."""
    return list(audit_events_visible_to(user).order_by("verb").values_list("verb", flat=True).distinct()[:200])
