"""Reads of evaluations: the effective org rating, the evaluation page, the penilai's team, one's own results.

Access is the caller's job: pass only records fetched through evaluation.permissions.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kinerja.accounts.choices import Role
from kinerja.accounts.models import RoleGrant
from kinerja.evaluation import legacy, rating
from kinerja.evaluation.models import (
    CalibrationAdjustment,
    Evaluation,
    ItemAssessment,
    Objection,
    OrganizationRating,
)
from kinerja.monitoring import selectors as monitoring_selectors
from kinerja.monitoring.models import Feedback
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Assignment, Employee, OrgUnit
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, PerformanceYear, WorkPlan

# TeamRow.status of an approved SKP whose evaluation has not been opened yet.
NOT_OPENED = "not_opened"


def effective_org_rating(unit: OrgUnit, period: EvaluationPeriod) -> OrganizationRating | None:
    """The unit's own capaian for the period, else the nearest ancestor's (one query: the deepest path wins)."""
    return (
        OrganizationRating.objects.filter(unit_id__in=unit.ancestor_ids() or [unit.pk], period=period)
        .select_related("unit", "set_by")
        .order_by("-unit__path")
        .first()
    )


@dataclass
class EvaluationDetail:
    """Everything the evaluation page, the rating form and the documents show about one evaluation."""

    evaluation: Evaluation
    items: list[monitoring_selectors.ItemProgress]  # RHK with IKI and realisasi of the evaluation's period
    # For an ANNUAL evaluation: the periodic evaluations of the same SKP (what the annual one draws on).
    periodic: list[Evaluation]
    assessments: dict[int, ItemAssessment]  # by PlanItem id
    feedback: list[Feedback]
    org_rating: OrganizationRating | None
    suggestion: rating.Suggestion
    legacy_score: Decimal | None  # PermenPANRB 8/2021 nilai (0–120), read against PP 30/2019 Ps 41(5)
    pp46_score: Decimal | None  # PP 46/2011 nilai capaian SKP, for Pemda reports still on the old scale
    adjustments: list[CalibrationAdjustment]
    objection: Objection | None
    # For a unit head: the rating hasil kerja that follows from the unit's capaian (PermenPANRB 6/2022 Ps 25).
    unit_head_results: str | None = None


def _period_feedback(ev: Evaluation) -> list[Feedback]:
    threads = monitoring_selectors.feedback_for(ev.work_plan)
    if ev.period.kind == PeriodKind.ANNUAL:
        return list(threads)
    in_period = Q(period=ev.period) | Q(
        period__isnull=True, created_at__date__gte=ev.period.start_date, created_at__date__lte=ev.period.end_date
    )
    return list(threads.filter(in_period))


def _evidence(
    ev: Evaluation,
) -> tuple[list[monitoring_selectors.ItemProgress], list[Feedback], list[Evaluation], rating.Suggestion]:
    """What a rating rests on: capaian per IKI, the period's feedback (or, annual, the periodic evaluations)
    and the suggestion the system draws from them."""
    items = monitoring_selectors.plan_progress(ev.work_plan, ev.period)
    feedback = _period_feedback(ev)
    periodic: list[Evaluation] = []
    if ev.period.kind == PeriodKind.ANNUAL:
        periodic = list(
            Evaluation.objects.filter(work_plan_id=ev.work_plan_id, period__kind=PeriodKind.PERIODIC)
            .select_related("period")
            .order_by("period__number")
        )
        published = [
            (p.period.name, p.results_rating, p.behaviour_rating)
            for p in periodic
            if p.is_published and p.results_rating and p.behaviour_rating
        ]
        suggestion = rating.suggest_annual(published)
    else:
        suggestion = rating.suggest(items, feedback)
    return items, feedback, periodic, suggestion


def evaluation_suggestion(ev: Evaluation) -> tuple[rating.Suggestion, Decimal | None]:
    """The suggestion and the nilai capaian SKP stored when the penilai rates (without the rest of the page)."""
    items, _feedback, _periodic, suggestion = _evidence(ev)
    return suggestion, rating.legacy_score(items)


def evaluation_detail(ev: Evaluation) -> EvaluationDetail:
    """The evidence next to the rating: capaian per IKI, feedback, org capaian and the system's suggestion now."""
    items, feedback, periodic, suggestion = _evidence(ev)
    org_rating = effective_org_rating(ev.unit, ev.period)
    unit_head_results = None
    if ev.is_unit_head and org_rating is not None:
        unit_head_results = rating.results_rating_for_org(org_rating.predikat)
    return EvaluationDetail(
        evaluation=ev,
        items=items,
        periodic=periodic,
        assessments={a.item_id: a for a in ItemAssessment.objects.filter(evaluation=ev)},
        feedback=feedback,
        org_rating=org_rating,
        suggestion=suggestion,
        legacy_score=rating.legacy_score(items),
        pp46_score=legacy.pp46_score(items),
        adjustments=list(CalibrationAdjustment.objects.filter(evaluation=ev).select_related("by__employee", "forum")),
        objection=Objection.objects.filter(evaluation=ev).first(),
        unit_head_results=unit_head_results,
    )


