"""Helpers shared by the monitoring views: service errors onto forms, htmx replies, the actor's employee, and
serving an uploaded file (evidence here, keberatan attachments in evaluation)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse

from kinerja.planning.views._common import error_text, htmx_replace, is_partial

__all__ = ["error_text", "errors_onto", "htmx_replace", "is_partial", "uploaded_file_response"]

# Images are shown in the browser (a photo of the activity); everything else is downloaded, never rendered.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
# The services name the upload "file" (one at a time); the forms take several under "files".
_FIELD_ALIASES = {"file": "files", "upload": "files", "links": "link", "item_id": "item", "value_id": "target"}


def errors_onto(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the field it names; unknown fields go to the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            name = _FIELD_ALIASES.get(field, field)
            target = name if name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def uploaded_file_response(
    file: Any, *, content_type: str, filename: str, inline_types: Collection[str] = INLINE_TYPES
) -> FileResponse:
    """Serve an uploaded file with the type checked at upload ('' means unknown): ``inline_types`` open in the
    browser, anything else is a download."""
    content_type = content_type or "application/octet-stream"
    response = FileResponse(
        file.open("rb"),
        as_attachment=content_type not in inline_types,
        filename=filename,
        content_type=content_type,
    )
    # The type is the one checked at upload; the browser must not guess another, nor run anything inside.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
