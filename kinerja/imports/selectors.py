"""Reads of the import app. Visibility comes from permissions.import_jobs_visible_to."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kinerja.imports.models import ImportJob
from kinerja.imports.permissions import import_jobs_visible_to


def import_jobs_recent(user: Any, limit: int = 20) -> QuerySet[ImportJob]:
    """The latest jobs the user may see, newest first, for the upload page."""
    return (
        import_jobs_visible_to(user).select_related("requested_by", "applied_by").order_by("-created_at", "-id")[:limit]
    )
