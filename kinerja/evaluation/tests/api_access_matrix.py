"""Who may use the evaluation API (see kinerja/core/tests/matrix.py).

On top of the planning matrix's year (kinerja/planning/tests/api_access_matrix.py): alice's and sam's APPROVED
SKP; for the period containing today, their evaluations (alice OPEN, sam RATED), Dinas A's capaian (Baik, set
by wali) and its OPEN forum; for another period, alice's PUBLISHED result with a keberatan (EXPLAINED, one PDF
attached) and a document batch of Dinas A. Built once per cast; a rule whose request changes state puts it back
in its ``data`` hook, so every cast member meets the same records.

The keberatan is decided ONLY by the atasan pejabat penilai (PP 30/2019 Ps 59(4)): hana, not sam (the penilai),
not alice, not BKPSDM nor the Pimpinan daerah, whatever their scope.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, ObjectionStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import CalibrationForum, DocumentBatch, Evaluation, Objection, OrganizationRating
from kinerja.evaluation.tests.factories import (
    CalibrationForumFactory,
    EvaluationFactory,
    ObjectionAttachmentFactory,
    ObjectionFactory,
    OrganizationRatingFactory,
)
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod
from kinerja.planning.tests.api_access_matrix import SEES_STAFF_PLAN, base, staff_plan_in

# The calibration forum of Dinas A: its head, its Admin OPD, and the city-wide roles.
SEES_FORUM_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm", "auditor", "leader"})
MANAGES_FORUM_A = frozenset({"opd_head", "admin_opd", "admin_bkpsdm"})
LOCKS_FORUM_A = frozenset({"opd_head", "admin_bkpsdm"})


def records(cast: Cast) -> dict[str, Any]:
    store: dict[str, Any] = cast.__dict__.setdefault("_evaluation_matrix", {})
    if store:
        return store
    plan = staff_plan_in(cast, WorkPlanStatus.APPROVED)
    kabid_plan = base(cast)["kabid_plan"]
    today = org_selectors.today()
    periodic = EvaluationPeriod.objects.filter(year=plan.year, kind=PeriodKind.PERIODIC).order_by("number")
    period = periodic.get(start_date__lte=today, end_date__gte=today)
    other = periodic.exclude(pk=period.pk).first()
    evaluation = EvaluationFactory(work_plan=plan, period=period)
    kabid_evaluation = EvaluationFactory(work_plan=kabid_plan, period=period)
    _rate(kabid_evaluation)
    OrganizationRatingFactory(unit=cast.opd_a, period=period, predikat=OrgPredikat.BAIK, set_by=cast.user("leader"))
    forum = CalibrationForumFactory(agency=cast.opd_a, period=period, opened_by=cast.user("opd_head"))
    published = EvaluationFactory(work_plan=plan, period=other)
    _rate(published)
    Evaluation.objects.filter(pk=published.pk).update(
        status=EvaluationStatus.PUBLISHED, final_predikat=Predikat.BAIK, published_at=timezone.now()
    )
    objection = ObjectionFactory(evaluation=published, filed_by=cast.user("staff"))
    attachment = ObjectionAttachmentFactory(objection=objection)
    batch = DocumentBatch.objects.create(agency=cast.opd_a, period=period, requested_by=cast.user("opd_head"))
    store.update(
        plan=plan, period=period, other=other, evaluation=evaluation, kabid_evaluation=kabid_evaluation,
        forum=forum, published=published, objection=objection, attachment=attachment, batch=batch,
    )  # fmt: skip
    return store


def _rate(evaluation: Evaluation) -> None:
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=EvaluationStatus.RATED, results_rating=Rating.MEETS, results_reason="Sesuai target.",
        behaviour_rating=Rating.MEETS, behaviour_reason="Sesuai BerAKHLAK.", proposed_predikat=Predikat.BAIK,
        final_predikat="", calibration_reason="", published_at=None,
    )  # fmt: skip


def _pk(name: str) -> Any:
    return lambda c: {"pk": records(c)[name].pk}


def _version(model: Any, pk: int) -> int:
    return int(model.objects.values_list("lock_version", flat=True).get(pk=pk))


def _evaluation_body(cast: Cast, body: dict[str, Any]) -> dict[str, Any]:
    evaluation = records(cast)["evaluation"]
    return {**body, "lock_version": _version(Evaluation, evaluation.pk)}


def _forum_reset(cast: Cast, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """The forum OPEN again, alice and sam RATED Baik with nothing adjusted, minutes and justification written."""
    store = records(cast)
    for name in ("evaluation", "kabid_evaluation"):
        _rate(store[name])
    OrganizationRating.objects.filter(unit=cast.opd_a, period=store["period"]).update(predikat=OrgPredikat.BAIK)
    CalibrationForum.objects.filter(pk=store["forum"].pk).update(
        status=ForumStatus.OPEN, locked_at=None, locked_by=None, minutes="Forum membahas predikat pegawai.",
        justification="Unit kecil: dua pegawai.",
    )  # fmt: skip
    return {**(body or {}), "lock_version": _version(CalibrationForum, store["forum"].pk)}


def _calculation(cast: Cast) -> dict[str, Any]:
    """The calculator reads the rules of a year: the matrix's year (records) is one."""
    return {"year": records(cast)["period"].year.year, "org_predikat": "baik", "counts": {"baik": 10}}


