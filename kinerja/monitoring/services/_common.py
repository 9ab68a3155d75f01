"""Helpers shared by the monitoring services: permission re-checks, audit, notifications, parsing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.monitoring import permissions
from kinerja.monitoring.exceptions import PeriodLocked
from kinerja.notifications import services as notifications
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, OrgUnit

# Realization.value is DecimalField(max_digits=14, decimal_places=2).
_MAX_VALUE = Decimal("999999999999.99")
TEXT_MAX = 4000


def require(allowed: bool) -> None:
    """Services re-check the rule of permissions.py, so the UI and the API cannot differ."""
    if not allowed:
        raise PermissionDenied


def unit_of(employee: Employee) -> OrgUnit | None:
    held = org_selectors.positions_held(employee)
    return held[0].unit if held else None


def record(
    actor: Any, verb: str, target: models.Model, employee: Employee, *, unit: OrgUnit | None = None, **kwargs: Any
) -> None:
    """An audit event filed under the employee's unit, about the employee (they may read their own trail)."""
    audit.record(
        actor=actor,
        verb=verb,
        target=target,
        org_unit=unit if unit is not None else unit_of(employee),
        subject=employee,
        **kwargs,
    )


def page_url(name: str, **kwargs: Any) -> str:
    """The link of a notification; falls back to the daily progress page, then to none (the text still reads fine)."""
    for candidate, args in ((name, kwargs), ("monitoring:today", {})):
        try:
            return reverse(candidate, kwargs=args or None)
        except NoReverseMatch:
            continue
    return ""


def notify_on_commit(recipient: Any, verb: str, title: Callable[[], str], url: str = "", body: str = "") -> None:
    """Notify after the transaction commits: nothing is announced that was rolled back.

    Titles are rendered in the site's default language (the recipient's choice is not known here).
    """
    if recipient is None:
        return

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            notifications.notify(recipient=recipient, verb=verb, title=title(), body=body, url=url)

    transaction.on_commit(send)


def clean_text(value: Any, field: str, *, required: bool = True, max_length: int = TEXT_MAX) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError({field: [_("This field is required.")]})
    if len(text) > max_length:
        raise ValidationError(
            {field: [_("Use at most %(max)d characters (now %(count)d).") % {"max": max_length, "count": len(text)}]}
        )
    return text


def clean_link(value: Any, field: str = "link") -> str:
    link = str(value or "").strip()
    if not link:
        return ""
    if len(link) > 200:
        raise ValidationError({field: [_("The link is too long (at most 200 characters).")]})
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError as exc:
        raise ValidationError({field: [_("Enter a full web address starting with http:// or https://.")]}) from exc
    return link


def parse_day(value: Any, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        day = parse_date(str(value or "").strip())
    except ValueError:
        day = None
    if day is None:
        raise ValidationError({field: [_("Enter a valid date (YYYY-MM-DD).")]})
    return day


def parse_value(value: Any, field: str = "value") -> Decimal | None:
    """A realisasi number from a form, the API or a spreadsheet ("12,5" is the Indonesian 12.5)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError({field: [_("Enter the realisasi as a number (for example 12 or 12.5).")]})
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError({field: [_("Enter the realisasi as a number (for example 12 or 12.5).")]}) from exc
    if not number.is_finite():
        raise ValidationError({field: [_("Enter the realisasi as a number (for example 12 or 12.5).")]})
    if number < 0:
        raise ValidationError({field: [_("The realisasi cannot be negative.")]})
    if number > _MAX_VALUE:
        raise ValidationError({field: [_("The realisasi is too large.")]})
    return number.quantize(Decimal("0.01"))


def check_fields(fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})


def check_day_open(day: dt.date, field: str = "day") -> None:
    """Progress and realisasi of a period whose evaluation is published are read-only."""
    if permissions.is_day_locked(day):
        raise PeriodLocked({field: [_("This period has been evaluated and is locked: entries can no longer change.")]})
