from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationGoal(models.Model):
    """A sasaran of an OPD's Perjanjian Kinerja: a root of cascading (the OPD head's RHK intervene it)."""

    year = models.ForeignKey(
        "planning.PerformanceYear", verbose_name=_("year"), on_delete=models.PROTECT, related_name="goals"
    )
    unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="goals"
    )
    code = models.CharField(_("code"), max_length=20, blank=True)
    statement = models.TextField(_("goal (sasaran)"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["year", "unit", "order", "pk"]
        verbose_name = _("organisation goal")
        verbose_name_plural = _("organisation goals")

    def __str__(self) -> str:
        return self.statement[:80]


class GoalIndicator(models.Model):
    """An indicator of an organisation goal with its annual target."""

    goal = models.ForeignKey(
        OrganizationGoal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="indicators"
    )
    text = models.TextField(_("indicator"))
    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    target_text = models.CharField(_("target (narrative)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["goal", "order", "pk"]
        verbose_name = _("goal indicator")
        verbose_name_plural = _("goal indicators")

    def __str__(self) -> str:
        return self.text[:80]
