"""Who may see a notification: its recipient only (others get 404, not revealing it exists)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kinerja.core.permissions import get_visible_or_404, is_authenticated
from kinerja.notifications.models import Notification


def notifications_visible_to(user: Any) -> QuerySet[Notification]:
    if not is_authenticated(user):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def get_notification_for_user_or_404(user: Any, pk: int) -> Notification:
    return get_visible_or_404(notifications_visible_to(user), pk=pk)
