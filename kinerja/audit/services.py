"""Writing the audit trail. Services call ``record`` inside their own transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from kinerja.audit.models import AuditEvent

if TYPE_CHECKING:
    from kinerja.accounts.models import User
    from kinerja.organization.models import Employee, OrgUnit


def record(
    *,
    actor: User | None,
    verb: str,
    target: models.Model,
    org_unit: OrgUnit | None = None,
    subject: Employee | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one audit event. ``verb`` is "<app>.<entity>.<past-tense verb>"."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        org_unit=org_unit,
        subject=subject,
        before=before,
        after=after,
        reason=reason,
    )


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """JSON-safe values of the named fields, for the before/after columns."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = value.pk
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = str(value)
        values[name] = value
    return values
