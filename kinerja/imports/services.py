"""Writes of the import app: create a job, check it (preview), apply it all-or-nothing.

Applying writes units and positions in bulk and rebuilds the tree paths once, and writes employees
and posts in bulk too, recording one audit event per created or changed record exactly as
organization.services.employee_upsert/assignment_start would: per-row service calls cost ~10
queries a row, too slow for a 5,000-row city export (docs/import.md, "Performance").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.audit.models import AuditEvent
from kinerja.imports import parsing
from kinerja.imports.models import ImportJob, ImportStatus
from kinerja.imports.plan import Plan, build_plan
from kinerja.imports.rows import RowReader
from kinerja.organization import services as org_services
from kinerja.organization import tree
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

_BATCH = 500
UNIT_COLUMNS = ["name", "kind", "parent_id", "is_active"]
POSITION_COLUMNS = ["name", "kind", "level", "unit_id", "reports_to_id", "is_unit_head", "is_active"]
UNIT_AUDIT_FIELDS = ["code", "name", "kind", "parent"]
POSITION_AUDIT_FIELDS = ["code", "name", "kind", "level", "unit", "reports_to", "is_unit_head"]
ASSIGNMENT_AUDIT_FIELDS = ["position", "kind", "start_date", "decree_number"]


class ImportRejected(Exception):
    """The file has errors; nothing was written."""

    def __init__(self, errors: list[parsing.RowError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def import_job_create(*, actor: Any, content: bytes, name: str, file_format: str = "") -> ImportJob:
    """Store an uploaded export (privately, under MEDIA_ROOT/private/) as a job waiting to be checked."""
    file_format = file_format or parsing.detect_format(name, content[:8])
    if file_format not in parsing.FORMATS:
        raise ValidationError({"file": _("The format must be CSV or XLSX.")})
    job = ImportJob(
        original_name=name[:255],
        file_format=file_format,
        requested_by=actor if actor is not None and actor.is_authenticated else None,
    )
    job.file.save(f"import.{file_format}", ContentFile(content), save=False)
    job.save()
    return job


def _progress(job: ImportJob) -> Any:
    def report(done: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done)

    return report


def _read(job: ImportJob) -> tuple[parsing.Table, Any]:
    """Parse the job's file and check every row; the table and the rows read from it."""
    with job.file.open("rb") as handle:
        data = handle.read()
    table = parsing.read_table(data, job.file_format)
    job.rows_total = len(table.rows)
    job.rows_done = 0
    ImportJob.objects.filter(pk=job.pk).update(rows_total=job.rows_total, rows_done=0)
    parsed = RowReader(table).read(progress=_progress(job))
    return table, parsed


def _finish(
    job: ImportJob, status: str, *, counts: dict[str, Any] | None = None, errors: list[parsing.RowError] | None = None
) -> None:
    job.status = status
    job.counts = counts if counts is not None else job.counts
    job.errors = [e.as_dict() for e in errors or []]
    job.rows_done = job.rows_total
    now = timezone.now()
    if status in (ImportStatus.VALIDATED, ImportStatus.INVALID) and job.started_at is None:
        job.validated_at = now
    else:
        job.finished_at = now
    job.save()


def import_job_validate(*, job: ImportJob) -> ImportJob:
    """Check the file against its rules and the database and store the preview; writes nothing else."""
    try:
        table, parsed = _read(job)
    except parsing.FileUnreadable as exc:
        _finish(job, ImportStatus.INVALID, errors=[parsing.RowError(None, "", str(exc))])
        return job
    plan = build_plan(parsed, table.present)
    counts = plan.counts() | {"ignored_columns": table.ignored}
    _finish(job, ImportStatus.INVALID if plan.errors else ImportStatus.VALIDATED, counts=counts, errors=plan.errors)
    return job


