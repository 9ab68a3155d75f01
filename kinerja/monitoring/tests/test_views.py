"""The monitoring pages over HTTP, the way people use them on a phone: log today's progress with a photo,
fill a realisasi with a PDF, give and answer feedback; and what strangers and bad files get."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressEntry,
    Realization,
)
from kinerja.monitoring.tests.conftest import MonitoringCast
from kinerja.monitoring.tests.factories import ELF_BYTES, PDF_BYTES, PNG_BYTES, FeedbackFactory
from kinerja.organization import selectors as org_selectors

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def client_for(cast: MonitoringCast, name: str) -> Client:
    client = Client()
    client.force_login(cast.user(name))
    # Pages are Indonesian by default; these tests read the English msgids.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def png(name: str = "foto.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def log_progress(cast: MonitoringCast, client: Client, **extra: object) -> object:
    data = {
        "day": org_selectors.today().isoformat(),
        "item": cast.staff_items[0].pk,
        "description": "Rapat koordinasi penyusunan laporan layanan",
        "link": "",
        **extra,
    }
    return client.post(reverse("monitoring:today"), data, **HTMX)


def test_alice_logs_todays_progress_with_a_photo_and_sees_it_in_her_week(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    page = alice.get(reverse("monitoring:today"))
    assert page.status_code == 200
    assert 'capture="environment"' in page.text and 'accept="image/*' in page.text
    assert monitoring_cast.staff_items[0].text in page.text

    response = log_progress(monitoring_cast, alice, files=[png()])

    assert response.status_code == 200
    entry = ProgressEntry.objects.get(employee=monitoring_cast.employee("staff"))
    assert entry.item == monitoring_cast.staff_items[0]
    evidence = entry.evidence.get()
    assert evidence.content_type == "image/png" and evidence.original_name == "foto.png"
    # The panel comes back with a fresh form and the new entry in the week list, without a reload.
    assert 'data-testid="saved"' in response.text
    assert "Rapat koordinasi penyusunan laporan layanan" in response.text
    assert reverse("monitoring:evidence-download", args=[evidence.pk]) in response.text


def test_a_progress_without_description_is_refused_next_to_the_field(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    response = log_progress(monitoring_cast, alice, description="")
    assert response.status_code == 200
    assert 'id="id_description_error"' in response.text
    assert not ProgressEntry.objects.exists()


def test_a_progress_in_the_future_is_refused_with_the_services_message(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    tomorrow = org_selectors.today() + dt.timedelta(days=1)
    response = log_progress(monitoring_cast, alice, day=tomorrow.isoformat())
    assert 'id="id_day_error"' in response.text
    assert not ProgressEntry.objects.exists()


def test_a_disguised_executable_is_rejected_with_a_message_and_nothing_is_stored(
    monitoring_cast: MonitoringCast,
) -> None:
    alice = client_for(monitoring_cast, "staff")
    fake = SimpleUploadedFile("foto.png", ELF_BYTES, content_type="image/png")
    response = log_progress(monitoring_cast, alice, files=[fake])
    assert response.status_code == 200
    assert 'id="id_files_error"' in response.text
    assert not ProgressEntry.objects.exists()
    assert not Evidence.objects.exists()


def test_without_an_approved_skp_the_page_explains_why_there_is_nothing_to_log(
    monitoring_cast: MonitoringCast,
) -> None:
    carol = client_for(monitoring_cast, "colleague")
    page = carol.get(reverse("monitoring:today"))
    assert page.status_code == 200
    assert "No approved SKP" in page.text
    assert 'data-testid="progress-form"' not in page.text


def test_the_evidence_file_is_served_with_its_sniffed_type_and_no_sniffing(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice, files=[png("kegiatan.png")])
    evidence = Evidence.objects.get()
    url = reverse("monitoring:evidence-download", args=[evidence.pk])

    for name in ("staff", "supervisor", "opd_head"):
        response = client_for(monitoring_cast, name).get(url)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "kegiatan.png" in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == PNG_BYTES


def test_guessing_an_evidence_url_from_another_opd_or_a_colleague_gives_404(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice, files=[png()])
    url = reverse("monitoring:evidence-download", args=[Evidence.objects.get().pk])
    for name in ("other_staff", "other_head", "colleague"):
        assert client_for(monitoring_cast, name).get(url).status_code == 404, name
    assert (
        client_for(monitoring_cast, "other_staff")
        .get(reverse("monitoring:evidence-download", args=[999999]))
        .status_code
        == 404
    )


def test_alice_fills_a_realisasi_with_a_pdf_and_sees_the_capaian(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    indicator = monitoring_cast.staff_indicators[0]
    period = monitoring_cast.period
    url = reverse("monitoring:realization-set", args=[indicator.pk, period.pk])
    assert alice.get(url).status_code == 200

    pdf = SimpleUploadedFile("laporan.pdf", PDF_BYTES, content_type="application/pdf")
    response = alice.post(url, {"value": "12", "narrative": "", "link": "", "files": [pdf]})

    assert response.status_code == 302
    realization = Realization.objects.get(indicator=indicator, period=period)
    assert realization.value == 12
    assert realization.evidence.get().content_type == "application/pdf"
    page = alice.get(response["Location"])
    assert page.status_code == 200
    assert "laporan.pdf" in page.text
    assert "100" in page.text  # capaian 12 of 12


def test_a_realisasi_that_is_not_a_number_is_refused_next_to_the_field(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    url = reverse(
        "monitoring:realization-set", args=[monitoring_cast.staff_indicators[0].pk, monitoring_cast.period.pk]
    )
    response = alice.post(url, {"value": "abc", "narrative": "", "link": ""})
    assert response.status_code == 200
    assert 'id="id_value_error"' in response.text
    assert not Realization.objects.exists()


def test_the_penilai_sees_the_progress_page_read_only_and_others_do_not_see_it(
    monitoring_cast: MonitoringCast,
) -> None:
    url = reverse("monitoring:plan-progress", args=[monitoring_cast.staff_plan.pk])
    sam = client_for(monitoring_cast, "supervisor").get(url)
    assert sam.status_code == 200
    assert (
        reverse("monitoring:realization-set", args=[monitoring_cast.staff_indicators[0].pk, monitoring_cast.period.pk])
        not in sam.text
    )
    assert 'data-testid="feedback-form"' in sam.text
    assert client_for(monitoring_cast, "colleague").get(url).status_code == 404
    assert client_for(monitoring_cast, "other_staff").get(url).status_code == 404


def test_sam_gives_feedback_on_an_rhk_and_alice_replies(monitoring_cast: MonitoringCast) -> None:
    plan = monitoring_cast.staff_plan
    item = monitoring_cast.staff_items[0]
    sam = client_for(monitoring_cast, "supervisor")
    response = sam.post(
        reverse("monitoring:feedback-give", args=[plan.pk]),
        {"target": f"item:{item.pk}", "text": "Laporan minggu ini rapi.", "reaction": "good"},
    )
    assert response.status_code == 302
    feedback = Feedback.objects.get(work_plan=plan)
    assert feedback.item == item and feedback.reaction == "good"

    alice = client_for(monitoring_cast, "staff")
    page = alice.get(reverse("monitoring:plan-progress", args=[plan.pk]))
    assert "Laporan minggu ini rapi." in page.text
    response = alice.post(reverse("monitoring:feedback-reply", args=[feedback.pk]), {"text": "Terima kasih, Pak."})
    assert response.status_code == 302
    assert FeedbackReply.objects.get(feedback=feedback).text == "Terima kasih, Pak."
    assert "Terima kasih, Pak." in sam.get(reverse("monitoring:plan-progress", args=[plan.pk])).text


def test_alice_cannot_give_feedback_on_her_own_skp(monitoring_cast: MonitoringCast) -> None:
    plan = monitoring_cast.staff_plan
    alice = client_for(monitoring_cast, "staff")
    response = alice.post(
        reverse("monitoring:feedback-give", args=[plan.pk]),
        {"target": f"item:{monitoring_cast.staff_items[0].pk}", "text": "Bagus sekali."},
    )
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_sam_reads_his_teams_day_and_acknowledges_and_comments_inline(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice)
    entry = ProgressEntry.objects.get()
    sam = client_for(monitoring_cast, "supervisor")

    page = sam.get(reverse("monitoring:team"))
    assert page.status_code == 200
    assert "Rapat koordinasi penyusunan laporan layanan" in page.text
    assert "Carol" in page.text  # nothing logged: listed as such, with a link to her calendar

    response = sam.post(reverse("monitoring:progress-acknowledge", args=[entry.pk]), **HTMX)
    assert response.status_code == 200
    assert 'data-testid="acknowledged"' in response.text
    entry.refresh_from_db()
    assert entry.acknowledged_by == monitoring_cast.user("supervisor")

    response = sam.post(reverse("monitoring:progress-comment", args=[entry.pk]), {"text": "Kirim notulanya."}, **HTMX)
    assert "Kirim notulanya." in response.text
    empty = sam.post(reverse("monitoring:progress-comment", args=[entry.pk]), {"text": ""}, **HTMX)
    assert f'id="comment-{entry.pk}-error"' in empty.text
    assert entry.comments.count() == 1


def test_alice_cannot_acknowledge_her_own_entry(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice)
    entry = ProgressEntry.objects.get()
    assert alice.post(reverse("monitoring:progress-acknowledge", args=[entry.pk])).status_code == 403
    entry.refresh_from_db()
    assert entry.acknowledged_at is None


def test_the_calendar_marks_logged_days_and_past_working_days_without_entries(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice)
    today = org_selectors.today()
    page = alice.get(reverse("monitoring:calendar"), {"month": today.strftime("%Y-%m")})
    assert page.status_code == 200
    assert page.text.count('data-testid="logged"') == 1
    past_working_days = sum(1 for n in range(1, today.day) if today.replace(day=n).weekday() < 5)
    assert page.text.count('data-testid="gap"') == past_working_days

    sam = client_for(monitoring_cast, "supervisor")
    url = reverse("monitoring:calendar")
    staff_pk = monitoring_cast.employee("staff").pk
    assert "Alice" in sam.get(url, {"employee": staff_pk}).text
    assert client_for(monitoring_cast, "colleague").get(url, {"employee": staff_pk}).status_code == 404


def test_sam_records_a_coaching_session_with_an_action_and_alice_closes_it(monitoring_cast: MonitoringCast) -> None:
    sam = client_for(monitoring_cast, "supervisor")
    due = (org_selectors.today() + dt.timedelta(days=7)).isoformat()
    response = sam.post(
        reverse("monitoring:dialogues"),
        {
            "employee": monitoring_cast.employee("staff").pk,
            "kind": "coaching",
            "held_on": org_selectors.today().isoformat(),
            "topics": "Hambatan penyusunan laporan",
            "summary": "",
            "action_1": "Menyelesaikan draf laporan",
            "action_1_owner": "employee",
            "action_1_due": due,
        },
    )
    assert response.status_code == 302
    dialogue = Dialogue.objects.get()
    action = dialogue.actions.get()
    assert action.owner == monitoring_cast.employee("staff")

    alice = client_for(monitoring_cast, "staff")
    page = alice.get(reverse("monitoring:dialogues"))
    assert "Menyelesaikan draf laporan" in page.text and 'data-testid="dialogue-form"' not in page.text
    alice.post(reverse("monitoring:action-close", args=[action.pk]), {"note": "Selesai"})
    action.refresh_from_db()
    assert action.done_at is not None and action.done_note == "Selesai"


def test_a_dialogue_in_the_future_is_refused_next_to_the_date(monitoring_cast: MonitoringCast) -> None:
    sam = client_for(monitoring_cast, "supervisor")
    response = sam.post(
        reverse("monitoring:dialogues"),
        {
            "employee": monitoring_cast.employee("staff").pk,
            "kind": "coaching",
            "held_on": (org_selectors.today() + dt.timedelta(days=2)).isoformat(),
            "topics": "Rencana",
        },
    )
    assert response.status_code == 200
    assert 'id="id_held_on_error"' in response.text
    assert not Dialogue.objects.exists()


def test_carol_appreciates_alice_and_the_agency_reads_it_but_dinas_b_does_not(monitoring_cast: MonitoringCast) -> None:
    carol = client_for(monitoring_cast, "colleague")
    response = carol.post(
        reverse("monitoring:appreciate"),
        {"recipient": monitoring_cast.employee("staff").pk, "text": "Laporan selesai lebih cepat."},
    )
    assert response.status_code == 302
    assert Appreciation.objects.get().recipient == monitoring_cast.employee("staff")
    assert (
        "Laporan selesai lebih cepat."
        in client_for(monitoring_cast, "opd_head").get(reverse("monitoring:appreciate")).text
    )
    assert (
        "Laporan selesai lebih cepat."
        not in client_for(monitoring_cast, "other_staff").get(reverse("monitoring:appreciate")).text
    )


def test_the_home_page_shows_alice_her_progress_and_sam_his_team_in_fixed_queries(
    monitoring_cast: MonitoringCast,
) -> None:
    alice = client_for(monitoring_cast, "staff")
    log_progress(monitoring_cast, alice)
    FeedbackFactory(
        work_plan=monitoring_cast.staff_plan, item=monitoring_cast.staff_items[0],
        author=monitoring_cast.user("supervisor"), text="Pertahankan ritmenya.",
    )  # fmt: skip
    home = alice.get(reverse("core:home"))
    assert 'data-testid="progress-card"' in home.text
    assert "Pertahankan ritmenya." in home.text
    assert monitoring_cast.staff_items[1].text in home.text

    sam = client_for(monitoring_cast, "supervisor")
    page = sam.get(reverse("core:home"))
    assert 'data-testid="team-glance"' in page.text and "Alice" in page.text

    def count(client: Client) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("core:home"))
        return len(queries)

    before = count(alice)
    for n in range(5):
        log_progress(
            monitoring_cast, alice, description=f"Kegiatan tambahan {n}", item=monitoring_cast.staff_items[n % 2].pk
        )
    assert count(alice) == before


def _queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_team_and_progress_pages_run_the_same_queries_with_more_entries(monitoring_cast: MonitoringCast) -> None:
    alice = client_for(monitoring_cast, "staff")
    sam = client_for(monitoring_cast, "supervisor")
    log_progress(monitoring_cast, alice, files=[png()])
    pages = [
        (sam, reverse("monitoring:team")),
        (sam, reverse("monitoring:plan-progress", args=[monitoring_cast.staff_plan.pk])),
        (alice, reverse("monitoring:today")),
    ]
    before = [_queries(client, url) for client, url in pages]
    for n in range(4):
        log_progress(monitoring_cast, alice, description=f"Kegiatan {n}", files=[png(f"foto{n}.png")])
        entry = ProgressEntry.objects.latest("pk")
        sam.post(reverse("monitoring:progress-comment", args=[entry.pk]), {"text": f"Catatan {n}"})
    assert [_queries(client, url) for client, url in pages] == before


def test_sam_gives_feedback_on_a_berakhlak_value(monitoring_cast: MonitoringCast) -> None:
    from kinerja.planning.models import BehaviourValue

    value = BehaviourValue.objects.order_by("order").first()
    sam = client_for(monitoring_cast, "supervisor")
    sam.post(
        reverse("monitoring:feedback-give", args=[monitoring_cast.staff_plan.pk]),
        {"target": f"value:{value.pk}", "text": "Kolaborasi dengan tim sangat baik.", "reaction": ""},
    )
    feedback = Feedback.objects.get()
    assert feedback.value == value and feedback.item is None
