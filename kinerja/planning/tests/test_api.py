"""The planning API: the SKP workflow end to end, bad input in the one error shape, access, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.organization import selectors as org_selectors
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PlanItem, WorkPlan
from kinerja.planning.tests.conftest import PlanningCast
from kinerja.planning.tests.factories import IndicatorFactory, PlanItemFactory, WorkPlanFactory

API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


def client_for(cast: PlanningCast, member: str) -> APIClient:
    """Token-authenticated, as real clients are; English messages so that assertions can read them."""
    token = Token.objects.create(user=cast.user(member))
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE="en")


def error_fields(response) -> dict[str, list[str]]:  # noqa: ANN001 - a test client response
    return response.json()["error"]["fields"]


def staff_plan(cast: PlanningCast, status: str = WorkPlanStatus.DRAFT) -> WorkPlan:
    """Alice's SKP with one RHK supporting sam's first RHK and one IKI."""
    plan = WorkPlanFactory(employee=cast.employee("staff"), year=cast.year)
    item = PlanItemFactory(work_plan=plan, supported_item=cast.kabid_items[0], text="Terlayaninya pemohon")
    IndicatorFactory(item=item)
    WorkPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    return plan


# --- The workflow of "done means", through the API -----------------------------------------------


def test_pegawai_starts_from_distribution_submits_penilai_returns_then_approves_the_resubmission(
    planning_cast: PlanningCast,
) -> None:
    cast = planning_cast
    alice, sam = client_for(cast, "staff"), client_for(cast, "supervisor")

    started = alice.post(f"{API}/work-plans/start/", {"source": "distribution"}, format="json")
    assert started.status_code == 201, started.json()
    plan = started.json()
    assert plan["status"] == "draft"
    assert plan["penilai"]["id"] == cast.employee("supervisor").pk
    assert {item["supported_item"]["id"] for item in plan["items"]} == {i.pk for i in cast.kabid_items}
    assert "Tersusunnya bahan laporan kinerja Bidang A1" in {item["text"] for item in plan["items"]}
    assert len(plan["expectations"]) == 7
    assert plan["actions"]["can_submit"] is True

    added = alice.post(
        f"{API}/work-plans/{plan['id']}/items/",
        {"kind": "utama", "text": "Terverifikasinya berkas layanan", "supported_item": cast.kabid_items[0].pk},
        format="json",
    )
    assert added.status_code == 201, added.json()
    item_ids = [item["id"] for item in plan["items"]] + [added.json()["id"]]
    for item_id in item_ids:
        iki = alice.post(
            f"{API}/plan-items/{item_id}/indicators/",
            {"aspect": "kuantitas", "text": "Jumlah berkas", "target_min": "120", "target_unit": "berkas"},
            format="json",
        )
        assert iki.status_code == 201, iki.json()
        assert iki.json()["target_min"] == "120.00"

    submitted = alice.post(f"{API}/work-plans/{plan['id']}/submit/")
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "submitted"
    queue = sam.get(f"{API}/review-queue/").json()
    assert [row["id"] for row in queue["results"]] == [plan["id"]]

    returned = sam.post(f"{API}/work-plans/{plan['id']}/return/", {"note": "Tambahkan IKI kualitas."}, format="json")
    assert returned.status_code == 200, returned.json()
    assert returned.json()["status"] == "returned"
    assert returned.json()["return_note"] == "Tambahkan IKI kualitas."

    assert alice.post(f"{API}/work-plans/{plan['id']}/submit/").json()["status"] == "submitted"
    approved = sam.post(f"{API}/work-plans/{plan['id']}/approve/")
    assert approved.status_code == 200, approved.json()
    body = approved.json()
    assert body["status"] == "approved"
    assert [(e["from_status"], e["to_status"]) for e in body["events"]] == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
    ]
    assert body["events"][1]["note"] == "Tambahkan IKI kualitas."
    versions = alice.get(f"{API}/work-plans/{plan['id']}/versions/").json()
    assert [v["version"] for v in versions] == [1]
    content = alice.get(f"{API}/work-plans/{plan['id']}/versions/1/").json()["content"]
    assert content["version"] == 1


def test_penilai_sets_special_expectation_of_one_core_value(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast, WorkPlanStatus.SUBMITTED)
    response = client_for(planning_cast, "supervisor").put(
        f"{API}/work-plans/{plan.pk}/expectations/akuntabel/",
        {"special_expectation": "Laporan diserahkan tepat waktu."},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["name"] == "Akuntabel"
    assert len(response.json()["behaviours"]) == 3
    assert plan.behaviour_expectations.get(value__code="akuntabel").special_expectation.startswith("Laporan")


def test_revision_of_an_approved_plan_opens_version_two_as_draft(planning_cast: PlanningCast) -> None:
    plan = planning_cast.kabid_plan
    response = client_for(planning_cast, "supervisor").post(
        f"{API}/work-plans/{plan.pk}/revise/", {"reason": "Perubahan struktur bidang."}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["version"]) == ("draft", 2)


def test_lampiran_update_with_a_stale_lock_version_is_refused(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    alice = client_for(planning_cast, "staff")
    url = f"{API}/work-plans/{plan.pk}/"
    first = alice.patch(url, {"lock_version": plan.lock_version, "resource_support": "Laptop"}, format="json")
    assert first.status_code == 200, first.json()
    assert first.json()["resource_support"] == "Laptop"
    stale = alice.patch(url, {"lock_version": plan.lock_version, "consequences": "Teguran"}, format="json")
    assert stale.status_code == 400
    assert "lock_version" in error_fields(stale)
    plan.refresh_from_db()
    assert plan.consequences == ""


def test_supervisor_hands_an_rhk_to_the_team_and_sees_it_in_the_distribution_list(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    sam = client_for(cast, "supervisor")
    item = cast.kabid_items[1]
    response = sam.put(
        f"{API}/plan-items/{item.pk}/distribution/",
        {"employees": [cast.employee("staff").pk, cast.employee("colleague").pk]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert {d["employee"]["id"] for d in response.json()["distributions"]} == {
        cast.employee("staff").pk,
        cast.employee("colleague").pk,
    }
    listing = sam.get(f"{API}/distribution/").json()
    assert listing["year"] == cast.year.year
    assert {row["id"] for row in listing["items"]} == {i.pk for i in cast.kabid_items}
    assert {m["id"] for m in listing["team"]} == {cast.employee("staff").pk, cast.employee("colleague").pk}


# --- Bad input: 400 in the one error shape, naming the field; nothing written ---------------------


def test_target_that_is_not_a_number_is_a_400_naming_target_min(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    item = plan.items.get()
    response = client_for(planning_cast, "staff").post(
        f"{API}/plan-items/{item.pk}/indicators/",
        {"aspect": "kuantitas", "text": "Jumlah berkas", "target_min": "abc", "target_unit": "berkas"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert list(error_fields(response)) == ["target_min"]
    assert item.indicators.count() == 1


def test_main_rhk_without_the_supervisors_rhk_is_a_400_naming_supported_item(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    response = client_for(planning_cast, "staff").post(
        f"{API}/work-plans/{plan.pk}/items/", {"kind": "utama", "text": "Terlayaninya pemohon"}, format="json"
    )
    assert response.status_code == 400
    assert "supported_item" in error_fields(response)
    assert plan.items.count() == 1


def test_supported_item_outside_the_penilais_plan_is_a_400_naming_supported_item(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    response = client_for(planning_cast, "staff").post(
        f"{API}/work-plans/{plan.pk}/items/",
        {"kind": "utama", "text": "Terlayaninya pemohon", "supported_item": planning_cast.head_items[0].pk},
        format="json",
    )
    assert response.status_code == 400
    assert list(error_fields(response)) == ["supported_item"]


def test_submit_after_the_drafting_deadline_is_a_400_with_the_date(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    deadline = org_selectors.today() - dt.timedelta(days=1)
    type(planning_cast.year).objects.filter(pk=planning_cast.year.pk).update(skp_draft_deadline=deadline)
    response = client_for(planning_cast, "staff").post(f"{API}/work-plans/{plan.pk}/submit/")
    assert response.status_code == 400
    [message] = [m for messages in error_fields(response).values() for m in messages]
    assert str(deadline.day) in message
    assert str(deadline.year) in message
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.DRAFT


def test_approving_a_draft_is_a_409_invalid_state(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    response = client_for(planning_cast, "supervisor").post(f"{API}/work-plans/{plan.pk}/approve/")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_state"
    assert "draft" in response.json()["error"]["message"]


def test_return_without_a_note_is_a_400_naming_note(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast, WorkPlanStatus.SUBMITTED)
    response = client_for(planning_cast, "supervisor").post(f"{API}/work-plans/{plan.pk}/return/", {}, format="json")
    assert response.status_code == 400
    assert list(error_fields(response)) == ["note"]


def test_unknown_year_filter_is_a_400_naming_year(planning_cast: PlanningCast) -> None:
    response = client_for(planning_cast, "staff").get(f"{API}/work-plans/", {"year": 1999})
    assert response.status_code == 400
    assert list(error_fields(response)) == ["year"]


# --- Access ---------------------------------------------------------------------------------------


def test_other_opd_gets_404_for_an_opd_a_plan_and_it_is_not_in_their_list(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast)
    bob = client_for(planning_cast, "other_staff")
    response = bob.get(f"{API}/work-plans/{plan.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert bob.get(f"{API}/work-plans/").json()["count"] == 0


def test_colleague_cannot_approve_and_atasan_penilai_is_refused_with_403(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast, WorkPlanStatus.SUBMITTED)
    assert client_for(planning_cast, "colleague").post(f"{API}/work-plans/{plan.pk}/approve/").status_code == 404
    forbidden = client_for(planning_cast, "opd_head").post(f"{API}/work-plans/{plan.pk}/approve/")
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "permission_denied"
    plan.refresh_from_db()
    assert plan.status == WorkPlanStatus.SUBMITTED


def test_owner_cannot_edit_an_rhk_once_submitted(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast, WorkPlanStatus.SUBMITTED)
    item = plan.items.get()
    response = client_for(planning_cast, "staff").patch(f"{API}/plan-items/{item.pk}/", {"text": "x"}, format="json")
    assert response.status_code == 403
    assert PlanItem.objects.get(pk=item.pk).text == "Terlayaninya pemohon"


def test_work_plan_list_of_the_head_covers_the_opd_and_filters_by_status(planning_cast: PlanningCast) -> None:
    plan = staff_plan(planning_cast, WorkPlanStatus.SUBMITTED)
    hana = client_for(planning_cast, "opd_head")
    ids = {row["id"] for row in hana.get(f"{API}/work-plans/").json()["results"]}
    assert ids == {plan.pk, planning_cast.kabid_plan.pk, planning_cast.head_plan.pk}
    submitted = hana.get(f"{API}/work-plans/", {"status": "submitted", "year": planning_cast.year.year}).json()
    assert [row["id"] for row in submitted["results"]] == [plan.pk]


def test_cascade_nests_goals_head_and_kabid_rhk_with_flags(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    body = client_for(cast, "staff").get(f"{API}/cascade/", {"unit": cast.opd_a.pk}).json()
    assert body["agency"]["id"] == cast.opd_a.pk
    first = body["goals"][0]
    assert first["id"] == cast.goals[0].pk
    assert first["children"][0]["id"] == cast.head_items[0].pk
    assert first["children"][0]["children"][0]["id"] == cast.kabid_items[0].pk
    assert body["goals"][2]["unserved"] is True
    assert body["flags"]["unserved_goals"] == 1
    assert client_for(cast, "other_staff").get(f"{API}/cascade/", {"unit": cast.opd_a.pk}).status_code == 403


def test_completion_counts_people_of_each_unit_by_status(planning_cast: PlanningCast) -> None:
    cast = planning_cast
    body = client_for(cast, "admin_opd").get(f"{API}/completion/", {"unit": cast.bidang_a1.pk}).json()
    assert body["agency"]["id"] == cast.opd_a.pk
    assert body["total"]["approved"] == 2
    assert body["total"]["people"] == body["total"]["approved"] + body["total"]["not_started"]


# --- Query counts ---------------------------------------------------------------------------------


def _add_staff_with_plans(cast: PlanningCast, count: int) -> None:
    for _ in range(count):
        position = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        assignment = AssignmentFactory(position=position, start_date=cast.year.start_date)
        plan = WorkPlanFactory(employee=assignment.employee, year=cast.year)
        IndicatorFactory(item=PlanItemFactory(work_plan=plan, supported_item=cast.kabid_items[0]))


@pytest.mark.parametrize("path", ["/work-plans/", "/review-queue/"])
def test_list_query_count_does_not_grow_with_rows(
    planning_cast: PlanningCast,
    path: str,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    client = client_for(planning_cast, "supervisor")
    _add_staff_with_plans(planning_cast, 2)
    WorkPlan.objects.filter(year=planning_cast.year).exclude(status="approved").update(status="submitted")
    with django_assert_max_num_queries(15) as small:
        assert client.get(f"{API}{path}").status_code == 200
    _add_staff_with_plans(planning_cast, 12)
    WorkPlan.objects.filter(year=planning_cast.year).exclude(status="approved").update(status="submitted")
    with django_assert_max_num_queries(15) as large:
        body = client.get(f"{API}{path}").json()
    assert body["count"] >= 14
    assert len(large.captured_queries) == len(small.captured_queries)


def test_detail_query_count_does_not_grow_with_items(
    planning_cast: PlanningCast, django_assert_max_num_queries
) -> None:  # noqa: ANN001
    plan = staff_plan(planning_cast)
    client = client_for(planning_cast, "staff")
    with django_assert_max_num_queries(40) as small:
        client.get(f"{API}/work-plans/{plan.pk}/")
    for _ in range(6):
        IndicatorFactory(item=PlanItemFactory(work_plan=plan, supported_item=planning_cast.kabid_items[1]))
    with django_assert_max_num_queries(40) as large:
        assert len(client.get(f"{API}/work-plans/{plan.pk}/").json()["items"]) == 7
    assert len(large.captured_queries) == len(small.captured_queries)
