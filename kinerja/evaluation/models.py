"""Evaluation (PermenPANRB 6/2022 Ps 24–25, SE MenPANRB 3/2023, PP 30/2019 Ps 59; regulation.md §6–§8).

Step 1 OrganizationRating (capaian kinerja organisasi) → step 2 the allowed distribution
(evaluation.distribution, from the year's rule table) → step 3 Evaluation (ratings, predikat)
→ CalibrationForum per OPD and period (adjustments, minutes, lock = publication) → Objection.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.evaluation.choices import (
    AdjustmentSource,
    BatchStatus,
    EvaluationStatus,
    ForumStatus,
    ObjectionOutcome,
    ObjectionStatus,
    OrgPredikat,
    Predikat,
    Rating,
)

_USER = settings.AUTH_USER_MODEL


class OrganizationRating(models.Model):
    """Capaian kinerja organisasi of a unit for a period, set by the leadership above the unit (step 1)."""

    unit = models.ForeignKey("organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    predikat = models.CharField(_("capaian kinerja organisasi"), max_length=16, choices=OrgPredikat.choices)
    note = models.TextField(_("note"))
    # The signer as printed on the penetapan (name, NIP, jabatan), frozen when it was set.
    signer = models.JSONField(_("signed by"), default=dict)
    set_by = models.ForeignKey(_USER, verbose_name=_("set by"), on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("set at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    lock_version = models.PositiveIntegerField(_("lock version"), default=0)

    class Meta:
        ordering = ["period", "unit__path"]
        verbose_name = _("capaian kinerja organisasi")
        verbose_name_plural = _("capaian kinerja organisasi")
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_org_rating_per_period")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}: {self.predikat}"


class Evaluation(models.Model):
    """The evaluation of one SKP for one period (periodic or annual): ratings with reasons and the predikat."""

    work_plan = models.ForeignKey(
        "planning.WorkPlan", verbose_name=_("SKP"), on_delete=models.PROTECT, related_name="evaluations"
    )
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), on_delete=models.PROTECT, related_name="evaluations"
    )
    # Copied from the SKP so a whole OPD or city is one indexed query (forum, publication, reports).
    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="evaluations"
    )
    agency = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("agency (OPD)"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    penilai = models.ForeignKey(
        "organization.Employee", verbose_name=_("pejabat penilai"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    atasan_penilai = models.ForeignKey(
        "organization.Employee", verbose_name=_("atasan pejabat penilai"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    # The head of the SKP's unit: the unit's capaian is their rating hasil kerja (PermenPANRB 6/2022 Ps 25).
    is_unit_head = models.BooleanField(_("unit head"), default=False)
    # The OPD head is rated by the leadership above and calibrated outside their own OPD's forum.
    is_agency_head = models.BooleanField(_("agency head"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=EvaluationStatus.choices, default=EvaluationStatus.OPEN
    )

    self_assessment = models.TextField(_("self-assessment"), blank=True)
    self_assessed_at = models.DateTimeField(_("self-assessed at"), null=True, blank=True)

    results_rating = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True)
    results_reason = models.TextField(_("reason for the rating hasil kerja"), blank=True)
    behaviour_rating = models.CharField(_("rating perilaku kerja"), max_length=10, choices=Rating.choices, blank=True)
    behaviour_reason = models.TextField(_("reason for the rating perilaku kerja"), blank=True)
    note = models.TextField(_("notes/recommendations"), blank=True)
    # What the system proposed when the penilai rated, and why: {"results": .., "behaviour": .., "reasons": [..]}.
    suggestion = models.JSONField(_("suggested ratings"), default=dict, blank=True)
    # Nilai capaian SKP (PermenPANRB 8/2021) where numeric targets exist; legacy reports and TPP.
    legacy_score = models.DecimalField(_("nilai capaian SKP"), max_digits=6, decimal_places=2, null=True, blank=True)

    proposed_predikat = models.CharField(
        _("proposed predikat"), max_length=16, choices=Predikat.choices, blank=True
    )  # from the matrix
    final_predikat = models.CharField(_("final predikat"), max_length=16, choices=Predikat.choices, blank=True)
    calibration_reason = models.TextField(_("reason for the calibration change"), blank=True)

    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    rated_by = models.ForeignKey(
        _USER, verbose_name=_("rated by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("lock version"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["period", "employee__name"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [models.UniqueConstraint(fields=["work_plan", "period"], name="one_evaluation_per_period")]
        indexes = [
            models.Index(fields=["period", "agency", "status"], name="eval_period_agency_idx"),
            models.Index(fields=["penilai", "period"], name="eval_penilai_period_idx"),
            models.Index(fields=["employee", "period"], name="eval_employee_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.period}"

    @property
    def predikat(self) -> str:
        """The predikat that counts: the final one once published or calibrated, else the proposal."""
        return self.final_predikat or self.proposed_predikat

    @property
    def is_published(self) -> bool:
        return self.status == EvaluationStatus.PUBLISHED


class ItemAssessment(models.Model):
    """Self-assessment and the penilai's view of one RHK in an evaluation."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="item_assessments"
    )
    item = models.ForeignKey("planning.PlanItem", verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="+")
    self_assessment = models.TextField(_("self-assessment"), blank=True)
    penilai_rating = models.CharField(_("penilai's rating"), max_length=10, choices=Rating.choices, blank=True)
    penilai_note = models.TextField(_("penilai's note"), blank=True)

    class Meta:
        ordering = ["evaluation", "item__kind", "item__order", "item_id"]
        verbose_name = _("RHK assessment")
        verbose_name_plural = _("RHK assessments")
        constraints = [models.UniqueConstraint(fields=["evaluation", "item"], name="one_assessment_per_item")]

    def __str__(self) -> str:
        return f"{self.evaluation_id}: {self.item_id}"


