"""Writes of notifications. Other apps call ``notify`` from ``transaction.on_commit`` of their services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.notifications.models import Notification
from kinerja.organization.models import Employee


def _user_of(recipient: Employee | User) -> User | None:
    if isinstance(recipient, User):
        return recipient
    return User.objects.filter(employee=recipient).first()


def notify(*, recipient: Employee | User, verb: str, title: str, body: str = "", url: str = "") -> Notification | None:
    """Leave a message for a user; an employee without an (active) account gets nothing."""
    user = _user_of(recipient)
    if user is None or not user.is_active:
        return None
    return Notification.objects.create(
        recipient=user, verb=verb[:80], title=str(title)[:255], body=str(body), url=url[:500]
    )


@transaction.atomic
def notification_mark_read(*, actor: Any, notification: Notification) -> Notification:
    """Only the recipient reads their notifications; reading twice keeps the first time."""
    if not getattr(actor, "is_authenticated", False) or notification.recipient_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor read; returns how many changed."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
