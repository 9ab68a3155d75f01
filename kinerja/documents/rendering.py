"""The PDF renderer contract of ADR 0003: a template and a context in, (filename, mimetype, bytes) out.

WeasyPrint is the engine today; callers only see ``RenderedDocument`` so it can be swapped.
Nothing is fetched from the network while rendering (government intranets are often offline, and
a document must not depend on a remote server): styles are inline in the templates, images are
data URIs, and the only other URLs served are the project's own static files.
"""

from __future__ import annotations

import functools
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

PDF_MIMETYPE = "application/pdf"
_STATIC_PREFIX = "static:"


@dataclass(frozen=True)
class RenderedDocument:
    filename: str
    mimetype: str
    content: bytes


def _static_response(url: str) -> tuple[bytes, str]:
    found = finders.find(url[len(_STATIC_PREFIX) :].lstrip("/"))
    if not found:
        raise ValueError(f"No static file {url!r}.")
    path = Path(found if isinstance(found, str) else found[0])
    mimetype, _encoding = mimetypes.guess_type(path.name)
    return path.read_bytes(), mimetype or "application/octet-stream"


@functools.cache
def _fetcher_class() -> type:
    # WeasyPrint is imported on first use: importing it costs ~0.4 s of CPU, which every process that
    # merely loads the URLconf (tests, management commands, web workers) would otherwise pay.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalUrlFetcher(URLFetcher):  # type: ignore[misc]
        """Serve ``data:`` URIs and ``static:<path>`` (the project's static files); refuse everything else."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data",), allow_redirects=False)

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if url.startswith(_STATIC_PREFIX):
                body, mimetype = _static_response(url)
                return URLFetcherResponse(url, body, {"Content-Type": mimetype})
            # Anything but data: is refused by allowed_protocols; WeasyPrint logs it and renders without it.
            return super().fetch(url, headers)

    return LocalUrlFetcher


def local_url_fetcher() -> Any:
    """A fresh fetcher per document (WeasyPrint's fetchers keep per-request state)."""
    return _fetcher_class()()


def render_pdf(template_name: str, context: dict[str, Any], filename: str) -> RenderedDocument:
    """Render a Django template to an A4 PDF (page size and margins come from the template's @page)."""
    from weasyprint import HTML

    html = render_to_string(template_name, context)
    content = HTML(string=html, url_fetcher=local_url_fetcher()).write_pdf()
    return RenderedDocument(filename=filename, mimetype=PDF_MIMETYPE, content=content)


def qr_data_uri(text: str) -> str:
    """A QR code of ``text`` as an SVG data URI (error correction M survives a fold or a stamp)."""
    return segno.make(text, error="m", micro=False).svg_data_uri(scale=4, border=0)  # type: ignore[no-any-return]