@dataclass
class TeamRow:
    plan: WorkPlan
    evaluation: Evaluation | None
    status: str  # an EvaluationStatus value, or NOT_OPENED
    predikat: str  # "" until rated


def _rated_by(employee: Employee) -> Q:
    """SKP the employee assesses: as the snapshot penilai, as today's holder of a penilai's position the
    snapshot penilai left, or as Pimpinan daerah for SKP with nobody above (planning.permissions.acts_as_penilai)."""
    today = org_selectors.today()
    held = list(Assignment.objects.active_on(today).filter(employee=employee).values_list("position_id", flat=True))
    snapshot_still_there = Exists(
        Assignment.objects.active_on(today).filter(
            employee_id=OuterRef("penilai_id"), position_id=OuterRef("penilai_position_id")
        )
    )
    condition = Q(penilai=employee)
    if held:
        condition |= Q(penilai_position_id__in=held) & ~Q(snapshot_still_there)
    grants = RoleGrant.objects.filter(user__employee=employee, role=Role.REGIONAL_LEADER)
    leader_paths = list(grants.values_list("scope__path", flat=True))
    if leader_paths:
        condition |= Q(penilai__isnull=True) & org_selectors.under_paths("unit__path", leader_paths)
    return condition & ~Q(employee=employee)


def team_evaluations(penilai_employee: Employee, period: EvaluationPeriod) -> list[TeamRow]:
    """Every approved SKP overlapping the period that the person rates, with its evaluation if opened."""
    evaluations = Evaluation.objects.filter(period=period)
    plans = (
        WorkPlan.objects.filter(
            _rated_by(penilai_employee),
            year_id=period.year_id,
            status=WorkPlanStatus.APPROVED,
            start_date__lte=period.end_date,
            end_date__gte=period.start_date,
        )
        .select_related("employee", "unit", "position")
        .prefetch_related(Prefetch("evaluations", queryset=evaluations, to_attr="period_evaluations"))
        .order_by("employee__name", "start_date")
    )
    rows = []
    for plan in plans:
        ev = plan.period_evaluations[0] if plan.period_evaluations else None
        rows.append(
            TeamRow(
                plan=plan,
                evaluation=ev,
                status=ev.status if ev is not None else NOT_OPENED,
                predikat=ev.predikat if ev is not None else "",
            )
        )
    return rows


def my_evaluations(employee: Employee) -> QuerySet[Evaluation]:
    """One's own evaluations, newest period first (the annual one before the last triwulan of its year)."""
    return (
        Evaluation.objects.filter(employee=employee)
        .select_related("period__year", "work_plan", "unit")
        .order_by("-period__end_date", "period__kind", "-pk")
    )


def current_period(year: PerformanceYear | None = None) -> EvaluationPeriod | None:
    """The periodic period containing today, else the last one that has started, else the first one."""
    periods = EvaluationPeriod.objects.filter(kind=PeriodKind.PERIODIC).select_related("year")
    if year is not None:
        periods = periods.filter(year=year)
    today = org_selectors.today()
    return (
        periods.filter(start_date__lte=today, end_date__gte=today).first()
        or periods.filter(start_date__lte=today).order_by("-end_date").first()
        or periods.order_by("start_date").first()
    )
