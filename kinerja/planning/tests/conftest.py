"""The planning cast: the test cast (kinerja/core/testing.py) with a year of SKP already cascaded.

    Dinas A goals: goals[0], goals[1] (served), goals[2] (nobody serves it)
    hana (Kepala Dinas A, JPT form, no penilai)   APPROVED   head_items[0] → goals[0], head_items[1] → goals[1]
    sam  (Kabid A1, penilai hana)                 APPROVED   kabid_items[0] → head_items[0],
                                                             kabid_items[1] → head_items[1]
    distributions: kabid_items[0] → alice, carol; kabid_items[1] → alice (suggested text)
    alice, carol, bob, hugo, adi: no SKP yet.

The year is the current calendar year with its SKP deadlines on 31 December, so workflow tests are not
late by accident; deadline tests move the clock with time_machine or change the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from kinerja.core.testing import Cast, build_cast
from kinerja.planning.choices import Aspect, FormVariant
from kinerja.planning.models import OrganizationGoal, PerformanceYear, PlanItem, ResultDistribution, WorkPlan
from kinerja.planning.tests.factories import (
    GoalIndicatorFactory,
    IndicatorFactory,
    OrganizationGoalFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    ResultDistributionFactory,
    WorkPlanFactory,
    approve_directly,
)


@dataclass
class PlanningCast(Cast):
    year: PerformanceYear = None  # type: ignore[assignment]
    goals: list[OrganizationGoal] = field(default_factory=list)
    head_plan: WorkPlan = None  # type: ignore[assignment]
    kabid_plan: WorkPlan = None  # type: ignore[assignment]
    head_items: list[PlanItem] = field(default_factory=list)
    kabid_items: list[PlanItem] = field(default_factory=list)
    distributions: list[ResultDistribution] = field(default_factory=list)

    def plan_of(self, name: str) -> WorkPlan | None:
        return WorkPlan.objects.filter(employee=self.employee(name), year=self.year).order_by("-start_date").first()


def build_planning_cast() -> PlanningCast:
    cast = build_cast()
    year = PerformanceYearFactory()
    goals = [
        OrganizationGoalFactory(year=year, unit=cast.opd_a, code=f"SS-{n}", statement=statement, order=n)
        for n, statement in enumerate(
            [
                "Meningkatnya kualitas pelayanan publik Dinas A",
                "Meningkatnya akuntabilitas kinerja Dinas A",
                "Meningkatnya kapasitas sumber daya aparatur Dinas A",
            ],
            start=1,
        )
    ]
    for goal in goals:
        GoalIndicatorFactory(goal=goal, text=f"Indikator {goal.code}")

    head_plan = WorkPlanFactory(employee=cast.employee("opd_head"), year=year)
    assert head_plan.form_variant == FormVariant.JPT
    head_texts = ["Meningkatnya indeks kepuasan layanan Dinas A", "Meningkatnya nilai SAKIP Dinas A"]
    head_items = [
        PlanItemFactory(work_plan=head_plan, text=text, supported_goal=goal, order=n)
        for n, (text, goal) in enumerate(zip(head_texts, goals, strict=False), start=1)
    ]
    for item in head_items:
        IndicatorFactory(item=item, aspect=Aspect.QUANTITY, text=f"Capaian {item.text}", target_min=90, target_unit="%")
    approve_directly(head_plan, owner_user=cast.user("opd_head"), penilai_user=None)

    kabid_plan = WorkPlanFactory(employee=cast.employee("supervisor"), year=year)
    kabid_texts = ["Terselenggaranya layanan Bidang A1 sesuai standar", "Tersusunnya laporan kinerja Bidang A1"]
    kabid_items = [
        PlanItemFactory(work_plan=kabid_plan, text=text, supported_item=supported, order=n)
        for n, (text, supported) in enumerate(zip(kabid_texts, head_items, strict=True), start=1)
    ]
    for item in kabid_items:
        IndicatorFactory(item=item, text=f"Jumlah {item.text}", target_min=12, target_unit="laporan")
    approve_directly(kabid_plan, owner_user=cast.user("supervisor"), penilai_user=cast.user("opd_head"))

    supervisor_user = cast.user("supervisor")
    distributions = [
        ResultDistributionFactory(item=kabid_items[0], employee=cast.employee("staff"), created_by=supervisor_user),
        ResultDistributionFactory(item=kabid_items[0], employee=cast.employee("colleague"), created_by=supervisor_user),
        ResultDistributionFactory(
            item=kabid_items[1],
            employee=cast.employee("staff"),
            suggested_text="Tersusunnya bahan laporan kinerja Bidang A1",
            created_by=supervisor_user,
        ),
    ]
    return PlanningCast(
        root=cast.root, opd_a=cast.opd_a, bidang_a1=cast.bidang_a1, opd_b=cast.opd_b, users=cast.users,
        employees=cast.employees, positions=cast.positions, year=year, goals=goals, head_plan=head_plan,
        kabid_plan=kabid_plan, head_items=head_items, kabid_items=kabid_items, distributions=distributions,
    )  # fmt: skip


@pytest.fixture
def planning_cast(db: None) -> PlanningCast:
    return build_planning_cast()