def import_job_request_apply(*, job: ImportJob, actor: Any) -> ImportJob:
    """Move a checked job to "running" (once: a second click finds it no longer validated)."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.VALIDATED).update(
        status=ImportStatus.RUNNING,
        applied_by=actor if actor is not None and actor.is_authenticated else None,
        started_at=timezone.now(),
        rows_done=0,
    )
    if not claimed:
        raise ValidationError(_("Only a checked import without errors can be applied, and only once."))
    job.refresh_from_db()
    return job


def import_job_apply(*, job: ImportJob) -> ImportJob:
    """Apply a running job in ONE transaction: any error, nothing written (the file is checked again first,
    because the database may have changed since the preview)."""
    try:
        table, parsed = _read(job)
        with transaction.atomic():
            plan = build_plan(parsed, table.present)
            if plan.errors:
                raise ImportRejected(plan.errors)
            _write(plan, job)
            _finish(job, ImportStatus.DONE, counts=plan.counts() | {"ignored_columns": table.ignored})
    except parsing.FileUnreadable as exc:
        _finish(job, ImportStatus.INVALID, errors=[parsing.RowError(None, "", str(exc))])
    except ImportRejected as rejected:
        _finish(job, ImportStatus.INVALID, errors=rejected.errors)
    return job


def import_job_fail(*, job: ImportJob, message: str) -> ImportJob:
    """Record an unexpected failure of the background task (the transaction has rolled back)."""
    job.status = ImportStatus.FAILED
    job.failure = message
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "failure", "finished_at"])
    return job


# --- The bulk write --------------------------------------------------------------------------


def _event(
    job: ImportJob, verb: str, target: Any, *, org_unit: OrgUnit | None = None, subject: Employee | None = None,
    before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
) -> AuditEvent:  # fmt: skip
    """The same row audit.record writes, built for one bulk insert."""
    return AuditEvent(
        actor=job.applied_by,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        org_unit=org_unit,
        subject=subject,
        before=before,
        after=after,
        reason=_("Import #%(id)s (%(name)s)") % {"id": job.pk, "name": job.original_name},
    )


def _employee_snapshot(employee: Employee) -> dict[str, Any]:
    # The rank by id, so that 5,000 snapshots do not load 5,000 ranks.
    fields = [name for name in org_services.EMPLOYEE_FIELDS if name != "rank"]
    return audit.snapshot(employee, fields) | {"rank": employee.rank_id}


def _columns(instance: Any, names: list[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in names}


def _save_changed(instance: Any, before: dict[str, Any], **extra: Any) -> None:
    """UPDATE only the columns that changed, one row at a time: linear in the rows changed, whereas
    bulk_update's CASE expressions took 20 s for 5,000 changed employees and positions on SQLite."""
    changed = {name: getattr(instance, name) for name, old in before.items() if getattr(instance, name) != old}
    if changed:
        type(instance).objects.filter(pk=instance.pk).update(**changed, **extra)


def _levels(codes: list[str], parent_of: dict[str, str]) -> list[list[str]]:
    """Group new codes so that a parent created by the same import lands in an earlier group
    (bulk inserts per level then know every parent's id; no UPDATE of thousands of rows afterwards)."""
    wanted = set(codes)
    depth: dict[str, int] = {}

    def depth_of(code: str) -> int:
        chain = []
        while code not in depth and code in wanted:
            chain.append(code)
            code = parent_of.get(code, "")
        level = depth.get(code, -1)
        for item in reversed(chain):
            level += 1
            depth[item] = level
        return depth.get(chain[0], level) if chain else level

    for code in codes:
        depth_of(code)
    levels: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for code in codes:
        levels[depth[code]].append(code)
    return levels


def _write_units(plan: Plan, job: ImportJob, events: list[AuditEvent]) -> None:
    befores = {
        code: audit.snapshot(plan.units[code], UNIT_AUDIT_FIELDS)
        for code, change in plan.unit_changes.items()
        if change == "update"
    }
    new_codes = [code for code, change in plan.unit_changes.items() if change == "create"]
    parent_of = {code: values["parent_code"] for code, values in plan.unit_values.items()}
    for level in _levels(new_codes, parent_of):
        created = []
        for code in level:
            values = plan.unit_values[code]
            parent = plan.units[values["parent_code"]] if values["parent_code"] else None
            created.append(OrgUnit(code=code, name=values["name"], kind=values["kind"], parent=parent))
        OrgUnit.objects.bulk_create(created, batch_size=_BATCH)
        plan.units |= {unit.code: unit for unit in created}
    for code in befores:
        unit, values = plan.units[code], plan.unit_values[code]
        columns = _columns(unit, UNIT_COLUMNS)
        unit.name, unit.kind, unit.is_active = values["name"], values["kind"], True
        unit.parent = plan.units[values["parent_code"]] if values["parent_code"] else None
        _save_changed(unit, columns)
    tree.rebuild_unit_paths()
    for code in plan.unit_changes:
        unit = plan.units[code]
        verb = "organization.org_unit.updated" if code in befores else "organization.org_unit.created"
        after = audit.snapshot(unit, UNIT_AUDIT_FIELDS)
        events.append(_event(job, verb, unit, org_unit=unit, before=befores.get(code), after=after))


