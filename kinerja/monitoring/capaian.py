"""Capaian IKI and its nilai, per PermenPANRB 8/2021 (regulation.md §6.6(b)).

- capaian (normal) = R / T × 100%; "lower is better" = (1 + (1 − R / T)) × 100%;
- range targets (min–max): realisasi above the upper bound is measured against the upper bound, below the lower
  bound against the lower bound, and anywhere inside the range is exactly on target (100%);
- categories: Sangat Baik > 100%, Baik = 100%, Cukup 80–99%, Kurang 60–79%, Sangat Kurang 0–59%;
- nilai: Cukup = 70 + (89 − 70) / (99% − 80%) × (C − 80%); Kurang = 50 + (69 − 50) / (79% − 60%) × (C − 60%);
  Sangat Kurang = C / 59% × 49; Baik (100%) = 109 (the regulation's worked example); Sangat Baik: > 110% → 120,
  101–110% by symmetry 110 + (120 − 110) / (110% − 101%) × (C − 101%) (marked unverified in regulation.md);
  a range target whose upper bound is reached scores 120.
Pure functions on Decimal: no database, so they are used the same way by pages, the API and reports.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

HUNDRED = Decimal("100")
_CENT = Decimal("0.01")


class CapaianCategory(models.TextChoices):
    """Kategori capaian IKI (PermenPANRB 8/2021)."""

    VERY_GOOD = "sangat_baik", _("Very good")
    GOOD = "baik", _("Good")
    FAIR = "cukup", _("Fair")
    POOR = "kurang", _("Poor")
    VERY_POOR = "sangat_kurang", _("Very poor")


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _round(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def capaian(realisasi: Any, target_min: Any, target_max: Any = None, lower_is_better: bool = False) -> Decimal | None:
    """Capaian in percent (two decimals), or None when it cannot be computed (no realisasi, no target, T = 0)."""
    r = _decimal(realisasi)
    low = _decimal(target_min)
    high = _decimal(target_max)
    if r is None or low is None:
        return None
    if high is not None and high != low:
        low, high = min(low, high), max(low, high)
        if low <= r <= high:
            return _round(HUNDRED)
        # Outside the range: measure against the nearer bound (regulation.md §6.6(b)).
        target = high if r > high else low
    else:
        target = low
    if target == 0:
        return None
    ratio = r / target
    pct = (2 - ratio) * HUNDRED if lower_is_better else ratio * HUNDRED
    return _round(pct)


def capaian_category(pct: Decimal | None) -> CapaianCategory | None:
    if pct is None:
        return None
    if pct > HUNDRED:
        return CapaianCategory.VERY_GOOD
    if pct == HUNDRED:
        return CapaianCategory.GOOD
    if pct >= 80:
        return CapaianCategory.FAIR
    if pct >= 60:
        return CapaianCategory.POOR
    return CapaianCategory.VERY_POOR


def capaian_value(pct: Decimal | None, *, upper_bound_reached: bool = False) -> Decimal | None:
    """The nilai (0–120) of a capaian, two decimals. ``upper_bound_reached``: a range target hit at its maximum."""
    if pct is None:
        return None
    pct = Decimal(pct)
    if upper_bound_reached:
        return Decimal("120.00")
    category = capaian_category(pct)
    if category == CapaianCategory.VERY_GOOD:
        if pct > 110:
            return Decimal("120.00")
        # Between 100% and 101% the formula would fall below Baik's 109: Sangat Baik starts at 110.
        value = Decimal(110) + Decimal(10) / Decimal(9) * (pct - 101)
        return _round(max(value, Decimal(110)))
    if category == CapaianCategory.GOOD:
        return Decimal("109.00")
    if category == CapaianCategory.FAIR:
        # 99.5% stays in Cukup: its nilai is capped at the band's top (89).
        return _round(min(Decimal(70) + Decimal(19) / Decimal(19) * (pct - 80), Decimal(89)))
    if category == CapaianCategory.POOR:
        return _round(min(Decimal(50) + Decimal(19) / Decimal(19) * (pct - 60), Decimal(69)))
    return _round(min(max(pct, Decimal(0)) / Decimal(59) * 49, Decimal(49)))


def indicator_capaian(indicator: Any, realisasi: Any) -> Decimal | None:
    """Capaian of an IKI (planning.Indicator) for a realisasi value."""
    return capaian(realisasi, indicator.target_min, indicator.target_max, indicator.lower_is_better)


def reaches_upper_bound(indicator: Any, realisasi: Any) -> bool:
    """Whether a range target's maximum is reached (nilai 120, regulation.md §6.6(b))."""
    r = _decimal(realisasi)
    high = _decimal(indicator.target_max)
    low = _decimal(indicator.target_min)
    if r is None or high is None or low is None or high == low:
        return False
    return r <= low if indicator.lower_is_better else r >= high
