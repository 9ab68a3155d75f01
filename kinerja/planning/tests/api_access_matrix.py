"""Who may use the planning API (see kinerja/core/tests/matrix.py).

The matrix builds one cast per URL; the helpers below add a year of SKP on top of it, once per cast:
hana (Kepala Dinas A) approved, her RHK serving a goal of Dinas A; sam (Kabid A1, penilai of alice and
carol) approved or draft; alice's SKP in the state the rule needs. A workflow step changes the state
of the SKP, so each rule's ``data`` hook puts the SKP back in that state before every request: every
cast member is judged against the same SKP.
"""

from __future__ import annotations

from typing import Any

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PlanItem, WorkPlan
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

# Alice's SKP: herself, her penilai sam, hana above them both (atasan penilai), and the scoped roles.
SEES_STAFF_PLAN = frozenset({"staff", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})
# The cascade and completion of Dinas A: its members and the roles whose scope covers it.
SEES_DINAS_A = frozenset(
    {"staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"}
)


def _store(cast: Cast) -> dict[str, Any]:
    return cast.__dict__.setdefault("_planning_matrix", {})


def base(cast: Cast, *, kabid_status: str = WorkPlanStatus.APPROVED) -> dict[str, Any]:
    """The year, a goal of Dinas A, hana's approved SKP and sam's SKP with an RHK handed to alice."""
    store = _store(cast)
    if "year" in store:
        return store
    year = PerformanceYearFactory()
    goal = OrganizationGoalFactory(year=year, unit=cast.opd_a, statement="Meningkatnya kualitas layanan Dinas A")
    GoalIndicatorFactory(goal=goal)
    head_plan = WorkPlanFactory(employee=cast.employee("opd_head"), year=year)
    head_item = PlanItemFactory(work_plan=head_plan, supported_goal=goal, text="Meningkatnya indeks kepuasan")
    IndicatorFactory(item=head_item)
    approve_directly(head_plan, owner_user=cast.user("opd_head"), penilai_user=None)
    kabid_plan = WorkPlanFactory(employee=cast.employee("supervisor"), year=year)
    kabid_item = PlanItemFactory(work_plan=kabid_plan, supported_item=head_item, text="Terselenggaranya layanan A1")
    IndicatorFactory(item=kabid_item)
    if kabid_status == WorkPlanStatus.APPROVED:
        approve_directly(kabid_plan, owner_user=cast.user("supervisor"), penilai_user=cast.user("opd_head"))
    ResultDistributionFactory(item=kabid_item, employee=cast.employee("staff"))
    store.update(year=year, goal=goal, head_item=head_item, kabid_plan=kabid_plan, kabid_item=kabid_item)
    return store


def staff_plan(cast: Cast) -> WorkPlan:
    """Alice's SKP with one main RHK supporting sam's RHK and one IKI (valid for submission)."""
    store = base(cast)
    if "staff_plan" not in store:
        plan = WorkPlanFactory(employee=cast.employee("staff"), year=store["year"])
        item = PlanItemFactory(work_plan=plan, supported_item=store["kabid_item"], text="Terlayaninya pemohon")
        IndicatorFactory(item=item)
        store.update(staff_plan=plan, staff_item=item, staff_indicator=item.indicators.get())
    return store["staff_plan"]  # type: ignore[no-any-return]


def staff_plan_in(cast: Cast, status: str) -> WorkPlan:
    plan = staff_plan(cast)
    WorkPlan.objects.filter(pk=plan.pk).update(status=status)
    if status == WorkPlanStatus.APPROVED and not plan.versions.exists():
        approve_directly(plan, owner_user=cast.user("staff"), penilai_user=cast.user("supervisor"))
    return plan


