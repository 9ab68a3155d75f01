"""Evidence files: content sniffing against an allow list, and private storage through Django's storage API.

Files are stored with the default storage (FileSystemStorage under MEDIA_ROOT/private/… which the web server
never serves, or S3-compatible object storage when STORAGES["default"] says so) and read back only through the
authorized download view. The name a browser sends and its Content-Type are never trusted: the first bytes are.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from kinerja.monitoring.exceptions import EvidenceRejected

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# MIME type (as detected from content by `filetype`) → what we tell people is accepted.
ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "application/msword": "DOC",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.ms-powerpoint": "PPT",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
}
_SNIFF_BYTES = 8192

# Names written inside a `cleanup_on_error` block, deleted again if the block fails.
_written: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("evidence_written", default=None)


def max_bytes() -> int:
    return int(getattr(settings, "KINERJA_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def allowed_labels() -> str:
    return ", ".join(dict.fromkeys(ALLOWED_TYPES.values()))


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    content_type: str
    sha256: str
    size: int
    original_name: str


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Read and check an upload: size first (without reading a huge file), then the content's real type."""
    limit = max_bytes()
    size = upload.size or 0
    if size > limit:
        raise EvidenceRejected(
            {"file": [_("The file is too large: at most %(max)s is allowed.") % {"max": filesizeformat(limit)}]}
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise EvidenceRejected(
            {"file": [_("The file is too large: at most %(max)s is allowed.") % {"max": filesizeformat(limit)}]}
        )
    if not content:
        raise EvidenceRejected({"file": [_("The file is empty.")]})
    kind = filetype.guess(content[:_SNIFF_BYTES])
    if kind is None or kind.mime not in ALLOWED_TYPES:
        message = _("This kind of file is not accepted as evidence. Allowed: %(types)s.") % {"types": allowed_labels()}
        raise EvidenceRejected({"file": [message]})
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    return CheckedFile(
        content=content,
        content_type=kind.mime,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        original_name=name or f"evidence.{kind.extension}",
    )


def store(name: str, content: bytes) -> str:
    """Save under the given name (the storage may alter it to keep it unique); remembered for cleanup."""
    stored = default_storage.save(name, ContentFile(content))
    written = _written.get()
    if written is not None:
        written.append(stored)
    return stored


def delete(name: str) -> None:
    if name:
        default_storage.delete(name)


@contextlib.contextmanager
def cleanup_on_error() -> Iterator[None]:
    """Delete every file stored inside the block if the block raises: a failed request leaves nothing behind."""
    outer = _written.get()
    names: list[str] = []
    token = _written.set(names)
    try:
        yield
    except BaseException:
        for name in names:
            with contextlib.suppress(Exception):
                delete(name)
        raise
    finally:
        _written.reset(token)
        if outer is not None:
            outer.extend(names)
