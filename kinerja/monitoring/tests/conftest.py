"""The monitoring cast: the planning cast plus alice's approved SKP and the period containing today.

alice (staff, penilai sam)   APPROVED   staff_items[0] → kabid_items[0]
                                          IKI staff_indicators[0]: "Jumlah laporan" target 12 laporan
                                          IKI staff_indicators[1]: "Waktu penyelesaian" 10 hari, lower is better
                                        staff_items[1] → kabid_items[1]
                                          IKI staff_indicators[2]: "Jumlah bahan" target range 4–6
period: the year's periodic evaluation period containing today (open, not locked).
carol, bob, hugo, adi: still no SKP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod, Indicator, PlanItem, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast, build_planning_cast
from kinerja.planning.tests.factories import IndicatorFactory, PlanItemFactory, WorkPlanFactory, approve_directly


@dataclass
class MonitoringCast(PlanningCast):
    staff_plan: WorkPlan = None  # type: ignore[assignment]
    staff_items: list[PlanItem] = field(default_factory=list)
    staff_indicators: list[Indicator] = field(default_factory=list)
    period: EvaluationPeriod = None  # type: ignore[assignment]


def build_monitoring_cast() -> MonitoringCast:
    base = build_planning_cast()
    plan = WorkPlanFactory(employee=base.employee("staff"), year=base.year)
    items = [
        PlanItemFactory(work_plan=plan, text="Tersusunnya laporan layanan A1", supported_item=base.kabid_items[0]),
        PlanItemFactory(work_plan=plan, text="Tersusunnya bahan laporan kinerja", supported_item=base.kabid_items[1]),
    ]
    indicators = [
        IndicatorFactory(item=items[0], text="Jumlah laporan layanan", target_min=Decimal("12"), target_unit="laporan"),
        IndicatorFactory(
            item=items[0], text="Waktu penyelesaian laporan", target_min=Decimal("10"), target_unit="hari",
            lower_is_better=True,
        ),
        IndicatorFactory(
            item=items[1], text="Jumlah bahan laporan", target_min=Decimal("4"), target_max=Decimal("6"),
            target_unit="bahan",
        ),
    ]  # fmt: skip
    approve_directly(plan, owner_user=base.user("staff"), penilai_user=base.user("supervisor"))
    today = org_selectors.today()
    period = EvaluationPeriod.objects.get(
        year=base.year, kind=PeriodKind.PERIODIC, start_date__lte=today, end_date__gte=today
    )
    values = {name: getattr(base, name) for name in PlanningCast.__dataclass_fields__}
    return MonitoringCast(**values, staff_plan=plan, staff_items=items, staff_indicators=indicators, period=period)


@pytest.fixture
def monitoring_cast(db: None) -> MonitoringCast:
    return build_monitoring_cast()


@pytest.fixture(autouse=True)
def fresh_evidence_storage(settings: Any) -> None:
    """A new in-memory storage per test, so "nothing left in storage" means this test left nothing."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
