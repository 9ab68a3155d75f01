"""The monitoring API: progress, realisasi with evidence, feedback, dialogues and appreciation, end to end.

Who may call which URL is the authorization matrix's job (api_access_matrix.py); here: behaviour, the one
error shape, 404 outside visibility, and lists whose query count does not grow with their rows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.monitoring.models import Appreciation, Evidence, ProgressEntry, Realization
from kinerja.monitoring.tests.conftest import MonitoringCast
from kinerja.monitoring.tests.factories import (
    PDF_BYTES,
    PE_BYTES,
    PNG_BYTES,
    AppreciationFactory,
    DialogueActionFactory,
    DialogueFactory,
    FeedbackFactory,
    FeedbackReplyFactory,
    ProgressEntryFactory,
)
from kinerja.organization import selectors as org_selectors
from kinerja.organization.tests.factories import EmployeeFactory

API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


def client_for(cast: MonitoringCast, member: str) -> APIClient:
    """Token-authenticated, as real clients are; English messages so that assertions can read them."""
    token, _created = Token.objects.get_or_create(user=cast.user(member))
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE="en")


def error(response) -> dict:  # noqa: ANN001 - a test client response
    return response.json()["error"]


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- Daily progress -----------------------------------------------------------------------------------------


def test_pegawai_logs_today_with_a_photo_and_the_penilai_acknowledges_and_comments(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    alice, sam = client_for(cast, "staff"), client_for(cast, "supervisor")

    logged = alice.post(
        f"{API}/progress/",
        {
            "item": cast.staff_items[0].pk,
            "description": "Melayani 14 pemohon izin",
            "files": [upload("foto.png", PNG_BYTES, "image/png")],
        },
        format="multipart",
    )
    assert logged.status_code == 201, logged.json()
    entry = logged.json()
    assert entry["day"] == org_selectors.today().isoformat()
    assert entry["acknowledged"] is False
    [photo] = entry["evidence"]
    assert (photo["original_name"], photo["content_type"]) == ("foto.png", "image/png")
    assert photo["download_url"] == f"{API}/evidence/{photo['id']}/"

    today = org_selectors.today().isoformat()
    team = sam.get(f"{API}/progress/", {"employee": cast.employee("staff").pk, "start": today, "end": today}).json()
    assert [row["id"] for row in team["results"]] == [entry["id"]]
    assert sam.get(f"{API}/progress/", {"mine": "true"}).json()["count"] == 0
    assert alice.get(f"{API}/progress/", {"mine": "true"}).json()["count"] == 1

    acknowledged = sam.post(f"{API}/progress/{entry['id']}/acknowledge/")
    assert acknowledged.status_code == 200
    assert acknowledged.json()["acknowledged"] is True
    commented = sam.post(f"{API}/progress/{entry['id']}/comments/", {"text": "Bagus, lampirkan daftar hadir."})
    assert commented.status_code == 201
    assert commented.json()["author"] == str(cast.user("supervisor"))
    assert [c["text"] for c in alice.get(f"{API}/progress/{entry['id']}/comments/").json()] == [
        "Bagus, lampirkan daftar hadir."
    ]


def test_owner_edits_and_deletes_an_entry_and_a_future_day_is_refused_naming_the_day(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    alice = client_for(cast, "staff")
    entry = ProgressEntryFactory(item=cast.staff_items[0])

    changed = alice.patch(f"{API}/progress/{entry.pk}/", {"description": "Menyusun 3 laporan"}, format="json")
    assert changed.status_code == 200
    assert changed.json()["description"] == "Menyusun 3 laporan"
    tomorrow = (org_selectors.today() + dt.timedelta(days=1)).isoformat()
    future = alice.patch(f"{API}/progress/{entry.pk}/", {"day": tomorrow}, format="json")
    assert future.status_code == 400
    assert list(error(future)["fields"]) == ["day"]

    assert alice.delete(f"{API}/progress/{entry.pk}/").status_code == 204
    assert not ProgressEntry.objects.filter(pk=entry.pk).exists()


def test_a_disguised_executable_is_rejected_naming_the_file_and_nothing_is_stored(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    response = client_for(cast, "staff").post(
        f"{API}/progress/",
        {
            "item": cast.staff_items[0].pk,
            "description": "Foto kegiatan",
            "files": [upload("foto.jpg", PE_BYTES, "image/jpeg")],
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert error(response)["code"] == "invalid"
    assert "file" in error(response)["fields"]
    assert not ProgressEntry.objects.exists()
    assert not Evidence.objects.exists()


def test_someone_else_cannot_log_on_an_rhk_they_cannot_see_and_bad_filters_name_the_parameter(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    bob = client_for(cast, "other_staff")
    refused = bob.post(f"{API}/progress/", {"item": cast.staff_items[0].pk, "description": "x"}, format="json")
    assert refused.status_code == 404
    assert error(refused)["code"] == "not_found"

    bad = client_for(cast, "staff").get(f"{API}/progress/", {"start": "2026-05-02", "end": "2026-05-01"})
    assert bad.status_code == 400
    assert list(error(bad)["fields"]) == ["end"]


# --- Realisasi and evidence ----------------------------------------------------------------------------------


def test_pegawai_fills_a_realisasi_with_a_pdf_and_reads_its_capaian(monitoring_cast: MonitoringCast) -> None:
    cast = monitoring_cast
    alice = client_for(cast, "staff")
    indicator, period = cast.staff_indicators[0], cast.period  # target 12 laporan

    saved = alice.put(
        f"{API}/indicators/{indicator.pk}/realisasi/{period.pk}/",
        {"value": "9", "files": [upload("laporan.pdf", PDF_BYTES, "application/pdf")]},
        format="multipart",
    )
    assert saved.status_code == 200, saved.json()
    assert saved.json()["value"] == "9.00"
    assert [e["content_type"] for e in saved.json()["evidence"]] == ["application/pdf"]

    progress = client_for(cast, "supervisor").get(f"{API}/work-plans/{cast.staff_plan.pk}/realisasi/").json()
    assert progress["period"]["id"] == period.pk
    row = progress["items"][0]["indicators"][0]
    assert (row["realisasi"]["value"], row["capaian"], row["category"]) == ("9.00", "75.00", "kurang")
    assert row["nilai"] == "65.00"  # Kurang: 50 + (69 − 50) / (79 − 60) × (75 − 60), regulation.md §6.6(b)
    assert row["can_set"] is False  # sam reads; only alice sets


def test_a_realisasi_that_is_not_a_number_is_refused_naming_value(monitoring_cast: MonitoringCast) -> None:
    cast = monitoring_cast
    response = client_for(cast, "staff").put(
        f"{API}/indicators/{cast.staff_indicators[0].pk}/realisasi/{cast.period.pk}/", {"value": "abc"}, format="json"
    )
    assert response.status_code == 400
    assert list(error(response)["fields"]) == ["value"]
    assert not Realization.objects.exists()


def test_evidence_downloads_for_who_sees_the_skp_and_is_a_404_for_anyone_else(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    alice = client_for(cast, "staff")
    entry = ProgressEntryFactory(item=cast.staff_items[0])
    attached = alice.post(
        f"{API}/evidence/",
        {"progress_entry": entry.pk, "file": upload("scan.bin", PDF_BYTES)},
        format="multipart",
    )
    assert attached.status_code == 201, attached.json()
    url = attached.json()["download_url"]

    download = client_for(cast, "supervisor").get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"  # sniffed, not the uploader's octet-stream
    assert b"".join(download.streaming_content) == PDF_BYTES
    for stranger in ("colleague", "other_staff"):
        assert client_for(cast, stranger).get(url).status_code == 404, stranger
    assert client_for(cast, "supervisor").delete(url).status_code == 403
    assert alice.delete(url).status_code == 204
    assert alice.get(url).status_code == 404


# --- Feedback, dialogues, appreciation ---------------------------------------------------------------------


def test_penilai_gives_feedback_on_a_core_value_and_the_pegawai_replies(monitoring_cast: MonitoringCast) -> None:
    cast = monitoring_cast
    alice, sam = client_for(cast, "staff"), client_for(cast, "supervisor")
    plan_url = f"{API}/work-plans/{cast.staff_plan.pk}/feedback/"

    both = sam.post(plan_url, {"text": "x", "item": cast.staff_items[0].pk, "value": "akuntabel"}, format="json")
    assert both.status_code == 400
    assert list(error(both)["fields"]) == ["item"]
    given = sam.post(plan_url, {"text": "Laporan tepat waktu.", "value": "akuntabel", "reaction": "excellent"})
    assert given.status_code == 201, given.json()
    assert given.json()["value"]["code"] == "akuntabel"

    replied = alice.post(f"{API}/feedback/{given.json()['id']}/replies/", {"text": "Terima kasih."})
    assert replied.status_code == 201
    [thread] = alice.get(plan_url).json()
    assert [r["text"] for r in thread["replies"]] == ["Terima kasih."]
    assert client_for(cast, "colleague").get(plan_url).status_code == 404


def test_supervisor_records_a_dialogue_and_the_owner_closes_the_agreed_action_once(
    monitoring_cast: MonitoringCast,
) -> None:
    cast = monitoring_cast
    alice, sam = client_for(cast, "staff"), client_for(cast, "supervisor")
    due = (org_selectors.today() + dt.timedelta(days=7)).isoformat()
    recorded = sam.post(
        f"{API}/dialogues/",
        {
            "employee": cast.employee("staff").pk,
            "kind": "dialog_kinerja",
            "held_on": org_selectors.today().isoformat(),
            "topics": "Capaian triwulan",
            "participants": [cast.employee("colleague").pk],
            "actions": [{"description": "Ikut bimtek SAKIP", "owner": cast.employee("staff").pk, "due_date": due}],
        },
        format="json",
    )
    assert recorded.status_code == 201, recorded.json()
    [action] = recorded.json()["actions"]
    assert recorded.json()["participants"][0]["id"] == cast.employee("colleague").pk

    assert [d["id"] for d in alice.get(f"{API}/dialogues/").json()["results"]] == [recorded.json()["id"]]
    closed = alice.post(f"{API}/dialogue-actions/{action['id']}/close/", {"note": "Selesai."})
    assert closed.status_code == 200
    assert closed.json()["done"] is True
    again = alice.post(f"{API}/dialogue-actions/{action['id']}/close/", {})
    assert again.status_code == 400
    assert list(error(again)["fields"]) == ["action"]
    assert client_for(cast, "other_staff").get(f"{API}/dialogues/").json()["count"] == 0


def test_a_colleague_appreciates_an_rhk_and_it_shows_in_the_agency_feed_only(monitoring_cast: MonitoringCast) -> None:
    cast = monitoring_cast
    carol = client_for(cast, "colleague")
    given = carol.post(
        f"{API}/appreciations/",
        {"recipient": cast.employee("staff").pk, "text": "Laporan selesai cepat.", "item": cast.staff_items[0].pk},
        format="json",
    )
    assert given.status_code == 201, given.json()
    assert given.json()["item"]["id"] == cast.staff_items[0].pk

    assert client_for(cast, "opd_head").get(f"{API}/appreciations/").json()["count"] == 1
    assert client_for(cast, "other_staff").get(f"{API}/appreciations/").json()["count"] == 0
    to_self = client_for(cast, "staff").post(
        f"{API}/appreciations/", {"recipient": cast.employee("staff").pk, "text": "Saya hebat."}, format="json"
    )
    assert to_self.status_code == 403
    assert Appreciation.objects.count() == 1


# --- Query counts --------------------------------------------------------------------------------------------


def _grow(cast: MonitoringCast, times: int) -> None:
    alice, sam, carol = cast.employee("staff"), cast.user("supervisor"), cast.employee("colleague")
    for n in range(times):
        entry = ProgressEntryFactory(item=cast.staff_items[n % 2])
        Evidence.objects.create(owner=alice, progress_entry=entry, link=f"https://example.go.id/{n}")
        feedback = FeedbackFactory(work_plan=cast.staff_plan, item=cast.staff_items[0], author=sam)
        FeedbackReplyFactory(feedback=feedback, author=cast.user("staff"))
        dialogue = DialogueFactory(employee=alice, led_by=cast.employee("supervisor"))
        dialogue.participants.add(carol)
        DialogueActionFactory(dialogue=dialogue, owner=alice)
        AppreciationFactory(recipient=alice, author=sam, unit=cast.bidang_a1, item=cast.staff_items[0])


@pytest.mark.parametrize(
    "path",
    ["/progress/", "/dialogues/", "/appreciations/", "/work-plans/{plan}/feedback/", "/work-plans/{plan}/realisasi/"],
)
def test_list_query_count_does_not_grow_with_rows(
    monitoring_cast: MonitoringCast,
    path: str,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    cast = monitoring_cast
    url = API + path.format(plan=cast.staff_plan.pk)
    client = client_for(cast, "supervisor")
    _grow(cast, 2)
    with django_assert_max_num_queries(25) as small:
        assert client.get(url).status_code == 200
    _grow(cast, 8)
    with django_assert_max_num_queries(25) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
