"""Access helpers shared by every app's permissions.py."""

from __future__ import annotations

from collections.abc import Iterable
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


def is_authenticated(user: Any) -> bool:
    """True for a logged-in user; False for the anonymous visitor or no user at all."""
    return bool(getattr(user, "is_authenticated", False))


def is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False))


def covers(scopes: Iterable[Any], path: str) -> bool:
    """Whether a unit path lies in one of the scopes' subtrees (materialised paths: a prefix test)."""
    return any(path.startswith(scope.path) for scope in scopes)
