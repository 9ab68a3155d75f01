"""Row-level validation: every row's cells checked against their rule, repeated codes merged.

A unit or position code may appear on many rows (once per employee in it); any row may
carry its attributes, and two rows giving different values for one attribute is an error.
Writes nothing and needs no database except the Rank table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja.imports import columns as col
from kinerja.imports.parsing import RowError, Table
from kinerja.organization import nip as nip_codec
from kinerja.organization import services as org_services
from kinerja.organization.choices import AssignmentKind, EmploymentType, PositionKind, PositionLevel, UnitKind
from kinerja.organization.models import Rank

# How often (in rows) the caller is told about progress.
PROGRESS_EVERY = 250


def _key(text: str) -> str:
    return re.sub(r"[\s\-/.]+", "_", text.strip().lower()).strip("_")


UNIT_KINDS = {kind.value: kind.value for kind in UnitKind} | {
    "pemerintah_kota": UnitKind.INSTANSI,
    "pemda": UnitKind.INSTANSI,
    "dinas": UnitKind.AGENCY,
    "badan": UnitKind.AGENCY,
    "kantor": UnitKind.AGENCY,
    "bagian": UnitKind.DIVISION,
    "subbagian": UnitKind.SECTION,
    "sub_bagian": UnitKind.SECTION,
    "subbidang": UnitKind.SECTION,
    "kelurahan": UnitKind.VILLAGE,
    "desa": UnitKind.VILLAGE,
}
POSITION_KINDS = {kind.value: kind.value for kind in PositionKind} | {
    "jabatan_pimpinan_tinggi": PositionKind.JPT,
    "jft": PositionKind.FUNCTIONAL,
    "jabatan_fungsional": PositionKind.FUNCTIONAL,
    "jabatan_fungsional_tertentu": PositionKind.FUNCTIONAL,
    "jfu": PositionKind.EXECUTOR,
    "jabatan_fungsional_umum": PositionKind.EXECUTOR,
    "jabatan_pelaksana": PositionKind.EXECUTOR,
}
LEVELS = {level.value: level.value for level in PositionLevel if level.value}
EMPLOYMENT_TYPES = {"pns": EmploymentType.PNS, "pppk": EmploymentType.PPPK}
ASSIGNMENT_KINDS = {
    "definitif": AssignmentKind.DEFINITIVE,
    "plt": AssignmentKind.PLT,
    "plh": AssignmentKind.PLH,
}
TRUE_WORDS = {"1", "y", "ya", "yes", "true", "benar"}
FALSE_WORDS = {"0", "n", "t", "tidak", "no", "false", "salah"}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


@dataclass
class Spec:
    """What the file says about one unit, position or employee; ``rows[column]`` is where a value came from."""

    key: str
    first_row: int
    values: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    def get(self, column: str, default: Any = "") -> Any:
        return self.values.get(column, default)

    def row_of(self, column: str) -> int:
        return self.rows.get(column, self.first_row)


@dataclass(frozen=True)
class PostSpec:
    """An employee placed in a position from TMT_JABATAN, definitively or as Plt/Plh."""

    row: int
    nip: str
    position_code: str
    kind: str
    start_date: dt.date
    decree_number: str


@dataclass
class ParsedRows:
    units: dict[str, Spec] = field(default_factory=dict)
    positions: dict[str, Spec] = field(default_factory=dict)
    employees: dict[str, Spec] = field(default_factory=dict)
    posts: list[PostSpec] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _choice(value: str, table: dict[str, Any], column: str, row: int, errors: list[RowError]) -> Any:
    if value == "":
        return ""
    found = table.get(_key(value))
    if found is None:
        allowed = ", ".join(sorted(v for v in set(table.values()) if v))
        errors.append(
            RowError(row, column, _("“%(value)s” is not one of: %(allowed)s.") % {"value": value, "allowed": allowed})
        )
    return found


def _boolean(value: str, column: str, row: int, errors: list[RowError]) -> bool | str | None:
    if value == "":
        return ""
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    errors.append(RowError(row, column, _("“%(value)s” must be Y (yes) or N (no).") % {"value": value}))
    return None


def _date(value: Any, column: str, row: int, errors: list[RowError]) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    errors.append(
        RowError(row, column, _("“%(value)s” must be a date as DD-MM-YYYY or YYYY-MM-DD.") % {"value": value})
    )
    return None


def _rank_lookup() -> Callable[[str], Rank | None]:
    table: dict[str, Rank] = {}
    for rank in Rank.objects.all():
        table[rank.code.lower()] = rank
        table[rank.siasn_code.lower()] = rank
    return lambda text: table.get(text.strip().lower().replace(" ", ""))


def _merge(spec: Spec, column: str, value: Any, row: int, what: str, errors: list[RowError]) -> None:
    """Record a non-blank value; a different one already given on another row is a conflict."""
    if value == "" or value is None:
        return
    if column in spec.values and spec.values[column] != value:
        errors.append(
            RowError(
                row,
                column,
                _("%(what)s %(code)s has a different value on row %(other)s (“%(old)s” there, “%(new)s” here).")
                % {
                    "what": what,
                    "code": spec.key,
                    "other": spec.rows[column],
                    "old": spec.values[column],
                    "new": value,
                },
            )
        )
        return
    spec.values[column] = value
    spec.rows[column] = row


def _spec(specs: dict[str, Spec], key: str, row: int) -> Spec:
    if key not in specs:
        specs[key] = Spec(key=key, first_row=row)
    return specs[key]


class RowReader:
    """Validates the rows of one table; ``read`` returns everything the file says, with every error."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.result = ParsedRows(errors=list(table.errors))
        self.rank_of = _rank_lookup()
        self._definitive_row: dict[str, int] = {}
        self._post_row: dict[tuple[str, str], int] = {}

    def read(self, progress: Callable[[int], None] | None = None) -> ParsedRows:
        for done, (number, cells) in enumerate(self.table.rows, start=1):
            self._row(number, cells)
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done)
        for spec in self.result.employees.values():
            if not spec.get(col.NAME):
                self.result.errors.append(RowError(spec.first_row, col.NAME, _("The name is required.")))
                spec.values["invalid"] = True
        return self.result

    def _error(self, row: int, column: str, message: str) -> None:
        self.result.errors.append(RowError(row, column, message))

    def _row(self, row: int, cells: dict[str, Any]) -> None:
        text = {name: value if isinstance(value, dt.date) else str(value) for name, value in cells.items()}
        errors = self.result.errors
        unit_code = text.get(col.UNIT_CODE, "")
        if not unit_code:
            self._error(row, col.UNIT_CODE, _("The unit code is required on every row."))
            return
        unit = _spec(self.result.units, unit_code, row)
        what = _("Unit")
        _merge(unit, col.UNIT_NAME, text.get(col.UNIT_NAME, ""), row, what, errors)
        _merge(unit, col.UNIT_PARENT, text.get(col.UNIT_PARENT, ""), row, what, errors)
        kind = _choice(text.get(col.UNIT_KIND, ""), UNIT_KINDS, col.UNIT_KIND, row, errors)
        _merge(unit, col.UNIT_KIND, kind, row, what, errors)
        if unit.get(col.UNIT_PARENT) == unit_code:
            self._error(row, col.UNIT_PARENT, _("A unit cannot be its own parent."))

        position_code = text.get(col.POSITION_CODE, "")
        nip = nip_codec.normalize(str(text.get(col.NIP, "")))
        if not position_code:
            filled = [c for c in col.POSITION_COLUMNS[1:] + col.ASSIGNMENT_COLUMNS if text.get(c, "") != ""]
            if filled or nip:
                self._error(
                    row,
                    col.POSITION_CODE,
                    _("The position code is required when position or employee columns are filled."),
                )
            return
        self._position(row, position_code, unit_code, text)
        if nip:
            self._employee(row, nip, position_code, text)
        else:
            filled = [c for c in col.EMPLOYEE_COLUMNS + col.ASSIGNMENT_COLUMNS if text.get(c, "") != ""]
            if filled:
                self._error(row, col.NIP, _("The NIP is required when employee columns are filled."))

    def _position(self, row: int, code: str, unit_code: str, text: dict[str, Any]) -> None:
        errors = self.result.errors
        spec = _spec(self.result.positions, code, row)
        what = _("Position")
        _merge(spec, col.UNIT_CODE, unit_code, row, what, errors)
        _merge(spec, col.POSITION_NAME, text.get(col.POSITION_NAME, ""), row, what, errors)
        kind = _choice(text.get(col.POSITION_KIND, ""), POSITION_KINDS, col.POSITION_KIND, row, errors)
        _merge(spec, col.POSITION_KIND, kind, row, what, errors)
        level = _choice(text.get(col.POSITION_LEVEL, ""), LEVELS, col.POSITION_LEVEL, row, errors)
        _merge(spec, col.POSITION_LEVEL, level, row, what, errors)
        reports_to = text.get(col.POSITION_REPORTS_TO, "")
        if reports_to == code:
            self._error(row, col.POSITION_REPORTS_TO, _("A position cannot report to itself."))
        _merge(spec, col.POSITION_REPORTS_TO, reports_to, row, what, errors)
        is_head = _boolean(text.get(col.POSITION_IS_HEAD, ""), col.POSITION_IS_HEAD, row, errors)
        _merge(spec, col.POSITION_IS_HEAD, is_head, row, what, errors)

    def _employee(self, row: int, nip: str, position_code: str, text: dict[str, Any]) -> None:
        errors = self.result.errors
        start_errors = len(errors)
        employment_type = _choice(text.get(col.EMPLOYMENT_TYPE, ""), EMPLOYMENT_TYPES, col.EMPLOYMENT_TYPE, row, errors)
        employment_type = employment_type or EmploymentType.PNS
        try:
            decoded = org_services.decode_identity(employment_type, nip)
        except ValidationError as exc:
            for message in exc.message_dict.get("nip", exc.messages):
                self._error(row, col.NIP, message)
            decoded = None
        rank = None
        if text.get(col.RANK, ""):
            rank = self.rank_of(text[col.RANK])
            if rank is None:
                self._error(
                    row,
                    col.RANK,
                    _("“%(value)s” is not a golongan (write III/a, its SIASN code 31, or PPPK IX).")
                    % {"value": text[col.RANK]},
                )
            else:
                try:
                    org_services.check_rank_matches(employment_type, rank)
                except ValidationError as exc:
                    for message in exc.message_dict.get("rank", exc.messages):
                        self._error(row, col.RANK, message)
        kind = _choice(text.get(col.ASSIGNMENT_KIND, ""), ASSIGNMENT_KINDS, col.ASSIGNMENT_KIND, row, errors)
        kind = AssignmentKind.DEFINITIVE if kind == "" else kind
        start = None
        if text.get(col.TMT, "") == "":
            self._error(row, col.TMT, _("The start date of the post (TMT jabatan) is required for an employee."))
        else:
            start = _date(text[col.TMT], col.TMT, row, errors)
        if kind == AssignmentKind.DEFINITIVE and nip in self._definitive_row:
            self._error(
                row,
                col.NIP,
                _("The NIP already has a definitive post on row %(other)s; extra rows must be Plt or Plh.")
                % {"other": self._definitive_row[nip]},
            )
        elif (nip, position_code) in self._post_row:
            self._error(
                row,
                col.NIP,
                _("The NIP already appears with this position on row %(other)s.")
                % {"other": self._post_row[(nip, position_code)]},
            )
        spec = _spec(self.result.employees, nip, row)
        what = _("Employee")
        _merge(spec, col.EMPLOYMENT_TYPE, employment_type, row, what, errors)
        for column in (col.NAME, col.FRONT_TITLE, col.BACK_TITLE, col.BIRTH_PLACE, col.EMAIL, col.PHONE):
            _merge(spec, column, text.get(column, ""), row, what, errors)
        if rank is not None:
            _merge(spec, col.RANK, rank.pk, row, what, errors)
        if decoded is not None:
            spec.values["decoded"] = decoded
        if len(errors) > start_errors or start is None or kind is None:
            spec.values["invalid"] = True
            return
        if kind == AssignmentKind.DEFINITIVE:
            self._definitive_row.setdefault(nip, row)
        self._post_row.setdefault((nip, position_code), row)
        self.result.posts.append(
            PostSpec(row, nip, position_code, kind, start, str(text.get(col.DECREE, ""))[:100])  # type: ignore[arg-type]
        )
