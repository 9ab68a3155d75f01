"""Who may use the monitoring API (see kinerja/core/tests/matrix.py).

On top of the planning matrix's year (kinerja/planning/tests/api_access_matrix.py): alice's APPROVED SKP
with one RHK and one IKI, the period containing today, one progress entry of hers with a PDF, her realisasi,
sam's feedback on her RHK and a dialogue sam led with her (action owned by alice). Built once per cast; a
rule whose request changes state puts it back in its ``data`` hook, so every cast member meets the same records.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import Rule
from kinerja.monitoring import services
from kinerja.monitoring.models import DialogueAction, ProgressEntry
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod
from kinerja.planning.tests.api_access_matrix import SEES_STAFF_PLAN, staff_plan_in

# A minimal PDF: `filetype` recognises it by its first bytes.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# Alice's supervisors by position (sam, hana) and the pengelola kepegawaian whose scope covers her.
RECORD_DIALOGUE = frozenset({"supervisor", "opd_head", "admin_opd", "admin_bkpsdm"})
# Supervisors and colleagues of her agency (Dinas A); never herself.
APPRECIATE_ALICE = frozenset({"colleague", "supervisor", "opd_head", "admin_opd"})


def records(cast: Cast) -> dict[str, Any]:
    store: dict[str, Any] = cast.__dict__.setdefault("_monitoring_matrix", {})
    if store:
        return store
    plan = staff_plan_in(cast, WorkPlanStatus.APPROVED)
    item = plan.items.get()
    indicator = item.indicators.get()
    today = org_selectors.today()
    period = EvaluationPeriod.objects.get(
        year=plan.year, kind=PeriodKind.PERIODIC, start_date__lte=today, end_date__gte=today
    )
    alice, sam = cast.user("staff"), cast.user("supervisor")
    entry = services.progress_add(
        actor=alice,
        item=item,
        day=today,
        description="Melayani 12 pemohon",
        files=[SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")],
    )
    realization = services.realization_set(actor=alice, indicator=indicator, period=period, value="3")
    feedback = services.feedback_give(actor=sam, work_plan=plan, item=item, text="Pertahankan.")
    dialogue = services.dialogue_record(
        actor=sam,
        employee=cast.employee("staff"),
        kind="dialog_kinerja",
        held_on=today,
        topics="Capaian triwulan berjalan",
        actions=[{"description": "Lengkapi bukti dukung", "owner": cast.employee("staff"), "due_date": today}],
    )
    store.update(
        plan=plan, item=item, indicator=indicator, period=period, entry=entry, evidence=entry.evidence.get(),
        realization=realization, feedback=feedback, action=dialogue.actions.get(),
    )  # fmt: skip
    return store


def _pk(name: str) -> Any:
    return lambda c: {"pk": records(c)[name].pk}


def _unacknowledged(cast: Cast) -> dict[str, Any]:
    ProgressEntry.objects.filter(pk=records(cast)["entry"].pk).update(acknowledged_at=None, acknowledged_by=None)
    return {}


def _reopened(cast: Cast) -> dict[str, Any]:
    DialogueAction.objects.filter(pk=records(cast)["action"].pk).update(done_at=None, done_note="")
    return {"note": "Sudah dilengkapi."}


def _new_entry(cast: Cast) -> dict[str, Any]:
    return {"item": records(cast)["item"].pk, "description": "Menyusun laporan harian"}


def _dialogue(cast: Cast) -> dict[str, Any]:
    records(cast)
    return {
        "employee": cast.employee("staff").pk,
        "kind": "coaching",
        "held_on": org_selectors.today().isoformat(),
        "topics": "Penyusunan laporan",
    }


RULES = {
    # Only the owner logs progress on her RHK; an RHK one cannot see is a 404, one one sees but does not own a 403.
    "api:progress-list": Rule(allowed=frozenset({"staff"}), method="post", data=_new_entry, ok_status=(201,)),
    "api:progress-detail": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("entry")),
    "api:progress-acknowledge": Rule(
        allowed=frozenset({"supervisor"}), method="post", kwargs=_pk("entry"), data=_unacknowledged
    ),
    # A conversation between the owner and her penilai.
    "api:progress-comments": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        method="post",
        kwargs=_pk("entry"),
        data=lambda c: {"text": "Baik, lanjutkan."},
        ok_status=(201,),
    ),
    "api:work-plan-realisasi": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("plan")),
    "api:indicator-realisasi": Rule(
        allowed=frozenset({"staff"}),
        method="put",
        kwargs=lambda c: {"pk": records(c)["indicator"].pk, "period": records(c)["period"].pk},
        data=lambda c: {"value": "4"},
    ),
    "api:evidence-attach": Rule(
        allowed=frozenset({"staff"}),
        method="post",
        data=lambda c: {"progress_entry": records(c)["entry"].pk, "link": "https://drive.example.go.id/bukti"},
        ok_status=(201,),
    ),
    # The download: exactly who sees alice's SKP; guessing the id gets everyone else a 404.
    "api:evidence-detail": Rule(allowed=SEES_STAFF_PLAN, kwargs=_pk("evidence")),
    "api:work-plan-feedback": Rule(
        allowed=frozenset({"supervisor"}),
        method="post",
        kwargs=_pk("plan"),
        data=lambda c: {"item": records(c)["item"].pk, "text": "Bukti dukung sudah lengkap.", "reaction": "good"},
        ok_status=(201,),
    ),
    "api:feedback-reply": Rule(
        allowed=frozenset({"staff", "supervisor"}),
        method="post",
        kwargs=_pk("feedback"),
        data=lambda c: {"text": "Terima kasih."},
        ok_status=(201,),
    ),
    "api:dialogue-list": Rule(allowed=RECORD_DIALOGUE, method="post", data=_dialogue, ok_status=(201,)),
    # The action's owner (alice) or the dialogue's leader (sam).
    "api:dialogue-action-close": Rule(
        allowed=frozenset({"staff", "supervisor"}), method="post", kwargs=_pk("action"), data=_reopened
    ),
    "api:appreciation-list": Rule(
        allowed=APPRECIATE_ALICE,
        method="post",
        data=lambda c: {"recipient": c.employee("staff").pk, "text": "Laporan triwulan selesai lebih cepat."},
        ok_status=(201,),
    ),
}
