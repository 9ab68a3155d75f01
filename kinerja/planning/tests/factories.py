"""factory_boy factories for planning. Work plans get their identity snapshot from the real organisation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee
from kinerja.planning import rules
from kinerja.planning.choices import Aspect, ItemKind, PeriodType, WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    BehaviourValue,
    EvaluationPeriod,
    GoalIndicator,
    Indicator,
    OrganizationGoal,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
    WorkPlanTemplate,
    WorkPlanVersion,
)
from kinerja.planning.services.content import work_plan_content
from kinerja.planning.services.work_plans import form_variant_for, identity_snapshot
from kinerja.planning.services.years import EVALUATION_DAYS, REALISASI_DAYS, period_rows


class PerformanceYearFactory(factory.django.DjangoModelFactory):
    """An OPEN year whose SKP deadlines are at its end (tests of late submission move the clock or the deadline)."""

    class Meta:
        model = PerformanceYear
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = factory.LazyFunction(lambda: org_selectors.today().year)
    start_date = factory.LazyAttribute(lambda o: dt.date(o.year, 1, 1))
    end_date = factory.LazyAttribute(lambda o: dt.date(o.year, 12, 31))
    period_type = PeriodType.QUARTERLY
    status = YearStatus.OPEN
    skp_draft_deadline = factory.LazyAttribute(lambda o: dt.date(o.year, 12, 31))
    skp_approval_deadline = factory.LazyAttribute(lambda o: dt.date(o.year, 12, 31))
    predikat_matrix = factory.LazyFunction(lambda: rules.PREDIKAT_MATRIX)
    distribution_rules = factory.LazyFunction(lambda: rules.DISTRIBUTION_RULES)
    appeal_window_days = rules.APPEAL_WINDOW_DAYS

    @factory.post_generation
    def periods(obj: PerformanceYear, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or obj.periods.exists():
            return
        EvaluationPeriod.objects.bulk_create(
            EvaluationPeriod(
                year=obj, kind=kind, number=number, name=name, start_date=start, end_date=end,
                realisasi_deadline=end + dt.timedelta(days=REALISASI_DAYS),
                evaluation_deadline=end + dt.timedelta(days=EVALUATION_DAYS),
            )
            for kind, number, name, start, end in period_rows(obj.year, obj.period_type)
        )  # fmt: skip


class OrganizationGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationGoal

    year = factory.SubFactory(PerformanceYearFactory)
    unit = None
    code = factory.Sequence(lambda n: f"SS-{n}")
    statement = factory.Sequence(lambda n: f"Meningkatnya kualitas layanan publik {n}")
    order = factory.Sequence(lambda n: n)


class GoalIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalIndicator

    goal = factory.SubFactory(OrganizationGoalFactory)
    text = factory.Sequence(lambda n: f"Indeks kepuasan masyarakat {n}")
    target_value = Decimal("85")
    target_unit = "indeks"


def work_plan_for(employee: Employee, year: PerformanceYear, **overrides: Any) -> WorkPlan:
    """A WorkPlan with position, unit, penilai and snapshot as the service would record them (no checks)."""
    start = overrides.pop("start_date", year.start_date)
    situation = org_selectors.situation_on(employee, start)
    assert situation.position is not None, f"{employee} holds no position on {start}"
    penilai, atasan = situation.pejabat_penilai, situation.atasan_pejabat_penilai
    values: dict[str, Any] = {
        "employee": employee,
        "year": year,
        "start_date": start,
        "end_date": year.end_date,
        "form_variant": form_variant_for(situation.position),
        "position": situation.position,
        "unit": situation.unit,
        "penilai": penilai.employee if penilai else None,
        "penilai_position": penilai.position if penilai else None,
        "atasan_penilai": atasan.employee if atasan else None,
        "snapshot": identity_snapshot(situation),
    }
    values.update(overrides)
    plan = WorkPlan.objects.create(**values)
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(work_plan=plan, value=value) for value in BehaviourValue.objects.all()
    )
    return plan


class WorkPlanFactory(factory.django.DjangoModelFactory):
    """``WorkPlanFactory(employee=..., year=...)``: a draft SKP of the employee's post on the year's first day."""

    class Meta:
        model = WorkPlan

    employee = None
    year = factory.SubFactory(PerformanceYearFactory)

    @classmethod
    def _create(cls, model_class: type[WorkPlan], *args: Any, **kwargs: Any) -> WorkPlan:
        return work_plan_for(kwargs.pop("employee"), kwargs.pop("year"), **kwargs)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    work_plan = factory.SubFactory(WorkPlanFactory)
    kind = ItemKind.MAIN
    text = factory.Sequence(lambda n: f"Tersusunnya laporan kinerja {n}")
    order = factory.Sequence(lambda n: n)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    item = factory.SubFactory(PlanItemFactory)
    aspect = Aspect.QUANTITY
    text = factory.Sequence(lambda n: f"Jumlah laporan yang tersusun {n}")
    target_min = Decimal("12")
    target_unit = "laporan"
    order = factory.Sequence(lambda n: n)


class ResultDistributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultDistribution

    item = factory.SubFactory(PlanItemFactory)
    employee = None


class WorkPlanTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlanTemplate

    name = factory.Sequence(lambda n: f"SKP pelaksana {n}")
    items = factory.LazyFunction(
        lambda: [
            {
                "kind": ItemKind.MAIN,
                "text": "Terlaksananya pelayanan administrasi umum",
                "indicators": [
                    {"aspect": Aspect.QUANTITY, "text": "Jumlah dokumen yang diproses", "target_min": "240",
                     "target_unit": "dokumen"},
                    {"aspect": Aspect.TIME, "text": "Waktu penyelesaian", "target_min": "12", "target_unit": "bulan"},
                ],
            }
        ]
    )  # fmt: skip


def approve_directly(plan: WorkPlan, *, owner_user: Any, penilai_user: Any | None) -> WorkPlan:
    """Record submitted → approved with events and the frozen version, as the workflow services would."""
    WorkPlanEvent.objects.create(
        work_plan=plan, version=plan.version, from_status=WorkPlanStatus.DRAFT,
        to_status=WorkPlanStatus.SUBMITTED, actor=owner_user,
    )  # fmt: skip
    WorkPlanEvent.objects.create(
        work_plan=plan, version=plan.version, from_status=WorkPlanStatus.SUBMITTED,
        to_status=WorkPlanStatus.APPROVED, actor=penilai_user,
    )  # fmt: skip
    now = timezone.now()
    plan.status = WorkPlanStatus.APPROVED
    plan.submitted_at = now
    plan.approved_at = now
    plan.approved_by = penilai_user
    plan.save()
    WorkPlanVersion.objects.create(
        work_plan=plan, version=plan.version, content=work_plan_content(plan), approved_at=now, approved_by=penilai_user
    )
    return plan
