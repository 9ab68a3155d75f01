"""Nilai capaian SKP under PP 46/2011 and Perka BKN 1/2013 (regulation.md §6.6(c)), for Pemda that still need it.

Per IKI with a numeric target and realisasi, by aspect:
- kuantitas, kualitas: realisasi / target × 100;
- waktu (and biaya, analogously): with efisiensi = 100 − realisasi / target × 100,
  efisiensi ≤ 24%: ((1,76 × T − R) / T) × 100; efisiensi > 24%: 76 − ((((1,76 × T − R) / T) × 100) − 100)
  (the second branch is marked unverified in regulation.md; R = T gives 76).
Per RHK (kegiatan): the sum of its aspects' scores divided by their number; the nilai capaian SKP is the mean over
the RHK utama. Sebutan: Sangat Baik ≥ 91 · Baik 76–90 · Cukup 61–75 · Kurang 51–60 · Buruk ≤ 50.
Pure functions: the pages, the API and the reports compute it the same way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext

from kinerja.planning.choices import Aspect, ItemKind

_HUNDRED = Decimal(100)
_FACTOR = Decimal("1.76")
_EFFICIENCY_LIMIT = Decimal(24)
_CENT = Decimal("0.01")


def aspect_score(aspect: str, realisasi: Any, target: Any) -> Decimal | None:
    """The PP 46/2011 score of one aspect, or None without a positive target or a realisasi."""
    if realisasi is None or target is None:
        return None
    r, t = Decimal(str(realisasi)), Decimal(str(target))
    if t <= 0:
        return None
    if aspect in (Aspect.TIME, Aspect.COST):
        base = (_FACTOR * t - r) / t * _HUNDRED
        efficiency = _HUNDRED - r / t * _HUNDRED
        score = base if efficiency <= _EFFICIENCY_LIMIT else Decimal(76) - (base - _HUNDRED)
    else:
        score = r / t * _HUNDRED
    return score.quantize(_CENT, rounding=ROUND_HALF_UP)


def item_score(indicators: list[Any]) -> Decimal | None:
    """Perhitungan / number of aspects for one RHK; ``indicators`` are monitoring IndicatorProgress rows."""
    scores = []
    for progress in indicators:
        value = progress.realization.value if progress.realization is not None else None
        score = aspect_score(progress.indicator.aspect, value, progress.indicator.target_min)
        if score is not None:
            scores.append(score)
    if not scores:
        return None
    return (sum(scores, Decimal(0)) / len(scores)).quantize(_CENT, rounding=ROUND_HALF_UP)


def pp46_score(items: list[Any]) -> Decimal | None:
    """Nilai capaian SKP: the mean of the RHK utama scores (monitoring ItemProgress rows); None when none has one."""
    scores = [s for p in items if p.item.kind == ItemKind.MAIN if (s := item_score(p.indicators)) is not None]
    if not scores:
        return None
    return (sum(scores, Decimal(0)) / len(scores)).quantize(_CENT, rounding=ROUND_HALF_UP)


def pp46_band(score: Decimal | None) -> str:
    """Sebutan of a PP 46/2011 nilai (Perka BKN 1/2013)."""
    if score is None:
        return gettext("No nilai (no numeric target with realisasi)")
    if score >= 91:
        return gettext("Sangat Baik (91 and above)")
    if score >= 76:
        return gettext("Baik (76–90)")
    if score >= 61:
        return gettext("Cukup (61–75)")
    if score >= 51:
        return gettext("Kurang (51–60)")
    return gettext("Buruk (50 and below)")
