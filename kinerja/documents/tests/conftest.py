"""Fixtures of the document tests: the planning cast, and alice's SKP taken through the whole workflow."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from kinerja.accounts.models import User
from kinerja.evaluation.tests.conftest import EvaluationCast, build_evaluation_cast, publish
from kinerja.planning import services
from kinerja.planning.choices import Aspect, ItemKind
from kinerja.planning.models import BehaviourValue, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast, build_planning_cast

RETURN_NOTE = "Target jumlah laporan terlalu rendah, naikkan menjadi 14"
REVISION_REASON = "Penugasan tambahan dari Kepala Dinas"
EXTRA_RHK = "Menjadi narasumber sosialisasi SAKIP Dinas A"


def fresh(pc: PlanningCast, name: str) -> User:
    """A new User object per step: actor_for memoises on the instance, as it lives for one request."""
    return User.objects.get(pk=pc.user(name).pk)


def pdf_text(content: bytes) -> str:
    """All text of a PDF, pages joined, whitespace collapsed (table cells wrap anywhere)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@dataclass
class History:
    """Alice's SKP: v1 returned with a note then approved; revised into v2 with a tambahan RHK, approved again."""

    cast: PlanningCast
    plan: WorkPlan


@pytest.fixture
def planning_cast(db: None) -> PlanningCast:
    return build_planning_cast()


def start_alice_plan(pc: PlanningCast) -> WorkPlan:
    """Alice starts from what sam distributed to her and adds one IKI per RHK, plus the lampiran."""
    alice = fresh(pc, "staff")
    plan = services.work_plan_start(actor=alice, employee=pc.employee("staff"), year=pc.year, source="distribution")
    for item in plan.items.all():
        services.indicator_add(
            actor=alice, item=item, aspect=Aspect.QUANTITY, text=f"Jumlah {item.text}", target_min="12",
            target_unit="laporan",
        )  # fmt: skip
    plan.refresh_from_db()
    services.work_plan_update(
        actor=fresh(pc, "staff"),
        work_plan=plan,
        resource_support="Komputer dan printer\nAkses aplikasi e-Kinerja",
        accountability_scheme="Hasil kerja dilaporkan setiap triwulan",
        consequences="Penghargaan bila ekspektasi terpenuhi\nPembinaan bila tidak",
    )
    plan.refresh_from_db()
    return plan


@pytest.fixture
def history(planning_cast: PlanningCast) -> History:
    pc = planning_cast
    plan = start_alice_plan(pc)
    plan = services.work_plan_submit(actor=fresh(pc, "staff"), work_plan=plan)
    value = BehaviourValue.objects.get(order=1)
    services.behaviour_expectation_set(
        actor=fresh(pc, "supervisor"), work_plan=plan, value=value,
        special_expectation="Menjadi panutan dalam pelayanan prima",
    )  # fmt: skip
    plan = services.work_plan_return(actor=fresh(pc, "supervisor"), work_plan=plan, note=RETURN_NOTE)
    plan = services.work_plan_submit(actor=fresh(pc, "staff"), work_plan=plan)
    plan = services.work_plan_approve(actor=fresh(pc, "supervisor"), work_plan=plan)
    plan = services.work_plan_revise(actor=fresh(pc, "staff"), work_plan=plan, reason=REVISION_REASON)
    extra = services.plan_item_add(actor=fresh(pc, "staff"), work_plan=plan, kind=ItemKind.ADDITIONAL, text=EXTRA_RHK)
    services.indicator_add(
        actor=fresh(pc, "staff"), item=extra, aspect=Aspect.QUANTITY, text="Jumlah kegiatan sosialisasi",
        target_min="2", target_unit="kegiatan",
    )  # fmt: skip
    plan.refresh_from_db()
    plan = services.work_plan_submit(actor=fresh(pc, "staff"), work_plan=plan)
    plan = services.work_plan_approve(actor=fresh(pc, "supervisor"), work_plan=plan)
    plan.refresh_from_db()
    return History(pc, plan)


# --- Evaluation documents (world: evaluation_world.py) ------------------------------------------------


@pytest.fixture
def evaluation_cast(db: None) -> EvaluationCast:
    return build_evaluation_cast()


@pytest.fixture
def rated(evaluation_cast: EvaluationCast) -> EvaluationCast:
    """Dinas A BAIK; alice, carol and sam rated (not published yet); alice has realisasi and feedback."""
    from kinerja.documents.tests.evaluation_world import build_rated

    return build_rated(evaluation_cast)


@pytest.fixture
def published(rated: EvaluationCast) -> EvaluationCast:
    for name in ("staff", "colleague", "supervisor"):
        publish(rated.evaluation(name))
    return rated
