"""Helpers shared by the evaluation services: permission re-checks, locking, audit, notifications, wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.evaluation.choices import EvaluationStatus
from kinerja.evaluation.exceptions import StaleObject
from kinerja.evaluation.models import CalibrationForum, Evaluation, Objection
from kinerja.notifications import services as notifications
from kinerja.organization.models import Employee, OrgUnit
from kinerja.planning import selectors as planning_selectors

M = TypeVar("M", bound=models.Model)

TEXT_MAX = 4000
# Minutes of a forum and a keberatan's reasons may be long documents in their own right.
LONG_TEXT_MAX = 20000


def require(allowed: bool) -> None:
    """Services re-check the rule of permissions.py, so the UI and the API cannot differ."""
    if not allowed:
        raise PermissionDenied


def lock_row(instance: M) -> M:
    """Re-read the row under a lock so two people acting at once cannot both move it."""
    type(instance)._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk", flat=True).first()
    instance.refresh_from_db()
    return instance


def check_version(instance: models.Model, lock_version: int | None) -> None:
    """Optimistic locking: the write names the lock_version it read; a stale one is refused."""
    if lock_version is not None and int(lock_version) != instance.lock_version:  # type: ignore[attr-defined]
        raise StaleObject(
            _("Someone else changed this after you opened it. Reload the page and make your change again.")
        )


def bump_lock(instance: models.Model) -> None:
    """Move the row's lock_version on, so forms opened before this write are refused as stale."""
    model = type(instance)
    model._default_manager.filter(pk=instance.pk).update(lock_version=F("lock_version") + 1)
    instance.lock_version = model._default_manager.values_list("lock_version", flat=True).get(pk=instance.pk)  # type: ignore[attr-defined]


def record(
    actor: Any,
    verb: str,
    target: models.Model,
    *,
    unit: OrgUnit | None,
    subject: Employee | None = None,
    **kwargs: Any,
) -> None:
    """One audit event; an evaluation's events are filed under its unit, about its employee (their own trail)."""
    audit.record(actor=actor, verb=verb, target=target, org_unit=unit, subject=subject, **kwargs)


def record_evaluation(
    actor: Any, verb: str, evaluation: Evaluation, *, target: Any = None, carries_result: bool = True, **kwargs: Any
) -> None:
    """An evaluation's event, filed under its unit (seen by HR and auditors in scope).

    The employee reads events about themselves in their own audit trail, so an event that carries the ratings
    or predikat of a result not yet published is filed about nobody: the owner sees the result only once it is
    published (product.md §3.5). Events without a result (the self-assessment, the keberatan steps after
    publication) stay in the owner's trail.
    """
    private = carries_result and evaluation.status != EvaluationStatus.PUBLISHED
    record(
        actor,
        verb,
        target if target is not None else evaluation,
        unit=evaluation.unit,
        subject=None if private else evaluation.employee,
        **kwargs,
    )


def page_url(name: str, **kwargs: Any) -> str:
    """The link of a notification; empty if the page is not mounted (the notification still reads fine)."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def evaluation_url(evaluation: Evaluation) -> str:
    return page_url("evaluation:detail", pk=evaluation.pk)


def objection_url(objection: Objection) -> str:
    return page_url("evaluation:objection", pk=objection.pk)


def forum_url(forum: CalibrationForum) -> str:
    return page_url("evaluation:forum", agency_pk=forum.agency_id, period_pk=forum.period_id)


def notify_on_commit(recipient: Any, verb: str, title: Callable[[], str], body: Callable[[], str] | None = None,
                     url: str = "") -> None:  # fmt: skip
    """Notify after the transaction commits: nothing is announced that was rolled back.

    Titles are rendered in the site's default language (the recipient's choice is not known here).
    """
    if recipient is None:
        return

    def send() -> None:
        with translation.override(settings.LANGUAGE_CODE):
            notifications.notify(recipient=recipient, verb=verb, title=title(), body=body() if body else "", url=url)

    transaction.on_commit(send)


def clean_text(value: Any, field: str, *, required: bool = True, max_length: int = TEXT_MAX,
               message: str | None = None) -> str:  # fmt: skip
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError({field: [message or _("This field is required.")]})
    if len(text) > max_length:
        raise ValidationError(
            {field: [_("Use at most %(max)d characters (now %(count)d).") % {"max": max_length, "count": len(text)}]}
        )
    return text


def date_text(day: dt.date) -> str:
    """A date as people read it in messages: "15 April 2026" (localised month name)."""
    return formats.date_format(day, "j F Y")


def actor_name(actor: Any) -> str:
    employee = getattr(actor, "employee", None) if getattr(actor, "employee_id", None) else None
    return str(employee) if employee is not None else actor.get_username()


def penilai_now(evaluation: Evaluation) -> Employee | None:
    """Whoever rates the evaluated SKP today (planning's rule: a Plt/Plh once the snapshot penilai left the post)."""
    return planning_selectors.penilai_now(evaluation.work_plan)
