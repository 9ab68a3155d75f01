"""Helpers shared by the planning services: permission re-checks, audit, notifications, locking, parsing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.notifications import services as notifications
from kinerja.organization.models import Employee
from kinerja.planning.models import WorkPlan

# Indicator and goal targets are DecimalField(max_digits=14, decimal_places=2).
_MAX_TARGET = Decimal("999999999999.99")


def require(allowed: bool) -> None:
    """Services re-check the rule of permissions.py, so the UI and the API cannot differ."""
    if not allowed:
        raise PermissionDenied


def record(actor: Any, verb: str, plan: WorkPlan, *, target: Any = None, **kwargs: Any) -> None:
    """An audit event filed under the SKP's unit, about the SKP's employee (they may read their own trail)."""
    audit.record(
        actor=actor,
        verb=verb,
        target=target if target is not None else plan,
        org_unit=plan.unit,
        subject=plan.employee,
        **kwargs,
    )


def page_url(name: str, **kwargs: Any) -> str:
    """The link of a notification; empty if the page is not mounted (the notification still reads fine)."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def work_plan_url(plan_pk: int) -> str:
    return page_url("planning:plan-detail", pk=plan_pk)


def notify_on_commit(
    recipient: Employee | None,
    verb: str,
    title: Callable[[], str],
    body: Callable[[], str] | None = None,
    url: str = "",
) -> None:
    """Notify after the transaction commits: nothing is announced that was rolled back.

    Titles are rendered in the site's default language (the recipient's choice is not known here).
    """
    if recipient is None:
        return

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            notifications.notify(recipient=recipient, verb=verb, title=title(), body=body() if body else "", url=url)

    transaction.on_commit(send)


def bump_lock(plan: WorkPlan, lock_version: int | None = None) -> None:
    """Optimistic locking: one conditional UPDATE, so two concurrent editors cannot both win."""
    rows = WorkPlan.objects.filter(pk=plan.pk)
    if lock_version is not None:
        rows = rows.filter(lock_version=lock_version)
    if rows.update(lock_version=F("lock_version") + 1) == 0:
        raise ValidationError(
            {
                "lock_version": [
                    _("Someone else changed this SKP after you opened it. Reload the page and make your change again.")
                ]
            }
        )
    plan.lock_version = WorkPlan.objects.values_list("lock_version", flat=True).get(pk=plan.pk)


def parse_number(value: Any, field: str, *, required: bool = False) -> Decimal | None:
    """A target number from a form, the API or a spreadsheet ("12,5" is accepted as the Indonesian 12.5)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field: [_("Enter the target as a number.")]})
        return None
    if isinstance(value, bool):
        raise ValidationError({field: [_("Enter a number.")]})
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError({field: [_("Enter a number (for example 12 or 12.5).")]}) from exc
    if not number.is_finite():
        raise ValidationError({field: [_("Enter a number (for example 12 or 12.5).")]})
    if number < 0:
        raise ValidationError({field: [_("The target cannot be negative.")]})
    if number > _MAX_TARGET:
        raise ValidationError({field: [_("The target is too large.")]})
    return number.quantize(Decimal("0.01"))


def clean_text(value: Any, field: str, *, required: bool = True, max_length: int | None = None) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError({field: [_("This field is required.")]})
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            {field: [_("Use at most %(max)d characters (now %(count)d).") % {"max": max_length, "count": len(text)}]}
        )
    return text


def check_fields(fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})


def decimal_text(value: Decimal | None) -> str | None:
    """A JSON-safe, print-ready number: 120.00 → "120", 12.50 → "12.5"."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
