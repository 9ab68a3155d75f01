"""Reads of notifications: always the user's own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kinerja.core.permissions import is_authenticated
from kinerja.notifications.models import Notification


def notifications_for(user: Any) -> QuerySet[Notification]:
    """The user's notifications, newest first (unread and read)."""
    if not is_authenticated(user):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user: Any) -> int:
    """Number of unread notifications: one indexed COUNT, cheap enough for the navbar badge on every page."""
    if not is_authenticated(user):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
