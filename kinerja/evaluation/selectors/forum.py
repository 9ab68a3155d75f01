"""The calibration forum page of an OPD and period: the compiled predikat, the curve, the check and the fit.

A constant number of queries whatever the size of the OPD (make bench opens the forum of the largest OPD):
the forum, the org rating, the evaluations with their people, their adjustments. The rest is arithmetic in
evaluation.distribution (regulation.md §6.4, SE MenPANRB 3/2023).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Prefetch

from kinerja.evaluation import distribution
from kinerja.evaluation.choices import CURVE_ORDER, EvaluationStatus, Predikat
from kinerja.evaluation.models import CalibrationAdjustment, CalibrationForum, Evaluation, OrganizationRating
from kinerja.organization.models import OrgUnit
from kinerja.planning.models import EvaluationPeriod


@dataclass
class ForumRow:
    """One person of the forum population, with the proposal and its reasons."""

    evaluation: Evaluation
    predikat: str  # what counts now: final (after an adjustment) or proposed; "" while unrated
    proposed: str
    adjustments: list[CalibrationAdjustment]
    legacy_score: Decimal | None
    # The viewer's own row while unpublished (an Admin OPD or Admin BKPSDM calibrated by the forum they run):
    # its ratings, predikat and adjustments are not shown to them before publication, like on their own page.
    own: bool = False

    @property
    def rated(self) -> bool:
        return self.evaluation.status != EvaluationStatus.OPEN and bool(self.predikat)

    @property
    def adjusted(self) -> bool:
        return bool(self.evaluation.final_predikat) and self.evaluation.final_predikat != self.proposed


@dataclass
class ForumView:
    forum: CalibrationForum | None
    org_rating: OrganizationRating | None
    rows: list[ForumRow]
    check: distribution.DistributionCheck | None  # None until the OPD's org predikat is set (step 1)
    fit: distribution.FitPlan | None
    proposals: list[distribution.ProposedChange]
    curve: dict[str, tuple[int, int]]
    unrated: int
    chart: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.rows)


def forum_population(agency: OrgUnit | int, period: EvaluationPeriod | int) -> Any:
    """The OPD's people calibrated together: everyone but the OPD head, who is rated from above."""
    return Evaluation.objects.filter(agency=agency, period=period, is_agency_head=False)


def _chart(
    counts: dict[str, int], curve: dict[str, tuple[int, int]], fit: distribution.FitPlan | None
) -> dict[str, Any]:
    """The kurva distribusi as the chart script reads it: the x-axis worst to best, as on the form."""
    return {
        "labels": [str(Predikat(p).label) for p in CURVE_ORDER],
        "counts": [counts.get(p, 0) for p in CURVE_ORDER],
        "min": [curve[p][0] if p in curve else 0 for p in CURVE_ORDER],
        "max": [curve[p][1] if p in curve else 0 for p in CURVE_ORDER],
        "target": [fit.target.get(p, 0) for p in CURVE_ORDER] if fit is not None else [],
    }


def _employee_of(viewer: Any) -> int | None:
    return getattr(viewer, "employee_id", None) if viewer is not None else None


def forum_view(agency: OrgUnit, period: EvaluationPeriod, *, viewer: Any = None) -> ForumView:
    """Everything the forum page shows; the check counts the rated people only (the unrated block the lock).

    With ``viewer``, their own unpublished row is flagged ``own`` and the proposals about them are left out:
    the owner sees their result only once it is published (the services refuse their own calibration).
    """
    me = _employee_of(viewer)
    forum = CalibrationForum.objects.filter(agency=agency, period=period).first()
    org_rating = (
        OrganizationRating.objects.filter(unit=agency, period=period).select_related("set_by__employee").first()
    )
    evaluations = (
        forum_population(agency, period)
        .select_related("employee__rank", "unit", "penilai")
        .prefetch_related(
            Prefetch("adjustments", queryset=CalibrationAdjustment.objects.select_related("by__employee"))
        )
        .order_by("unit__path", "-is_unit_head", "employee__name", "pk")
    )
    rows = [
        ForumRow(
            evaluation=ev,
            predikat=ev.predikat if ev.status != EvaluationStatus.OPEN else "",
            proposed=ev.proposed_predikat,
            adjustments=list(ev.adjustments.all()),
            legacy_score=ev.legacy_score,
            own=me is not None and ev.employee_id == me and ev.status != EvaluationStatus.PUBLISHED,
        )
        for ev in evaluations
    ]
    rated = [row for row in rows if row.rated]
    counts = dict.fromkeys(Predikat.values, 0)
    for row in rated:
        counts[row.predikat] += 1
    check = fit = None
    proposals: list[distribution.ProposedChange] = []
    curve: dict[str, tuple[int, int]] = {}
    if org_rating is not None:
        rules = period.year.distribution_rules
        small = settings.KINERJA_SMALL_UNIT_SIZE
        check = distribution.check_distribution(org_rating.predikat, counts, rules, small_unit_size=small)
        fit = distribution.fit(org_rating.predikat, counts, rules, small_unit_size=small)
        curve = distribution.curve(org_rating.predikat, len(rated), rules)
        if fit.moves:
            candidates = [
                distribution.Candidate(
                    evaluation_id=row.evaluation.pk,
                    predikat=row.predikat,
                    score=row.legacy_score,
                    name=row.evaluation.employee.name,
                )
                for row in rated
            ]
            proposals = distribution.propose_changes(fit, candidates)
            hidden = {row.evaluation.pk for row in rows if row.own}
            proposals = [p for p in proposals if p.evaluation_id not in hidden]
    return ForumView(
        forum=forum,
        org_rating=org_rating,
        rows=rows,
        check=check,
        fit=fit,
        proposals=proposals,
        curve=curve,
        unrated=len(rows) - len(rated),
        chart=_chart(counts, curve, fit),
        counts=counts,
    )
