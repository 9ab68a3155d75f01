"""Who may open the monitoring pages (see kinerja/core/tests/matrix.py).

The world of each rule: Alice (staff) has an APPROVED SKP (penilai Sam) with one RHK and one IKI, in a year
whose periods include today. What is about her SKP (progress page, evidence) is seen by whoever sees the SKP
(SEES_ALICE_PLAN: herself, Sam, Hana, Admin OPD of Dinas A and the city-wide roles); realisasi is hers to fill,
feedback Sam's to give; her colleague Carol and Dinas B get 404.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.monitoring.choices import DialogueKind
from kinerja.monitoring.models import Dialogue, DialogueAction, Evidence, Feedback, ProgressEntry
from kinerja.monitoring.tests.factories import PNG_BYTES
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, WorkPlan
from kinerja.planning.tests.access_matrix import SEES_ALICE_PLAN, alice_plan

ALICE = frozenset({"staff"})
SAM = frozenset({"supervisor"})


def approved_plan(c: Cast) -> WorkPlan:
    return alice_plan(c, WorkPlanStatus.APPROVED)


def current_period(plan: WorkPlan) -> EvaluationPeriod:
    today = org_selectors.today()
    return plan.year.periods.filter(start_date__lte=today, end_date__gte=today).order_by("start_date").first()


def alice_evidence(c: Cast) -> int:
    item = approved_plan(c).items.get()
    entry = ProgressEntry.objects.create(
        employee=c.employee("staff"), item=item, day=org_selectors.today(), description="Rapat koordinasi"
    )
    digest = hashlib.sha256(PNG_BYTES).hexdigest()
    evidence = Evidence(
        owner=c.employee("staff"), progress_entry=entry, original_name="foto.png", content_type="image/png",
        size=len(PNG_BYTES), sha256=digest,
    )  # fmt: skip
    evidence.file.save("foto.png", ContentFile(PNG_BYTES), save=True)
    return evidence.pk


def alice_with_plan(c: Cast) -> int:
    # ``data`` is built for each request: the SKP is made once.
    if not WorkPlan.objects.filter(employee=c.employee("staff")).exists():
        approved_plan(c)
    return c.employee("staff").pk


def alice_entry(c: Cast) -> int:
    item = approved_plan(c).items.get()
    entry = ProgressEntry.objects.create(
        employee=c.employee("staff"), item=item, day=org_selectors.today(), description="Rapat koordinasi"
    )
    return entry.pk


def realization_kwargs(c: Cast) -> dict[str, int]:
    plan = approved_plan(c)
    return {"pk": plan.items.get().indicators.get().pk, "period_pk": current_period(plan).pk}


def feedback_of_sam(c: Cast) -> int:
    plan = approved_plan(c)
    feedback = Feedback.objects.create(work_plan=plan, item=plan.items.get(), author=c.user("supervisor"), text="Rapi.")
    return feedback.pk


def open_action(c: Cast) -> int:
    dialogue = Dialogue.objects.create(
        employee=c.employee("staff"), led_by=c.employee("supervisor"), kind=DialogueKind.COACHING,
        held_on=org_selectors.today(), topics="Capaian triwulan",
    )  # fmt: skip
    action = DialogueAction.objects.create(
        dialogue=dialogue, owner=c.employee("staff"), description="Menyusun draf", due_date=org_selectors.today()
    )
    return action.pk


RULES = {
    # Everyone has the page (with an explanation when there is no approved SKP to log against).
    "monitoring:today": Rule(allowed=EVERYONE),
    "monitoring:evidence-download": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_evidence(c)}),
    "monitoring:progress-detail": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": alice_entry(c)}),
    # Acknowledging is the penilai's; acknowledging twice is harmless (the first one stays).
    "monitoring:progress-acknowledge": Rule(
        allowed=SAM, kwargs=lambda c: {"pk": alice_entry(c)}, method="post", ok_status=(302,)
    ),
    # A conversation between the owner and the penilai.
    "monitoring:progress-comment": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        kwargs=lambda c: {"pk": alice_entry(c)},
        method="post",
        data=lambda c: {"text": "Lanjutkan."},
        ok_status=(302,),
    ),  # fmt: skip
    # Everyone has a team page; it lists only their own team (test_views.py).
    "monitoring:team": Rule(allowed=EVERYONE),
    # My own calendar for everyone; someone else's only for whoever sees their SKP.
    "monitoring:calendar": Rule(allowed=SEES_ALICE_PLAN, data=lambda c: {"employee": alice_with_plan(c)}),
    "monitoring:plan-progress": Rule(allowed=SEES_ALICE_PLAN, kwargs=lambda c: {"pk": approved_plan(c).pk}),
    # Realisasi is the owner's; others who see the SKP get 403, the rest 404.
    "monitoring:realization-set": Rule(allowed=ALICE, kwargs=realization_kwargs),
    "monitoring:feedback-give": Rule(
        allowed=SAM,
        kwargs=lambda c: {"pk": approved_plan(c).pk},
        method="post",
        data=lambda c: {"target": "", "text": "Lanjutkan."},
        ok_status=(302,),
    ),  # fmt: skip
    # The owner and the author may reply; Alice (staff) and Sam (supervisor) both can, replies pile up.
    "monitoring:feedback-reply": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        kwargs=lambda c: {"pk": feedback_of_sam(c)},
        method="post",
        data=lambda c: {"text": "Terima kasih."},
        ok_status=(302,),
    ),  # fmt: skip
    # Everyone has the page (their sessions and open actions); recording is for those with a team (test_views.py).
    "monitoring:dialogues": Rule(allowed=EVERYONE),
    # The action's owner (Alice) or the dialogue's leader (Sam) closes it; whoever comes second finds it
    # already closed and is sent back with a message (302 as well).
    "monitoring:action-close": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        kwargs=lambda c: {"pk": open_action(c)},
        method="post",
        ok_status=(302,),
    ),  # fmt: skip
    # Give appreciation and read my agency's feed.
    "monitoring:appreciate": Rule(allowed=EVERYONE),
    # The coaching report: the audience of the SKP late list (scoped HR roles, pimpinan, auditor).
    "monitoring:feedback-report": Rule(allowed=frozenset({"admin_opd", "admin_bkpsdm", "auditor", "leader"})),
}
