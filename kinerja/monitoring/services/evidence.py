"""Bukti dukung: files checked by content and stored privately, or links; attached to progress or realisasi."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.permissions import is_authenticated
from kinerja.monitoring import permissions, storage
from kinerja.monitoring.models import Evidence, ProgressEntry, Realization, evidence_upload_to
from kinerja.monitoring.services._common import clean_link, record, require
from kinerja.organization.models import Employee


def _can_attach(actor: Any, progress_entry: ProgressEntry | None, realization: Realization | None) -> bool:
    if progress_entry is not None:
        return permissions.can_edit_progress(actor, progress_entry)
    if realization is None:
        return False
    return permissions.can_set_realization(actor, realization.indicator, realization.period)


def attach_checked(
    *,
    actor: Any,
    owner: Employee,
    checked: storage.CheckedFile | None = None,
    link: str = "",
    progress_entry: ProgressEntry | None = None,
    realization: Realization | None = None,
) -> Evidence:
    """Store an already checked file (or a link) as evidence. Callers check permissions and run in a transaction."""
    evidence = Evidence(
        owner=owner,
        progress_entry=progress_entry,
        realization=realization,
        link=link,
        uploaded_by=actor if is_authenticated(actor) else None,
    )
    if checked is not None:
        evidence.original_name = checked.original_name
        evidence.content_type = checked.content_type
        evidence.size = checked.size
        evidence.sha256 = checked.sha256
        # The storage may add a suffix to keep names unique; the name itself is derived, never the uploader's.
        evidence.file.name = storage.store(evidence_upload_to(evidence, checked.original_name), checked.content)
    evidence.save()
    return evidence


def evidence_attach(
    *,
    actor: Any,
    owner: Employee,
    upload: UploadedFile | None = None,
    link: str = "",
    progress_entry: ProgressEntry | None = None,
    realization: Realization | None = None,
) -> Evidence:
    """Attach one file or one link to the owner's progress entry or realisasi.

    The file's real type is read from its content (``filetype``) and must be on the allow list; the name and the
    browser's Content-Type are ignored. A rejected file raises a ValidationError on "file" and nothing is stored.
    """
    if (progress_entry is None) == (realization is None):
        raise ValidationError({"progress_entry": [_("Attach the evidence to one progress entry or one realisasi.")]})
    record_owner_id = progress_entry.employee_id if progress_entry is not None else None
    if realization is not None:
        record_owner_id = realization.indicator.item.work_plan.employee_id
    require(record_owner_id == owner.pk and _can_attach(actor, progress_entry, realization))
    link = clean_link(link)
    if upload is None and not link:
        raise ValidationError({"file": [_("Choose a file or enter a link.")]})
    if upload is not None and link:
        raise ValidationError({"link": [_("Give either a file or a link, not both.")]})
    checked = storage.check_upload(upload) if upload is not None else None
    with storage.cleanup_on_error(), transaction.atomic():
        evidence = attach_checked(
            actor=actor, owner=owner, checked=checked, link=link, progress_entry=progress_entry, realization=realization
        )
        record(actor, "monitoring.evidence.attached", evidence, owner, after={"name": str(evidence)})
    return evidence


def evidence_delete(*, actor: Any, evidence: Evidence) -> None:
    """Remove evidence while the record it supports is editable; the file goes once the deletion is committed."""
    require(permissions.can_delete_evidence(actor, evidence))
    name = evidence.file.name if evidence.file else ""
    with transaction.atomic():
        record(actor, "monitoring.evidence.deleted", evidence, evidence.owner, before={"name": str(evidence)})
        evidence.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
