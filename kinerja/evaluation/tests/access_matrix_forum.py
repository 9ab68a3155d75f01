"""Who may open the org-rating, calibration-forum and document-batch pages (see kinerja/core/tests/matrix.py).

The world of each rule: the year containing today, its current triwulan, and Dinas A. Alice (staff) has an
approved SKP rated Baik by Sam in the forum of Dinas A (permissions.py):
- the capaian of Dinas A is set by the Pimpinan daerah (wali); everyone reads the results page;
- the forum of Dinas A is viewed by Hana (its head), Adi (its Admin OPD), Bea (BKPSDM), Audrey (Auditor) and
  wali; managed (open, adjust, minutes, suggestions) by Hana, Adi and Bea; locked by Hana and Bea. Those who
  view but may not act get 403, the rest 404;
- the document batches of Dinas A follow the forum view.
POST rules run as the cast in alphabetical order; where the first allowed person changes the state, the rule
says what the later ones get.
"""

from __future__ import annotations

from typing import Any

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.evaluation.choices import OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import CalibrationForum, DocumentBatch, Evaluation
from kinerja.evaluation.tests.factories import CalibrationForumFactory, EvaluationFactory, current_period_of
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod
from kinerja.planning.tests.access_matrix import alice_plan
from kinerja.planning.tests.factories import PerformanceYearFactory

VIEWS_FORUM_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})
MANAGES_FORUM_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm"})
LOCKS_FORUM_A = frozenset({"opd_head", "admin_bkpsdm"})
SETS_CAPAIAN_A = frozenset({"leader"})


def current_period() -> EvaluationPeriod:
    year = PerformanceYearFactory()
    today = org_selectors.today()
    return year.periods.filter(start_date__lte=today, end_date__gte=today).order_by("kind", "number").first()


def dinas_a_period(c: Cast) -> dict[str, int]:
    return {"agency_pk": c.opd_a.pk, "period_pk": current_period().pk}


def alice_rated(c: Cast) -> Evaluation:
    """Alice's evaluation of the current period, rated Baik by Sam (no service: the matrix is about access)."""
    plan = alice_plan(c, WorkPlanStatus.APPROVED)
    evaluation = EvaluationFactory(work_plan=plan, period=current_period_of(plan))
    evaluation.results_rating = evaluation.behaviour_rating = Rating.MEETS
    evaluation.results_reason = evaluation.behaviour_reason = "Sesuai bukti dukung."
    evaluation.proposed_predikat = Predikat.BAIK
    evaluation.status = "rated"
    evaluation.rated_by = c.user("supervisor")
    evaluation.save()
    return evaluation


def forum_a(c: Cast) -> CalibrationForum:
    evaluation = alice_rated(c)
    return CalibrationForumFactory(agency=c.opd_a, period=evaluation.period, opened_by=c.user("opd_head"))


def forum_kwargs(c: Cast) -> dict[str, int]:
    return {"pk": forum_a(c).pk}


def _forum_of(c: Cast) -> CalibrationForum:
    return CalibrationForum.objects.get(agency=c.opd_a)


def minutes_data(c: Cast) -> dict[str, Any]:
    # Read at each request: the first allowed person's save moves the lock_version on.
    forum = _forum_of(c)
    return {"lock_version": forum.lock_version, "minutes": "Forum dibuka pukul 09.00.", "guests": "", "held_on": ""}


def adjust_data(c: Cast) -> dict[str, Any]:
    evaluation = Evaluation.objects.get(agency=c.opd_a)
    return {"evaluation": evaluation.pk, "to_predikat": Predikat.BUTUH_PERBAIKAN, "reason": "Hasil forum."}


def batch_kwargs(c: Cast) -> dict[str, int]:
    period = current_period()
    batch = DocumentBatch.objects.create(agency=c.opd_a, period=period, requested_by=c.user("opd_head"))
    return {"pk": batch.pk}


RULES = {
    # The results of step 1 are public inside the government: everyone has the page (their agency's list).
    "evaluation:org-ratings": Rule(allowed=EVERYONE, data=lambda c: {"period": current_period().pk}),
    "evaluation:org-rating-set": Rule(
        allowed=SETS_CAPAIAN_A,
        kwargs=lambda c: {"unit_pk": c.opd_a.pk, "period_pk": current_period().pk},
        method="post",
        data=lambda c: {
            f"u{c.opd_a.pk}-predikat": OrgPredikat.BAIK,
            f"u{c.opd_a.pk}-note": "Capaian IKU sesuai target.",
        },
        ok_status=(302,),
    ),
    # Everyone has the list (empty for those who see no forum).
    "evaluation:forums": Rule(allowed=EVERYONE),
    # GET here; its POST (opening the forum: managers only, viewers 403) is in test_views_forum.py.
    "evaluation:forum": Rule(allowed=VIEWS_FORUM_A, kwargs=dinas_a_period),
    "evaluation:forum-update": Rule(
        allowed=MANAGES_FORUM_A, kwargs=forum_kwargs, method="post", data=minutes_data, ok_status=(302,)
    ),
    # Each manager sets Butuh Perbaikan in turn; the later ones are told it already is (a message, a redirect).
    "evaluation:forum-adjust": Rule(
        allowed=MANAGES_FORUM_A, kwargs=forum_kwargs, method="post", data=adjust_data, ok_status=(302,)
    ),
    # Nothing ticked: the page comes back with the error next to the list.
    "evaluation:forum-suggestion": Rule(
        allowed=MANAGES_FORUM_A, kwargs=forum_kwargs, method="post", data=lambda c: {}, ok_status=(200,)
    ),
    # Without minutes the lock is refused and the page says why (200); the Admin OPD alone cannot lock (403).
    "evaluation:forum-lock": Rule(
        allowed=LOCKS_FORUM_A,
        kwargs=forum_kwargs,
        method="post",
        data=lambda c: {"lock_version": _forum_of(c).lock_version},
        ok_status=(200,),
    ),
    "evaluation:batches": Rule(allowed=VIEWS_FORUM_A, kwargs=dinas_a_period),
    "evaluation:batch": Rule(allowed=VIEWS_FORUM_A, kwargs=batch_kwargs),
}
