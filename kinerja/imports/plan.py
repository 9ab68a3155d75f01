"""Cross-row checks and the difference with the database: what an import would create and change.

Everything is looked up in bulk (a few queries for the whole file, whatever its size), so the
same code serves the preview and, inside the apply transaction, the write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja.imports import columns as col
from kinerja.imports.parsing import RowError
from kinerja.imports.rows import ParsedRows, PostSpec, Spec
from kinerja.organization.choices import AssignmentKind, PositionKind
from kinerja.organization.models import Assignment, Employee, OrgUnit, Position

# Jenjang allowed for each kind of position (PermenPANRB 45/2022; regulation.md §11.3).
LEVELS_BY_KIND = {
    PositionKind.JPT: {"jpt_utama", "jpt_madya", "jpt_pratama"},
    PositionKind.ADMINISTRATOR: set(),
    PositionKind.SUPERVISOR: set(),
    PositionKind.EXECUTOR: {"klerek", "operator", "teknisi"},
    PositionKind.FUNCTIONAL: {
        "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia",
    },
}  # fmt: skip
UNIT_FIELDS = {"name": col.UNIT_NAME, "kind": col.UNIT_KIND, "code": col.UNIT_CODE}
POSITION_FIELDS = {"name": col.POSITION_NAME, "kind": col.POSITION_KIND, "level": col.POSITION_LEVEL}
EMPLOYEE_FIELDS = {
    "employment_type": col.EMPLOYMENT_TYPE, "name": col.NAME, "front_title": col.FRONT_TITLE,
    "back_title": col.BACK_TITLE, "birth_place": col.BIRTH_PLACE, "email": col.EMAIL, "phone": col.PHONE,
}  # fmt: skip
_CHUNK = 900  # stays below SQLite's bound-parameter limit on old builds


@dataclass
class Plan:
    """The outcome of a file against the current database. Empty ``errors`` means it may be applied."""

    units: dict[str, OrgUnit] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    employees: dict[str, Employee] = field(default_factory=dict)
    unit_values: dict[str, dict[str, Any]] = field(default_factory=dict)
    position_values: dict[str, dict[str, Any]] = field(default_factory=dict)
    employee_values: dict[str, dict[str, Any]] = field(default_factory=dict)
    unit_changes: dict[str, str] = field(default_factory=dict)  # code → "create" | "update"
    position_changes: dict[str, str] = field(default_factory=dict)
    employee_changes: dict[str, str] = field(default_factory=dict)
    posts_to_start: list[PostSpec] = field(default_factory=list)
    posts_to_end: list[tuple[Assignment, dt.date]] = field(default_factory=list)
    posts_unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        def tally(changes: dict[str, str], total: int) -> dict[str, int]:
            create = sum(1 for c in changes.values() if c == "create")
            update = sum(1 for c in changes.values() if c == "update")
            return {"create": create, "update": update, "unchanged": total - create - update}

        return {
            "units": tally(self.unit_changes, len(self.unit_values)),
            "positions": tally(self.position_changes, len(self.position_values)),
            "employees": tally(self.employee_changes, len(self.employee_values)),
            "assignments": {
                "create": len(self.posts_to_start),
                "end": len(self.posts_to_end),
                "unchanged": self.posts_unchanged,
            },
        }


def _in_chunks(model: type[Any], field_name: str, keys: list[Any]) -> list[Any]:
    found: list[Any] = []
    for start in range(0, len(keys), _CHUNK):
        found.extend(model.objects.filter(**{f"{field_name}__in": keys[start : start + _CHUNK]}))
    return found


def _clean(instance: Any, names: dict[str, str], spec: Spec, errors: list[RowError]) -> None:
    """Model field rules (length, e-mail, choices) reported against the row and column they came from."""
    try:
        instance.clean_fields(exclude=[f.name for f in instance._meta.fields if f.name not in names])
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            for message in messages:
                errors.append(RowError(spec.row_of(names[name]), names[name], message))


def _find_loops(parents: dict[str, str]) -> list[list[str]]:
    """Every cycle of a child → parent mapping, each as the list of codes on it."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = finished
    loops: list[list[str]] = []
    for start in parents:
        walk: list[str] = []
        node: str | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = parents.get(node) or None
        if node is not None and state.get(node) == 1:
            loops.append(walk[walk.index(node) :])
        for visited in walk:
            state[visited] = 2
    return loops


