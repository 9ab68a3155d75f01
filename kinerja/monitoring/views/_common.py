"""Helpers shared by the monitoring views: service errors onto forms, htmx replies, the actor's employee, and
serving an uploaded file (evidence here, keberatan attachments in evaluation)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.files import uploaded_file_response
from kinerja.planning.views._common import error_text, htmx_replace, is_partial

__all__ = ["error_text", "errors_onto", "htmx_replace", "is_partial", "uploaded_file_response"]

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
