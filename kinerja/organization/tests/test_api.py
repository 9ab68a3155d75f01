"""The organisation API: same visibility as the UI, personal data only for those allowed, no N+1."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.core.testing import Cast
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


def client_for(cast: Cast, member: str) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(cast.user(member))
    return client


def token_client_for(cast: Cast, member: str) -> APIClient:
    """Authenticates every request afresh, as real clients do (force_authenticate reuses one user object)."""
    token = Token.objects.create(user=cast.user(member))
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")


def employee_ids(response) -> set[int]:  # noqa: ANN001 - a test client response
    return {row["id"] for row in response.json()["results"]}


PERSONAL = {"birth_date", "birth_place", "sex", "tmt_cpns", "assignments"}


def test_other_opd_staff_gets_404_for_an_opd_a_employee(cast: Cast) -> None:
    response = client_for(cast, "other_staff").get(f"/api/v1/employees/{cast.employee('staff').pk}/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": response.json()["error"]["message"], "fields": {}}
    }


def test_employee_list_of_other_opd_staff_leaves_out_opd_a(cast: Cast) -> None:
    response = client_for(cast, "other_staff").get("/api/v1/employees/")
    assert response.status_code == 200
    assert employee_ids(response) == {cast.employee("other_staff").pk, cast.employee("other_head").pk}
    assert response.json()["count"] == 2


def test_employee_list_of_staff_is_their_own_opd(cast: Cast) -> None:
    response = client_for(cast, "staff").get("/api/v1/employees/")
    expected = {cast.employee(k).pk for k in ("staff", "colleague", "supervisor", "opd_head", "admin_opd")}
    assert employee_ids(response) == expected


def test_employee_list_rows_carry_the_current_post(cast: Cast) -> None:
    response = client_for(cast, "staff").get("/api/v1/employees/", {"q": "alice"})
    [row] = response.json()["results"]
    assert row["name"] == "Alice"
    assert row["position"] == "Analis A1"
    assert row["unit_id"] == cast.bidang_a1.pk
    assert row["rank"] == "III/a"
    assert PERSONAL.isdisjoint(row)


def test_employee_list_searches_by_nip_prefix_with_spaces(cast: Cast) -> None:
    nip = cast.employee("colleague").nip
    response = client_for(cast, "admin_bkpsdm").get("/api/v1/employees/", {"q": f"{nip[:8]} {nip[8:14]}"})
    assert cast.employee("colleague").pk in employee_ids(response)
    assert all(row["nip"].startswith(nip[:14]) for row in response.json()["results"])


def test_employee_list_filters_by_unit_subtree(cast: Cast) -> None:
    response = client_for(cast, "admin_bkpsdm").get("/api/v1/employees/", {"unit": cast.opd_a.pk})
    expected = {cast.employee(k).pk for k in ("staff", "colleague", "supervisor", "opd_head", "admin_opd")}
    assert employee_ids(response) == expected


def test_employee_unit_filter_does_not_widen_visibility(cast: Cast) -> None:
    response = client_for(cast, "other_staff").get("/api/v1/employees/", {"unit": cast.opd_a.pk})
    assert employee_ids(response) == set()


def test_unknown_unit_filter_is_a_400_naming_the_parameter(cast: Cast) -> None:
    response = client_for(cast, "staff").get("/api/v1/employees/", {"unit": 999999})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"unit": ["There is no unit with id 999999."]}


def test_non_numeric_unit_filter_is_a_400_naming_the_parameter(cast: Cast) -> None:
    response = client_for(cast, "staff").get("/api/v1/positions/", {"unit": "abc"})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["unit"]


def test_supervisor_sees_personal_fields_of_their_staff(cast: Cast) -> None:
    staff = cast.employee("staff")
    body = client_for(cast, "supervisor").get(f"/api/v1/employees/{staff.pk}/").json()
    assert body["birth_date"] == staff.birth_date.isoformat()
    assert body["tmt_cpns"] == staff.tmt_cpns.isoformat()
    assert body["sex"] == staff.sex
    assert [a["position"] for a in body["assignments"]] == ["Analis A1"]


def test_colleague_sees_the_card_without_personal_fields(cast: Cast) -> None:
    staff = cast.employee("staff")
    response = client_for(cast, "colleague").get(f"/api/v1/employees/{staff.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Alice"
    assert body["position"] == "Analis A1"
    assert PERSONAL.isdisjoint(body)


def test_employee_sees_own_personal_fields(cast: Cast) -> None:
    body = client_for(cast, "colleague").get(f"/api/v1/employees/{cast.employee('colleague').pk}/").json()
    assert set(body) >= PERSONAL


def test_org_units_are_filtered_by_parent_and_kind(cast: Cast) -> None:
    client = client_for(cast, "staff")
    children = client.get("/api/v1/org-units/", {"parent": cast.root.pk}).json()["results"]
    assert [u["name"] for u in children] == ["Dinas A", "Dinas B"]
    divisions = client.get("/api/v1/org-units/", {"kind": "bidang"}).json()["results"]
    assert [u["id"] for u in divisions] == [cast.bidang_a1.pk]
    bad = client.get("/api/v1/org-units/", {"kind": "castle"})
    assert bad.status_code == 400
    assert list(bad.json()["error"]["fields"]) == ["kind"]


def test_org_unit_detail(cast: Cast) -> None:
    body = client_for(cast, "other_staff").get(f"/api/v1/org-units/{cast.bidang_a1.pk}/").json()
    assert body["parent_id"] == cast.opd_a.pk
    assert body["kind"] == "bidang"
    assert client_for(cast, "staff").get("/api/v1/org-units/999999/").status_code == 404


def test_positions_are_filtered_by_unit_and_show_reporting_line(cast: Cast) -> None:
    rows = client_for(cast, "staff").get("/api/v1/positions/", {"unit": cast.bidang_a1.pk}).json()["results"]
    assert {r["name"] for r in rows} == {"Kepala Bidang A1", "Analis A1", "Pengadministrasi A1"}
    staff_row = next(r for r in rows if r["name"] == "Analis A1")
    assert staff_row["reports_to_id"] == cast.positions["kabid"].pk
    detail = client_for(cast, "staff").get(f"/api/v1/positions/{cast.positions['kabid'].pk}/").json()
    assert detail["is_unit_head"] is True
    assert detail["unit"] == "Bidang A1"


def test_lists_are_paginated_with_limit_and_offset(cast: Cast) -> None:
    body = client_for(cast, "admin_bkpsdm").get("/api/v1/employees/", {"limit": 2, "offset": 1}).json()
    assert body["count"] >= 7
    assert len(body["results"]) == 2
    assert "offset=3" in body["next"]


def _add_staff(cast: Cast, count: int) -> None:
    for _ in range(count):
        position = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(position=position)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/employees/", "/api/v1/positions/", "/api/v1/org-units/"],
)
def test_list_query_count_does_not_grow_with_rows(cast: Cast, url: str, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client = token_client_for(cast, "admin_bkpsdm")
    _add_staff(cast, 3)
    with django_assert_max_num_queries(8) as small:
        assert client.get(url).status_code == 200
    _add_staff(cast, 25)
    with django_assert_max_num_queries(8) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_employee_detail_query_count_does_not_grow_with_history(cast: Cast, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client = token_client_for(cast, "admin_bkpsdm")
    staff = cast.employee("staff")
    url = f"/api/v1/employees/{staff.pk}/"
    with django_assert_max_num_queries(15) as small:
        client.get(url)
    for _ in range(5):
        AssignmentFactory(employee=staff, position=PositionFactory(unit=cast.opd_b), start_date="2015-01-01")
    with django_assert_max_num_queries(15) as large:
        body = client.get(url).json()
    assert len(body["assignments"]) == 6
    assert len(large.captured_queries) == len(small.captured_queries)
