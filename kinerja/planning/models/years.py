from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.planning.choices import PeriodKind, PeriodType, YearStatus


class PerformanceYear(models.Model):
    """A periode penilaian (usually 1 January–31 December) with its deadlines and rule tables.

    Rules that change between years are data, copied forward when a year is opened
    (planning.rules holds the current values: PermenPANRB 6/2022, SE MenPANRB 3/2023).
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    period_type = models.CharField(_("evaluation periods"), max_length=12, choices=PeriodType.choices)
    status = models.CharField(_("status"), max_length=8, choices=YearStatus.choices, default=YearStatus.DRAFT)
    skp_draft_deadline = models.DateField(_("SKP drafting deadline"))
    skp_approval_deadline = models.DateField(_("SKP approval deadline"))
    # rating hasil kerja → rating perilaku → predikat (regulation.md §6.3)
    predikat_matrix = models.JSONField(_("predikat matrix"))
    # capaian organisasi → list of distribution rules (regulation.md §6.4)
    distribution_rules = models.JSONField(_("distribution rules"))
    appeal_window_days = models.PositiveSmallIntegerField(_("appeal window (calendar days)"), default=14)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("performance year")
        verbose_name_plural = _("performance years")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gt=models.F("start_date")), name="year_end_after_start")
        ]

    def __str__(self) -> str:
        return str(self.year)


class EvaluationPeriod(models.Model):
    """An evaluation period of a year: triwulan I–IV (or a month), or the annual evaluation."""

    year = models.ForeignKey(PerformanceYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.PERIODIC)
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=60)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    realisasi_deadline = models.DateField(_("realisasi deadline"))
    evaluation_deadline = models.DateField(_("evaluation deadline"))
    # Set when the period's evaluation is published: its progress and realisasi become read-only.
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)

    class Meta:
        ordering = ["year", "kind", "number"]
        verbose_name = _("evaluation period")
        verbose_name_plural = _("evaluation periods")
        constraints = [models.UniqueConstraint(fields=["year", "kind", "number"], name="unique_period_number")]

    def __str__(self) -> str:
        return f"{self.name} {self.year.year}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
