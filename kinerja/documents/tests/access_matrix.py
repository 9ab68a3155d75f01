"""Who may open the document pages (see kinerja/core/tests/matrix.py).

The world of each rule: Alice (staff) has an approved SKP (version 1) whose RHK supports Sam's. Reading
its PDF is reading the SKP (planning/permissions.py): herself, her penilai Sam, her atasan penilai Hana,
Admin OPD of Dinas A and the city-wide roles; not her colleague Carol nor Dinas B. The verification
pages are public: anyone holding the paper may check it.

Evaluation documents (evaluation/permissions.py): Alice's published evaluation of the current period is read
by whoever reads her SKP (she herself only once published, which it is here); the penetapan of the capaian of
Dinas A by every logged-in user (SAKIP results are public inside the government); the berita acara of the
locked forum of Dinas A and the zip of its documents by those who view that forum (Hana, Adi, Bea, Audrey, wali).
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.documents.choices import DocumentKind
from kinerja.documents.services import document_issue
from kinerja.evaluation.choices import BatchStatus, ForumStatus, Rating
from kinerja.evaluation.models import DocumentBatch, Evaluation
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import (
    CalibrationForumFactory,
    EvaluationFactory,
    OrganizationRatingFactory,
)
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import WorkPlan
from kinerja.planning.tests.access_matrix import alice_plan
from kinerja.planning.tests.factories import (
    IndicatorFactory,
    PerformanceYearFactory,
    PlanItemFactory,
    WorkPlanFactory,
    approve_directly,
)

SEES_ALICE_PLAN = frozenset({"staff", "supervisor", "opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})
VIEWS_FORUM_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})


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


def alice_published(c: Cast) -> Evaluation:
    evaluation = EvaluationFactory(work_plan=alice_plan(c, WorkPlanStatus.APPROVED))
    return publish(rate(evaluation, Rating.MEETS, Rating.MEETS, c.user("supervisor")))


def org_rating_kwargs(c: Cast) -> dict[str, int]:
    evaluation = alice_published(c)
    rating = OrganizationRatingFactory(unit=c.opd_a, period=evaluation.period, set_by=c.user("leader"))
    return {"pk": rating.pk}


def locked_forum_kwargs(c: Cast) -> dict[str, int]:
    evaluation = alice_published(c)
    forum = CalibrationForumFactory(agency=c.opd_a, period=evaluation.period, opened_by=c.user("opd_head"))
    forum.status, forum.locked_at, forum.locked_by = ForumStatus.LOCKED, timezone.now(), c.user("opd_head")
    forum.save()
    return {"pk": forum.pk}


def finished_batch_kwargs(c: Cast) -> dict[str, int]:
    evaluation = alice_published(c)
    batch = DocumentBatch.objects.create(
        agency=c.opd_a, period=evaluation.period, requested_by=c.user("opd_head"), status=BatchStatus.DONE,
        total=2, done=2, finished_at=timezone.now(),
    )  # fmt: skip
    batch.file.save("dokumen.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=True)
    return {"pk": batch.pk}


RULES = {
    "documents:work-plan-pdf": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": approved_alice_plan(c).pk}),
    "documents:work-plan-version-pdf": Rule(
        allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": approved_alice_plan(c).pk, "version": 1}
    ),
    "documents:evaluation-pdf": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_published(c).pk}),
    "documents:evaluation-record-pdf": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_published(c).pk}),
    "documents:org-rating-pdf": Rule(allowed=EVERYONE, kwargs=org_rating_kwargs),
    "documents:forum-minutes-pdf": Rule(allowed=VIEWS_FORUM_A, kwargs=locked_forum_kwargs),
    "documents:evaluation-batch-zip": Rule(allowed=VIEWS_FORUM_A, kwargs=finished_batch_kwargs),
    "documents:verify-form": Rule(public=True),
    "documents:verify": Rule(public=True, kwargs=issued_code),
}
