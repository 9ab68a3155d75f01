"""The home page: every role lands on a page with their own real data, at a constant query cost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from kinerja.accounts.tests.factories import UserFactory
from kinerja.audit.services import record
from kinerja.core.testing import Cast
from kinerja.organization import nip as nip_codec
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory

HOME = reverse("core:home")


@pytest.fixture(autouse=True)
def _fresh_nip_sequence() -> None:
    # Workaround until EmployeeFactory is fixed: past a few hundred employees in one session its
    # NIP sequence produces a birth date too late for the fixed TMT CPNS, and the cast fails to build.
    EmployeeFactory.reset_sequence()


def _home(client: Client, user: object) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitor_is_sent_to_the_login_page(client: Client, db: None) -> None:
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_staff_home_shows_their_profile_with_sam_as_penilai_and_hana_as_atasan(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("staff"))
    staff = cast.employee("staff")
    assert staff.nip_display in html
    assert "Analis A1" in html
    assert "Bidang A1" in html
    assert "III/a" in html
    penilai = html.split('data-testid="penilai"')[1].split("</dd>")[0]
    atasan = html.split('data-testid="atasan-penilai"')[1].split("</dd>")[0]
    assert "Sam" in penilai
    assert "Hana" in atasan
    assert 'data-testid="team"' not in html
    assert 'data-testid="attention"' not in html


def test_supervisor_home_lists_staff_and_colleague_as_the_team(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("supervisor"))
    team = html.split('data-testid="team"')[1].split("</ul>")[0]
    assert "Alice" in team
    assert "Carol" in team
    assert "Analis A1" in team
    assert "Bob" not in team
    assert 'data-testid="unit-headcount">3<' in html  # Sam, Alice and Carol in Bidang A1


def test_opd_head_home_counts_everyone_in_the_agency(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("opd_head"))
    assert 'data-testid="unit-headcount">5<' in html  # Hana, Sam, Alice, Carol, Adi
    team = html.split('data-testid="team"')[1].split("</ul>")[0]
    assert "Sam" in team and "Adi" in team and "Alice" not in team


def test_admin_opd_home_shows_what_needs_attention_in_their_agency(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("admin_opd"))
    assert 'data-testid="attention-in-scope">5<' in html
    assert 'data-testid="attention-without-account">0<' in html
    assert 'data-testid="attention-without-position">0<' in html


def test_admin_bkpsdm_home_counts_unassigned_employees_and_missing_accounts(client: Client, cast: Cast) -> None:
    EmployeeFactory(name="Tanpa Jabatan")  # no position, no account
    AssignmentFactory(employee=EmployeeFactory(name="Tanpa Akun"), position=cast.positions["staff_b"])
    html = _home(client, cast.user("admin_bkpsdm"))
    assert 'data-testid="attention-in-scope">8<' in html
    # Bea, Audrey, Wali hold no position; plus the new one.
    assert 'data-testid="attention-without-position">4<' in html
    assert 'data-testid="attention-without-account">1<' in html


def test_leader_home_shows_headcount_per_agency(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("leader"))
    table = html.split('data-testid="agency-headcounts"')[1].split("</table>")[0]
    rows = [row for row in table.split("<tr>") if "Dinas" in row]
    assert "Dinas A" in rows[0] and ">5<" in rows[0]
    assert "Dinas B" in rows[1] and ">2<" in rows[1]


def test_auditor_home_shows_the_latest_events_in_scope(client: Client, cast: Cast) -> None:
    record(
        actor=cast.user("admin_opd"),
        verb="organization.employee.updated",
        target=cast.employee("staff"),
        org_unit=cast.bidang_a1,
        subject=cast.employee("staff"),
    )
    html = _home(client, cast.user("auditor"))
    events = html.split('data-testid="latest-events"')[1].split("</ul>")[0]
    assert "organization.employee.updated" in events
    assert "Alice" in events


def test_every_cast_member_gets_a_home_page(client: Client, cast: Cast) -> None:
    for name, user in cast.users.items():
        html = _home(client, user)
        assert cast.employee(name).full_name in html


def test_superuser_without_employee_record_gets_a_sensible_home(client: Client, cast: Cast) -> None:
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    html = _home(client, root)
    assert (
        gettext(
            "Your account is not linked to an employee record, so there is no personal profile, supervisor or team"
            " to show. The organisation-wide information your roles give you is below."
        )
        in html
    )
    assert 'data-testid="attention"' in html
    assert 'data-testid="agency-headcounts"' in html
    assert reverse("admin:index") in html


def test_navigation_offers_audit_only_to_roles_with_trail_access(client: Client, cast: Cast) -> None:
    audit_url = reverse("audit:event-list")
    assert audit_url not in _home(client, cast.user("staff"))
    assert audit_url in _home(client, cast.user("auditor"))
    assert audit_url in _home(client, cast.user("admin_opd"))


def _grow_city(cast: Cast, people: int) -> None:
    """More staff under Sam, with their own accounts, some without: the data the home page aggregates."""
    for index in range(people):
        # Explicit NIPs: the factory's sequence can produce a birth date too late for its TMT CPNS.
        nip = nip_codec.build_pns(dt.date(1975, 1, 1) + dt.timedelta(days=index), dt.date(2000, 1, 1), "F", index + 1)
        employee = EmployeeFactory(nip=nip)
        position = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(employee=employee, position=position)
        if index % 2:
            UserFactory(employee=employee)


@pytest.mark.parametrize("name", ["supervisor", "admin_bkpsdm", "leader", "auditor"])
def test_home_query_count_does_not_grow_with_the_number_of_employees(client: Client, cast: Cast, name: str) -> None:
    client.force_login(cast.user(name))
    with CaptureQueriesContext(connection) as small:
        client.get(HOME)
    _grow_city(cast, 15)
    with CaptureQueriesContext(connection) as large:
        client.get(HOME)
    assert len(large) == len(small)


def test_import_entry_appears_only_for_admin_bkpsdm(client: Client, cast: Cast) -> None:
    import_url = reverse("imports:upload")
    assert import_url in _home(client, cast.user("admin_bkpsdm"))
    assert import_url not in _home(client, cast.user("admin_opd"))


def test_language_switcher_changes_the_page_language(client: Client, cast: Cast) -> None:
    html = _home(client, cast.user("staff"))
    assert '<html lang="id">' in html
    assert 'name="language" value="en"' in html
    response = client.post(reverse("set_language"), {"language": "en", "next": HOME})
    assert response["Location"] == HOME
    assert '<html lang="en">' in client.get(HOME).content.decode()


def test_server_error_page_renders_without_a_request_context() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "500" in html
    assert "bootstrap.min.css" in html
