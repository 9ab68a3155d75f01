"""The world of the evaluation document tests, built on the evaluation cast (kinerja/evaluation/tests/conftest.py).

Dinas A rated BAIK by the Pimpinan daerah; alice (penilai sam, atasan hana) rated Di Atas/Di Atas → Sangat Baik
with a realisasi and feedback on her first RHK and on one BerAKHLAK value; carol Sesuai/Sesuai → Baik; sam
Sesuai/Di Bawah → Kurang. The ``rated`` and ``published`` fixtures live in conftest.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.documents.tests.conftest import pdf_text
from kinerja.evaluation import services as evaluation_services
from kinerja.evaluation.choices import ObjectionOutcome, Rating
from kinerja.evaluation.models import Evaluation, Objection
from kinerja.evaluation.tests.conftest import EvaluationCast, rate
from kinerja.evaluation.tests.factories import OrganizationRatingFactory
from kinerja.monitoring.models import Feedback, Realization

FEEDBACK = "Laporan bulan kedua terlambat tiga hari, perbaiki jadwal penyusunan"
BEHAVIOUR_FEEDBACK = "Sigap melayani pengaduan masyarakat"
REASONS = "Seluruh laporan saya selesai tepat waktu dengan bukti dukung lengkap"
EXPLANATION = "Dua laporan direvisi karena data belum valid"
DECISION = "Bukti dukung menunjukkan laporan tepat waktu; rating perilaku dinaikkan"
SIGNER = {"name": "Wali Kota Uji", "nip": "-", "rank": "", "position": "Wali Kota", "unit": "Pemerintah Kota Uji"}


def fresh(cast: EvaluationCast, name: str) -> User:
    return User.objects.get(pk=cast.user(name).pk)


def get(cast: EvaluationCast, name: str | None, url: str) -> Any:
    client = Client()
    if name:
        client.force_login(cast.user(name))
    return client.get(url)


def doc_url(evaluation: Evaluation) -> str:
    return reverse("documents:evaluation-pdf", args=[evaluation.pk])


def record_url(evaluation: Evaluation) -> str:
    return reverse("documents:evaluation-record-pdf", args=[evaluation.pk])


def text_of(cast: EvaluationCast, name: str, url: str) -> str:
    response = get(cast, name, url)
    assert response.status_code == 200, response.status_code
    assert response.content.startswith(b"%PDF")
    return pdf_text(response.content)


def build_rated(c: EvaluationCast) -> EvaluationCast:
    """Dinas A BAIK; alice, carol and sam rated (not published yet); alice has realisasi and feedback."""
    OrganizationRatingFactory(unit=c.opd_a, period=c.period, signer=SIGNER, set_by=c.user("leader"))
    Realization.objects.create(indicator=c.staff_indicators[0], period=c.period, value=Decimal("10"))
    Feedback.objects.create(
        work_plan=c.staff_plan, period=c.period, item=c.staff_items[0], author=c.user("supervisor"), text=FEEDBACK
    )
    value = c.staff_plan.behaviour_expectations.order_by("value__order").first().value
    Feedback.objects.create(
        work_plan=c.staff_plan, period=c.period, value=value, author=c.user("supervisor"), text=BEHAVIOUR_FEEDBACK
    )
    rate(c.evaluation("staff"), Rating.ABOVE, Rating.ABOVE, c.user("supervisor"))
    rate(c.evaluation("colleague"), Rating.MEETS, Rating.MEETS, c.user("supervisor"))
    rate(c.evaluation("supervisor"), Rating.MEETS, Rating.BELOW, c.user("opd_head"))
    return c


def decide_changed(c: EvaluationCast) -> Objection:
    """Alice files a keberatan, sam explains, hana changes perilaku to Sesuai: Sangat Baik → Baik."""
    objection = evaluation_services.objection_file(
        actor=fresh(c, "staff"), evaluation=c.evaluation("staff"), reasons=REASONS
    )
    objection = evaluation_services.objection_explain(
        actor=fresh(c, "supervisor"), objection=objection, explanation=EXPLANATION, lock_version=objection.lock_version
    )
    return evaluation_services.objection_decide(
        actor=fresh(c, "opd_head"), objection=objection, outcome=ObjectionOutcome.CHANGED, reason=DECISION,
        results_rating=Rating.ABOVE, behaviour_rating=Rating.MEETS, lock_version=objection.lock_version,
    )  # fmt: skip
