from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.planning.choices import Approach, Aspect, FormVariant, ItemKind, Perspective, WorkPlanStatus


class WorkPlan(models.Model):
    """An SKP: one per employee per period of service within a year (PP 30/2019 Ps 1; PermenPANRB 6/2022).

    A transfer mid-year closes one SKP and opens another, each with its own snapshot of the
    position, unit, pejabat penilai and atasan pejabat penilai at the time it was opened.
    """

    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="work_plans"
    )
    year = models.ForeignKey(
        "planning.PerformanceYear", verbose_name=_("year"), on_delete=models.PROTECT, related_name="work_plans"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    approach = models.CharField(_("approach"), max_length=12, choices=Approach.choices, default=Approach.QUANTITATIVE)
    form_variant = models.CharField(_("form"), max_length=24, choices=FormVariant.choices)
    status = models.CharField(_("status"), max_length=10, choices=WorkPlanStatus.choices, default=WorkPlanStatus.DRAFT)
    version = models.PositiveSmallIntegerField(_("version"), default=1)

    position = models.ForeignKey(
        "organization.Position", verbose_name=_("position"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    penilai = models.ForeignKey(
        "organization.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_plans_to_assess",
    )
    penilai_position = models.ForeignKey(
        "organization.Position", verbose_name=_("position of the pejabat penilai"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    atasan_penilai = models.ForeignKey(
        "organization.Employee",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Identity blocks as they must print (name with titles, NIP, pangkat/gol., jabatan, unit) for
    # pegawai, penilai and atasan, frozen when the SKP is opened (regulation.md §10).
    snapshot = models.JSONField(_("identity snapshot"), default=dict)

    # Lampiran SKP (regulation.md §4.6): one entry per line.
    resource_support = models.TextField(_("resource support"), blank=True)
    accountability_scheme = models.TextField(_("accountability scheme"), blank=True)
    consequences = models.TextField(_("consequences"), blank=True)

    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    return_note = models.TextField(_("return note"), blank=True)
    revision_reason = models.TextField(_("revision reason"), blank=True)
    # Optimistic locking: a write names the lock_version it read; a stale one is refused.
    lock_version = models.PositiveIntegerField(_("lock version"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-year__year", "employee__name", "start_date"]
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        constraints = [
            models.UniqueConstraint(fields=["employee", "year", "start_date"], name="one_skp_per_start"),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="skp_end_after_start"),
        ]
        indexes = [
            models.Index(fields=["year", "status"], name="skp_year_status_idx"),
            models.Index(fields=["penilai", "status"], name="skp_penilai_status_idx"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.year.year} — {self.employee}"

    @property
    def is_editable_by_owner(self) -> bool:
        return self.status in (WorkPlanStatus.DRAFT, WorkPlanStatus.RETURNED)


class WorkPlanEvent(models.Model):
    """One step of an SKP's workflow (submitted, returned, approved, revised): dated and attributed."""

    work_plan = models.ForeignKey(WorkPlan, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="events")
    version = models.PositiveSmallIntegerField(_("version"))
    from_status = models.CharField(_("from"), max_length=10, choices=WorkPlanStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=WorkPlanStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["work_plan", "created_at", "pk"]
        verbose_name = _("SKP workflow step")
        verbose_name_plural = _("SKP workflow steps")

    def __str__(self) -> str:
        return f"{self.work_plan_id} v{self.version}: {self.from_status} → {self.to_status}"


class WorkPlanVersion(models.Model):
    """The frozen content of an approved SKP version, readable after later revisions."""

    work_plan = models.ForeignKey(WorkPlan, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"))
    approved_at = models.DateTimeField(_("approved at"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["work_plan", "version"]
        verbose_name = _("approved SKP version")
        verbose_name_plural = _("approved SKP versions")
        constraints = [models.UniqueConstraint(fields=["work_plan", "version"], name="unique_skp_version")]

    def __str__(self) -> str:
        return f"{self.work_plan} v{self.version}"


class PlanItem(models.Model):
    """A Rencana Hasil Kerja (RHK), linked to the penilai's RHK it supports or, for an OPD head, to a goal."""

    work_plan = models.ForeignKey(WorkPlan, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices, default=ItemKind.MAIN)
    text = models.TextField(_("RHK (result statement)"))
    supported_item = models.ForeignKey(
        "self",
        verbose_name=_("supervisor's RHK it supports"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supporting_items",
    )
    supported_goal = models.ForeignKey(
        "planning.OrganizationGoal",
        verbose_name=_("organisation goal it supports"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supporting_items",
    )
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["work_plan", "kind", "order", "pk"]
        verbose_name = _("RHK")
        verbose_name_plural = _("RHK")

    def __str__(self) -> str:
        return self.text[:80]


class Indicator(models.Model):
    """An Indikator Kinerja Individu (IKI) of an RHK with its aspect and target."""

    item = models.ForeignKey(PlanItem, verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="indicators")
    aspect = models.CharField(_("aspect"), max_length=10, choices=Aspect.choices, default=Aspect.QUANTITY)
    text = models.TextField(_("indicator (IKI)"))
    # Quantitative: a number, or a range (min–max); qualitative: a narrative in target_text.
    target_min = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_max = models.DecimalField(_("target (upper bound)"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    target_text = models.CharField(_("target (narrative)"), max_length=255, blank=True)
    # PermenPANRB 8/2021: for "lower is better" indicators capaian = (1 + (1 − R/T)) × 100%.
    lower_is_better = models.BooleanField(_("lower is better"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["item", "order", "pk"]
        verbose_name = _("indicator (IKI)")
        verbose_name_plural = _("indicators (IKI)")

    def __str__(self) -> str:
        return self.text[:80]


class BehaviourExpectation(models.Model):
    """The penilai's ekspektasi khusus pimpinan for one BerAKHLAK value of an SKP (may be blank)."""

    work_plan = models.ForeignKey(
        WorkPlan, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="behaviour_expectations"
    )
    value = models.ForeignKey("planning.BehaviourValue", verbose_name=_("core value"), on_delete=models.PROTECT)
    special_expectation = models.TextField(_("special expectation of the leader"), blank=True)

    class Meta:
        ordering = ["work_plan", "value__order"]
        verbose_name = _("behaviour expectation")
        verbose_name_plural = _("behaviour expectations")
        constraints = [models.UniqueConstraint(fields=["work_plan", "value"], name="one_expectation_per_value")]

    def __str__(self) -> str:
        return f"{self.work_plan_id}: {self.value}"


class ResultDistribution(models.Model):
    """Matriks peran hasil: a supervisor hands one of their RHK to a subordinate who will carry it."""

    item = models.ForeignKey(
        PlanItem, verbose_name=_("supervisor's RHK"), on_delete=models.CASCADE, related_name="distributions"
    )
    employee = models.ForeignKey(
        "organization.Employee", verbose_name=_("subordinate"), on_delete=models.PROTECT, related_name="distributions"
    )
    suggested_text = models.TextField(_("suggested RHK for the subordinate"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["item", "employee__name"]
        verbose_name = _("result distribution")
        verbose_name_plural = _("result distributions")
        constraints = [models.UniqueConstraint(fields=["item", "employee"], name="one_distribution_per_person")]

    def __str__(self) -> str:
        return f"{self.item} → {self.employee}"


class WorkPlanTemplate(models.Model):
    """RHK and IKI shared by many holders of one position (e.g. pelaksana), to start an SKP from."""

    name = models.CharField(_("name"), max_length=200)
    position = models.ForeignKey(
        "organization.Position", verbose_name=_("position"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="work_plan_templates",
    )  # fmt: skip
    # [{"kind": "utama", "text": "...", "indicators": [{"aspect", "text", "target_min", "target_max",
    #   "target_unit", "target_text", "lower_is_better"}]}]
    items = models.JSONField(_("RHK and indicators"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("SKP template")
        verbose_name_plural = _("SKP templates")

    def __str__(self) -> str:
        return self.name