class Planner:
    """Compares parsed rows with the database and collects cross-row errors."""

    def __init__(self, parsed: ParsedRows, present: set[str]) -> None:
        self.parsed = parsed
        self.present = present
        self.plan = Plan(errors=list(parsed.errors))

    def build(self) -> Plan:
        plan = self.plan
        plan.units = {u.code: u for u in OrgUnit.objects.select_related("parent")}
        plan.positions = {p.code: p for p in Position.objects.select_related("unit", "reports_to")}
        nips = list(self.parsed.employees)
        plan.employees = {e.nip: e for e in _in_chunks(Employee, "nip", nips)}
        self._units()
        self._positions()
        self._employees()
        self._posts()
        plan.errors.sort(key=lambda e: (e.row or 0, e.column))
        return plan

    def _error(self, row: int, column: str, message: str) -> None:
        self.plan.errors.append(RowError(row, column, message))

    def _units(self) -> None:
        plan = self.plan
        for code, spec in self.parsed.units.items():
            current = plan.units.get(code)
            values = {
                "name": spec.get(col.UNIT_NAME) or (current.name if current else ""),
                "kind": spec.get(col.UNIT_KIND) or (current.kind if current else ""),
                "parent_code": spec.get(col.UNIT_PARENT) or (current.parent.code if current and current.parent else ""),
            }
            plan.unit_values[code] = values
            if current is None:
                for column, key in ((col.UNIT_NAME, "name"), (col.UNIT_KIND, "kind")):
                    if not values[key]:
                        self._error(spec.first_row, column, _("A new unit needs this column on one of its rows."))
            # A missing name or kind is reported above, once; the placeholders keep it from being reported twice.
            stub = OrgUnit(code=code, name=values["name"] or "-", kind=values["kind"] or "opd")
            _clean(stub, UNIT_FIELDS, spec, plan.errors)
            parent = values["parent_code"]
            if parent and parent not in self.parsed.units and parent not in plan.units:
                self._error(
                    spec.row_of(col.UNIT_PARENT),
                    col.UNIT_PARENT,
                    _("Unit code %(code)s appears nowhere in the file or the database.") % {"code": parent},
                )
            if current is None:
                plan.unit_changes[code] = "create"
            elif (current.name, current.kind, current.parent.code if current.parent else "", current.is_active) != (
                values["name"],
                values["kind"],
                parent,
                True,
            ):
                plan.unit_changes[code] = "update"
        parents = {u.code: u.parent.code for u in plan.units.values() if u.parent}
        parents |= {code: values["parent_code"] for code, values in plan.unit_values.items()}
        for loop in _find_loops(parents):
            chain = " → ".join([*loop, loop[0]])
            for code in loop:
                if code in self.parsed.units:
                    spec = self.parsed.units[code]
                    self._error(
                        spec.row_of(col.UNIT_PARENT),
                        col.UNIT_PARENT,
                        _("The unit tree loops back on itself: %(chain)s.") % {"chain": chain},
                    )

    def _positions(self) -> None:
        plan = self.plan
        for code, spec in self.parsed.positions.items():
            current = plan.positions.get(code)
            head = spec.get(col.POSITION_IS_HEAD)
            values = {
                "unit_code": spec.get(col.UNIT_CODE),
                "name": spec.get(col.POSITION_NAME) or (current.name if current else ""),
                "kind": spec.get(col.POSITION_KIND) or (current.kind if current else ""),
                "level": spec.get(col.POSITION_LEVEL) or (current.level if current else ""),
                "reports_to_code": spec.get(col.POSITION_REPORTS_TO)
                or (current.reports_to.code if current and current.reports_to else ""),
                "is_unit_head": head if head != "" else bool(current and current.is_unit_head),
            }
            plan.position_values[code] = values
            if current is None:
                for column, key in ((col.POSITION_NAME, "name"), (col.POSITION_KIND, "kind")):
                    if not values[key]:
                        self._error(spec.first_row, column, _("A new position needs this column on one of its rows."))
            position_stub = Position(
                code=code, name=values["name"] or "-", kind=values["kind"] or "pelaksana", level=values["level"]
            )
            _clean(position_stub, POSITION_FIELDS | {"code": col.POSITION_CODE}, spec, plan.errors)
            allowed = LEVELS_BY_KIND.get(values["kind"], set())
            if values["level"] and values["kind"] and values["level"] not in allowed:
                self._error(
                    spec.row_of(col.POSITION_LEVEL),
                    col.POSITION_LEVEL,
                    _("Jenjang %(level)s does not belong to a %(kind)s position.")
                    % {"level": values["level"], "kind": values["kind"]},
                )
            boss = values["reports_to_code"]
            if boss and boss not in self.parsed.positions and boss not in plan.positions:
                self._error(
                    spec.row_of(col.POSITION_REPORTS_TO),
                    col.POSITION_REPORTS_TO,
                    _("Position code %(code)s appears nowhere in the file or the database.") % {"code": boss},
                )
            if current is None:
                plan.position_changes[code] = "create"
            else:
                before = (
                    current.unit.code, current.name, current.kind, current.level,
                    current.reports_to.code if current.reports_to else "", current.is_unit_head, current.is_active,
                )  # fmt: skip
                after = (
                    values["unit_code"],
                    values["name"],
                    values["kind"],
                    values["level"],
                    boss,
                    values["is_unit_head"],
                    True,
                )
                if before != after:
                    plan.position_changes[code] = "update"
        self._position_graph_checks()

    def _position_graph_checks(self) -> None:
        plan = self.plan
        final: dict[str, tuple[str, bool, str]] = {
            p.code: (p.unit.code, p.is_unit_head, p.reports_to.code if p.reports_to else "")
            for p in plan.positions.values()
            if p.is_active
        }
        final |= {c: (v["unit_code"], v["is_unit_head"], v["reports_to_code"]) for c, v in plan.position_values.items()}
        heads: dict[str, list[str]] = {}
        for code, (unit_code, is_head, _boss) in final.items():
            if is_head:
                heads.setdefault(unit_code, []).append(code)
        for unit_code, codes in heads.items():
            if len(codes) < 2:
                continue
            for code in codes:
                if code in self.parsed.positions:
                    spec = self.parsed.positions[code]
                    self._error(
                        spec.row_of(col.POSITION_IS_HEAD),
                        col.POSITION_IS_HEAD,
                        _("Unit %(unit)s would have more than one head: positions %(codes)s.")
                        % {"unit": unit_code, "codes": ", ".join(sorted(codes))},
                    )
        for loop in _find_loops({code: boss for code, (_u, _h, boss) in final.items()}):
            chain = " → ".join([*loop, loop[0]])
            for code in loop:
                if code in self.parsed.positions:
                    spec = self.parsed.positions[code]
                    self._error(
                        spec.row_of(col.POSITION_REPORTS_TO),
                        col.POSITION_REPORTS_TO,
                        _("The reporting line loops back on itself: %(chain)s.") % {"chain": chain},
                    )

    def _employees(self) -> None:
        plan = self.plan
        for nip, spec in self.parsed.employees.items():
            if spec.get("invalid", False) or "decoded" not in spec.values:
                continue
            current = plan.employees.get(nip)
            decoded = spec.values["decoded"]
            values: dict[str, Any] = {}
            for name, column in EMPLOYEE_FIELDS.items():
                keep = current is not None and column not in self.present
                values[name] = getattr(current, name) if keep else spec.get(column)
            keep_rank = current is not None and col.RANK not in self.present
            values["rank_id"] = current.rank_id if keep_rank else spec.get(col.RANK, None)  # type: ignore[union-attr]
            values["birth_date"] = decoded.birth_date
            values["tmt_cpns"] = decoded.tmt_cpns
            values["sex"] = decoded.sex or (current.sex if current else "")
            plan.employee_values[nip] = values
            _clean(Employee(nip=nip, **values), EMPLOYEE_FIELDS, spec, plan.errors)
            if current is None:
                plan.employee_changes[nip] = "create"
            elif any(getattr(current, name) != value for name, value in values.items()) or not current.is_active:
                plan.employee_changes[nip] = "update"

    def _posts(self) -> None:
        plan = self.plan
        known = [e.pk for e in plan.employees.values()]
        by_employee: dict[int, list[Assignment]] = {}
        for assignment in _in_chunks(Assignment, "employee_id", known):
            by_employee.setdefault(assignment.employee_id, []).append(assignment)
        positions = {p.pk: p.code for p in plan.positions.values()}
        for post in self.parsed.posts:
            if post.nip not in plan.employee_values:
                continue
            employee = plan.employees.get(post.nip)
            held = by_employee.get(employee.pk, []) if employee else []
            same = [
                a
                for a in held
                if positions.get(a.position_id) == post.position_code
                and a.kind == post.kind
                and (a.end_date is None or a.end_date >= post.start_date)
            ]
            if same:
                plan.posts_unchanged += 1
                continue
            if post.kind == AssignmentKind.DEFINITIVE:
                # A new definitive post ends the current one the day before (mutasi), as assignment_start does.
                ending = [a for a in held if a.kind == AssignmentKind.DEFINITIVE and a.is_active_on(post.start_date)]
                too_late = [a for a in ending if a.start_date >= post.start_date]
                if too_late:
                    self._error(
                        post.row,
                        col.TMT,
                        _("The new post must start after the current one (%(date)s).")
                        % {"date": too_late[0].start_date.isoformat()},
                    )
                    continue
                plan.posts_to_end.extend((a, post.start_date - dt.timedelta(days=1)) for a in ending)
            plan.posts_to_start.append(post)


def build_plan(parsed: ParsedRows, present: set[str]) -> Plan:
    return Planner(parsed, present).build()
