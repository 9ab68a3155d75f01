"""The kalkulator distribusi predikat: the year's pola distribusi applied to any set of predikat counts.

Pemda circulate a spreadsheet for this (regulation.md §6.1); here it reads the same rule table as the forum
(PerformanceYear.distribution_rules, SE MenPANRB 3/2023), so what a head tries out is what the forum will check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings

from kinerja.evaluation import distribution
from kinerja.evaluation.choices import CURVE_ORDER
from kinerja.planning.models import PerformanceYear


@dataclass(frozen=True)
class Calculation:
    year: PerformanceYear
    check: distribution.DistributionCheck
    curve: dict[str, tuple[int, int]]
    fit: distribution.FitPlan

    @property
    def rows(self) -> list[tuple[str, int, tuple[int, int], int]]:
        """Per predikat on the curve's x-axis (worst first): value, people now, allowed (min, max), after the fit."""
        return [
            (str(p), self.check.counts[p], self.curve[p], self.fit.target.get(p, self.check.counts[p]))
            for p in CURVE_ORDER
        ]


def distribution_calculation(year: PerformanceYear, org_predikat: str, counts: Mapping[str, int]) -> Calculation:
    rules = year.distribution_rules
    small = settings.KINERJA_SMALL_UNIT_SIZE
    check = distribution.check_distribution(org_predikat, counts, rules, small_unit_size=small)
    return Calculation(
        year=year,
        check=check,
        curve=distribution.curve(org_predikat, check.total, rules),
        fit=distribution.fit(org_predikat, counts, rules, small_unit_size=small),
    )
