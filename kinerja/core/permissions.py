"""Access helpers shared by every app's permissions.py."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def get_visible_or_404(queryset: QuerySet[M], **lookup: Any) -> M:
    """One object from a visibility queryset, or 404 — never revealing whether it exists elsewhere.

    Malformed ids (a string or None sent in an API body) are "not found" too.
    """
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
