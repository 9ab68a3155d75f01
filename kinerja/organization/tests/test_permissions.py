"""Can X see Y? The access rules of organisation data asked of the whole cast (product.md §2, §4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja.accounts.selectors import actor_for
from kinerja.accounts.tests.factories import UserFactory
from kinerja.audit import permissions as audit_permissions
from kinerja.audit import services as audit
from kinerja.core.testing import Cast
from kinerja.core.tests.matrix import EVERYONE
from kinerja.organization import permissions, selectors, services
from kinerja.organization.choices import AssignmentKind
from kinerja.organization.tests.factories import EmployeeFactory


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


OPD_A = frozenset({"staff", "colleague", "supervisor", "opd_head", "admin_opd"})
OPD_B = frozenset({"other_staff", "other_head"})
NOBODY: frozenset[str] = frozenset()

VISIBLE = {
    "staff": OPD_A,
    "colleague": OPD_A,
    "supervisor": OPD_A,
    "opd_head": OPD_A,
    "admin_opd": OPD_A,
    "other_staff": OPD_B,
    "other_head": OPD_B,
    # City-wide roles see everyone, including the people with no post today.
    "admin_bkpsdm": EVERYONE,
    "auditor": EVERYONE,
    "leader": EVERYONE,
}

PERSONAL_DATA = {
    "staff": {"staff"},
    "colleague": {"colleague"},
    "supervisor": {"supervisor", "staff", "colleague"},
    "opd_head": OPD_A,
    "admin_opd": OPD_A,
    "other_staff": {"other_staff"},
    "other_head": OPD_B,
    "admin_bkpsdm": EVERYONE,
    "auditor": EVERYONE,
    # Pimpinan daerah sees the whole city's cards and dashboards, not birth dates.
    "leader": {"leader"},
}

MANAGES = dict.fromkeys(EVERYONE, NOBODY) | {"admin_opd": OPD_A, "admin_bkpsdm": EVERYONE}

# Events: "a" about staff in Bidang A1, "b" about other_staff in Dinas B, "city" city-wide with no subject.
AUDIT_EVENTS = dict.fromkeys(EVERYONE, NOBODY) | {
    "staff": {"a"},
    "other_staff": {"b"},
    "admin_opd": {"a"},
    "admin_bkpsdm": {"a", "b", "city"},
    "auditor": {"a", "b", "city"},
}


def _names(cast: Cast, employees: object) -> set[str]:
    by_pk = {employee.pk: name for name, employee in cast.employees.items()}
    return {by_pk[e.pk] for e in employees}  # type: ignore[attr-defined]


@pytest.mark.parametrize("viewer", sorted(VISIBLE))
def test_employees_visible_to(cast: Cast, viewer: str) -> None:
    assert _names(cast, permissions.employees_visible_to(cast.user(viewer))) == VISIBLE[viewer]


@pytest.mark.parametrize("viewer", sorted(PERSONAL_DATA))
def test_can_view_personal_data(cast: Cast, viewer: str) -> None:
    user = cast.user(viewer)
    allowed = {name for name, e in cast.employees.items() if permissions.can_view_personal_data(user, e)}
    assert allowed == PERSONAL_DATA[viewer]


@pytest.mark.parametrize("viewer", sorted(MANAGES))
def test_can_manage_employee(cast: Cast, viewer: str) -> None:
    user = cast.user(viewer)
    allowed = {name for name, e in cast.employees.items() if permissions.can_manage_employee(user, e)}
    assert allowed == MANAGES[viewer]


@pytest.mark.parametrize("viewer", sorted(EVERYONE))
def test_can_import_people_is_admin_bkpsdm_only(cast: Cast, viewer: str) -> None:
    assert permissions.can_import_people(cast.user(viewer)) is (viewer == "admin_bkpsdm")


@pytest.mark.parametrize("viewer", sorted(AUDIT_EVENTS))
def test_audit_events_visible_to(cast: Cast, viewer: str) -> None:
    events = {
        "a": audit.record(
            actor=None, verb="t.a", target=cast.bidang_a1, org_unit=cast.bidang_a1, subject=cast.employee("staff")
        ),
        "b": audit.record(
            actor=None, verb="t.b", target=cast.opd_b, org_unit=cast.opd_b, subject=cast.employee("other_staff")
        ),
        "city": audit.record(actor=None, verb="t.city", target=cast.root),
    }
    by_pk = {event.pk: name for name, event in events.items()}
    visible = {by_pk[e.pk] for e in audit_permissions.audit_events_visible_to(cast.user(viewer))}
    assert visible == AUDIT_EVENTS[viewer]


def test_anonymous_sees_and_may_do_nothing(cast: Cast) -> None:
    anonymous = AnonymousUser()
    staff = cast.employee("staff")
    assert not permissions.employees_visible_to(anonymous).exists()
    assert not permissions.org_units_visible_to(anonymous).exists()
    assert not permissions.positions_visible_to(anonymous).exists()
    assert not permissions.can_view_personal_data(anonymous, staff)
    assert not permissions.can_manage_employee(anonymous, staff)
    assert not permissions.can_import_people(anonymous)
    assert not audit_permissions.audit_events_visible_to(anonymous).exists()


def test_superuser_sees_and_manages_everyone(cast: Cast) -> None:
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert permissions.employees_visible_to(root).count() == len(cast.employees)
    assert permissions.can_view_personal_data(root, cast.employee("other_staff"))
    assert permissions.can_manage_employee(root, cast.employee("other_staff"))
    assert permissions.can_import_people(root)


def test_everyone_sees_the_whole_structure(cast: Cast) -> None:
    user = cast.user("other_staff")
    assert permissions.org_units_visible_to(user).count() == 4
    assert permissions.get_position_for_user_or_404(user, cast.positions["kabid"].pk) == cast.positions["kabid"]


def test_get_employee_for_user_or_404_hides_other_opd(cast: Cast) -> None:
    staff = cast.employee("staff")
    assert permissions.get_employee_for_user_or_404(cast.user("colleague"), staff.pk) == staff
    with pytest.raises(Http404):
        permissions.get_employee_for_user_or_404(cast.user("other_staff"), staff.pk)


def test_acting_supervisor_sees_personal_data_below_the_acting_post(cast: Cast) -> None:
    today = selectors.today()
    services.assignment_start(
        actor=None,
        employee=cast.employee("other_head"),
        position=cast.positions["kabid"],
        start_date=today - dt.timedelta(days=3),
        kind=AssignmentKind.PLT,
    )
    plt = cast.user("other_head")
    assert permissions.can_view_personal_data(plt, cast.employee("staff"))
    assert cast.employee("staff") in permissions.employees_visible_to(plt)
    assert not permissions.can_view_personal_data(plt, cast.employee("opd_head"))
    # The acting post does not move them: their own OPD is still the one of their definitive post.
    assert actor_for(plt).agency == cast.opd_b


def test_employee_who_left_their_post_drops_out_of_the_old_opd(cast: Cast) -> None:
    services.assignment_end(
        actor=None,
        assignment=cast.employee("colleague").assignments.get(),
        end_date=selectors.today() - dt.timedelta(days=1),
    )
    colleague = cast.employee("colleague")
    assert colleague not in permissions.employees_visible_to(cast.user("staff"))
    assert not permissions.can_manage_employee(cast.user("admin_opd"), colleague)
    # ...but the city-wide HR admin still finds and manages them.
    assert colleague in permissions.employees_visible_to(cast.user("admin_bkpsdm"))
    assert permissions.can_manage_employee(cast.user("admin_bkpsdm"), colleague)
