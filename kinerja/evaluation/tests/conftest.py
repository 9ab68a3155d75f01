"""The evaluation cast: the monitoring cast (kinerja/monitoring/tests/conftest.py) plus carol's SKP and an OPEN
evaluation of the current period for everyone of Dinas A with an approved SKP.

    carol (colleague, penilai sam)   APPROVED   colleague_items[0] → kabid_items[0]
                                                  IKI colleague_indicators[0]: "Jumlah surat" target 24 surat
    evaluations["staff"]       alice   penilai sam,  atasan penilai hana   (agency Dinas A, unit Bidang A1)
    evaluations["colleague"]   carol   penilai sam,  atasan penilai hana
    evaluations["supervisor"]  sam     penilai hana, no atasan in the tree  is_unit_head
    evaluations["opd_head"]    hana    no penilai (the Pimpinan daerah)     is_unit_head, is_agency_head
All four are OPEN, for ``cast.period`` (the periodic period containing today). No org rating, no forum,
no keberatan yet. bob, hugo, adi: still no SKP, so no evaluation.
Forum population of Dinas A = alice, carol, sam (hana is calibrated outside her own OPD's forum).

Helpers: ``rate(evaluation, results, behaviour, user)`` puts an evaluation in RATED with the matrix's
proposed predikat (no service, no audit); ``publish(evaluation, when)`` puts it in PUBLISHED.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from kinerja.evaluation.choices import EvaluationStatus
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.tests.factories import EvaluationFactory
from kinerja.monitoring.tests.conftest import MonitoringCast, build_monitoring_cast
from kinerja.planning.models import Indicator, PlanItem, WorkPlan
from kinerja.planning.tests.factories import IndicatorFactory, PlanItemFactory, WorkPlanFactory, approve_directly

EVALUATED = ("staff", "colleague", "supervisor", "opd_head")


@dataclass
class EvaluationCast(MonitoringCast):
    colleague_plan: WorkPlan = None  # type: ignore[assignment]
    colleague_items: list[PlanItem] = field(default_factory=list)
    colleague_indicators: list[Indicator] = field(default_factory=list)
    evaluations: dict[str, Evaluation] = field(default_factory=dict)

    def evaluation(self, name: str) -> Evaluation:
        """A fresh copy from the database (services and helpers may have changed it)."""
        return Evaluation.objects.get(pk=self.evaluations[name].pk)


def build_evaluation_cast() -> EvaluationCast:
    base = build_monitoring_cast()
    plan = WorkPlanFactory(employee=base.employee("colleague"), year=base.year)
    items = [PlanItemFactory(work_plan=plan, text="Terkelolanya surat layanan A1", supported_item=base.kabid_items[0])]
    indicators = [
        IndicatorFactory(item=items[0], text="Jumlah surat layanan", target_min=Decimal("24"), target_unit="surat")
    ]
    approve_directly(plan, owner_user=base.user("colleague"), penilai_user=base.user("supervisor"))
    plans = {"staff": base.staff_plan, "colleague": plan, "supervisor": base.kabid_plan, "opd_head": base.head_plan}
    evaluations = {name: EvaluationFactory(work_plan=plans[name], period=base.period) for name in EVALUATED}
    values = {name: getattr(base, name) for name in MonitoringCast.__dataclass_fields__}
    return EvaluationCast(
        **values, colleague_plan=plan, colleague_items=items, colleague_indicators=indicators, evaluations=evaluations
    )


@pytest.fixture
def evaluation_cast(db: None) -> EvaluationCast:
    return build_evaluation_cast()


def rate(evaluation: Evaluation, results: str, behaviour: str, user: Any) -> Evaluation:
    """RATED with reasons and the matrix's proposed predikat, as if the penilai had rated (no checks)."""
    matrix = evaluation.period.year.predikat_matrix
    evaluation.results_rating = results
    evaluation.results_reason = "Capaian IKI sesuai bukti dukung."
    evaluation.behaviour_rating = behaviour
    evaluation.behaviour_reason = "Perilaku kerja sesuai nilai BerAKHLAK."
    evaluation.proposed_predikat = matrix[results][behaviour]
    evaluation.status = EvaluationStatus.RATED
    evaluation.rated_at = timezone.now()
    evaluation.rated_by = user
    evaluation.save()
    return evaluation


def publish(evaluation: Evaluation, when: dt.datetime | None = None) -> Evaluation:
    """PUBLISHED at ``when`` (now unless told), with the predikat that counts frozen as final."""
    evaluation.final_predikat = evaluation.predikat
    evaluation.status = EvaluationStatus.PUBLISHED
    evaluation.published_at = when or timezone.now()
    evaluation.save()
    return evaluation


@pytest.fixture(autouse=True)
def fresh_attachment_storage(settings: Any) -> None:
    """A new in-memory storage per test for keberatan attachments and document batches."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
