"""Notifications: who gets them, reading them, and that nothing is announced for a rolled-back change."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from kinerja.core.testing import Cast
from kinerja.notifications import permissions, selectors, services
from kinerja.notifications.models import Notification
from kinerja.organization.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_notifying_an_employee_reaches_their_user_account(cast: Cast) -> None:
    note = services.notify(
        recipient=cast.employee("staff"),
        verb="planning.work_plan.returned",
        title="Dikembalikan",
        body="Perbaiki target",
        url="/skp/1/",
    )
    assert note is not None
    assert (note.recipient, note.title, note.body, note.url, note.read_at) == (
        cast.user("staff"),
        "Dikembalikan",
        "Perbaiki target",
        "/skp/1/",
        None,
    )


def test_an_employee_without_an_account_is_skipped(cast: Cast) -> None:
    assert services.notify(recipient=EmployeeFactory(), verb="x.y.z", title="Halo") is None
    assert not Notification.objects.exists()


def test_an_inactive_account_gets_nothing(cast: Cast) -> None:
    user = cast.user("staff")
    user.is_active = False
    user.save()
    assert services.notify(recipient=user, verb="x.y.z", title="Halo") is None


def test_unread_count_and_list_are_the_users_own(cast: Cast) -> None:
    for title in ("Satu", "Dua"):
        services.notify(recipient=cast.user("staff"), verb="x.y.z", title=title)
    services.notify(recipient=cast.user("colleague"), verb="x.y.z", title="Lain")
    assert selectors.unread_count(cast.user("staff")) == 2
    assert [n.title for n in selectors.notifications_for(cast.user("staff"))] == ["Dua", "Satu"]


def test_the_recipient_marks_one_read_and_then_all(cast: Cast) -> None:
    first = services.notify(recipient=cast.user("staff"), verb="x.y.z", title="Satu")
    services.notify(recipient=cast.user("staff"), verb="x.y.z", title="Dua")
    services.notification_mark_read(actor=cast.user("staff"), notification=first)
    first.refresh_from_db()
    read_at = first.read_at
    assert read_at is not None
    assert selectors.unread_count(cast.user("staff")) == 1
    services.notification_mark_read(actor=cast.user("staff"), notification=first)
    first.refresh_from_db()
    assert first.read_at == read_at
    assert services.notifications_mark_all_read(actor=cast.user("staff")) == 1
    assert selectors.unread_count(cast.user("staff")) == 0


def test_nobody_else_reads_or_marks_a_notification(cast: Cast) -> None:
    note = services.notify(recipient=cast.user("staff"), verb="x.y.z", title="Rahasia")
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(actor=cast.user("supervisor"), notification=note)
    with pytest.raises(Http404):
        permissions.get_notification_for_user_or_404(cast.user("admin_bkpsdm"), note.pk)
    assert permissions.get_notification_for_user_or_404(cast.user("staff"), note.pk) == note
    assert services.notifications_mark_all_read(actor=cast.user("supervisor")) == 0
    note.refresh_from_db()
    assert note.read_at is None


def test_a_notification_sent_on_commit_of_a_rolled_back_change_is_never_sent(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        transaction.on_commit(lambda: services.notify(recipient=cast.user("staff"), verb="x.y.z", title="Tidak"))
        raise RuntimeError("rolled back")
    assert not Notification.objects.exists()
