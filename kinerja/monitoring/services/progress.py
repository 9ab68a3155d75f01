"""Progres harian / laporan kegiatan harian: log, edit, delete, acknowledge and comment (regulation.md §5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.monitoring import permissions, storage
from kinerja.monitoring.models import ProgressComment, ProgressEntry
from kinerja.monitoring.services._common import (
    check_day_open,
    check_fields,
    clean_link,
    clean_text,
    notify_on_commit,
    page_url,
    parse_day,
    record,
    require,
)
from kinerja.monitoring.services.evidence import attach_checked
from kinerja.organization import selectors as org_selectors
from kinerja.planning.models import PlanItem

_EDITABLE_FIELDS = {"item", "day", "description", "link"}


def _check_day(item: PlanItem, day: dt.date) -> None:
    """Not in the future, inside the SKP's dates (which lie in its year), not in a locked period."""
    if day > org_selectors.today():
        raise ValidationError({"day": [_("Progress cannot be logged for a day in the future.")]})
    plan = item.work_plan
    if not plan.start_date <= day <= plan.end_date:
        raise ValidationError(
            {
                "day": [
                    _("The date must fall within the SKP's period (%(start)s – %(end)s).")
                    % {"start": plan.start_date.isoformat(), "end": plan.end_date.isoformat()}
                ]
            }
        )
    check_day_open(day)


def entry_url(entry: ProgressEntry) -> str:
    return page_url("monitoring:progress-detail", pk=entry.pk)


def progress_add(
    *,
    actor: Any,
    item: PlanItem,
    day: Any,
    description: str,
    link: str = "",
    files: Sequence[UploadedFile] = (),
) -> ProgressEntry:
    """Log what the owner did on a day for one RHK of their approved SKP, with optional evidence files.

    Every file is checked before anything is written, so one bad file leaves nothing behind. No notification:
    a message per entry to the penilai would be noise (they read the team's day instead).
    """
    require(permissions.can_add_progress(actor, item))
    day = parse_day(day, "day")
    _check_day(item, day)
    description = clean_text(description, "description")
    link = clean_link(link)
    checked = [storage.check_upload(upload) for upload in files]
    owner = item.work_plan.employee
    with storage.cleanup_on_error(), transaction.atomic():
        entry = ProgressEntry.objects.create(employee=owner, item=item, day=day, description=description, link=link)
        for one in checked:
            attach_checked(actor=actor, owner=owner, checked=one, progress_entry=entry)
    return entry


def progress_update(*, actor: Any, entry: ProgressEntry, **fields: Any) -> ProgressEntry:
    """Change the RHK, date, description or link of one's own entry while its period is open."""
    check_fields(fields, _EDITABLE_FIELDS)
    check_day_open(entry.day)
    require(permissions.can_edit_progress(actor, entry))
    before = {"item": entry.item_id, "day": entry.day.isoformat(), "description": entry.description, "link": entry.link}
    item = fields.get("item", entry.item)
    # Another RHK must belong to an approved SKP of the same owner.
    if not (isinstance(item, PlanItem) and permissions.can_add_progress(actor, item)):
        raise ValidationError({"item": [_("Choose an RHK of your approved SKP.")]})
    day = parse_day(fields["day"], "day") if "day" in fields else entry.day
    _check_day(item, day)
    with transaction.atomic():
        entry.item = item
        entry.day = day
        if "description" in fields:
            entry.description = clean_text(fields["description"], "description")
        if "link" in fields:
            entry.link = clean_link(fields["link"])
        entry.save()
        after = {"item": entry.item_id, "day": day.isoformat(), "description": entry.description, "link": entry.link}
        record(actor, "monitoring.progress.updated", entry, entry.employee, before=before, after=after)
    return entry


def progress_delete(*, actor: Any, entry: ProgressEntry) -> None:
    """Delete one's own entry (and its evidence files, once committed) while its period is open."""
    check_day_open(entry.day)
    require(permissions.can_edit_progress(actor, entry))
    names = [e.file.name for e in entry.evidence.all() if e.file]
    with transaction.atomic():
        record(
            actor, "monitoring.progress.deleted", entry, entry.employee,
            before={"day": entry.day.isoformat(), "description": entry.description},
        )  # fmt: skip
        entry.delete()
        for name in names:
            transaction.on_commit(lambda name=name: storage.delete(name))


def progress_acknowledge(*, actor: Any, entry: ProgressEntry) -> ProgressEntry:
    """The penilai marks an entry as seen; the owner is told. Acknowledging twice keeps the first time."""
    require(permissions.can_acknowledge_progress(actor, entry))
    if entry.acknowledged_at is not None:
        return entry
    with transaction.atomic():
        entry.acknowledged_by = actor
        entry.acknowledged_at = timezone.now()
        entry.save(update_fields=["acknowledged_by", "acknowledged_at", "updated_at"])
        day = entry.day
        notify_on_commit(
            entry.employee,
            "monitoring.progress.acknowledged",
            lambda: _("Your progress of %(day)s was acknowledged") % {"day": day.isoformat()},
            url=entry_url(entry),
        )
    return entry


def progress_comment(*, actor: Any, entry: ProgressEntry, text: str) -> ProgressComment:
    """A comment by the penilai (or the owner's reply); the other party is told."""
    require(permissions.can_comment_progress(actor, entry))
    text = clean_text(text, "text")
    plan = entry.item.work_plan
    is_owner = actor.employee_id == entry.employee_id
    with transaction.atomic():
        comment = ProgressComment.objects.create(entry=entry, author=actor, text=text)
        recipient = plan.penilai if is_owner else entry.employee
        author_name = str(actor.employee) if actor.employee_id else actor.get_username()
        notify_on_commit(
            recipient,
            "monitoring.progress.commented",
            lambda: _("%(name)s commented on progress of %(day)s") % {"name": author_name, "day": str(entry.day)},
            url=entry_url(entry),
            body=text[:300],
        )
    return comment