def _forum_with_violation(cast: Cast, body: dict[str, Any]) -> dict[str, Any]:
    """Sam Sangat Baik in a Sangat Kurang OPD: a violation even for two people, so the fit helper proposes a change
    (the request sends no ``changes``: it accepts every current proposal)."""
    data = _forum_reset(cast, body)
    store = records(cast)
    Evaluation.objects.filter(pk=store["kabid_evaluation"].pk).update(proposed_predikat=Predikat.SANGAT_BAIK)
    OrganizationRating.objects.filter(unit=cast.opd_a, period=store["period"]).update(
        predikat=OrgPredikat.SANGAT_KURANG
    )
    return data


def _objection_in(cast: Cast, status: str, body: dict[str, Any]) -> dict[str, Any]:
    objection = records(cast)["objection"]
    explained = status == ObjectionStatus.EXPLAINED
    Objection.objects.filter(pk=objection.pk).update(
        status=status, outcome="", decision_reason="", decided_at=None, decided_by=None,
        explanation="Capaian sesuai bukti." if explained else "", explained_at=timezone.now() if explained else None,
        explained_by=cast.user("supervisor") if explained else None,
    )  # fmt: skip
    _rate(records(cast)["published"])
    Evaluation.objects.filter(pk=records(cast)["published"].pk).update(
        status=EvaluationStatus.PUBLISHED, final_predikat=Predikat.BAIK, published_at=timezone.now()
    )
    return {**body, "lock_version": _version(Objection, objection.pk)}


def _no_objection(cast: Cast) -> dict[str, Any]:
    Objection.objects.filter(evaluation=records(cast)["published"]).delete()
    return {"reasons": "Capaian laporan saya melebihi target."}


def _period_agency(cast: Cast) -> dict[str, int]:
    return {"period_pk": records(cast)["period"].pk, "agency_pk": cast.opd_a.pk}


def _published_period_agency(cast: Cast) -> dict[str, int]:
    # Documents are printed for published results: alice's of the other period.
    return {"period_pk": records(cast)["other"].pk, "agency_pk": cast.opd_a.pk}


