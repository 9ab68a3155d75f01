"""Monitoring: daily progress, realisasi with evidence, continuous feedback, dialogues and appreciation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.monitoring.choices import DialogueKind, Reaction


def evidence_upload_to(instance: Evidence, filename: str) -> str:
    # The stored name is random: the original name is kept in a column, never trusted as a path.
    return f"private/evidence/{instance.owner_id}/{instance.sha256[:2]}/{instance.sha256}"


class ProgressEntry(models.Model):
    """Progres harian / laporan kegiatan harian: what an employee did on a day, for one RHK."""

    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="progress_entries"
    )
    item = models.ForeignKey(
        "planning.PlanItem", verbose_name=_("RHK"), on_delete=models.PROTECT, related_name="progress_entries"
    )
    day = models.DateField(_("date"))
    description = models.TextField(_("what was done"))
    link = models.URLField(_("link to evidence"), blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-day", "-created_at"]
        verbose_name = _("daily progress entry")
        verbose_name_plural = _("daily progress entries")
        indexes = [models.Index(fields=["employee", "day"], name="progress_employee_day_idx")]

    def __str__(self) -> str:
        return f"{self.day} — {self.employee}"


class ProgressComment(models.Model):
    """The penilai's comment on a daily progress entry (or the employee's reply)."""

    entry = models.ForeignKey(
        ProgressEntry, verbose_name=_("progress entry"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["entry", "created_at"]
        verbose_name = _("progress comment")
        verbose_name_plural = _("progress comments")

    def __str__(self) -> str:
        return self.text[:60]


class Realization(models.Model):
    """Realisasi of one IKI in one evaluation period: a number (quantitative) or a narrative (qualitative)."""

    indicator = models.ForeignKey(
        "planning.Indicator", verbose_name=_("indicator (IKI)"), on_delete=models.CASCADE, related_name="realizations"
    )
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), on_delete=models.PROTECT, related_name="realizations"
    )
    value = models.DecimalField(_("realisasi"), max_digits=14, decimal_places=2, null=True, blank=True)
    narrative = models.TextField(_("realisasi (narrative)"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["period", "indicator"]
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="one_realization_per_period")]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.period}"


class Evidence(models.Model):
    """Bukti dukung: an uploaded file (checked by content, stored privately) or a link.

    Attached to a daily progress entry or to a realisasi. Files are served only through
    an authorized view (monitoring.views), never by the web server.
    """

    owner = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="evidence"
    )
    progress_entry = models.ForeignKey(
        ProgressEntry, verbose_name=_("progress entry"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="evidence",
    )  # fmt: skip
    realization = models.ForeignKey(
        Realization, verbose_name=_("realisasi"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="evidence",
    )  # fmt: skip
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=255, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    link = models.URLField(_("link"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_entry__isnull=False) | Q(realization__isnull=False), name="evidence_attached"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name or self.link


class Feedback(models.Model):
    """Umpan balik berkelanjutan: the penilai's comment on one RHK or one BerAKHLAK value of an SKP."""

    work_plan = models.ForeignKey(
        "planning.WorkPlan", verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="feedback"
    )
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="feedback",
    )  # fmt: skip
    item = models.ForeignKey(
        "planning.PlanItem", verbose_name=_("RHK"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="feedback",
    )  # fmt: skip
    value = models.ForeignKey(
        "planning.BehaviourValue", verbose_name=_("core value"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="feedback",
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="feedback_given"
    )
    text = models.TextField(_("feedback"))
    reaction = models.CharField(_("reaction"), max_length=12, choices=Reaction.choices, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False, value__isnull=True) | Q(item__isnull=True, value__isnull=False),
                name="feedback_on_item_or_value",
            ),
        ]
        indexes = [models.Index(fields=["author", "created_at"], name="feedback_author_idx")]

    def __str__(self) -> str:
        return self.text[:60]


class FeedbackReply(models.Model):
    """The employee's (or penilai's) reply in a feedback thread."""

    feedback = models.ForeignKey(Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT)
    text = models.TextField(_("reply"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["feedback", "created_at"]
        verbose_name = _("feedback reply")
        verbose_name_plural = _("feedback replies")

    def __str__(self) -> str:
        return self.text[:60]


class Dialogue(models.Model):
    """A dialog kinerja or a coaching / mentoring / counselling session with an employee."""

    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="dialogues"
    )
    led_by = models.ForeignKey(
        "organization.Employee", verbose_name=_("led by"), on_delete=models.PROTECT, related_name="dialogues_led"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DialogueKind.choices)
    held_on = models.DateField(_("date"))
    participants = models.ManyToManyField(
        "organization.Employee", verbose_name=_("other participants"), blank=True, related_name="+"
    )
    topics = models.TextField(_("topics"))
    summary = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on} — {self.employee}"


class DialogueAction(models.Model):
    """An action agreed in a dialogue, with its owner and due date; open until closed."""

    dialogue = models.ForeignKey(Dialogue, verbose_name=_("dialogue"), on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("agreed action"))
    owner = models.ForeignKey(
        "organization.Employee", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="dialogue_actions"
    )
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_note = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        indexes = [models.Index(fields=["owner", "done_at", "due_date"], name="dialogue_action_owner_idx")]

    def __str__(self) -> str:
        return self.description[:60]


class Appreciation(models.Model):
    """Apresiasi: a supervisor or colleague recognises a concrete achievement of someone."""

    recipient = models.ForeignKey(
        "organization.Employee", verbose_name=_("recipient"), on_delete=models.PROTECT, related_name="appreciations"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("from"), on_delete=models.PROTECT)
    text = models.TextField(_("what they achieved"))
    item = models.ForeignKey(
        "planning.PlanItem", verbose_name=_("RHK"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The recipient's unit when it was given, so the unit feed stays right after transfers.
    unit = models.ForeignKey("organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appreciation")
        verbose_name_plural = _("appreciations")

    def __str__(self) -> str:
        return f"{self.recipient}: {self.text[:40]}"


class ReminderKind(models.TextChoices):
    """What a reminder was about (management command send_deadline_reminders)."""

    REALISATION_DUE = "realisasi_due", _("Realisasi deadline approaching")
    ACTION_DUE = "action_due", _("Agreed action due")


class ReminderSent(models.Model):
    """A reminder already sent, so the hourly cron run never sends the same one twice.

    A realisasi reminder is once per (employee, period); an action reminder once per (employee, action).
    """

    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )  # fmt: skip
    action = models.ForeignKey(
        DialogueAction, verbose_name=_("agreed action"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )  # fmt: skip
    emailed = models.BooleanField(_("e-mailed"), default=False)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period", "kind"], condition=Q(period__isnull=False), name="one_period_reminder"
            ),
            models.UniqueConstraint(
                fields=["employee", "action", "kind"], condition=Q(action__isnull=False), name="one_action_reminder"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} — {self.employee_id}"