def _reset(cast: Cast, status: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    staff_plan_in(cast, status)
    return body or {}


def _kabid_draft(cast: Cast) -> WorkPlan:
    plan: WorkPlan = base(cast, kabid_status=WorkPlanStatus.DRAFT)["kabid_plan"]
    WorkPlan.objects.filter(pk=plan.pk).update(status=WorkPlanStatus.DRAFT)
    return plan


def _no_staff_plan(cast: Cast) -> dict[str, Any]:
    base(cast)
    WorkPlan.objects.filter(employee=cast.employee("staff")).delete()
    return {"employee": cast.employee("staff").pk, "source": "blank"}


def _with_year(cast: Cast) -> dict[str, Any]:
    base(cast)
    return {}


def _year_filter(cast: Cast) -> dict[str, Any]:
    return {"unit": cast.opd_a.pk, "year": base(cast)["year"].year}


def _pk(plan: WorkPlan) -> dict[str, int]:
    return {"pk": plan.pk}


def _staff_item(cast: Cast) -> PlanItem:
    staff_plan(cast)
    return _store(cast)["staff_item"]  # type: ignore[no-any-return]


def _staff_indicator(cast: Cast) -> Any:
    staff_plan(cast)
    return _store(cast)["staff_indicator"]


RULES = {
    # Years and goals are public inside the government (years being prepared are BKPSDM's only).
    "api:year-list": Rule(allowed=EVERYONE),
    "api:year-detail": Rule(allowed=EVERYONE, kwargs=lambda c: {"year": base(c)["year"].year}),
    "api:year-open": Rule(
        allowed=frozenset({"admin_bkpsdm"}),
        method="post",
        data=lambda c: {"year": org_selectors.today().year + 1},
        ok_status=(201,),
    ),
    "api:goal-list": Rule(allowed=EVERYONE, data=_year_filter),
    "api:goal-detail": Rule(allowed=EVERYONE, kwargs=lambda c: {"pk": base(c)["goal"].pk}),
    # Everyone may list; the rows are scoped (test_api.py checks which).
    "api:work-plan-list": Rule(allowed=EVERYONE),
    "api:review-queue": Rule(allowed=EVERYONE),
    "api:distribution-list": Rule(allowed=EVERYONE, data=_with_year),
    # Alice herself, or the pengelola kinerja whose scope covers her (each finds her without an SKP).
    "api:work-plan-start": Rule(
        allowed=frozenset({"staff", "admin_opd", "admin_bkpsdm"}), method="post", data=_no_staff_plan, ok_status=(201,)
    ),
    "api:work-plan-detail": Rule(allowed=SEES_STAFF_PLAN, kwargs=lambda c: _pk(staff_plan(c))),
    # Workflow: the owner submits; the penilai returns or approves; owner or penilai revise an approved SKP.
    "api:work-plan-submit": Rule(
        allowed=frozenset({"supervisor"}), method="post", kwargs=lambda c: _pk(_kabid_draft(c))
    ),
    "api:work-plan-return": Rule(
        allowed=frozenset({"supervisor"}),
        method="post",
        kwargs=lambda c: _pk(staff_plan(c)),
        data=lambda c: _reset(c, WorkPlanStatus.SUBMITTED, {"note": "Lengkapi IKI kualitas."}),
    ),
    "api:work-plan-approve": Rule(
        allowed=frozenset({"supervisor"}),
        method="post",
        kwargs=lambda c: _pk(staff_plan(c)),
        data=lambda c: _reset(c, WorkPlanStatus.SUBMITTED),
    ),
    "api:work-plan-revise": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        method="post",
        kwargs=lambda c: _pk(staff_plan_in(c, WorkPlanStatus.APPROVED)),
        data=lambda c: _reset(c, WorkPlanStatus.APPROVED, {"reason": "Perubahan tugas."}),
    ),
    "api:work-plan-version-list": Rule(
        allowed=SEES_STAFF_PLAN, kwargs=lambda c: _pk(staff_plan_in(c, WorkPlanStatus.APPROVED))
    ),
    "api:work-plan-version-detail": Rule(
        allowed=SEES_STAFF_PLAN,
        kwargs=lambda c: {"pk": staff_plan_in(c, WorkPlanStatus.APPROVED).pk, "version": 1},
    ),
    # Content: the owner while DRAFT; ekspektasi khusus: the penilai.
    "api:plan-item-add": Rule(
        allowed=frozenset({"staff"}),
        method="post",
        kwargs=lambda c: _pk(staff_plan(c)),
        data=lambda c: _reset(c, WorkPlanStatus.DRAFT, {"kind": "tambahan", "text": "Menjadi narasumber"}),
        ok_status=(201,),
    ),
    "api:plan-item-detail": Rule(
        allowed=frozenset({"staff"}),
        method="patch",
        kwargs=lambda c: {"pk": _staff_item(c).pk},
        data=lambda c: _reset(c, WorkPlanStatus.DRAFT, {"text": "Terlayaninya seluruh pemohon"}),
    ),
    "api:indicator-add": Rule(
        allowed=frozenset({"staff"}),
        method="post",
        kwargs=lambda c: {"pk": _staff_item(c).pk},
        data=lambda c: _reset(
            c,
            WorkPlanStatus.DRAFT,
            {"aspect": "waktu", "text": "Waktu layanan", "target_min": "3", "target_unit": "hari"},
        ),
        ok_status=(201,),
    ),
    "api:indicator-detail": Rule(
        allowed=frozenset({"staff"}),
        method="patch",
        kwargs=lambda c: {"pk": _staff_indicator(c).pk},
        data=lambda c: _reset(c, WorkPlanStatus.DRAFT, {"target_min": "15"}),
    ),
    "api:work-plan-expectation": Rule(
        allowed=frozenset({"supervisor"}),
        method="put",
        kwargs=lambda c: {"pk": staff_plan(c).pk, "value": "akuntabel"},
        data=lambda c: _reset(c, WorkPlanStatus.SUBMITTED, {"special_expectation": "Laporan tepat waktu."}),
    ),
    # Matriks peran hasil: only the owner of the RHK hands it to their team.
    "api:plan-item-distribution": Rule(
        allowed=frozenset({"supervisor"}),
        method="put",
        kwargs=lambda c: {"pk": base(c)["kabid_item"].pk},
        data=lambda c: {"employees": [c.employee("staff").pk, c.employee("colleague").pk]},
    ),
    "api:cascade": Rule(allowed=SEES_DINAS_A, data=_year_filter),
    "api:completion": Rule(allowed=SEES_DINAS_A, data=_year_filter),
}
