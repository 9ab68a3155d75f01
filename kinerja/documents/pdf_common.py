"""What the evaluation documents print alike: identity rows, the period line, dates, the footer with code and QR.

Official labels are Indonesian literals (ADR 0001); everything here formats canonical content (ISO dates,
"12.5" numbers) for the paper and is called inside ``translation.override("id")``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as date_format

from kinerja.documents import rendering, services
from kinerja.documents.models import IssuedDocument
from kinerja.evaluation.choices import ORG_PREDIKAT_PRINT, PREDIKAT_PRINT, RATING_PRINT
from kinerja.planning.choices import PeriodKind, PeriodType

IDENTITY_ROWS = (
    ("name", "NAMA"),
    ("nip", "NIP"),
    ("rank", "PANGKAT/GOL. RUANG"),
    ("position", "JABATAN"),
    ("unit", "UNIT KERJA"),
)
# "PERIODE: TRIWULAN I/II/III/IV-AKHIR" with the unused struck out (regulation.md §10.3–10.4).
_QUARTER_MARKS = (("I", "/"), ("II", "/"), ("III", "/"), ("IV", "-"), ("AKHIR", ""))


@dataclass(frozen=True)
class Issue:
    """What the footer prints for an issued document."""

    code: str
    verify_url: str


def verify_url(code: str, request: HttpRequest | None = None) -> str:
    """The public verification address printed under the QR.

    A download has its request; a background batch has none and uses KINERJA_PUBLIC_URL (the site's
    public address) when it is configured, else the path alone.
    """
    path = reverse("documents:verify", args=[code])
    if request is not None:
        return request.build_absolute_uri(path)
    return f"{getattr(settings, 'KINERJA_PUBLIC_URL', '').rstrip('/')}{path}"


def issue_of(document: IssuedDocument, request: HttpRequest | None) -> Issue:
    return Issue(document.code, verify_url(document.code, request))


def parse_date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def long_date(raw: Any) -> str:
    """'1 April 2026' (Indonesian month names under translation.override("id"))."""
    day = parse_date(raw)
    return date_format(day, "j F Y") if day else "-"


def place_and_date(raw: Any) -> str:
    """'Lhokseumawe, 1 April 2026': the signing date, today for a DRAF."""
    day = parse_date(raw) or timezone.localdate()
    return f"{settings.KINERJA_CITY}, {date_format(day, 'j F Y')}"


def number(raw: Any) -> str:
    """'12', '12,5', '1.250' the Indonesian way; '' for nothing."""
    if raw in (None, ""):
        return ""
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return str(raw)
    if value == value.to_integral_value():
        return formats.number_format(int(value), force_grouping=True)
    return formats.number_format(value.normalize(), force_grouping=True)


def year_range_label(period: dict[str, Any]) -> str:
    """PERIODE PENILAIAN: '1 JANUARI S.D. 31 DESEMBER 2026' (the year of the SKP)."""
    start, end = parse_date(period.get("year_start")), parse_date(period.get("year_end"))
    if start is None or end is None:
        return str(period.get("year", ""))
    first = date_format(start, "j F" if start.year == end.year else "j F Y")
    return f"{first} s.d. {date_format(end, 'j F Y')}".upper()


def period_marks(period: dict[str, Any]) -> list[dict[str, Any]]:
    """The marks of 'TRIWULAN I/II/III/IV-AKHIR', each with whether it is struck out.

    The annual evaluation is 'AKHIR'; a monthly year prints its month instead of the quarters.
    """
    annual = period.get("kind") == PeriodKind.ANNUAL
    if period.get("type") == PeriodType.MONTHLY and not annual:
        return [{"label": f"BULAN {str(period.get('name', '')).upper()}", "struck": False, "sep": ""}]
    current = "AKHIR" if annual else _QUARTER_MARKS[min(max(int(period.get("number") or 1), 1), 4) - 1][0]
    return [{"label": label, "struck": label != current, "sep": sep} for label, sep in _QUARTER_MARKS]


def period_name(period: dict[str, Any]) -> str:
    if period.get("kind") == PeriodKind.ANNUAL:
        return f"AKHIR TAHUN {period.get('year', '')}"
    return f"{str(period.get('name', '')).upper()} {period.get('year', '')}"


def identity_rows(*blocks: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Rows NO · label · value per block (NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN, UNIT KERJA)."""
    return [
        {"number": n, "label": label, "values": [(block or {}).get(key) or "-" for block in blocks]}
        for n, (key, label) in enumerate(IDENTITY_ROWS, start=1)
    ]


def person(block: dict[str, Any] | None) -> dict[str, str]:
    block = block or {}
    return {key: str(block.get(key) or "") for key, _label in IDENTITY_ROWS}


def predikat_label(value: str) -> str:
    return PREDIKAT_PRINT.get(value, "") if value else ""


def org_predikat_label(value: str) -> str:
    return ORG_PREDIKAT_PRINT.get(value, "") if value else ""


def rating_label(value: str) -> str:
    return RATING_PRINT.get(value, "") if value else ""


def footer(title: str, issue: Issue | None, draft_note: str) -> dict[str, Any]:
    """The footer of every page: code, QR and verification address once final; 'DRAF' and why before."""
    return {
        "title": title,
        "is_draft": issue is None,
        "code": issue.code if issue else None,
        "verify_url": issue.verify_url if issue else None,
        "qr": rendering.qr_data_uri(issue.verify_url) if issue else None,
        "draft_note": draft_note,
    }


def render_indonesian(template: str, build: Callable[[], dict[str, Any]], filename: str) -> rendering.RenderedDocument:
    """Build the context and render, always in Indonesian whatever language the reader uses (ADR 0001)."""
    with translation.override("id"):
        return rendering.render_pdf(template, {"doc": build()}, filename)


def issue(
    *, actor: Any, kind: str, target: Any, subject: Any, title: str, content: dict[str, Any], org_unit: Any
) -> IssuedDocument:
    """Issue (or find) the document of this content: the same content always carries the same code."""
    return services.document_issue(
        actor=actor, kind=kind, target=target, subject=subject, title=title, version=1, content=content,
        org_unit=org_unit,
    )  # fmt: skip
