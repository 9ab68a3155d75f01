"""Writes of the organisation domain: upsert by NIP, reporting lines, assignments; each audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from kinerja.audit.models import AuditEvent
from kinerja.core.testing import Cast
from kinerja.organization import selectors, services
from kinerja.organization.choices import AssignmentKind, EmploymentType
from kinerja.organization.models import Assignment, Employee, Position, Rank
from kinerja.organization.tests.factories import EmployeeFactory, PositionFactory


@pytest.fixture(autouse=True)
def _fresh_nips() -> None:
    # EmployeeFactory's NIPs turn invalid after ~100 employees (birth dates drift past TMT 2008 - 18 years).
    EmployeeFactory.reset_sequence()


NIP = "198609262015052001"


def _data(**overrides: Any) -> dict[str, Any]:
    return {
        "nip": "19860926 201505 2 001",
        "employment_type": EmploymentType.PNS,
        "name": "Nurul Aini",
        "back_title": "S.E.",
        "rank": Rank.objects.get(code="III/b"),
    } | overrides


def test_employee_upsert_creates_from_nip_and_records_the_creation(cast: Cast) -> None:
    actor = cast.user("admin_bkpsdm")
    employee, created = services.employee_upsert(actor=actor, data=_data(), reason="SIASN import")
    assert created
    assert employee.nip == NIP
    assert employee.birth_date == dt.date(1986, 9, 26)
    assert employee.tmt_cpns == dt.date(2015, 5, 1)
    assert employee.sex == "F"
    event = AuditEvent.objects.get(verb="organization.employee.created")
    assert event.actor == actor
    assert event.subject == employee
    assert event.before is None
    assert event.after["name"] == "Nurul Aini"
    assert event.after["birth_date"] == "1986-09-26"
    assert event.reason == "SIASN import"


def test_employee_upsert_updates_the_same_nip_with_before_and_after(cast: Cast) -> None:
    actor = cast.user("admin_bkpsdm")
    first, _ = services.employee_upsert(actor=actor, data=_data())
    second, created = services.employee_upsert(actor=actor, data=_data(nip=NIP, name="Nurul Aini Putri"))
    assert not created
    assert second.pk == first.pk
    assert Employee.objects.filter(nip=NIP).count() == 1
    event = AuditEvent.objects.get(verb="organization.employee.updated")
    assert event.before["name"] == "Nurul Aini"
    assert event.after["name"] == "Nurul Aini Putri"


def test_correcting_the_nip_of_an_existing_employee_updates_them_instead_of_adding_another(cast: Cast) -> None:
    actor = cast.user("admin_bkpsdm")
    first, _ = services.employee_upsert(actor=actor, data=_data())
    corrected = "19860927 201505 2 001"
    second, created = services.employee_upsert(actor=actor, data=_data(nip=corrected), employee_id=first.pk)
    assert not created
    assert second.pk == first.pk
    assert second.nip == "198609272015052001"
    assert second.birth_date == dt.date(1986, 9, 27)
    assert not Employee.objects.filter(nip=NIP).exists()


def test_employee_upsert_without_changes_writes_no_audit_event(cast: Cast) -> None:
    actor = cast.user("admin_bkpsdm")
    services.employee_upsert(actor=actor, data=_data())
    services.employee_upsert(actor=actor, data=_data())
    assert AuditEvent.objects.filter(verb__startswith="organization.employee.").count() == 1


def test_employee_update_is_filed_under_their_unit_for_admin_opd(cast: Cast) -> None:
    staff = cast.employee("staff")
    services.employee_upsert(
        actor=cast.user("admin_opd"),
        data={"nip": staff.nip, "employment_type": EmploymentType.PNS, "name": "Alice Baru", "rank": staff.rank},
    )
    event = AuditEvent.objects.get(verb="organization.employee.updated")
    assert event.org_unit == cast.bidang_a1


def test_employee_upsert_rejects_an_invalid_nip_on_the_nip_field(cast: Cast) -> None:
    with pytest.raises(ValidationError) as exc:
        services.employee_upsert(actor=None, data=_data(nip="198613262015052001"))
    assert list(exc.value.message_dict) == ["nip"]
    assert not Employee.objects.filter(name="Nurul Aini").exists()


def test_employee_upsert_rejects_a_pppk_golongan_for_a_pns(cast: Cast) -> None:
    with pytest.raises(ValidationError) as exc:
        services.employee_upsert(actor=None, data=_data(rank=Rank.objects.get(code="IX")))
    assert list(exc.value.message_dict) == ["rank"]
    assert "IX" in exc.value.message_dict["rank"][0]
    assert not Employee.objects.filter(nip=NIP).exists()
    assert not AuditEvent.objects.exists()


def test_employee_upsert_accepts_a_pppk_with_a_pppk_golongan(cast: Cast) -> None:
    employee, _ = services.employee_upsert(
        actor=None,
        data=_data(nip="199001012022212001", employment_type=EmploymentType.PPPK, rank=Rank.objects.get(code="IX")),
    )
    assert employee.birth_date == dt.date(1990, 1, 1)
    assert employee.tmt_cpns is None
    assert employee.sex == "F"


def test_position_save_rejects_a_reporting_loop_and_writes_nothing(cast: Cast) -> None:
    head_a = cast.positions["head_a"]
    staff_pos = cast.positions["staff"]
    head_a.reports_to = staff_pos  # head_a → staff → kabid → head_a
    with pytest.raises(ValidationError) as exc:
        services.position_save(actor=cast.user("admin_bkpsdm"), position=head_a)
    assert list(exc.value.message_dict) == ["reports_to"]
    assert Position.objects.get(pk=head_a.pk).reports_to_id is None
    assert not AuditEvent.objects.filter(verb="organization.position.updated").exists()


def test_position_save_moves_the_subtree_paths(cast: Cast) -> None:
    kabid = cast.positions["kabid"]
    kabid.reports_to = cast.positions["head_b"]
    services.position_save(actor=None, position=kabid)
    staff_pos = Position.objects.get(pk=cast.positions["staff"].pk)
    assert staff_pos.path == f"/{cast.positions['head_b'].pk}/{kabid.pk}/{staff_pos.pk}/"


def test_assignment_start_closes_the_previous_definitive_post(cast: Cast) -> None:
    staff = cast.employee("staff")
    new_post = PositionFactory(unit=cast.opd_b, reports_to=cast.positions["head_b"])
    start = dt.date(2024, 7, 1)
    services.assignment_start(actor=cast.user("admin_bkpsdm"), employee=staff, position=new_post, start_date=start)
    previous = Assignment.objects.get(employee=staff, position=cast.positions["staff"])
    assert previous.end_date == dt.date(2024, 6, 30)
    assert selectors.situation_on(staff, start).position == new_post
    assert selectors.situation_on(staff, dt.date(2024, 6, 30)).position == cast.positions["staff"]
    event = AuditEvent.objects.get(verb="organization.assignment.started")
    assert event.subject == staff
    assert event.org_unit == cast.opd_b


def test_acting_post_keeps_the_definitive_one(cast: Cast) -> None:
    head_b = cast.employee("other_head")
    services.assignment_start(
        actor=None,
        employee=head_b,
        position=cast.positions["kabid"],
        start_date=dt.date(2024, 1, 1),
        kind=AssignmentKind.PLT,
    )
    assert Assignment.objects.get(employee=head_b, position=cast.positions["head_b"]).end_date is None


def test_assignment_start_before_the_current_post_is_rejected(cast: Cast) -> None:
    staff = cast.employee("staff")
    new_post = PositionFactory(unit=cast.opd_b)
    with pytest.raises(ValidationError) as exc:
        services.assignment_start(actor=None, employee=staff, position=new_post, start_date=dt.date(2020, 1, 1))
    assert list(exc.value.message_dict) == ["start_date"]
    assert not Assignment.objects.filter(position=new_post).exists()


def test_assignment_start_in_the_same_position_is_idempotent(cast: Cast) -> None:
    staff = cast.employee("staff")
    current = staff.assignments.get()
    again = services.assignment_start(
        actor=None, employee=staff, position=cast.positions["staff"], start_date=dt.date(2024, 1, 1)
    )
    assert again == current
    assert staff.assignments.count() == 1


def test_assignment_end_before_start_is_rejected(cast: Cast) -> None:
    assignment = cast.employee("staff").assignments.get()
    with pytest.raises(ValidationError) as exc:
        services.assignment_end(actor=None, assignment=assignment, end_date=dt.date(2019, 12, 31))
    assert list(exc.value.message_dict) == ["end_date"]