RULES = {
    # The calculator shows rules, no one's data.
    "api:evaluation-distribution-check": Rule(allowed=EVERYONE, method="post", data=lambda c: _calculation(c)),
    # Capaian kinerja organisasi is public inside the government; Bidang A1's is set by hana (its head's superior).
    "api:evaluation-org-rating-list": Rule(allowed=EVERYONE, data=lambda c: {"period": records(c)["period"].pk}),
    "api:evaluation-org-rating-set": Rule(
        allowed=frozenset({"opd_head"}),
        method="put",
        kwargs=lambda c: {"unit_pk": c.bidang_a1.pk, "period_pk": records(c)["period"].pk},
        data=lambda c: {
            "predikat": OrgPredikat.BAIK,
            "note": "Capaian IKU Bidang A1 sesuai target.",
            "lock_version": None,
        },
    ),
    # Everyone may list; the rows are scoped (test_api.py checks which). The detail: who sees alice's SKP.
    "api:evaluation-list": Rule(allowed=EVERYONE),
    "api:evaluation-detail": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("evaluation")),
    "api:evaluation-self-assessment": Rule(
        allowed=frozenset({"staff"}),
        method="put",
        kwargs=_pk("evaluation"),
        data=lambda c: _evaluation_body(c, {"text": "Target laporan triwulan tercapai."}),
    ),
    "api:evaluation-rate": Rule(
        allowed=frozenset({"supervisor"}),
        method="post",
        kwargs=_pk("evaluation"),
        data=lambda c: _evaluation_body(
            c,
            {
                "results_rating": Rating.MEETS,
                "results_reason": "Capaian IKI sesuai target.",
                "behaviour_rating": Rating.MEETS,
                "behaviour_reason": "Perilaku sesuai BerAKHLAK.",
            },
        ),  # fmt: skip
    ),
    # Anyone may ask for the team they rate (an empty list for who rates nobody).
    "api:evaluation-team": Rule(allowed=EVERYONE, kwargs=lambda c: {"period_pk": records(c)["period"].pk}),
    "api:evaluation-period-publish": Rule(
        allowed=frozenset({"admin_bkpsdm"}),
        method="post",
        kwargs=lambda c: {"period_pk": records(c)["period"].pk},
        # Dinas A's forum is still open: BKPSDM publishes anyway (the refusal without force is in test_api.py).
        data=lambda c: {"force": True},
    ),
    # The forum of Dinas A.
    "api:evaluation-forum": Rule(allowed=SEES_FORUM_A, kwargs=_period_agency),
    "api:evaluation-forum-open": Rule(allowed=MANAGES_FORUM_A, method="post", kwargs=_period_agency),
    "api:evaluation-forum-update": Rule(
        allowed=MANAGES_FORUM_A,
        method="patch",
        kwargs=_pk("forum"),
        data=lambda c: _forum_reset(c, {"minutes": "Berita acara forum evaluasi Dinas A."}),
    ),
    "api:evaluation-forum-adjust": Rule(
        allowed=MANAGES_FORUM_A,
        method="post",
        kwargs=_pk("forum"),
        data=lambda c: _forum_reset(
            c,
            {
                "evaluation": records(c)["evaluation"].pk,
                "to_predikat": Predikat.BUTUH_PERBAIKAN,
                "reason": "Kalibrasi.",
            },
        ),
    ),
    "api:evaluation-forum-apply-suggestion": Rule(
        allowed=MANAGES_FORUM_A,
        method="post",
        kwargs=_pk("forum"),
        data=lambda c: _forum_with_violation(c, {"reason": "Sesuai kurva distribusi."}),
    ),
    "api:evaluation-forum-lock": Rule(
        allowed=LOCKS_FORUM_A, method="post", kwargs=_pk("forum"), data=lambda c: _forum_reset(c)
    ),
    # Keberatan: seen by who sees alice's SKP; explained by her penilai; decided ONLY by her atasan penilai.
    "api:evaluation-objection-list": Rule(allowed=EVERYONE),
    "api:evaluation-objection-detail": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("objection")),
    "api:evaluation-objection-file": Rule(
        allowed=frozenset({"staff"}), method="post", kwargs=_pk("published"), data=_no_objection, ok_status=(201,)
    ),
    "api:evaluation-objection-explain": Rule(
        allowed=frozenset({"supervisor"}),
        method="post",
        kwargs=_pk("objection"),
        data=lambda c: _objection_in(c, ObjectionStatus.FILED, {"explanation": "Rating sesuai capaian IKI."}),
    ),
    "api:evaluation-objection-decide": Rule(
        allowed=frozenset({"opd_head"}),
        method="post",
        kwargs=_pk("objection"),
        data=lambda c: _objection_in(
            c, ObjectionStatus.EXPLAINED, {"outcome": "kept", "reason": "Rating sesuai bukti dukung."}
        ),
    ),
    "api:evaluation-objection-attachment": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("attachment")),
    # Documents of Dinas A: whoever sees its forum.
    "api:evaluation-document-batch-request": Rule(
        allowed=SEES_FORUM_A, method="post", kwargs=_published_period_agency, ok_status=(202,)
    ),
    "api:evaluation-document-batch-detail": Rule(allowed=SEES_FORUM_A, kwargs=_pk("batch")),
}
