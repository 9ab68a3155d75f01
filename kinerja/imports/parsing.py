"""Reading an uploaded CSV or XLSX into rows of text keyed by canonical column name. Writes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from kinerja.imports import columns

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row (header = row 1; None for the whole file), the column and the rule."""

    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Table:
    """The data rows of the file: (spreadsheet row number, {column: cleaned text or date})."""

    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    ignored: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class FileUnreadable(Exception):
    """The file is not a CSV/XLSX we can read at all; the message says why."""


def detect_format(name: str, head: bytes) -> str:
    """XLSX is a zip archive; anything else is read as CSV. The file name breaks a tie."""
    if head.startswith(b"PK\x03\x04") or name.lower().endswith(".xlsx"):
        return XLSX
    return CSV


def _cell_text(value: Any, column: str, row: int, errors: list[RowError]) -> Any:
    """Excel hands over numbers and dates; codes and NIPs must come back as the digits people typed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # A NIP typed into a number cell has already lost its last digits (a double keeps ~15).
        if column == columns.NIP and value >= 1e15:
            errors.append(
                RowError(row, column, _("The cell is a number and has lost digits; format the column as text."))
            )
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, int):
        return str(value)
    return str(value).strip()


def _read_csv(data: bytes) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileUnreadable(_("The CSV file must be saved as UTF-8 text.")) from exc
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in Indonesian locales save CSV with semicolons (the comma is the decimal mark).
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _read_xlsx(data: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileUnreadable(_("The file is not a readable XLSX workbook.")) from exc
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    finally:
        workbook.close()


def read_table(data: bytes, file_format: str) -> Table:
    """Parse the whole file; the first non-empty row is the header. Raises FileUnreadable."""
    reader = _read_xlsx(data) if file_format == XLSX else _read_csv(data)
    table = Table()
    header: list[str] | None = None
    try:
        for number, values in enumerate(reader, start=1):
            if header is None:
                if not any(str(v or "").strip() for v in values):
                    continue
                header = [columns.canonical(v) for v in values]
                table.present = {h for h in header if h in columns.ALL_COLUMNS}
                table.ignored = [h for h in header if h and h not in columns.ALL_COLUMNS]
                seen: set[str] = set()
                for name in header:
                    if name in seen and name in columns.ALL_COLUMNS:
                        table.errors.append(RowError(None, name, _("The column appears more than once.")))
                    seen.add(name)
                continue
            row: dict[str, Any] = {}
            for name, value in zip(header, values, strict=False):
                if name in columns.ALL_COLUMNS:
                    row[name] = _cell_text(value, name, number, table.errors)
            if any(v != "" for v in row.values()):
                table.rows.append((number, row))
    except csv.Error as exc:
        raise FileUnreadable(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc
    if header is None:
        raise FileUnreadable(_("The file is empty."))
    for name in columns.REQUIRED_COLUMNS:
        if name not in table.present:
            table.errors.append(RowError(None, name, _("The required column is missing.")))
    return table
