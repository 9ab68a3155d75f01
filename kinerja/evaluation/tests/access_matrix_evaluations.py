"""Who may open the evaluation and keberatan pages (see kinerja/core/tests/matrix.py).

The world of each rule: Alice (staff) has an APPROVED SKP (penilai Sam, atasan penilai Hana) and an evaluation
of the period containing today, in the state the rule needs. Whoever sees her SKP sees the evaluation and any
keberatan (SEES_ALICE_PLAN: herself, Sam, Hana, Admin OPD of Dinas A and the city-wide roles); Carol and Dinas B
get 404. Sam alone rates and explains, Alice alone self-assesses and files, and only Hana, the atasan pejabat
penilai, decides a keberatan (PP 30/2019 Ps 59): not the Pimpinan daerah, not the admins, not Sam.
"""

from __future__ import annotations

from django.utils import timezone

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.evaluation.choices import ObjectionStatus, Rating
from kinerja.evaluation.models import Evaluation, Objection
from kinerja.evaluation.tests.conftest import publish, rate
from kinerja.evaluation.tests.factories import EvaluationFactory, ObjectionAttachmentFactory, ObjectionFactory
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.tests.access_matrix import SEES_ALICE_PLAN, alice_plan

ALICE = frozenset({"staff"})
SAM = frozenset({"supervisor"})
# The atasan pejabat penilai of Alice's SKP: the only one who decides her keberatan.
HANA = frozenset({"opd_head"})


def alice_evaluation(c: Cast, *, published: bool = False) -> Evaluation:
    evaluation = EvaluationFactory(work_plan=alice_plan(c, WorkPlanStatus.APPROVED))
    if published:
        rate(evaluation, Rating.MEETS, Rating.MEETS, c.user("supervisor"))
        publish(evaluation)
    return evaluation


def alice_objection(c: Cast, status: str = ObjectionStatus.FILED) -> Objection:
    objection = ObjectionFactory(evaluation=alice_evaluation(c, published=True), filed_by=c.user("staff"))
    if status == ObjectionStatus.EXPLAINED:
        objection.status = ObjectionStatus.EXPLAINED
        objection.explanation = "Capaian sesuai target, bukan di atas."
        objection.explained_by = c.user("supervisor")
        objection.explained_at = timezone.now()
        objection.save()
    return objection


def rating_data(c: Cast) -> dict[str, str]:
    return {
        "results_rating": Rating.MEETS,
        "results_reason": "Capaian IKI sesuai target dengan bukti dukung lengkap.",
        "behaviour_rating": Rating.MEETS,
        "behaviour_reason": "Perilaku kerja sesuai nilai BerAKHLAK.",
        "note": "",
    }


RULES = {
    # Everyone has an evaluation home (results, keberatan, org capaian); its content depends on the person.
    "evaluation:home": Rule(allowed=EVERYONE),
    # The team list shows only the SKP the visitor rates: empty for the others, never someone else's team.
    "evaluation:team": Rule(allowed=EVERYONE, kwargs=lambda c: {"period_pk": alice_evaluation(c).period_id}),
    "evaluation:detail": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_evaluation(c).pk}),
    "evaluation:rate": Rule(
        allowed=SAM,
        kwargs=lambda c: {"pk": alice_evaluation(c).pk},
        method="post",
        data=rating_data,
        ok_status=(302,),
    ),  # fmt: skip
    "evaluation:self-assess": Rule(
        allowed=ALICE,
        kwargs=lambda c: {"pk": alice_evaluation(c).pk},
        method="post",
        data=lambda c: {"self_assessment": "Laporan layanan selesai tepat waktu."},
        ok_status=(302,),
    ),  # fmt: skip
    "evaluation:objection-file": Rule(
        allowed=ALICE,
        kwargs=lambda c: {"pk": alice_evaluation(c, published=True).pk},
        method="post",
        data=lambda c: {"reasons": "Capaian saya melebihi target pada dua IKI."},
        ok_status=(302,),
    ),  # fmt: skip
    "evaluation:objection": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_objection(c).pk}),
    "evaluation:objection-explain": Rule(
        allowed=SAM,
        kwargs=lambda c: {"pk": alice_objection(c).pk},
        method="post",
        data=lambda c: {"explanation": "Capaian sesuai target, bukan di atas.", "lock_version": "0"},
        ok_status=(302,),
    ),  # fmt: skip
    # Only the atasan pejabat penilai decides (PP 30/2019 Ps 59(4)).
    "evaluation:objection-decide": Rule(
        allowed=HANA,
        kwargs=lambda c: {"pk": alice_objection(c, ObjectionStatus.EXPLAINED).pk},
        method="post",
        data=lambda c: {"outcome": "kept", "reason": "Penjelasan pejabat penilai sesuai bukti.", "lock_version": "0"},
        ok_status=(302,),
    ),  # fmt: skip
    "evaluation:objection-attachment": Rule(
        allowed=SEES_ALICE_PLAN,
        kwargs=lambda c: {"pk": ObjectionAttachmentFactory(objection=alice_objection(c)).pk},
    ),
}
