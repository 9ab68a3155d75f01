"""Writes of the organisation domain. Views, API, imports and commands call only these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.organization import nip as nip_codec
from kinerja.organization import selectors, tree
from kinerja.organization.choices import AssignmentKind, EmploymentType
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position, Rank

EMPLOYEE_FIELDS = [
    "nip", "employment_type", "name", "front_title", "back_title", "birth_date", "birth_place",
    "sex", "tmt_cpns", "rank", "email", "phone", "is_active",
]  # fmt: skip


def decode_identity(employment_type: str, number: str) -> nip_codec.DecodedNip:
    """Validate the NIP (PNS) or NI PPPK; raises ValidationError on the ``nip`` field."""
    try:
        if employment_type == EmploymentType.PNS:
            return nip_codec.decode_pns(number)
        return nip_codec.decode_pppk(number)
    except ValidationError as exc:
        raise ValidationError({"nip": exc.messages}) from exc


def check_rank_matches(employment_type: str, rank: Rank | None) -> None:
    if rank is not None and rank.employment_type != employment_type:
        raise ValidationError(
            {
                "rank": _("Golongan %(rank)s is not a %(type)s golongan.")
                % {"rank": rank.code, "type": employment_type.upper()}
            }
        )


@transaction.atomic
def employee_upsert(
    *, actor: Any, data: dict[str, Any], reason: str = "", employee_id: int | None = None
) -> tuple[Employee, bool]:
    """Create an employee or update the one with the same NIP; NIP-derived fields come from the NIP.

    ``employee_id``: update that employee, whose NIP may be corrected (the admin's edit form); imports match by NIP.
    Returns (employee, created). Writes an audit event with the fields before and after.
    """
    employment_type = data["employment_type"]
    number = nip_codec.normalize(data["nip"])
    decoded = decode_identity(employment_type, number)
    check_rank_matches(employment_type, data.get("rank"))
    values = {key: value for key, value in data.items() if key in EMPLOYEE_FIELDS and key != "nip"}
    values["birth_date"] = decoded.birth_date
    values["tmt_cpns"] = decoded.tmt_cpns
    if decoded.sex:
        values["sex"] = decoded.sex
    if employee_id is not None:
        employee = Employee.objects.filter(pk=employee_id).first()
    else:
        employee = Employee.objects.filter(nip=number).first()
    created = employee is None
    before = None if created else audit.snapshot(employee, EMPLOYEE_FIELDS)  # type: ignore[arg-type]
    if employee is None:
        employee = Employee(nip=number)
    employee.nip = number
    for key, value in values.items():
        setattr(employee, key, value)
    employee.full_clean(exclude=["user"])
    employee.save()
    after = audit.snapshot(employee, EMPLOYEE_FIELDS)
    if created or before != after:
        # Filed under the employee's current unit so that Admin OPD of that unit can read the trail.
        current = None if created else selectors.primary_assignment(employee, selectors.today())
        audit.record(
            actor=actor,
            verb="organization.employee.created" if created else "organization.employee.updated",
            target=employee,
            org_unit=current.position.unit if current else None,
            subject=employee,
            before=before,
            after=after,
            reason=reason,
        )
    return employee, created


@transaction.atomic
def org_unit_save(*, actor: Any, unit: OrgUnit, reason: str = "") -> OrgUnit:
    """Create or update a unit and keep the materialised paths of its subtree right."""
    created = unit.pk is None
    unit.full_clean(exclude=["path", "depth"])
    unit.save()
    tree.rebuild_unit_paths()
    unit.refresh_from_db()
    audit.record(
        actor=actor,
        verb="organization.org_unit.created" if created else "organization.org_unit.updated",
        target=unit,
        org_unit=unit,
        after=audit.snapshot(unit, ["code", "name", "kind", "parent"]),
        reason=reason,
    )
    return unit


@transaction.atomic
def position_save(*, actor: Any, position: Position, reason: str = "") -> Position:
    """Create or update a position; the reporting line may not loop back on itself."""
    created = position.pk is None
    position.full_clean(exclude=["path"])
    position.save()
    try:
        tree.rebuild_position_paths()
    except ValueError as exc:
        raise ValidationError({"reports_to": _("This reporting line would loop back on itself.")}) from exc
    position.refresh_from_db()
    audit.record(
        actor=actor,
        verb="organization.position.created" if created else "organization.position.updated",
        target=position,
        org_unit=position.unit,
        after=audit.snapshot(position, ["code", "name", "kind", "level", "unit", "reports_to", "is_unit_head"]),
        reason=reason,
    )
    return position


@transaction.atomic
def assignment_start(
    *,
    actor: Any,
    employee: Employee,
    position: Position,
    start_date: dt.date,
    kind: str = AssignmentKind.DEFINITIVE,
    decree_number: str = "",
    reason: str = "",
) -> Assignment:
    """Place an employee in a position from ``start_date``.

    A new definitive post ends the employee's previous definitive post the day before
    (a mutasi); acting posts (Plt/Plh) come on top of the definitive one.
    """
    if kind == AssignmentKind.DEFINITIVE:
        ending = Assignment.objects.active_on(start_date).filter(employee=employee, kind=AssignmentKind.DEFINITIVE)
        for previous in ending:
            if previous.position_id == position.pk:
                return previous
            if previous.start_date >= start_date:
                raise ValidationError(
                    {
                        "start_date": _("The new post must start after the current one (%(date)s).")
                        % {"date": previous.start_date.isoformat()}
                    }
                )
            previous.end_date = start_date - dt.timedelta(days=1)
            previous.save(update_fields=["end_date"])
    assignment = Assignment(
        employee=employee, position=position, kind=kind, start_date=start_date, decree_number=decree_number
    )
    assignment.full_clean()
    assignment.save()
    audit.record(
        actor=actor,
        verb="organization.assignment.started",
        target=assignment,
        org_unit=position.unit,
        subject=employee,
        after=audit.snapshot(assignment, ["position", "kind", "start_date", "decree_number"]),
        reason=reason,
    )
    return assignment


@transaction.atomic
def assignment_end(*, actor: Any, assignment: Assignment, end_date: dt.date, reason: str = "") -> Assignment:
    if end_date < assignment.start_date:
        raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
    before = audit.snapshot(assignment, ["end_date"])
    assignment.end_date = end_date
    assignment.save(update_fields=["end_date"])
    audit.record(
        actor=actor,
        verb="organization.assignment.ended",
        target=assignment,
        org_unit=assignment.position.unit,
        subject=assignment.employee,
        before=before,
        after=audit.snapshot(assignment, ["end_date"]),
        reason=reason,
    )
    return assignment