def _write_positions(plan: Plan, job: ImportJob, events: list[AuditEvent]) -> None:
    updates = [code for code, change in plan.position_changes.items() if change == "update"]
    befores = {code: audit.snapshot(plan.positions[code], POSITION_AUDIT_FIELDS) for code in updates}
    # One active head per unit is a database constraint: clear the heads that step down or move first.
    for code in updates:
        position, values = plan.positions[code], plan.position_values[code]
        if position.is_unit_head and (not values["is_unit_head"] or position.unit.code != values["unit_code"]):
            Position.objects.filter(pk=position.pk).update(is_unit_head=False)
            position.is_unit_head = False

    def apply_values(position: Position, values: dict[str, Any]) -> Position:
        position.name, position.kind, position.level = values["name"], values["kind"], values["level"]
        position.unit = plan.units[values["unit_code"]]
        position.reports_to = plan.positions[values["reports_to_code"]] if values["reports_to_code"] else None
        position.is_unit_head, position.is_active = values["is_unit_head"], True
        return position

    new_codes = [code for code, change in plan.position_changes.items() if change == "create"]
    reports_to = {code: values["reports_to_code"] for code, values in plan.position_values.items()}
    for level in _levels(new_codes, reports_to):
        created = [apply_values(Position(code=code), plan.position_values[code]) for code in level]
        Position.objects.bulk_create(created, batch_size=_BATCH)
        plan.positions |= {position.code: position for position in created}
    for code in updates:
        columns = _columns(plan.positions[code], POSITION_COLUMNS)
        _save_changed(apply_values(plan.positions[code], plan.position_values[code]), columns)
    try:
        tree.rebuild_position_paths()
    except ValueError as exc:  # the planner rejects loops; this guards against a race with another writer
        raise ImportRejected([parsing.RowError(None, "", _("The reporting line would loop back on itself."))]) from exc
    for code in plan.position_changes:
        position = plan.positions[code]
        verb = "organization.position.updated" if code in befores else "organization.position.created"
        after = audit.snapshot(position, POSITION_AUDIT_FIELDS)
        events.append(_event(job, verb, position, org_unit=position.unit, before=befores.get(code), after=after))


def _write_employees(plan: Plan, job: ImportJob, events: list[AuditEvent]) -> None:
    created = [
        Employee(nip=nip, **plan.employee_values[nip])
        for nip, change in plan.employee_changes.items()
        if change == "create"
    ]
    Employee.objects.bulk_create(created, batch_size=_BATCH)
    for employee in created:
        plan.employees[employee.nip] = employee
        after = _employee_snapshot(employee)
        events.append(_event(job, "organization.employee.created", employee, subject=employee, after=after))
    now = timezone.now()
    for nip, change in plan.employee_changes.items():
        if change != "update":
            continue
        employee, values = plan.employees[nip], plan.employee_values[nip]
        before = _employee_snapshot(employee)
        columns = _columns(employee, [*values, "is_active"])
        for name, value in values.items():
            setattr(employee, name, value)
        employee.is_active = True
        employee.updated_at = now
        _save_changed(employee, columns, updated_at=now)
        after = _employee_snapshot(employee)
        events.append(
            _event(job, "organization.employee.updated", employee, subject=employee, before=before, after=after)
        )


def _write_posts(plan: Plan, job: ImportJob, events: list[AuditEvent]) -> None:
    # One UPDATE per end date (a mutasi file ends many posts on one day), batched: SQLite limits the parameters.
    ending: dict[dt.date, list[int]] = defaultdict(list)
    for assignment, end_date in plan.posts_to_end:
        assignment.end_date = end_date
        ending[end_date].append(assignment.pk)
    for end_date, ids in ending.items():
        for start in range(0, len(ids), _BATCH):
            Assignment.objects.filter(pk__in=ids[start : start + _BATCH]).update(end_date=end_date)
    created = []
    for post in plan.posts_to_start:
        employee, position = plan.employees[post.nip], plan.positions[post.position_code]
        created.append(
            Assignment(
                employee=employee,
                position=position,
                kind=post.kind,
                start_date=post.start_date,
                decree_number=post.decree_number,
            )
        )
    Assignment.objects.bulk_create(created, batch_size=_BATCH)
    for assignment in created:
        after = audit.snapshot(assignment, ASSIGNMENT_AUDIT_FIELDS)
        events.append(
            _event(
                job,
                "organization.assignment.started",
                assignment,
                org_unit=assignment.position.unit,
                subject=assignment.employee,
                after=after,
            )
        )


def _write(plan: Plan, job: ImportJob) -> None:
    events: list[AuditEvent] = []
    _write_units(plan, job, events)
    _write_positions(plan, job, events)
    _write_employees(plan, job, events)
    _write_posts(plan, job, events)
    events.append(_event(job, "imports.import_job.applied", job, after=plan.counts()))
    AuditEvent.objects.bulk_create(events, batch_size=_BATCH)
