"""Who may use imports: Admin BKPSDM only (organization.permissions.can_import_people). The whole surface."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from kinerja.core.permissions import get_visible_or_404
from kinerja.imports.models import ImportJob, ImportStatus
from kinerja.organization.permissions import can_import_people


def import_jobs_visible_to(user: Any) -> QuerySet[ImportJob]:
    """Imports reshape the whole city, so every Admin BKPSDM sees every job; nobody else sees any."""
    if not can_import_people(user):
        return ImportJob.objects.none()
    return ImportJob.objects.all()


def get_import_job_for_user_or_404(user: Any, pk: int) -> ImportJob:
    """403 for anyone who may not import at all, 404 for a job that does not exist."""
    if not can_import_people(user):
        raise PermissionDenied
    return get_visible_or_404(import_jobs_visible_to(user).select_related("requested_by", "applied_by"), pk=pk)


def can_apply_import_job(user: Any, job: ImportJob) -> bool:
    """Only a job checked without errors, and only by someone who may import."""
    return can_import_people(user) and job.status == ImportStatus.VALIDATED
