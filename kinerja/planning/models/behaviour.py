from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BehaviourValue(models.Model):
    """One of the 7 BerAKHLAK core values (reference data; regulation.md §4.5)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("core value"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("behaviour value")
        verbose_name_plural = _("behaviour values")

    def __str__(self) -> str:
        return self.name


class BehaviourIndicator(models.Model):
    """One of the three panduan perilaku of a core value."""

    value = models.ForeignKey(
        BehaviourValue, verbose_name=_("core value"), on_delete=models.CASCADE, related_name="indicators"
    )
    text = models.CharField(_("behaviour"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["value", "order"]
        verbose_name = _("behaviour indicator")
        verbose_name_plural = _("behaviour indicators")

    def __str__(self) -> str:
        return self.text
