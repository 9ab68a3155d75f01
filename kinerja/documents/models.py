"""Issued official documents, verifiable by anyone through their code or QR."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.documents.choices import DocumentKind


class IssuedDocument(models.Model):
    """A document the system issued: its public code, what it is about, and the hash of its content.

    The hash covers the canonical content (the data printed, not the PDF bytes), so the
    verification page can say whether the record still says what the paper says.
    """

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    subject = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    target_type = models.CharField(_("target type"), max_length=80)
    target_id = models.CharField(_("target id"), max_length=40)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_type", "target_id", "version", "content_hash"], name="one_code_per_content"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"
