"""Test helpers for monitoring: uploads and a look into the evidence storage."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.monitoring.tests.factories import PDF_BYTES, PNG_BYTES


def upload(name: str = "bukti.pdf", content: bytes = PDF_BYTES, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png(name: str = "foto.png") -> SimpleUploadedFile:
    return upload(name, PNG_BYTES, "image/png")


def stored_files(root: str = "private") -> list[str]:
    """Every file under ``root`` in the default storage (InMemoryStorage in tests)."""
    if not default_storage.exists(root):
        return []
    dirs, files = default_storage.listdir(root)
    found = [f"{root}/{name}" for name in files]
    for directory in dirs:
        found.extend(stored_files(f"{root}/{directory}"))
    return found
