"""Helpers shared by the evaluation views: service errors onto forms, htmx replies, optional URLs, dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kinerja.evaluation.models import Evaluation
from kinerja.planning.views._common import error_text, htmx_replace, is_partial

__all__ = ["appeal_deadline", "error_text", "errors_onto", "htmx_replace", "is_partial", "optional_url"]

# Names the services use for things a form calls differently.
_FIELD_ALIASES = {
    "file": "files",
    "attachments": "files",
    "text": "self_assessment",
    "predikat": "results_rating",
}


def errors_onto(form: forms.Form, error: Exception) -> None:
    """Put a service's error next to the field it names; unknown fields (and plain exceptions such as a stale
    edit or a wrong state) go to the top of the form."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            name = field if field in form.fields else _FIELD_ALIASES.get(field, field)
            target = name if name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    elif isinstance(error, ValidationError):
        for message in error.messages:
            form.add_error(None, message)
    else:
        form.add_error(None, str(error))


def optional_url(name: str, *args: Any) -> str:
    """The URL of a page another part of the system provides (the PDF documents), or "" while it is absent."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def appeal_deadline(evaluation: Evaluation) -> dt.date | None:
    """The last day a keberatan may be filed: published day + the year's window, calendar days (PP 30/2019
    Ps 59: "paling lambat 14 hari"; regulation.md §8). The service enforces it; pages only announce it."""
    if evaluation.published_at is None:
        return None
    published = evaluation.published_at
    day = timezone.localdate(published) if timezone.is_aware(published) else published.date()
    return day + dt.timedelta(days=evaluation.period.year.appeal_window_days)
