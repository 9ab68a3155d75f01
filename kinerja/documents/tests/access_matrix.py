"""Who may open the document pages (see kinerja/core/tests/matrix.py).

The world of each rule: Alice (staff) has an approved SKP (version 1) whose RHK supports Sam's. Reading
its PDF is reading the SKP (planning/permissions.py): herself, her penilai Sam, her atasan penilai Hana,
Admin OPD of Dinas A and the city-wide roles; not her colleague Carol nor Dinas B. The verification
pages are public: anyone holding the paper may check it.
"""

from __future__ import annotations

from typing import Any

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import Rule
from kinerja.documents.choices import DocumentKind
from kinerja.documents.services import document_issue
from kinerja.planning.models import WorkPlan
from kinerja.planning.tests.factories import (
    IndicatorFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    WorkPlanFactory,
    approve_directly,
)

SEES_ALICE_PLAN = frozenset({"staff", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})


def approved_alice_plan(c: Cast) -> WorkPlan:
    year = PerformanceYearFactory()
    sam_plan = WorkPlanFactory(employee=c.employee("supervisor"), year=year)
    sam_item = PlanItemFactory(work_plan=sam_plan, text="Terselenggaranya layanan Bidang A1")
    IndicatorFactory(item=sam_item)
    approve_directly(sam_plan, owner_user=c.user("supervisor"), penilai_user=c.user("opd_head"))
    plan = WorkPlanFactory(employee=c.employee("staff"), year=year)
    IndicatorFactory(item=PlanItemFactory(work_plan=plan, supported_item=sam_item))
    return approve_directly(plan, owner_user=c.user("staff"), penilai_user=c.user("supervisor"))


def issued_code(c: Cast) -> dict[str, Any]:
    plan = approved_alice_plan(c)
    stored = plan.versions.get(version=1)
    document = document_issue(
        actor=c.user("supervisor"), kind=DocumentKind.SKP, target=plan, subject=plan.employee,
        title="SKP", version=1, content=stored.content, org_unit=plan.unit,
    )  # fmt: skip
    return {"code": document.code}


RULES = {
    "documents:work-plan-pdf": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": approved_alice_plan(c).pk}),
    "documents:work-plan-version-pdf": Rule(
        allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": approved_alice_plan(c).pk, "version": 1}
    ),
    "documents:verify-form": Rule(public=True),
    "documents:verify": Rule(public=True, kwargs=issued_code),
}
