"""Import jobs: one uploaded SIASN-style export, its preview and, once applied, what it changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    """uploaded → validated | invalid; validated → running → done | invalid | failed (ADR 0002)."""

    UPLOADED = "uploaded", _("Uploaded, being checked")
    VALIDATED = "validated", _("Checked, ready to apply")
    INVALID = "invalid", _("Has errors")
    RUNNING = "running", _("Being applied")
    DONE = "done", _("Applied")
    FAILED = "failed", _("Failed")


# States in which a background task is working on the job (the page polls its progress).
WORKING_STATUSES = (ImportStatus.UPLOADED, ImportStatus.RUNNING)


class ImportJob(models.Model):
    """An upload of people, units and positions; applied all-or-nothing (product.md §3.1).

    The file is kept under MEDIA_ROOT/private/, which is never web-served: it holds personal data.
    """

    file = models.FileField(_("file"), upload_to="private/imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=8)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.UPLOADED)
    # {"units": {"create": n, "update": n, "unchanged": n}, "positions": {...}, "employees": {...},
    #  "assignments": {"create": n, "unchanged": n, "end": n}}
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    # [{"row": 7 | null, "column": "NIP_BARU", "message": "..."}], every error of the file
    errors = models.JSONField(_("errors"), default=list, blank=True)
    failure = models.TextField(_("failure"), blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    validated_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    started_at = models.DateTimeField(_("apply started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"#{self.pk} {self.original_name}"

    @property
    def is_working(self) -> bool:
        return self.status in WORKING_STATUSES

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))
