"""The evaluation pages over HTTP, as people use them: the penilai rates with the evidence and the system's
suggestion in view; the employee self-assesses, reads the published result with its reasons and files a
keberatan in time; the penilai explains and only the atasan pejabat penilai decides."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from kinerja.evaluation.choices import EvaluationStatus, ObjectionStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import CalibrationAdjustment, Evaluation, Objection
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import CalibrationForumFactory, ObjectionFactory, OrganizationRatingFactory
from kinerja.monitoring.tests.factories import PDF_BYTES

pytestmark = pytest.mark.django_db


def client_for(cast: EvaluationCast, name: str) -> Client:
    client = Client()
    client.force_login(cast.user(name))
    # Pages are Indonesian by default; these tests read the English msgids.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def rating_post(**extra: str) -> dict[str, str]:
    return {
        "results_rating": Rating.ABOVE,
        "results_reason": "Laporan layanan melebihi target dengan bukti lengkap.",
        "behaviour_rating": Rating.ABOVE,
        "behaviour_reason": "Proaktif membantu rekan kerja (Kolaboratif).",
        "note": "Ikutkan pelatihan analisis data.",
        **extra,
    }


def published_for_alice(cast: EvaluationCast, when: dt.datetime | None = None) -> Evaluation:
    evaluation = rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    return publish(evaluation, when)


def day_text(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


# --- The penilai rates ----------------------------------------------------------------------------


def test_the_penilai_sees_the_evidence_the_suggestion_and_the_rating_form(evaluation_cast: EvaluationCast) -> None:
    sam = client_for(evaluation_cast, "supervisor")
    page = sam.get(reverse("evaluation:detail", args=[evaluation_cast.evaluations["staff"].pk]))
    assert page.status_code == 200
    assert evaluation_cast.staff_items[0].text in page.text
    assert evaluation_cast.staff_indicators[0].text in page.text
    assert 'data-testid="suggestion"' in page.text
    assert 'data-testid="rating-form"' in page.text
    # The matrix that explains the predikat, and the data the page's script reads to show it live.
    assert 'data-testid="matrix"' in page.text and 'id="predikat-matrix"' in page.text
    assert "Above expectations" in page.text


def test_a_rating_without_reasons_is_refused_next_to_each_field(evaluation_cast: EvaluationCast) -> None:
    sam = client_for(evaluation_cast, "supervisor")
    url = reverse("evaluation:rate", args=[evaluation_cast.evaluations["staff"].pk])
    response = sam.post(url, rating_post(results_reason="", behaviour_rating=""))
    assert response.status_code == 200
    assert 'id="id_results_reason_error"' in response.text
    assert 'id="id_behaviour_rating_error"' in response.text
    assert "every rating needs a written reason" in response.text
    assert evaluation_cast.evaluation("staff").status == EvaluationStatus.OPEN


def test_the_penilai_rates_and_the_predikat_follows_from_the_matrix(evaluation_cast: EvaluationCast) -> None:
    sam = client_for(evaluation_cast, "supervisor")
    evaluation = evaluation_cast.evaluations["staff"]
    response = sam.post(reverse("evaluation:rate", args=[evaluation.pk]), rating_post())
    assert response.status_code == 302
    evaluation = evaluation_cast.evaluation("staff")
    assert evaluation.status == EvaluationStatus.RATED
    assert evaluation.proposed_predikat == Predikat.SANGAT_BAIK
    page = sam.get(reverse("evaluation:detail", args=[evaluation.pk]))
    assert "Outstanding (Sangat Baik)" in page.text
    assert "Update the rating" in page.text


def test_a_unit_head_cannot_be_rated_before_the_capaian_organisasi_is_set(evaluation_cast: EvaluationCast) -> None:
    hana = client_for(evaluation_cast, "opd_head")
    sam_evaluation = evaluation_cast.evaluations["supervisor"]
    response = hana.post(reverse("evaluation:rate", args=[sam_evaluation.pk]), rating_post())
    assert response.status_code == 200
    assert 'id="id_results_rating_error"' in response.text
    assert "has not been set yet" in response.text


def test_a_unit_heads_rating_hasil_kerja_is_the_units_capaian(evaluation_cast: EvaluationCast) -> None:
    OrganizationRatingFactory(
        unit=evaluation_cast.bidang_a1, period=evaluation_cast.period, predikat=OrgPredikat.ISTIMEWA
    )
    hana = client_for(evaluation_cast, "opd_head")
    sam_evaluation = evaluation_cast.evaluations["supervisor"]
    page = hana.get(reverse("evaluation:detail", args=[sam_evaluation.pk]))
    assert 'data-testid="results-source"' in page.text and "Exceptional (Istimewa)" in page.text
    # The posted rating hasil kerja is ignored: it is fixed from the org capaian.
    response = hana.post(
        reverse("evaluation:rate", args=[sam_evaluation.pk]),
        rating_post(results_rating=Rating.BELOW, behaviour_rating=Rating.MEETS),
    )
    assert response.status_code == 302
    evaluation = evaluation_cast.evaluation("supervisor")
    assert evaluation.results_rating == Rating.ABOVE
    assert evaluation.proposed_predikat == Predikat.BAIK


def test_the_team_list_opens_an_evaluation_only_on_post(evaluation_cast: EvaluationCast) -> None:
    evaluation_cast.evaluations["colleague"].delete()
    sam = client_for(evaluation_cast, "supervisor")
    url = reverse("evaluation:team", args=[evaluation_cast.period.pk])
    page = sam.get(url)
    assert page.status_code == 200
    assert page.text.count('data-testid="team-row"') == 2
    assert "Carol" in page.text and "Alice" in page.text
    assert not Evaluation.objects.filter(work_plan=evaluation_cast.colleague_plan).exists()
    response = sam.post(url, {"work_plan": evaluation_cast.colleague_plan.pk})
    created = Evaluation.objects.get(work_plan=evaluation_cast.colleague_plan, period=evaluation_cast.period)
    assert response.status_code == 302 and response["Location"] == reverse("evaluation:detail", args=[created.pk])


def test_nobody_opens_an_evaluation_of_someone_they_do_not_rate(evaluation_cast: EvaluationCast) -> None:
    carol = client_for(evaluation_cast, "colleague")
    url = reverse("evaluation:team", args=[evaluation_cast.period.pk])
    assert carol.post(url, {"work_plan": evaluation_cast.staff_plan.pk}).status_code == 403


# --- The employee -------------------------------------------------------------------------------------


def test_the_owner_self_assesses_and_sees_no_rating_before_publication(evaluation_cast: EvaluationCast) -> None:
    rate(evaluation_cast.evaluation("staff"), Rating.ABOVE, Rating.ABOVE, evaluation_cast.user("supervisor"))
    alice = client_for(evaluation_cast, "staff")
    url = reverse("evaluation:detail", args=[evaluation_cast.evaluations["staff"].pk])
    page = alice.get(url)
    assert 'data-testid="result-pending"' in page.text
    assert 'data-testid="result"' not in page.text and "Capaian IKI sesuai bukti dukung." not in page.text
    assert 'data-testid="rating-form"' not in page.text
    item = evaluation_cast.staff_items[0]
    response = alice.post(
        reverse("evaluation:self-assess", args=[evaluation_cast.evaluations["staff"].pk]),
        {"self_assessment": "Semua laporan selesai.", f"item_{item.pk}": "Dua belas laporan terkirim."},
    )
    assert response.status_code == 302
    evaluation = evaluation_cast.evaluation("staff")
    assert evaluation.self_assessment == "Semua laporan selesai."
    assert evaluation.item_assessments.get(item=item).self_assessment == "Dua belas laporan terkirim."


def test_an_empty_self_assessment_is_refused_with_the_services_message(evaluation_cast: EvaluationCast) -> None:
    alice = client_for(evaluation_cast, "staff")
    response = alice.post(
        reverse("evaluation:self-assess", args=[evaluation_cast.evaluations["staff"].pk]), {"self_assessment": ""}
    )
    assert response.status_code == 200
    assert 'id="id_self_assessment_error"' in response.text
    assert "Write your self-assessment" in response.text


def test_the_owner_reads_the_published_result_with_reasons_change_and_window(evaluation_cast: EvaluationCast) -> None:
    evaluation = published_for_alice(evaluation_cast)
    forum = CalibrationForumFactory(agency=evaluation_cast.opd_a, period=evaluation_cast.period)
    CalibrationAdjustment.objects.create(
        forum=forum, evaluation=evaluation, from_predikat=Predikat.BAIK, to_predikat=Predikat.BUTUH_PERBAIKAN,
        reason="Distribusi Bidang A1 melampaui kurva.", by=evaluation_cast.user("opd_head"),
    )  # fmt: skip
    alice = client_for(evaluation_cast, "staff")
    page = alice.get(reverse("evaluation:detail", args=[evaluation.pk]))
    assert 'data-testid="result"' in page.text
    assert "Capaian IKI sesuai bukti dukung." in page.text and "Perilaku kerja sesuai nilai BerAKHLAK." in page.text
    assert 'data-testid="calibration-change"' in page.text and "Distribusi Bidang A1 melampaui kurva." in page.text
    last_day = timezone.localdate(evaluation.published_at) + dt.timedelta(days=14)
    assert 'data-testid="appeal-window"' in page.text and day_text(last_day) in page.text
    assert 'data-testid="objection-form"' in page.text


def test_the_owner_files_a_keberatan_with_a_file_within_the_window(evaluation_cast: EvaluationCast) -> None:
    evaluation = published_for_alice(evaluation_cast)
    alice = client_for(evaluation_cast, "staff")
    upload = SimpleUploadedFile("bukti.pdf", PDF_BYTES, content_type="application/pdf")
    response = alice.post(
        reverse("evaluation:objection-file", args=[evaluation.pk]),
        {"reasons": "Capaian saya melebihi target.", "files": [upload]},
    )
    objection = Objection.objects.get(evaluation=evaluation)
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:objection", args=[objection.pk])
    page = alice.get(response["Location"])
    assert "Capaian saya melebihi target." in page.text
    attachment = objection.attachments.get()
    assert reverse("evaluation:objection-attachment", args=[attachment.pk]) in page.text


def test_a_keberatan_after_the_window_is_refused_with_the_closing_date(evaluation_cast: EvaluationCast) -> None:
    evaluation = published_for_alice(evaluation_cast)
    published_on = timezone.localdate(evaluation.published_at)
    closed = day_text(published_on + dt.timedelta(days=14))
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        alice = client_for(evaluation_cast, "staff")  # sessions expire: log in on that day
        page = alice.get(reverse("evaluation:detail", args=[evaluation.pk]))
        assert 'data-testid="appeal-closed"' in page.text and closed in page.text
        assert 'data-testid="objection-form"' not in page.text
        response = alice.post(
            reverse("evaluation:objection-file", args=[evaluation.pk]), {"reasons": "Terlambat, tetapi penting."}
        )
    assert response.status_code == 200
    assert f"The keberatan period closed on {closed}" in response.text
    assert not Objection.objects.exists()


# --- Keberatan: explanation and decision --------------------------------------------------------------


def test_the_penilai_explains_and_the_deadline_shows(evaluation_cast: EvaluationCast) -> None:
    objection = ObjectionFactory(evaluation=published_for_alice(evaluation_cast))
    sam = client_for(evaluation_cast, "supervisor")
    page = sam.get(reverse("evaluation:objection", args=[objection.pk]))
    assert 'data-testid="explanation-form"' in page.text and 'data-testid="decision-form"' not in page.text
    assert day_text(objection.explanation_due) in page.text
    response = sam.post(
        reverse("evaluation:objection-explain", args=[objection.pk]), {"explanation": "Capaian sesuai target."}
    )
    assert response.status_code == 200  # without the lock_version read with the page: refused, nothing saved
    assert Objection.objects.get(pk=objection.pk).status == ObjectionStatus.FILED
    response = sam.post(
        reverse("evaluation:objection-explain", args=[objection.pk]),
        {"explanation": "Capaian sesuai target.", "lock_version": objection.lock_version},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.EXPLAINED and objection.explanation == "Capaian sesuai target."


def test_only_the_atasan_penilai_decides_a_keberatan(evaluation_cast: EvaluationCast) -> None:
    objection = ObjectionFactory(evaluation=published_for_alice(evaluation_cast))
    objection.status, objection.explanation = ObjectionStatus.EXPLAINED, "Sesuai bukti."
    objection.explained_at = timezone.now()
    objection.save()
    url = reverse("evaluation:objection-decide", args=[objection.pk])
    data = {
        "outcome": "changed",
        "results_rating": Rating.ABOVE,
        "behaviour_rating": Rating.ABOVE,
        "reason": "Bukti capaian di atas target diterima.",
        "lock_version": objection.lock_version,
    }
    for name in ("supervisor", "staff", "leader", "admin_bkpsdm", "admin_opd"):
        assert client_for(evaluation_cast, name).post(url, data).status_code == 403, name
        page = client_for(evaluation_cast, name).get(reverse("evaluation:objection", args=[objection.pk]))
        assert 'data-testid="decision-form"' not in page.text, name
    hana = client_for(evaluation_cast, "opd_head")
    assert 'data-testid="decision-form"' in hana.get(reverse("evaluation:objection", args=[objection.pk])).text
    assert hana.post(url, data).status_code == 302
    evaluation = evaluation_cast.evaluation("staff")
    assert evaluation.predikat == Predikat.SANGAT_BAIK
    page = client_for(evaluation_cast, "staff").get(reverse("evaluation:objection", args=[objection.pk]))
    assert "Bukti capaian di atas target diterima." in page.text
    assert 'data-testid="previous-result"' in page.text


def test_a_change_without_new_ratings_is_refused_next_to_the_field(evaluation_cast: EvaluationCast) -> None:
    objection = ObjectionFactory(evaluation=published_for_alice(evaluation_cast), status=ObjectionStatus.EXPLAINED)
    hana = client_for(evaluation_cast, "opd_head")
    response = hana.post(
        reverse("evaluation:objection-decide", args=[objection.pk]),
        {"outcome": "changed", "reason": "Diubah.", "lock_version": objection.lock_version},
    )
    assert response.status_code == 200
    # The service's message (no new ratings, or ratings giving the same predikat) sits next to the ratings.
    assert 'id="id_results_rating_error"' in response.text
    assert Objection.objects.get(pk=objection.pk).status == ObjectionStatus.EXPLAINED


# --- Home and navigation --------------------------------------------------------------------------------


def test_home_shows_my_results_only_with_the_predikat_once_published(evaluation_cast: EvaluationCast) -> None:
    rate(evaluation_cast.evaluation("staff"), Rating.ABOVE, Rating.ABOVE, evaluation_cast.user("supervisor"))
    alice = client_for(evaluation_cast, "staff")
    page = alice.get(reverse("evaluation:home"))
    assert page.status_code == 200 and 'data-testid="my-results"' in page.text
    assert "Outstanding (Sangat Baik)" not in page.text
    publish(evaluation_cast.evaluation("staff"))
    assert "Outstanding (Sangat Baik)" in alice.get(reverse("evaluation:home")).text
    # The nav has the Evaluation entry and the home page its card.
    home = alice.get(reverse("core:home"))
    assert reverse("evaluation:home") in home.text and 'data-testid="evaluation-card"' in home.text


def test_home_tells_the_penilai_how_many_to_rate_and_which_keberatan_are_overdue(
    evaluation_cast: EvaluationCast,
) -> None:
    objection = ObjectionFactory(evaluation=published_for_alice(evaluation_cast))
    objection.explanation_due = timezone.localdate() - dt.timedelta(days=1)
    objection.save()
    sam = client_for(evaluation_cast, "supervisor")
    page = sam.get(reverse("evaluation:home"))
    assert 'data-testid="to-rate"' in page.text
    assert 'data-testid="objections-waiting"' in page.text
    assert 'class="small overdue" data-testid="objection-due"' in page.text
    assert "Explanation due" in page.text
    assert reverse("evaluation:objection", args=[objection.pk]) in page.text
