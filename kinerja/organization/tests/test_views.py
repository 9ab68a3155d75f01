"""Organisation pages over HTTP: the directory, profiles, the unit tree and the org chart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from kinerja.accounts.tests.factories import UserFactory
from kinerja.core.testing import Cast
from kinerja.organization import nip as nip_codec
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory

DIRECTORY = reverse("organization:employee-list")


@pytest.fixture(autouse=True)
def _fresh_nip_sequence() -> None:
    # Workaround until EmployeeFactory's NIP sequence stays valid past a few hundred employees.
    EmployeeFactory.reset_sequence()


def _names(response: object) -> set[str]:
    return {employee.name for employee in response.context["page_obj"]}


def test_staff_directory_lists_their_agency_but_not_other_agencies(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    assert _names(response) == {"Alice", "Carol", "Sam", "Hana", "Adi"}
    assert "Bob" not in response.content.decode()


def test_directory_search_by_part_of_the_name(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("admin_bkpsdm"))
    assert _names(client.get(DIRECTORY, {"q": "aro"})) == {"Carol"}


def test_directory_search_by_nip_typed_with_spaces(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("admin_bkpsdm"))
    bob = cast.employee("other_staff")
    assert _names(client.get(DIRECTORY, {"q": bob.nip_display})) == {"Bob"}


def test_staff_cannot_find_other_agency_staff_even_by_exact_nip(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    assert _names(client.get(DIRECTORY, {"q": cast.employee("other_staff").nip})) == set()


def test_directory_filters_by_unit_subtree(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("admin_bkpsdm"))
    assert _names(client.get(DIRECTORY, {"unit": cast.bidang_a1.pk})) == {"Alice", "Carol", "Sam"}
    assert _names(client.get(DIRECTORY, {"unit": cast.opd_b.pk})) == {"Bob", "Hugo"}


def test_directory_names_the_field_when_the_unit_filter_is_invalid(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(DIRECTORY, {"unit": "999999"})
    assert response.status_code == 200
    assert response.context["form"].has_error("unit", "invalid_choice")
    assert "is-invalid" in response.content.decode()


def test_htmx_search_returns_only_the_rows_partial(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(DIRECTORY, {"q": "Alice"}, headers={"HX-Request": "true"})
    assert [t.name for t in response.templates][0] == "organization/_employee_rows.html"
    html = response.content.decode()
    assert "<html" not in html
    assert "Alice" in html and "Carol" not in html
    assert "HX-Request" in response["Vary"]


def test_directory_paginates_25_per_page(client: Client, cast: Cast) -> None:
    for index in range(30):
        nip = nip_codec.build_pns(dt.date(1970, 1, 1) + dt.timedelta(days=index), dt.date(1995, 1, 1), "M", index + 1)
        AssignmentFactory(employee=EmployeeFactory(nip=nip, name=f"Zed {index:02d}"), position=cast.positions["staff"])
    client.force_login(cast.user("admin_bkpsdm"))
    first = client.get(DIRECTORY, {"q": "Zed"})
    assert len(first.context["page_obj"]) == 25
    second = client.get(DIRECTORY, {"q": "Zed", "page": 2})
    assert len(second.context["page_obj"]) == 5
    assert "q=Zed&amp;page=1" in second.content.decode()


def test_directory_query_count_does_not_grow_with_the_number_of_employees(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("admin_bkpsdm"))
    with CaptureQueriesContext(connection) as small:
        client.get(DIRECTORY)
    for index in range(20):
        nip = nip_codec.build_pns(dt.date(1970, 1, 1) + dt.timedelta(days=index), dt.date(1995, 1, 1), "F", index + 1)
        AssignmentFactory(employee=EmployeeFactory(nip=nip), position=PositionFactory(unit=cast.opd_b))
    with CaptureQueriesContext(connection) as large:
        client.get(DIRECTORY)
    assert len(large) == len(small)


def test_supervisor_sees_personal_data_on_the_staff_profile(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("supervisor"))
    staff = cast.employee("staff")
    response = client.get(reverse("organization:employee-detail", args=[staff.pk]))
    html = response.content.decode()
    assert response.context["personal"] is True
    assert 'data-testid="personal-data"' in html
    assert staff.nip_display in html
    assert 'data-testid="history"' in html and "Analis A1" in html


def test_colleague_sees_the_basic_card_but_not_personal_data(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("colleague"))
    staff = cast.employee("staff")
    response = client.get(reverse("organization:employee-detail", args=[staff.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alice" in html and "Analis A1" in html
    assert response.context["personal"] is False
    assert staff.nip not in html and staff.nip_display not in html
    assert 'data-testid="personal-data"' not in html
    assert reverse("audit:employee-trail", args=[staff.pk]) not in html


def test_profile_of_another_agency_is_not_found_for_staff(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:employee-detail", args=[cast.employee("other_staff").pk]))
    assert response.status_code == 404


def test_profile_shows_acting_assignments_with_their_badge(client: Client, cast: Cast) -> None:
    AssignmentFactory(employee=cast.employee("supervisor"), position=cast.positions["head_b"], kind=AssignmentKind.PLT)
    client.force_login(cast.user("supervisor"))
    html = client.get(reverse("organization:employee-detail", args=[cast.employee("supervisor").pk])).content.decode()
    history = html.split('data-testid="history"')[1].split("</ul>")[0]
    assert "Kepala Dinas B" in history and ">Plt<" in history


def test_my_profile_redirects_to_the_own_employee_page(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:my-profile"))
    assert response["Location"] == reverse("organization:employee-detail", args=[cast.employee("staff").pk])


def test_my_profile_without_employee_record_goes_home_with_a_message(client: Client, db: None) -> None:
    client.force_login(UserFactory(username="operator"))
    response = client.get(reverse("organization:my-profile"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert gettext("Your account is not linked to an employee record, so it has no profile page.") in (
        response.content.decode()
    )


def test_unit_tree_shows_agencies_with_headcounts(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:unit-list"))
    groups = {group.unit.name: group for group in response.context["groups"]}
    assert groups["Dinas A"].headcount == 5
    assert groups["Dinas B"].headcount == 2
    assert [unit.name for unit, _people in groups["Dinas A"].descendants] == ["Bidang A1"]


def test_org_chart_shows_the_unit_and_the_heads_of_the_units_below(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:unit-detail", args=[cast.opd_a.pk]))
    rows = {row.position.name: row for row in response.context["rows"]}
    assert rows["Kepala Dinas A"].depth == 0
    assert rows["Kepala Bidang A1"].depth == 1
    # Staff of the bidang appear on the bidang's own chart, not on the agency's.
    assert "Analis A1" not in rows
    counts = response.context["counts"]
    assert (counts.positions, counts.people, counts.vacant) == (5, 5, 0)
    assert "Sam" in response.content.decode()


def test_org_chart_nests_positions_and_marks_vacancies(client: Client, cast: Cast) -> None:
    PositionFactory(name="Analis Kosong", unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:unit-detail", args=[cast.bidang_a1.pk]))
    rows = {row.position.name: row for row in response.context["rows"]}
    assert rows["Kepala Bidang A1"].depth == 0
    assert rows["Analis A1"].depth == 1
    assert rows["Analis Kosong"].holders == []
    assert response.context["counts"].vacant == 1
    order = [row.position.name for row in response.context["rows"]]
    assert order.index("Kepala Bidang A1") < order.index("Analis A1")


def test_org_chart_hides_names_of_holders_the_user_may_not_see(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("staff"))
    response = client.get(reverse("organization:unit-detail", args=[cast.opd_b.pk]))
    html = response.content.decode()
    assert "Kepala Dinas B" in html
    assert "Hugo" not in html and "Bob" not in html
    assert all(row.hidden_holders == 1 for row in response.context["rows"])


def test_org_chart_query_count_does_not_grow_with_positions(client: Client, cast: Cast) -> None:
    client.force_login(cast.user("admin_bkpsdm"))
    url = reverse("organization:unit-detail", args=[cast.opd_a.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for index in range(10):
        nip = nip_codec.build_pns(dt.date(1970, 1, 1) + dt.timedelta(days=index), dt.date(1995, 1, 1), "F", index + 1)
        position = PositionFactory(unit=cast.bidang_a1, reports_to=cast.positions["kabid"])
        AssignmentFactory(employee=EmployeeFactory(nip=nip), position=position)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
