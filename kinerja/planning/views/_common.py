"""Helpers shared by the planning views: service errors onto forms, htmx replies, status tones."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django_htmx.http import reswap, retarget

from kinerja.planning.templatetags.planning_tags import STATUS_TONES

PAGE_SIZE = 25
__all__ = ["PAGE_SIZE", "STATUS_TONES", "error_text", "errors_onto", "htmx_replace", "is_partial"]


def errors_onto(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names; unknown fields go to the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def error_text(error: ValidationError) -> str:
    """All messages of a ValidationError as one sentence list, for a flash message."""
    return " ".join(error.messages)


def is_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted


def htmx_replace(response: HttpResponse, target: str) -> HttpResponse:
    """Tell htmx to put this reply in place of ``target`` (used after a successful inline edit)."""
    return reswap(retarget(response, target), "outerHTML")
