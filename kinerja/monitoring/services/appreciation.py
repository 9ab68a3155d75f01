"""Apresiasi: a supervisor or colleague recognises someone's concrete achievement (product.md §3.3)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.monitoring import permissions
from kinerja.monitoring.models import Appreciation
from kinerja.monitoring.services._common import clean_text, notify_on_commit, page_url, record, require, unit_of
from kinerja.organization.models import Employee
from kinerja.planning.models import PlanItem


def appreciation_give(*, actor: Any, recipient: Employee, text: str, item: PlanItem | None = None) -> Appreciation:
    """Give appreciation, optionally about one RHK of the recipient; it shows in their unit's feed."""
    require(permissions.can_appreciate(actor, recipient))
    text = clean_text(text, "text", max_length=1000)
    if item is not None and item.work_plan.employee_id != recipient.pk:
        raise ValidationError({"item": [_("Choose an RHK of the person you appreciate.")]})
    unit = unit_of(recipient)
    if unit is None:
        raise ValidationError({"recipient": [_("This person holds no position today.")]})
    with transaction.atomic():
        appreciation = Appreciation.objects.create(recipient=recipient, author=actor, text=text, item=item, unit=unit)
        record(actor, "monitoring.appreciation.given", appreciation, recipient, unit=unit)
        name = str(actor.employee) if actor.employee_id else actor.get_username()
        notify_on_commit(
            recipient,
            "monitoring.appreciation.given",
            lambda: _("%(name)s appreciated your work") % {"name": name},
            url=page_url("monitoring:today"),
            body=text[:300],
        )
    return appreciation
