"""Serving an uploaded file (evidence, keberatan attachments) to someone the caller already authorised."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.http import FileResponse

# Images are shown in the browser (a photo of the activity); everything else is downloaded, never rendered.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
# API clients (the mobile app) also open PDFs themselves.
API_INLINE_TYPES = INLINE_TYPES | {"application/pdf"}


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
