"""Audit pages over HTTP: the browser for auditors and HR admins, and one employee's trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja.audit.models import AuditEvent
from kinerja.audit.services import record
from kinerja.core.testing import Cast
from kinerja.organization.tests.factories import EmployeeFactory

EVENTS = reverse("audit:event-list")


@pytest.fixture(autouse=True)
def _fresh_nip_sequence() -> None:
    # Workaround until EmployeeFactory's NIP sequence stays valid past a few hundred employees.
    EmployeeFactory.reset_sequence()


@pytest.fixture
def events(cast: Cast) -> dict[str, AuditEvent]:
    """One change in each agency: Alice's record (Dinas A) and Bob's (Dinas B)."""
    return {
        "alice": record(
            actor=cast.user("admin_opd"),
            verb="organization.employee.updated",
            target=cast.employee("staff"),
            org_unit=cast.bidang_a1,
            subject=cast.employee("staff"),
            before={"phone": ""},
            after={"phone": "0812"},
            reason="Nomor telepon baru",
        ),
        "bob": record(
            actor=cast.user("admin_bkpsdm"),
            verb="organization.assignment.created",
            target=cast.employee("other_staff"),
            org_unit=cast.opd_b,
            subject=cast.employee("other_staff"),
        ),
    }


def _event_ids(response: object) -> set[int]:
    return {event.pk for event in response.context["page_obj"]}


def test_audit_browser_is_forbidden_for_staff(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(EVENTS)
    assert response.status_code == 403
    assert "403" in response.content.decode()


def test_auditor_browses_every_event_in_scope(client: Client, events: dict[str, AuditEvent], cast: Cast) -> None:
    client.force_login(cast.user("auditor"))
    response = client.get(EVENTS)
    assert _event_ids(response) == {events["alice"].pk, events["bob"].pk}
    assert "Nomor telepon baru" in response.content.decode()


def test_admin_opd_browses_only_their_agency(client: Client, events: dict[str, AuditEvent], cast: Cast) -> None:
    client.force_login(cast.user("admin_opd"))
    assert _event_ids(client.get(EVENTS)) == {events["alice"].pk}


def test_audit_browser_filters_by_verb_unit_and_dates(
    client: Client, events: dict[str, AuditEvent], cast: Cast
) -> None:
    client.force_login(cast.user("auditor"))
    assert _event_ids(client.get(EVENTS, {"verb": "assignment"})) == {events["bob"].pk}
    assert _event_ids(client.get(EVENTS, {"unit": cast.opd_a.pk})) == {events["alice"].pk}
    today = timezone.localdate()
    assert len(_event_ids(client.get(EVENTS, {"date_from": today.isoformat()}))) == 2
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert _event_ids(client.get(EVENTS, {"date_from": tomorrow})) == set()


def test_audit_browser_names_the_field_when_dates_are_reversed(
    client: Client, events: dict[str, AuditEvent], cast: Cast
) -> None:
    client.force_login(cast.user("auditor"))
    response = client.get(EVENTS, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]
    assert "is-invalid" in response.content.decode()


def test_staff_reads_the_trail_of_their_own_record(client: Client, events: dict[str, AuditEvent], cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("audit:employee-trail", args=[cast.employee("staff").pk]))
    assert response.status_code == 200
    assert _event_ids(response) == {events["alice"].pk}


def test_colleague_may_not_read_the_trail_of_staff(client: Client, events: dict[str, AuditEvent], cast: Cast) -> None:
    client.force_login(cast.user("colleague"))
    response = client.get(reverse("audit:employee-trail", args=[cast.employee("staff").pk]))
    assert response.status_code == 403


def test_admin_opd_gets_not_found_for_the_trail_of_another_agency(
    client: Client, events: dict[str, AuditEvent], cast: Cast
) -> None:
    client.force_login(cast.user("admin_opd"))
    response = client.get(reverse("audit:employee-trail", args=[cast.employee("other_staff").pk]))
    assert response.status_code == 404


def test_auditor_reads_the_trail_of_any_employee_in_scope(
    client: Client, events: dict[str, AuditEvent], cast: Cast
) -> None:
    client.force_login(cast.user("auditor"))
    response = client.get(reverse("audit:employee-trail", args=[cast.employee("other_staff").pk]))
    assert _event_ids(response) == {events["bob"].pk}
