"""The SKP document: what prints (regulation.md §10.1–10.2) from the canonical content of an SKP.

The printed data is ``planning.services.work_plan_content(plan)``: live for an SKP still being
drafted (printed with a DRAF watermark and no code), and the frozen ``WorkPlanVersion.content``
for an approved version, whose hash the issued document records so the public page can tell
whether the record still says what the paper says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dateformat import format as date_format

from kinerja.documents import rendering, services
from kinerja.documents.choices import DocumentKind
from kinerja.documents.models import IssuedDocument
from kinerja.planning import services as planning_services
from kinerja.planning.choices import Approach, FormVariant, WorkPlanStatus
from kinerja.planning.models import WorkPlan, WorkPlanVersion

TEMPLATE = "documents/pdf/skp.html"

# Official labels of the form (regulation.md §4, §10); printed verbatim in Indonesian.
_AUDIENCE = {
    FormVariant.JPT: "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
    FormVariant.ADMIN_FUNCTIONAL: "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
}
_GROUPS = (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN"))
_IDENTITY_ROWS = (
    ("name", "NAMA"),
    ("nip", "NIP"),
    ("rank", "PANGKAT/GOL. RUANG"),
    ("position", "JABATAN"),
    ("unit", "UNIT KERJA"),
)
_LAMPIRAN = (
    ("resource_support", "DUKUNGAN SUMBER DAYA"),
    ("accountability_scheme", "SKEMA PERTANGGUNGJAWABAN"),
    ("consequences", "KONSEKUENSI"),
)
_PERSPECTIVES = {
    "penerima_layanan": "Penerima Layanan",
    "proses_bisnis": "Proses Bisnis",
    "penguatan_internal": "Penguatan Internal",
    "anggaran": "Anggaran",
}
_STATUS = {
    WorkPlanStatus.DRAFT: "Draf",
    WorkPlanStatus.SUBMITTED: "Diajukan",
    WorkPlanStatus.RETURNED: "Dikembalikan",
    WorkPlanStatus.APPROVED: "Disetujui",
}
# A workflow step is named by where it led; leaving APPROVED for DRAFT is a revision.
_STEPS = {
    WorkPlanStatus.SUBMITTED: "Diajukan",
    WorkPlanStatus.RETURNED: "Dikembalikan untuk diperbaiki",
    WorkPlanStatus.APPROVED: "Disetujui",
    WorkPlanStatus.DRAFT: "Direvisi (versi baru)",
}


@dataclass
class PrintedIndicator:
    aspect: str
    text: str
    target: str


@dataclass
class PrintedItem:
    number: int
    text: str
    supported: str
    perspective: str
    indicators: list[PrintedIndicator] = field(default_factory=list)

    @property
    def rowspan(self) -> int:
        return len(self.indicators)


def _decimal_text(raw: Any) -> str:
    """A target number the Indonesian way: 12 / 12,5 / 1.250 (no trailing zeros)."""
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return str(raw)
    if value == value.to_integral_value():
        return formats.number_format(int(value), force_grouping=True)
    return formats.number_format(value.normalize(), force_grouping=True)


def target_text(indicator: dict[str, Any]) -> str:
    """'120 Dokumen', '90–100 %', or the narrative target of a kualitatif IKI."""
    low, high, unit = indicator.get("target_min"), indicator.get("target_max"), indicator.get("target_unit") or ""
    if low in (None, ""):
        return str(indicator.get("target_text") or "")
    number = _decimal_text(low)
    if high not in (None, "") and Decimal(str(high)) != Decimal(str(low)):
        number = f"{number}–{_decimal_text(high)}"
    return f"{number} {unit}".strip()


def _indicator(raw: dict[str, Any]) -> PrintedIndicator:
    # Aspect values are the Indonesian words of the form (kuantitas, kualitas, waktu, biaya).
    aspect = str(raw.get("aspect", "")).capitalize()
    return PrintedIndicator(aspect=aspect, text=raw.get("text", ""), target=target_text(raw))


def _item_groups(content: dict[str, Any]) -> list[dict[str, Any]]:
    raw = content.get("items") or {}
    groups = []
    for key, label in _GROUPS:
        items = []
        for number, item in enumerate(raw.get(key) or [], start=1):
            indicators = [_indicator(ind) for ind in item.get("indicators") or []]
            indicators = indicators or [PrintedIndicator(aspect="-", text="-", target="-")]
            items.append(
                PrintedItem(
                    number=number,
                    text=str(item.get("text") or ""),
                    # The supervisor's RHK; for a JPT form, the organisation goal (sasaran) it intervenes.
                    supported=item.get("supported_item") or item.get("supported_goal") or "",
                    perspective=_PERSPECTIVES.get(item.get("perspective") or "", ""),
                    indicators=indicators,
                )
            )
        groups.append({"label": label, "items": items})
    return groups


def _behaviours(content: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for number, value in enumerate(content.get("behaviour") or [], start=1):
        rows.append(
            {
                "number": number,
                "name": value.get("value", ""),
                "indicators": value.get("indicators") or [],
                "expectation": value.get("special_expectation") or "",
            }
        )
    return rows


def _parse_date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def _period_label(content: dict[str, Any]) -> str:
    start, end = _parse_date(content.get("start_date")), _parse_date(content.get("end_date"))
    if start is None or end is None:
        return str(content.get("year", ""))
    first = date_format(start, "j F" if start.year == end.year else "j F Y")
    return f"{first} s.d. {date_format(end, 'j F Y')}".upper()


def _when(raw: Any) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(raw))
    except ValueError:
        return str(raw or "")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "j M Y H.i")


def _history(content: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "version": event.get("version", ""),
            "step": _STEPS.get(event.get("to", ""), event.get("to", "")),
            "actor": event.get("actor") or "",
            "when": _when(event.get("at")),
            "note": event.get("note") or "",
        }
        for event in content.get("events") or []
    ]


def _identity(content: dict[str, Any], who: str) -> dict[str, Any]:
    return dict((content.get("identity") or {}).get(who) or {})


@dataclass(frozen=True)
class Issue:
    """What the footer prints for an issued document."""

    code: str
    verify_url: str


def print_context(content: dict[str, Any], *, sign_date: dt.date, issue: Issue | None) -> dict[str, Any]:
    """Everything the template prints, from the canonical content (call inside translation.override("id"))."""
    pegawai, penilai = _identity(content, "pegawai"), _identity(content, "penilai")
    status = content.get("status", "")
    qualitative = content.get("approach") == Approach.QUALITATIVE
    return {
        "title": f"SKP {content.get('year', '')} — {pegawai.get('name', '')}",
        "version": content.get("version", 1),
        "instance_name": settings.KINERJA_INSTANCE_NAME.upper(),
        "period_label": _period_label(content),
        "approach_label": "KUALITATIF" if qualitative else "KUANTITATIF",
        "qualitative": qualitative,
        "audience_label": _AUDIENCE.get(content.get("form_variant", ""), _AUDIENCE[FormVariant.ADMIN_FUNCTIONAL]),
        "pegawai": pegawai,
        "penilai": penilai,
        "identity_rows": [
            {"number": n, "label": label, "pegawai": pegawai.get(key, ""), "penilai": penilai.get(key, "")}
            for n, (key, label) in enumerate(_IDENTITY_ROWS, start=1)
        ],
        "item_groups": _item_groups(content),
        "behaviours": _behaviours(content),
        "lampiran": [
            {"label": label, "lines": (content.get("lampiran") or {}).get(key) or []} for key, label in _LAMPIRAN
        ],
        "history": _history(content),
        "place_and_date": f"{settings.KINERJA_CITY}, {date_format(sign_date, 'j F Y')}",
        "status_label": _STATUS.get(status, status),
        "is_draft": issue is None,
        "code": issue.code if issue else None,
        "verify_url": issue.verify_url if issue else None,
        "qr": rendering.qr_data_uri(issue.verify_url) if issue else None,
    }


def render(
    content: dict[str, Any], *, sign_date: dt.date, issue: Issue | None, filename: str
) -> rendering.RenderedDocument:
    """Render the SKP PDF; always in Indonesian, whatever language the reader uses (ADR 0001)."""
    with translation.override("id"):
        context = {"doc": print_context(content, sign_date=sign_date, issue=issue)}
        return rendering.render_pdf(TEMPLATE, context, filename)


def _filename(plan: WorkPlan, version: int, draft: bool) -> str:
    suffix = "-draf" if draft else ""
    return f"SKP-{plan.year.year}-{plan.employee.nip}-v{version}{suffix}.pdf"


def issue_version(*, actor: Any, plan: WorkPlan, stored: WorkPlanVersion) -> IssuedDocument:
    """The issued document of an approved version: the first download issues it, later ones find it."""
    pegawai = _identity(stored.content, "pegawai")
    return services.document_issue(
        actor=actor,
        kind=DocumentKind.SKP,
        target=plan,
        subject=plan.employee,
        title=f"SKP {plan.year.year} — {pegawai.get('name') or plan.employee.full_name}",
        version=stored.version,
        content=stored.content,
        org_unit=plan.unit,
    )


def version_document(request: HttpRequest, plan: WorkPlan, stored: WorkPlanVersion) -> rendering.RenderedDocument:
    """An approved version, issued (same code on every download) and printed from its frozen content."""
    document = issue_version(actor=request.user, plan=plan, stored=stored)
    issue = Issue(document.code, request.build_absolute_uri(reverse("documents:verify", args=[document.code])))
    return render(
        stored.content,
        sign_date=timezone.localdate(stored.approved_at),
        issue=issue,
        filename=_filename(plan, stored.version, draft=False),
    )


def current_document(
    request: HttpRequest, plan: WorkPlan, stored: WorkPlanVersion | None
) -> rendering.RenderedDocument:
    """The SKP as it stands: its approved version when approved, else a DRAF print of the live content."""
    if plan.status == WorkPlanStatus.APPROVED and stored is not None:
        return version_document(request, plan, stored)
    return render(
        planning_services.work_plan_content(plan),
        sign_date=timezone.localdate(),
        issue=None,
        filename=_filename(plan, plan.version, draft=True),
    )
