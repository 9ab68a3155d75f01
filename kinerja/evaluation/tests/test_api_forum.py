"""The evaluation API, continued: the calibration forum, publication, keberatan and the document batches.

Helpers and the one error shape as in test_api.py; who may call which URL is api_access_matrix.py's job.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, ObjectionStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import Evaluation, Objection
from kinerja.evaluation.tests.conftest import EvaluationCast, rate
from kinerja.evaluation.tests.factories import CalibrationForumFactory, ObjectionFactory, OrganizationRatingFactory
from kinerja.evaluation.tests.test_api import API, client_for, error, published
from kinerja.monitoring.tests.factories import PDF_BYTES
from kinerja.organization.tests.factories import EmployeeFactory


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


# --- The calibration forum -----------------------------------------------------------------------------------


def test_kepala_opd_sees_a_violation_applies_the_suggestion_adjusts_one_person_and_locks(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    hana = client_for(cast, "opd_head")
    # Sangat Kurang for Dinas A: nobody may be Sangat Baik (max_count 0 holds even in a small unit).
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.SANGAT_KURANG)
    rate(cast.evaluation("staff"), Rating.ABOVE, Rating.ABOVE, cast.user("supervisor"))
    rate(cast.evaluation("colleague"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    rate(cast.evaluation("supervisor"), Rating.MEETS, Rating.MEETS, cast.user("opd_head"))
    forum_url = f"{API}/evaluation-periods/{cast.period.pk}/forums/{cast.opd_a.pk}/"

    before = hana.get(forum_url)
    assert before.status_code == 200
    assert before.json()["forum"] is None
    opened = hana.post(f"{forum_url}open/")
    assert opened.status_code == 201, opened.json()
    assert hana.post(f"{forum_url}open/").status_code == 200  # idempotent
    view = opened.json()
    forum_id = view["forum"]["id"]
    assert view["total"] == 3 and view["unrated"] == 0
    assert view["check"]["ok"] is False
    assert any(r["severity"] == "violation" for r in view["check"]["results"])
    assert [p["evaluation_id"] for p in view["proposals"]] == [cast.evaluations["staff"].pk]
    assert view["curve"][Predikat.SANGAT_BAIK] == [0, 0]

    applied = hana.post(f"{API}/forums/{forum_id}/apply-suggestion/", {"reason": "Sesuai kurva."}, format="json")
    assert applied.status_code == 200, applied.json()
    assert not any(r["severity"] == "violation" for r in applied.json()["check"]["results"])

    adjusted = hana.post(
        f"{API}/forums/{forum_id}/adjustments/",
        {
            "evaluation": cast.evaluations["colleague"].pk,
            "to_predikat": Predikat.BUTUH_PERBAIKAN,
            "reason": "Kalibrasi",
        },
        format="json",
    )
    assert adjusted.status_code == 200, adjusted.json()
    row = {r["evaluation_id"]: r for r in adjusted.json()["rows"]}[cast.evaluations["colleague"].pk]
    assert row["predikat"] == Predikat.BUTUH_PERBAIKAN and row["adjusted"] is True
    assert row["adjustments"][-1]["reason"] == "Kalibrasi"

    no_reason = hana.post(
        f"{API}/forums/{forum_id}/adjustments/",
        {"evaluation": cast.evaluations["colleague"].pk, "to_predikat": Predikat.BAIK, "reason": ""},
        format="json",
    )
    assert no_reason.status_code == 400
    assert list(error(no_reason)["fields"]) == ["reason"]

    version = adjusted.json()["forum"]["lock_version"]
    refused = hana.post(f"{API}/forums/{forum_id}/lock/", {"lock_version": version}, format="json")
    assert refused.status_code == 400
    assert "minutes" in error(refused)["fields"]

    updated = hana.patch(
        f"{API}/forums/{forum_id}/",
        {
            "minutes": "Forum menyepakati predikat pegawai Dinas A.",
            "justification": "Dinas A hanya tiga pegawai.",
            "participants": [cast.employee("opd_head").pk, cast.employee("admin_opd").pk],
            "held_on": str(dt.date.today()),
            "lock_version": version,
        },
        format="json",
    )
    assert updated.status_code == 200, updated.json()
    assert {p["id"] for p in updated.json()["forum"]["participants"]} == {
        cast.employee("opd_head").pk, cast.employee("admin_opd").pk,
    }  # fmt: skip
    stale = hana.post(f"{API}/forums/{forum_id}/lock/", {"lock_version": version}, format="json")
    assert stale.status_code == 409 and error(stale)["code"] == "stale_object"

    locked = hana.post(
        f"{API}/forums/{forum_id}/lock/", {"lock_version": updated.json()["forum"]["lock_version"]}, format="json"
    )
    assert locked.status_code == 200, locked.json()
    assert locked.json()["forum"]["status"] == "locked"
    assert Evaluation.objects.filter(agency=cast.opd_a, status=EvaluationStatus.PUBLISHED).count() == 3

    carol = client_for(cast, "colleague").get(f"{API}/evaluations/{cast.evaluations['colleague'].pk}/").json()
    assert carol["result"]["predikat"] == Predikat.BUTUH_PERBAIKAN
    assert carol["result"]["calibration_reason"] == "Kalibrasi"
    assert [a["reason"] for a in carol["adjustments"]] == ["Kalibrasi"]

    again = hana.post(f"{API}/forums/{forum_id}/adjustments/", {
        "evaluation": cast.evaluations["colleague"].pk, "to_predikat": Predikat.BAIK, "reason": "Lagi",
    }, format="json")  # fmt: skip
    assert again.status_code == 409 and error(again)["code"] == "invalid_state"


def test_the_forum_is_for_the_opd_roles_only_and_the_auditor_watches_without_adjusting(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    forum_url = f"{API}/evaluation-periods/{cast.period.pk}/forums/{cast.opd_a.pk}/"
    assert client_for(cast, "staff").get(forum_url).status_code == 403
    assert client_for(cast, "auditor").get(forum_url).status_code == 200
    assert client_for(cast, "auditor").post(f"{forum_url}open/").status_code == 403
    forum = client_for(cast, "admin_opd").post(f"{forum_url}open/").json()["forum"]
    adjust = client_for(cast, "auditor").post(
        f"{API}/forums/{forum['id']}/adjustments/",
        {"evaluation": cast.evaluations["staff"].pk, "to_predikat": Predikat.BAIK, "reason": "x"},
        format="json",
    )
    assert adjust.status_code == 403
    # The Admin OPD manages the forum but locking (= publishing) is the head's or BKPSDM's.
    lock = client_for(cast, "admin_opd").post(
        f"{API}/forums/{forum['id']}/lock/", {"lock_version": forum["lock_version"]}, format="json"
    )
    assert lock.status_code == 403
    sub_unit = client_for(cast, "opd_head").get(
        f"{API}/evaluation-periods/{cast.period.pk}/forums/{cast.bidang_a1.pk}/"
    )
    assert sub_unit.status_code == 404  # a forum is held per OPD


# --- Publication --------------------------------------------------------------------------------------------------


def test_bkpsdm_publishes_the_period_once_and_only_bkpsdm(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    rate(cast.evaluation("opd_head"), Rating.MEETS, Rating.MEETS, cast.user("leader"))
    url = f"{API}/evaluation-periods/{cast.period.pk}/publish/"
    assert client_for(cast, "opd_head").post(url).status_code == 403
    refused = client_for(cast, "admin_bkpsdm").post(url)  # alice is rated in Dinas A, whose forum is not locked
    assert refused.status_code == 409 and "Dinas A" in error(refused)["message"]
    assert cast.evaluation("staff").status == EvaluationStatus.RATED
    CalibrationForumFactory(agency=cast.opd_a, period=cast.period, status=ForumStatus.LOCKED)
    response = client_for(cast, "admin_bkpsdm").post(url)
    assert response.status_code == 200, response.json()
    assert response.json()["published"] == 2  # alice and hana, the OPD head calibrated outside the forum
    assert response.json()["period"]["locked"] is True
    assert cast.evaluation("staff").status == EvaluationStatus.PUBLISHED
    assert cast.evaluation("colleague").status == EvaluationStatus.OPEN
    again = client_for(cast, "admin_bkpsdm").post(url)
    assert again.status_code == 409 and "already published" in error(again)["message"]


# --- Keberatan --------------------------------------------------------------------------------------------------


def test_pegawai_files_a_keberatan_with_a_pdf_the_penilai_explains_and_the_atasan_changes_the_result(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    evaluation = published(cast)
    alice, sam, hana = client_for(cast, "staff"), client_for(cast, "supervisor"), client_for(cast, "opd_head")

    filed = alice.post(
        f"{API}/evaluations/{evaluation.pk}/objection/",
        {
            "reasons": "Capaian laporan melebihi target.",
            "files": [SimpleUploadedFile("bukti.pdf", PDF_BYTES, content_type="application/pdf")],
        },
        format="multipart",
    )
    assert filed.status_code == 201, filed.json()
    objection = filed.json()
    assert objection["status"] == ObjectionStatus.FILED
    assert [a["original_name"] for a in objection["attachments"]] == ["bukti.pdf"]
    assert [step["at"] is not None for step in objection["timeline"]] == [True, True, False, False]
    assert objection["timeline"][2]["due"] == objection["explanation_due"]

    download = hana.get(objection["attachments"][0]["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert client_for(cast, "other_staff").get(objection["attachments"][0]["download_url"]).status_code == 404

    url = f"{API}/objections/{objection['id']}/"
    too_early = hana.post(
        f"{url}decide/", {"outcome": "kept", "reason": "Tetap.", "lock_version": objection["lock_version"]}
    )
    assert too_early.status_code == 409 and "Wait for the explanation" in error(too_early)["message"]

    explained = sam.post(
        f"{url}explain/", {"explanation": "Rating sesuai capaian.", "lock_version": objection["lock_version"]}
    )
    assert explained.status_code == 200, explained.json()
    assert explained.json()["status"] == ObjectionStatus.EXPLAINED

    version = explained.json()["lock_version"]
    body = {
        "outcome": "changed", "reason": "Bukti menunjukkan capaian di atas target.",
        "results_rating": Rating.ABOVE, "behaviour_rating": Rating.ABOVE, "lock_version": version,
    }  # fmt: skip
    assert sam.post(f"{url}decide/", body, format="json").status_code == 403  # the penilai does not decide
    assert client_for(cast, "admin_bkpsdm").post(f"{url}decide/", body, format="json").status_code == 403
    decided = hana.post(f"{url}decide/", body, format="json")
    assert decided.status_code == 200, decided.json()
    assert decided.json()["status"] == ObjectionStatus.DECIDED
    assert decided.json()["previous"]["predikat"] == Predikat.BAIK
    matrix = evaluation.period.year.predikat_matrix
    assert cast.evaluation("staff").final_predikat == matrix[Rating.ABOVE][Rating.ABOVE] == Predikat.SANGAT_BAIK
    assert all(step["at"] is not None for step in decided.json()["timeline"])

    final = hana.post(f"{url}decide/", {**body, "lock_version": decided.json()["lock_version"]}, format="json")
    assert final.status_code == 409 and "final" in error(final)["message"]
    waiting = hana.get(f"{API}/objections/", {"waiting": "true"}).json()
    assert waiting["count"] == 0
    assert alice.get(f"{API}/objections/").json()["results"][0]["outcome"] == "changed"


def test_a_keberatan_after_the_window_is_refused_with_the_day_it_closed(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluation = published(cast, days_ago=15)
    response = client_for(cast, "staff").post(
        f"{API}/evaluations/{evaluation.pk}/objection/", {"reasons": "Terlambat."}, format="json"
    )
    assert response.status_code == 409
    closed_on = (timezone.localtime(evaluation.published_at).date() + dt.timedelta(days=14)).strftime("%-d %B %Y")
    assert f"closed on {closed_on}" in error(response)["message"]
    assert not Objection.objects.filter(evaluation=evaluation).exists()


def test_a_keberatan_needs_reasons_and_only_the_owner_files_one(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluation = published(cast)
    url = f"{API}/evaluations/{evaluation.pk}/objection/"
    blank = client_for(cast, "staff").post(url, {"reasons": ""}, format="json")
    assert blank.status_code == 400 and list(error(blank)["fields"]) == ["reasons"]
    assert client_for(cast, "supervisor").post(url, {"reasons": "x"}, format="json").status_code == 403
    ObjectionFactory(evaluation=evaluation, filed_by=cast.user("staff"))
    twice = client_for(cast, "staff").post(url, {"reasons": "Lagi."}, format="json")
    assert twice.status_code == 409 and error(twice)["code"] == "invalid_state"


# --- Documents ----------------------------------------------------------------------------------------------------


def test_kepala_opd_requests_the_documents_of_the_opd_and_follows_the_progress(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    published(cast)
    hana = client_for(cast, "opd_head")
    url = f"{API}/evaluation-periods/{cast.period.pk}/document-batches/{cast.opd_a.pk}/"
    requested = hana.post(url)
    assert requested.status_code == 202, requested.json()
    batch = hana.get(f"{API}/document-batches/{requested.json()['id']}/").json()
    assert batch["agency"]["id"] == cast.opd_a.pk
    assert 0 <= batch["percent"] <= 100
    if batch["status"] == "done":  # the immediate task backend of the tests ran it already
        assert batch["percent"] == 100 and batch["download_url"]
    assert client_for(cast, "staff").post(url).status_code == 403
    assert client_for(cast, "staff").get(f"{API}/document-batches/{batch['id']}/").status_code == 404


def test_an_admin_opd_in_their_own_forum_sees_their_row_blank_until_published(evaluation_cast: EvaluationCast) -> None:
    from kinerja.accounts.choices import Role
    from kinerja.accounts.tests.factories import RoleGrantFactory

    cast = evaluation_cast
    RoleGrantFactory(user=cast.user("colleague"), role=Role.ADMIN_OPD, scope=cast.opd_a)  # carol runs the forum
    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.SANGAT_KURANG)
    rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    rate(cast.evaluation("colleague"), Rating.ABOVE, Rating.ABOVE, cast.user("supervisor"))  # Sangat Baik: refused
    rate(cast.evaluation("supervisor"), Rating.MEETS, Rating.MEETS, cast.user("opd_head"))
    forum_url = f"{API}/evaluation-periods/{cast.period.pk}/forums/{cast.opd_a.pk}/"

    hana_view = client_for(cast, "opd_head").get(forum_url).json()
    assert [p["evaluation_id"] for p in hana_view["proposals"]] == [cast.evaluations["colleague"].pk]
    carol_view = client_for(cast, "colleague").get(forum_url).json()
    rows = {r["evaluation_id"]: r for r in carol_view["rows"]}
    own = rows[cast.evaluations["colleague"].pk]
    assert own["hidden"] is True
    assert (own["predikat"], own["proposed_predikat"], own["results_rating"], own["results_reason"]) == ("", "", "", "")
    assert rows[cast.evaluations["staff"].pk]["hidden"] is False
    assert rows[cast.evaluations["staff"].pk]["predikat"] == Predikat.BAIK
    assert carol_view["proposals"] == []  # the proposal about her is hers to read once published


def test_setting_a_capaian_names_the_lock_version_read_or_null_for_a_first_one(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    hana = client_for(cast, "opd_head")
    url = f"{API}/org-ratings/{cast.bidang_a1.pk}/{cast.period.pk}/"
    body = {"predikat": OrgPredikat.BAIK, "note": "IKU Bidang A1 tercapai."}
    missing = hana.put(url, body, format="json")
    assert missing.status_code == 400 and list(error(missing)["fields"]) == ["lock_version"]
    first = hana.put(url, {**body, "lock_version": None}, format="json")
    assert first.status_code == 200, first.json()
    # Someone who read no rating before the first was set would overwrite it unseen: 409, nothing changes.
    late = hana.put(url, {**body, "predikat": OrgPredikat.KURANG, "lock_version": None}, format="json")
    assert late.status_code == 409
    corrected = hana.put(
        url, {**body, "predikat": OrgPredikat.ISTIMEWA, "lock_version": first.json()["lock_version"]}, format="json"
    )
    assert corrected.status_code == 200 and corrected.json()["predikat"] == OrgPredikat.ISTIMEWA
