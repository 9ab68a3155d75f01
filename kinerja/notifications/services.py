"""Writes of notifications. Other apps call ``notify`` from ``transaction.on_commit`` of their services."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.core.permissions import is_authenticated
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
    notification = _build(Message(recipient=user, verb=verb, title=title, body=body, url=url))
    notification.save()
    return notification


@dataclass(frozen=True)
class Message:
    """One notification to leave, for notify_many."""

    recipient: User
    verb: str
    title: str
    body: str = ""
    url: str = ""


def _build(message: Message) -> Notification:
    return Notification(
        recipient=message.recipient,
        verb=message.verb[:80],
        title=str(message.title)[:255],
        body=str(message.body),
        url=message.url[:500],
    )


def notify_many(messages: Iterable[Message]) -> int:
    """Many notifications in one insert (city-wide reminders); inactive accounts get nothing, as with notify."""
    rows = [_build(message) for message in messages if message.recipient.is_active]
    Notification.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@transaction.atomic
def notification_mark_read(*, actor: Any, notification: Notification) -> Notification:
    """Only the recipient reads their notifications; reading twice keeps the first time."""
    if not is_authenticated(actor) or notification.recipient_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor read; returns how many changed."""
    if not is_authenticated(actor):
        raise PermissionDenied
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
