"""Who may open the notification pages (see kinerja/core/tests/matrix.py): everyone their own, nobody another's."""

from __future__ import annotations

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.notifications.models import Notification


def alice_notification(c: Cast) -> int:
    return Notification.objects.create(recipient=c.user("staff"), verb="planning.work_plan.approved", title="SKP").pk


RULES = {
    "notifications:list": Rule(allowed=EVERYONE),
    # Only the recipient marks it read; for everyone else it does not exist (404).
    "notifications:mark-read": Rule(
        allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_notification(c)}, method="post", ok_status=(302,)
    ),
    "notifications:mark-all-read": Rule(allowed=EVERYONE, method="post", ok_status=(302,)),
}
