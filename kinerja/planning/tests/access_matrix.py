"""Who may open the planning pages (see kinerja/core/tests/matrix.py).

The world of each rule: Sam (kabid) has an approved SKP with one RHK; Alice (staff) has an SKP whose one
main RHK supports it, with one IKI, in the state the rule needs. Alice's SKP is seen by herself, her
penilai Sam, her atasan penilai Hana, Admin OPD of Dinas A and the city-wide roles; not by her colleague
Carol nor by Dinas B (planning/permissions.py). POST rules run as the cast in alphabetical order, so when
the first allowed person changes the state, later people are refused by the new state; those cases say so.
"""

from __future__ import annotations

from django.utils import timezone

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import BehaviourValue, PlanItem, WorkPlan
from kinerja.planning.tests.factories import (
    GoalIndicatorFactory,
    IndicatorFactory,
    OrganizationGoalFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    WorkPlanFactory,
    approve_directly,
)

SEES_ALICE_PLAN = frozenset({"staff", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})
# can_view_cascade(Dinas A): its members and the scoped roles, not Dinas B.
SEES_CASCADE_A = frozenset(
    {"staff", "colleague", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"}
)
MANAGES_GOALS_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm"})
LATE_LIST = frozenset({"admin_bkpsdm", "admin_opd", "auditor", "leader"})


def alice_plan(c: Cast, status: str = WorkPlanStatus.DRAFT) -> WorkPlan:
    year = PerformanceYearFactory()
    sam_plan = WorkPlanFactory(employee=c.employee("supervisor"), year=year)
    sam_item = PlanItemFactory(work_plan=sam_plan, text="Terselenggaranya layanan Bidang A1")
    IndicatorFactory(item=sam_item)
    approve_directly(sam_plan, owner_user=c.user("supervisor"), penilai_user=c.user("opd_head"))
    plan = WorkPlanFactory(employee=c.employee("staff"), year=year)
    IndicatorFactory(item=PlanItemFactory(work_plan=plan, supported_item=sam_item))
    if status == WorkPlanStatus.SUBMITTED:
        plan.status = WorkPlanStatus.SUBMITTED
        plan.submitted_at = timezone.now()
        plan.save()
    elif status == WorkPlanStatus.APPROVED:
        approve_directly(plan, owner_user=c.user("staff"), penilai_user=c.user("supervisor"))
    return plan


def alice_item(c: Cast) -> PlanItem:
    return alice_plan(c).items.get()


def sam_plan(c: Cast) -> WorkPlan:
    return alice_plan(c).items.get().supported_item.work_plan


def goal_of_dinas_a(c: Cast) -> int:
    goal = OrganizationGoalFactory(year=PerformanceYearFactory(), unit=c.opd_a)
    GoalIndicatorFactory(goal=goal)
    return goal.pk


def with_year(kwargs: dict[str, int]) -> dict[str, int]:
    PerformanceYearFactory()
    return kwargs


def first_value() -> int:
    return BehaviourValue.objects.order_by("order").values_list("pk", flat=True)[0]


SUBMITTED = WorkPlanStatus.SUBMITTED
APPROVED = WorkPlanStatus.APPROVED

RULES = {
    # Everyone has a "My SKP" page (empty without a post); starting answers with a redirect either way:
    # to the new SKP, or back with the reason (no open year here). test_views.py covers the outcomes.
    "planning:my-plans": Rule(allowed=EVERYONE),
    "planning:plan-start": Rule(
        allowed=EVERYONE,
        method="post",
        data=lambda c: {"approach": "kuantitatif", "source": "blank"},
        ok_status=(302,),
    ),  # fmt: skip
    "planning:plan-detail": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_plan(c).pk}),
    "planning:plan-version": Rule(
        allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_plan(c, APPROVED).pk, "version": 1}
    ),
    # Editing a draft is the owner's; others who see it get 403, the rest 404.
    "planning:item-add": Rule(allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_plan(c).pk}),
    "planning:item-edit": Rule(allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_item(c).pk}),
    "planning:item-delete": Rule(
        allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_item(c).pk}, method="post", ok_status=(302,)
    ),
    "planning:indicator-add": Rule(allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_item(c).pk}),
    "planning:indicator-edit": Rule(
        allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_item(c).indicators.get().pk}
    ),
    "planning:indicator-delete": Rule(
        allowed=frozenset({"staff"}),
        kwargs=lambda c: {"pk": alice_item(c).indicators.get().pk},
        method="post",
        ok_status=(302,),
    ),  # fmt: skip
    "planning:plan-lampiran": Rule(allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_plan(c).pk}),
    "planning:plan-approach": Rule(
        allowed=frozenset({"staff"}),
        kwargs=lambda c: {"pk": alice_plan(c).pk},
        method="post",
        data=lambda c: {"approach": "kualitatif"},
        ok_status=(302,),
    ),  # fmt: skip
    # Ekspektasi khusus are the penilai's while the SKP is not approved.
    "planning:expectation-set": Rule(
        allowed=frozenset({"supervisor"}),
        kwargs=lambda c: {"pk": alice_plan(c, SUBMITTED).pk, "value_pk": first_value()},
        method="post",
        data=lambda c: {"special_expectation": "Ramah"},
        ok_status=(302,),
    ),  # fmt: skip
    "planning:plan-submit": Rule(
        allowed=frozenset({"staff"}), kwargs=lambda c: {"pk": alice_plan(c).pk}, method="post", ok_status=(302,)
    ),
    "planning:plan-return": Rule(
        allowed=frozenset({"supervisor"}),
        kwargs=lambda c: {"pk": alice_plan(c, SUBMITTED).pk},
        method="post",
        data=lambda c: {"note": "Lengkapi target waktu"},
        ok_status=(302,),
    ),  # fmt: skip
    "planning:plan-approve": Rule(
        allowed=frozenset({"supervisor"}),
        kwargs=lambda c: {"pk": alice_plan(c, SUBMITTED).pk},
        method="post",
        ok_status=(302,),
    ),  # fmt: skip
    # The owner and the penilai may revise; Alice (staff) comes first alphabetically, after which the SKP is
    # a draft and Sam's request is refused by the state (his own revision is in test_views.py).
    "planning:plan-revise": Rule(
        allowed=frozenset({"staff"}),
        kwargs=lambda c: {"pk": alice_plan(c, APPROVED).pk},
        method="post",
        data=lambda c: {"reason": "Tugas tambahan"},
        ok_status=(302,),
    ),  # fmt: skip
    # Everyone has a review desk; it lists only what waits for them (test_views.py).
    "planning:review-queue": Rule(allowed=EVERYONE),
    # The matriks peran hasil of an SKP is its owner's.
    "planning:distribution": Rule(allowed=frozenset({"supervisor"}), kwargs=lambda c: {"pk": sam_plan(c).pk}),
    # My agency's cascade (a redirect), or a list of agencies to choose from.
    "planning:cascade-home": Rule(allowed=EVERYONE, ok_status=(200, 302)),
    "planning:cascade": Rule(allowed=SEES_CASCADE_A, kwargs=lambda c: {"unit_pk": c.opd_a.pk}),
    # Perjanjian Kinerja are public inside the government; managing them is the agency's.
    "planning:goals": Rule(allowed=EVERYONE, kwargs=lambda c: {"unit_pk": c.opd_a.pk}),
    # Adding needs a current year to add to.
    "planning:goal-add": Rule(allowed=MANAGES_GOALS_A, kwargs=lambda c: with_year({"unit_pk": c.opd_a.pk})),
    "planning:goal-edit": Rule(allowed=MANAGES_GOALS_A, kwargs=lambda c: {"pk": goal_of_dinas_a(c)}),
    # Admin BKPSDM deletes first (alphabetical); the goal is then gone for Admin OPD and the head (404).
    "planning:goal-delete": Rule(
        allowed=frozenset({"admin_bkpsdm"}),
        kwargs=lambda c: {"pk": goal_of_dinas_a(c)},
        method="post",
        ok_status=(302,),
    ),  # fmt: skip
    "planning:years": Rule(allowed=frozenset({"admin_bkpsdm"})),
    "planning:year-open": Rule(allowed=frozenset({"admin_bkpsdm"})),
    "planning:year-edit": Rule(
        allowed=frozenset({"admin_bkpsdm"}), kwargs=lambda c: {"year": PerformanceYearFactory().year}
    ),
    "planning:late": Rule(allowed=LATE_LIST),
}