class CalibrationForum(models.Model):
    """Forum evaluasi kinerja of an OPD for a period: the compiled predikat, adjustments, minutes and the lock."""

    agency = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("agency (OPD)"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=8, choices=ForumStatus.choices, default=ForumStatus.OPEN)
    participants = models.ManyToManyField(
        "organization.Employee", verbose_name=_("participants"), blank=True, related_name="+"
    )
    guests = models.TextField(_("other participants"), blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    minutes = models.TextField(_("minutes (berita acara)"), blank=True)
    # Where the unit is too small for a percentage rule the forum may proceed, saying why (SE 3/2023 §6.4 note).
    justification = models.TextField(_("justification for the remaining warnings"), blank=True)
    opened_by = models.ForeignKey(_USER, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    locked_by = models.ForeignKey(
        _USER, verbose_name=_("locked by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The distribution check as it stood at the lock, printed on the minutes.
    locked_check = models.JSONField(_("distribution at the lock"), default=dict, blank=True)
    lock_version = models.PositiveIntegerField(_("lock version"), default=0)

    class Meta:
        ordering = ["period", "agency__name"]
        verbose_name = _("evaluation forum")
        verbose_name_plural = _("evaluation forums")
        constraints = [models.UniqueConstraint(fields=["agency", "period"], name="one_forum_per_period")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.period}"

    @property
    def is_locked(self) -> bool:
        return self.status == ForumStatus.LOCKED


class CalibrationAdjustment(models.Model):
    """A change of one proposed predikat by the forum, with the reason the employee will read."""

    forum = models.ForeignKey(
        CalibrationForum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="adjustments"
    )
    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="adjustments"
    )
    from_predikat = models.CharField(_("from"), max_length=16, choices=Predikat.choices)
    to_predikat = models.CharField(_("to"), max_length=16, choices=Predikat.choices)
    reason = models.TextField(_("reason"))
    source = models.CharField(
        _("source"), max_length=12, choices=AdjustmentSource.choices, default=AdjustmentSource.MANUAL
    )
    by = models.ForeignKey(_USER, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["forum", "at", "pk"]
        verbose_name = _("calibration adjustment")
        verbose_name_plural = _("calibration adjustments")

    def __str__(self) -> str:
        return f"{self.evaluation_id}: {self.from_predikat} → {self.to_predikat}"


class Objection(models.Model):
    """Keberatan against a published evaluation (PP 30/2019 Ps 59): to the atasan pejabat penilai, final."""

    evaluation = models.OneToOneField(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.PROTECT, related_name="objection"
    )
    reasons = models.TextField(_("reasons"))
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.FILED
    )
    filed_by = models.ForeignKey(_USER, verbose_name=_("filed by"), on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    explanation_due = models.DateField(_("explanation due"))
    decision_due = models.DateField(_("decision due"))

    explanation = models.TextField(_("explanation of the pejabat penilai"), blank=True)
    explained_by = models.ForeignKey(
        _USER, verbose_name=_("explained by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    explained_at = models.DateTimeField(_("explained at"), null=True, blank=True)

    outcome = models.CharField(_("decision"), max_length=8, choices=ObjectionOutcome.choices, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    # The result before the decision: {"results_rating", "behaviour_rating", "predikat"}.
    previous = models.JSONField(_("result before the decision"), default=dict, blank=True)
    decided_by = models.ForeignKey(
        _USER, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    explanation_reminded_at = models.DateTimeField(_("explanation reminder sent"), null=True, blank=True)
    decision_reminded_at = models.DateTimeField(_("decision reminder sent"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("lock version"), default=0)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")

    def __str__(self) -> str:
        return f"{_('Keberatan')} {self.evaluation}"


def objection_upload_to(instance: ObjectionAttachment, filename: str) -> str:
    return f"private/keberatan/{instance.objection_id}/{filename}"


class ObjectionAttachment(models.Model):
    """A file attached to a keberatan; checked and stored like evidence (monitoring/storage.py)."""

    objection = models.ForeignKey(
        Objection, verbose_name=_("keberatan"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=objection_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["objection", "uploaded_at", "pk"]
        verbose_name = _("keberatan attachment")
        verbose_name_plural = _("keberatan attachments")

    def __str__(self) -> str:
        return self.original_name


def batch_upload_to(instance: DocumentBatch, filename: str) -> str:
    return f"private/dokumen/{instance.pk or 'new'}/{filename}"


class DocumentBatch(models.Model):
    """Bulk generation of an OPD's evaluation documents as one zip, run as a background task."""

    agency = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("agency (OPD)"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.ForeignKey(
        "planning.EvaluationPeriod", verbose_name=_("period"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=8, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(_("documents"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    file = models.FileField(_("zip file"), upload_to=batch_upload_to, max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(_USER, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document batch")
        verbose_name_plural = _("document batches")

    def __str__(self) -> str:
        return f"{self.agency} — {self.period} ({self.status})"

    @property
    def percent(self) -> int:
        return int(self.done * 100 / self.total) if self.total else (100 if self.status == BatchStatus.DONE else 0)
