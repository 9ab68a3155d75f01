"""The evaluation API end to end: org ratings and rating through /api/v1/ (forum, keberatan, publication and
documents: test_api_forum.py).

Who may call which URL is the authorization matrix's job (api_access_matrix.py); here: behaviour, what the
owner may see before publication, the one error shape (400 naming the field, 403, 404, 409), the caller's
language, the schema, and lists whose query count does not grow with their rows.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.evaluation.choices import EvaluationStatus, OrgPredikat, Predikat, Rating
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.tests.conftest import EvaluationCast, publish, rate
from kinerja.evaluation.tests.factories import ObjectionFactory, OrganizationRatingFactory
from kinerja.organization.tests.factories import EmployeeFactory

API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


def client_for(cast: EvaluationCast, member: str, language: str = "en") -> APIClient:
    """Token-authenticated, as real clients are; English messages unless told, so assertions can read them."""
    token, _created = Token.objects.get_or_create(user=cast.user(member))
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE=language)


def error(response) -> dict:  # noqa: ANN001 - a test client response
    return response.json()["error"]


def rate_body(evaluation: Evaluation, **changes: object) -> dict:
    body = {
        "results_rating": Rating.ABOVE,
        "results_reason": "Laporan layanan melebihi target triwulan.",
        "behaviour_rating": Rating.MEETS,
        "behaviour_reason": "Berorientasi pelayanan sesuai BerAKHLAK.",
        "lock_version": evaluation.lock_version,
    }
    body.update(changes)
    return body


def published(cast: EvaluationCast, name: str = "staff", days_ago: int = 0) -> Evaluation:
    rated = rate(cast.evaluation(name), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    return publish(rated, timezone.now() - dt.timedelta(days=days_ago))


# --- Step 3: self-assessment, rating, and what the owner sees -------------------------------------------------


def test_penilai_rates_with_the_evidence_and_the_owner_sees_the_result_only_once_published(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    alice, sam = client_for(cast, "staff"), client_for(cast, "supervisor")
    evaluation = cast.evaluation("staff")
    url = f"{API}/evaluations/{evaluation.pk}/"

    item = cast.staff_items[0]
    assessed = alice.put(
        f"{url}self-assessment/",
        {
            "text": "Semua laporan triwulan selesai.",
            "items": [{"item": item.pk, "text": "12 laporan tersusun."}],
            "lock_version": evaluation.lock_version,
        },
        format="json",
    )
    assert assessed.status_code == 200, assessed.json()
    assert assessed.json()["self_assessment"] == "Semua laporan triwulan selesai."
    assert {row["id"]: row["self_assessment"] for row in assessed.json()["items"]}[item.pk] == "12 laporan tersusun."

    before = sam.get(url).json()
    assert before["actions"]["can_rate"] is True
    assert before["suggestion"]["results"] in Rating.values
    assert before["suggestion"]["reasons"], "the suggestion says why"
    rhk = {row["id"]: row for row in before["items"]}[item.pk]
    assert [iki["text"] for iki in rhk["indicators"]] == [i.text for i in item.indicators.all()]
    assert {"realisasi", "capaian", "evidence_count"} <= set(rhk["indicators"][0])

    rated = sam.post(f"{url}rate/", rate_body(cast.evaluation("staff")), format="json")
    assert rated.status_code == 200, rated.json()
    assert rated.json()["status"] == EvaluationStatus.RATED
    matrix = evaluation.period.year.predikat_matrix
    assert rated.json()["result"]["predikat"] == matrix[Rating.ABOVE][Rating.MEETS]
    assert rated.json()["result"]["results_reason"] == "Laporan layanan melebihi target triwulan."

    # Before publication the owner sees neither the ratings, the suggestion nor the predikat.
    own = alice.get(url).json()
    assert own["status"] == EvaluationStatus.RATED
    assert own["result"] is None and own["suggestion"] is None
    assert all(row["penilai_rating"] is None for row in own["items"])
    listed = alice.get(f"{API}/evaluations/", {"period": cast.period.pk}).json()["results"]
    assert [(row["id"], row["result"]) for row in listed] == [(evaluation.pk, None)]

    publish(cast.evaluation("staff"))
    after = alice.get(url).json()
    assert after["result"]["predikat"] == matrix[Rating.ABOVE][Rating.MEETS]
    assert after["result"]["behaviour_reason"] == "Berorientasi pelayanan sesuai BerAKHLAK."
    assert after["actions"]["can_file_objection"] is True


def test_a_rating_without_a_reason_is_refused_naming_the_field_and_nothing_changes(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    evaluation = cast.evaluation("staff")
    response = client_for(cast, "supervisor").post(
        f"{API}/evaluations/{evaluation.pk}/rate/", rate_body(evaluation, behaviour_reason=""), format="json"
    )
    assert response.status_code == 400
    assert error(response)["code"] == "invalid"
    assert "rating perilaku kerja" in error(response)["fields"]["behaviour_reason"][0]
    assert cast.evaluation("staff").status == EvaluationStatus.OPEN

    bad = client_for(cast, "supervisor").post(
        f"{API}/evaluations/{evaluation.pk}/rate/", rate_body(evaluation, behaviour_rating="luar_biasa"), format="json"
    )
    assert bad.status_code == 400
    assert list(error(bad)["fields"]) == ["behaviour_rating"]


def test_a_stale_lock_version_and_a_published_evaluation_are_409_conflicts(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    sam = client_for(cast, "supervisor")
    evaluation = cast.evaluation("staff")
    url = f"{API}/evaluations/{evaluation.pk}/rate/"

    stale = sam.post(url, rate_body(evaluation, lock_version=evaluation.lock_version + 5), format="json")
    assert stale.status_code == 409
    assert error(stale)["code"] == "stale_object"
    assert "Someone else changed this" in error(stale)["message"]

    publish(rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor")))
    published = sam.post(url, rate_body(cast.evaluation("staff")), format="json")
    assert published.status_code == 409
    assert error(published)["code"] == "invalid_state"
    assert "published" in error(published)["message"]


def test_only_the_penilai_rates_and_who_cannot_see_the_evaluation_gets_a_404(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluation = cast.evaluation("staff")
    url = f"{API}/evaluations/{evaluation.pk}/"
    # hana sees alice's SKP (atasan penilai) but does not rate it; bob (Dinas B) does not see it at all.
    assert client_for(cast, "opd_head").post(f"{url}rate/", rate_body(evaluation), format="json").status_code == 403
    assert client_for(cast, "other_staff").get(url).status_code == 404
    assert error(client_for(cast, "other_staff").get(url))["code"] == "not_found"
    own = client_for(cast, "staff").post(f"{url}rate/", rate_body(evaluation), format="json")
    assert own.status_code == 403
    assert error(own)["code"] == "permission_denied"


def test_the_penilai_lists_the_team_of_a_period_with_where_each_evaluation_stands(
    evaluation_cast: EvaluationCast,
) -> None:
    cast = evaluation_cast
    rate(cast.evaluation("colleague"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    response = client_for(cast, "supervisor").get(f"{API}/evaluation-periods/{cast.period.pk}/team/")
    assert response.status_code == 200
    rows = {row["employee"]["id"]: row for row in response.json()["rows"]}
    assert set(rows) == {cast.employee("staff").pk, cast.employee("colleague").pk}
    assert rows[cast.employee("colleague").pk]["status"] == EvaluationStatus.RATED
    assert rows[cast.employee("colleague").pk]["predikat"] == Predikat.BAIK
    assert rows[cast.employee("staff").pk]["evaluation_id"] == cast.evaluations["staff"].pk
    assert client_for(cast, "staff").get(f"{API}/evaluation-periods/{cast.period.pk}/team/").json()["rows"] == []


def test_a_unit_heads_rating_hasil_kerja_is_the_units_capaian_and_waits_for_it(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    hana = client_for(cast, "opd_head")
    evaluation = cast.evaluation("supervisor")  # sam heads Bidang A1; hana rates him
    url = f"{API}/evaluations/{evaluation.pk}/rate/"
    body = rate_body(evaluation, results_rating="", results_reason="")
    missing = hana.post(url, body, format="json")
    assert missing.status_code == 400
    assert "has not been set yet" in error(missing)["fields"]["results_rating"][0]

    OrganizationRatingFactory(unit=cast.opd_a, period=cast.period, predikat=OrgPredikat.ISTIMEWA)
    rated = hana.post(url, body, format="json")
    assert rated.status_code == 200, rated.json()
    assert rated.json()["result"]["results_rating"] == Rating.ABOVE  # Istimewa of Dinas A, its nearest rating
    assert rated.json()["org_rating"]["unit"]["id"] == cast.opd_a.pk
    assert rated.json()["unit_head_results"] == Rating.ABOVE


# --- Step 1: capaian kinerja organisasi ------------------------------------------------------------------------


def test_the_head_above_a_unit_sets_its_capaian_and_everyone_reads_it(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    url = f"{API}/org-ratings/{cast.bidang_a1.pk}/{cast.period.pk}/"
    body = {"predikat": OrgPredikat.BAIK, "note": "IKU Bidang A1 tercapai.", "lock_version": None}
    response = client_for(cast, "opd_head").put(url, body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["predikat"] == OrgPredikat.BAIK
    assert response.json()["unit"]["id"] == cast.bidang_a1.pk

    listed = client_for(cast, "other_staff").get(f"{API}/org-ratings/", {"period": cast.period.pk}).json()
    assert [row["unit"]["id"] for row in listed["results"]] == [cast.bidang_a1.pk]

    assert client_for(cast, "staff").put(url, body, format="json").status_code == 403
    bad = client_for(cast, "opd_head").put(
        url, {"predikat": "luar_biasa", "note": "", "lock_version": 0}, format="json"
    )
    assert bad.status_code == 400
    assert set(error(bad)["fields"]) == {"predikat", "note"}
    unknown = client_for(cast, "opd_head").get(f"{API}/org-ratings/", {"period": 999999})
    assert unknown.status_code == 400
    assert list(error(unknown)["fields"]) == ["period"]


# --- Language, lists, schema --------------------------------------------------------------------------------------


def test_messages_follow_the_callers_accept_language(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    url = f"{API}/evaluations/{cast.evaluations['staff'].pk}/rate/"
    english = client_for(cast, "supervisor", "en").post(url, {}, format="json")
    indonesian = client_for(cast, "supervisor", "id").post(url, {}, format="json")
    assert english.status_code == indonesian.status_code == 400
    assert error(english)["message"] == "The input is not valid."
    assert error(indonesian)["message"] == "Masukan tidak valid."
    assert indonesian["Content-Language"] == "id"
    assert error(english)["fields"]["behaviour_rating"] != error(indonesian)["fields"]["behaviour_rating"]


def test_list_query_count_does_not_grow_with_rows(
    evaluation_cast: EvaluationCast,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    cast = evaluation_cast
    bea = client_for(cast, "admin_bkpsdm")
    with django_assert_max_num_queries(20) as small:
        assert bea.get(f"{API}/evaluations/").json()["count"] == 4
    for name in ("staff", "colleague"):
        rate(cast.evaluation(name), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
        ObjectionFactory(evaluation=published(cast, name), filed_by=cast.user(name))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert bea.get(f"{API}/evaluations/").json()["count"] == 4
    with django_assert_max_num_queries(20) as objections:
        assert bea.get(f"{API}/objections/").json()["count"] == 2
    assert len(objections.captured_queries) < 20


def test_schema_lists_the_evaluation_api_and_stays_valid(db: None) -> None:
    from drf_spectacular.validation import validate_schema

    schema = json.loads(APIClient().get("/api/schema/", {"format": "json"}).content)
    validate_schema(schema)
    paths = schema["paths"]
    assert {
        "/api/v1/evaluations/{id}/rate/", "/api/v1/forums/{id}/lock/", "/api/v1/objections/{id}/decide/",
        "/api/v1/evaluation-periods/{period_pk}/publish/",
    } <= set(paths)  # fmt: skip
    components = schema["components"]["schemas"]
    assert {"EvaluationRateInput", "ObjectionDecideInput", "ForumView"} <= set(components)
    assert "multipart/form-data" in paths["/api/v1/evaluations/{id}/objection/"]["post"]["requestBody"]["content"]


def test_city_publication_waits_for_open_forums_unless_bkpsdm_forces_it(evaluation_cast: EvaluationCast) -> None:
    from kinerja.evaluation.tests.factories import CalibrationForumFactory

    cast = evaluation_cast
    rate(cast.evaluation("staff"), Rating.MEETS, Rating.MEETS, cast.user("supervisor"))
    CalibrationForumFactory(agency=cast.opd_a, period=cast.period, opened_by=cast.user("opd_head"))
    bea = client_for(cast, "admin_bkpsdm")
    url = f"{API}/evaluation-periods/{cast.period.pk}/publish/"

    refused = bea.post(url, {}, format="json")
    assert refused.status_code == 409
    assert cast.opd_a.name in error(refused)["message"]
    assert cast.evaluation("staff").status == EvaluationStatus.RATED

    forced = bea.post(url, {"force": True}, format="json")
    assert forced.status_code == 200
    assert forced.json()["published"] >= 1
    assert cast.evaluation("staff").status == EvaluationStatus.PUBLISHED
