"""The audit-trail API: everyone reads the trail of their own record; auditors and HR admins their scope."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kinerja.audit import services as audit
from kinerja.audit.models import AuditEvent
from kinerja.core.testing import Cast
from kinerja.organization.tests.factories import EmployeeFactory


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


def client_for(cast: Cast, member: str) -> APIClient:
    token = Token.objects.create(user=cast.user(member))
    return APIClient(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE="en")


def _event(cast: Cast, subject: str, unit_attr: str, verb: str = "organization.employee.updated") -> AuditEvent:
    employee = cast.employee(subject)
    return audit.record(
        actor=cast.user("admin_bkpsdm"),
        verb=verb,
        target=employee,
        org_unit=getattr(cast, unit_attr),
        subject=employee,
        before={"phone": ""},
        after={"phone": "0812"},
        reason="Data update",
    )


def test_staff_reads_only_the_trail_of_their_own_record(cast: Cast) -> None:
    own = _event(cast, "staff", "bidang_a1")
    _event(cast, "colleague", "bidang_a1")
    body = client_for(cast, "staff").get("/api/v1/audit-events/").json()
    assert [row["id"] for row in body["results"]] == [own.pk]
    row = body["results"][0]
    assert row["before"] == {"phone": ""}
    assert row["after"] == {"phone": "0812"}
    assert row["actor"] == "Bea"
    assert row["subject_id"] == cast.employee("staff").pk


def test_admin_opd_reads_events_of_their_opd_only(cast: Cast) -> None:
    in_scope = _event(cast, "staff", "bidang_a1")
    _event(cast, "other_staff", "opd_b")
    body = client_for(cast, "admin_opd").get("/api/v1/audit-events/").json()
    assert [row["id"] for row in body["results"]] == [in_scope.pk]


def test_auditor_reads_every_event_newest_first_and_filters_by_subject(cast: Cast) -> None:
    first = _event(cast, "staff", "bidang_a1")
    second = _event(cast, "other_staff", "opd_b")
    client = client_for(cast, "auditor")
    assert [row["id"] for row in client.get("/api/v1/audit-events/").json()["results"]] == [second.pk, first.pk]
    filtered = client.get("/api/v1/audit-events/", {"subject": cast.employee("staff").pk}).json()
    assert [row["id"] for row in filtered["results"]] == [first.pk]


def test_subject_filter_cannot_reach_outside_visibility(cast: Cast) -> None:
    _event(cast, "other_staff", "opd_b")
    body = client_for(cast, "staff").get("/api/v1/audit-events/", {"subject": cast.employee("other_staff").pk}).json()
    assert body["results"] == []


def test_bad_subject_filter_is_a_400_naming_the_parameter(cast: Cast) -> None:
    response = client_for(cast, "auditor").get("/api/v1/audit-events/", {"subject": "alice"})
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["subject"]


def test_anonymous_gets_401(cast: Cast) -> None:
    assert APIClient().get("/api/v1/audit-events/").status_code == 401


def test_audit_list_query_count_does_not_grow_with_events(cast: Cast, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client = client_for(cast, "auditor")
    for _ in range(2):
        _event(cast, "staff", "bidang_a1")
    with django_assert_max_num_queries(6) as small:
        client.get("/api/v1/audit-events/")
    for _ in range(20):
        _event(cast, "other_staff", "opd_b")
    with django_assert_max_num_queries(6) as large:
        assert len(client.get("/api/v1/audit-events/").json()["results"]) == 22
    assert len(large.captured_queries) == len(small.captured_queries)
