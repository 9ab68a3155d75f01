"""The two evaluation documents (regulation.md §10.3–10.4) printed from their canonical content.

EVALUASI KINERJA PEGAWAI (per period) and DOKUMEN EVALUASI KINERJA PEGAWAI (any evaluation; the annual one
prints PERIODE AKHIR and the periodic predikat of the year; sections 6–8 appear once a keberatan was filed).
Both are issued with a verification code once the result is published; before that they print "DRAF"
and carry no code, because an unpublished result is not yet the result (product.md §3.8).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kinerja.documents import distribution_print, pdf_common, rendering
from kinerja.documents.choices import DocumentKind
from kinerja.documents.evaluation_content import evaluation_content, evaluation_document_content
from kinerja.documents.models import IssuedDocument
from kinerja.documents.pdf_common import Issue, org_predikat_label, predikat_label, rating_label
from kinerja.documents.work_plan_document import target_text
from kinerja.evaluation.choices import ObjectionOutcome, ObjectionStatus
from kinerja.evaluation.models import Evaluation
from kinerja.planning.choices import Approach, FormVariant, PeriodKind

EVALUATION_TEMPLATE = "documents/pdf/evaluation.html"
DOKUMEN_TEMPLATE = "documents/pdf/evaluation_dokumen.html"

_AUDIENCE = {
    FormVariant.JPT: "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
    FormVariant.ADMIN_FUNCTIONAL: "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
}
_GROUPS = (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN"))
_DRAFT_NOTE = "Hasil evaluasi belum diumumkan; dokumen ini belum memiliki kode verifikasi."
_OUTCOME = {ObjectionOutcome.KEPT: "Hasil evaluasi tetap", ObjectionOutcome.CHANGED: "Hasil evaluasi diubah"}


def _realisasi_text(indicator: dict[str, Any]) -> str:
    realisasi = indicator.get("realisasi") or {}
    parts = []
    if realisasi.get("value") not in (None, ""):
        parts.append(f"{pdf_common.number(realisasi['value'])} {indicator.get('target_unit') or ''}".strip())
    if realisasi.get("narrative"):
        parts.append(str(realisasi["narrative"]))
    return "; ".join(parts) or "-"


def _realisasi_details(indicator: dict[str, Any]) -> str:
    realisasi = indicator.get("realisasi") or {}
    details = []
    if realisasi.get("capaian") not in (None, ""):
        details.append(f"Capaian {pdf_common.number(realisasi['capaian'])}%")
    evidence = int(realisasi.get("evidence") or 0)
    details.append(f"{evidence} bukti dukung" if evidence else "tanpa bukti dukung")
    return " · ".join(details)


def _item_groups(content: dict[str, Any]) -> list[dict[str, Any]]:
    groups = []
    for key, label in _GROUPS:
        items = []
        for number, item in enumerate((content.get("items") or {}).get(key) or [], start=1):
            indicators = [
                {
                    "aspect": str(ind.get("aspect", "")).capitalize(),
                    "text": ind.get("text", ""),
                    "target": target_text(ind) or "-",
                    "realisasi": _realisasi_text(ind),
                    "details": _realisasi_details(ind),
                }
                for ind in item.get("indicators") or []
            ] or [{"aspect": "-", "text": "-", "target": "-", "realisasi": "-", "details": ""}]
            items.append(
                {
                    "number": number,
                    "text": item.get("text", ""),
                    "supported": item.get("supported") or "-",
                    "indicators": indicators,
                    "rowspan": len(indicators),
                    "feedback": item.get("feedback") or [],
                    "penilai_note": item.get("penilai_note") or "",
                }
            )
        groups.append({"label": label, "items": items})
    return groups


def _result(content: dict[str, Any]) -> dict[str, Any]:
    result = content.get("result") or {}
    return {
        "results": rating_label(result.get("results_rating", "")) or "-",
        "results_reason": result.get("results_reason") or "",
        "behaviour": rating_label(result.get("behaviour_rating", "")) or "-",
        "behaviour_reason": result.get("behaviour_reason") or "",
        "predikat": predikat_label(result.get("predikat", "")) or "-",
        "calibrated": bool(result.get("calibration_reason"))
        and result.get("predikat") != result.get("proposed_predikat"),
        "proposed": predikat_label(result.get("proposed_predikat", "")),
        "calibration_reason": result.get("calibration_reason") or "",
        "note": result.get("note") or "",
    }


def _common(content: dict[str, Any], title: str, issue: Issue | None) -> dict[str, Any]:
    period = content.get("period") or {}
    identity = content.get("identity") or {}
    org = content.get("org_rating") or {}
    return {
        "instance_name": settings.KINERJA_INSTANCE_NAME.upper(),
        "period_range": pdf_common.year_range_label(period),
        "period_marks": pdf_common.period_marks(period),
        "period_name": pdf_common.period_name(period),
        "is_annual": period.get("kind") == PeriodKind.ANNUAL,
        "pegawai": pdf_common.person(identity.get("pegawai")),
        "penilai": pdf_common.person(identity.get("penilai")),
        "atasan": pdf_common.person(identity.get("atasan_penilai")),
        "org_label": org_predikat_label(org.get("predikat", "")) or "BELUM DITETAPKAN",
        "org_unit": org.get("unit", ""),
        "result": _result(content),
        "place_and_date": pdf_common.place_and_date(content.get("sign_date")),
        "footer": pdf_common.footer(title, issue, _DRAFT_NOTE),
    }


def evaluation_title(content: dict[str, Any]) -> str:
    pegawai = (content.get("identity") or {}).get("pegawai") or {}
    return f"Evaluasi Kinerja Pegawai {pdf_common.period_name(content.get('period') or {})} — {pegawai.get('name', '')}"


def dokumen_title(content: dict[str, Any]) -> str:
    pegawai = (content.get("identity") or {}).get("pegawai") or {}
    period = pdf_common.period_name(content.get("period") or {})
    return f"Dokumen Evaluasi Kinerja Pegawai {period} — {pegawai.get('name', '')}"


def evaluation_context(content: dict[str, Any], issue: Issue | None) -> dict[str, Any]:
    """EVALUASI KINERJA PEGAWAI: identity, capaian organisasi, pola distribusi, hasil kerja, perilaku, predikat."""
    title = evaluation_title(content)
    dist = content.get("distribution")
    return {
        **_common(content, title, issue),
        "title": title,
        "approach_label": "KUALITATIF" if content.get("approach") == Approach.QUALITATIVE else "KUANTITATIF",
        "audience_label": _AUDIENCE.get(content.get("form_variant", ""), _AUDIENCE[FormVariant.ADMIN_FUNCTIONAL]),
        "identity_rows": pdf_common.identity_rows(
            (content.get("identity") or {}).get("pegawai"), (content.get("identity") or {}).get("penilai")
        ),
        "is_unit_head": bool(content.get("is_unit_head")),
        "distribution": (
            distribution_print.block(dist["org_predikat"], dist["total"], dist["counts"], dist["rules"])
            if dist and dist.get("org_predikat")
            else None
        ),
        "distribution_source": (dist or {}).get("source", ""),
        "item_groups": _item_groups(content),
        "behaviours": [
            {
                "number": n,
                "name": value.get("value", ""),
                "indicators": value.get("indicators") or [],
                "expectation": value.get("special_expectation") or "",
                "feedback": value.get("feedback") or [],
            }
            for n, value in enumerate(content.get("behaviour") or [], start=1)
        ],
    }


def _objection(raw: dict[str, Any] | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    decided = raw.get("status") == ObjectionStatus.DECIDED
    previous = raw.get("previous") or {}
    return {
        "reasons": raw.get("reasons") or "",
        "filed_on": pdf_common.long_date(raw.get("filed_on")),
        "explanation": raw.get("explanation") or "",
        "explained_on": pdf_common.long_date(raw.get("explained_on")) if raw.get("explained_on") else "",
        "decided": decided,
        "outcome": _OUTCOME.get(raw.get("outcome", ""), ""),
        "changed": raw.get("outcome") == ObjectionOutcome.CHANGED,
        "decision_reason": raw.get("decision_reason") or "",
        "decided_on": pdf_common.long_date(raw.get("decided_on")) if raw.get("decided_on") else "",
        "decided_by": raw.get("decided_by") or "",
        "previous_predikat": predikat_label(previous.get("predikat", "")),
        "previous_results": rating_label(previous.get("results_rating", "")),
        "previous_behaviour": rating_label(previous.get("behaviour_rating", "")),
    }


def dokumen_context(content: dict[str, Any], issue: Issue | None) -> dict[str, Any]:
    """DOKUMEN EVALUASI KINERJA PEGAWAI: sections 1–5, 6–8 when a keberatan was filed, then the signatures."""
    title = dokumen_title(content)
    objection = _objection(content.get("objection"))
    first_signature = 9 if objection else 6
    return {
        **_common(content, title, issue),
        "title": title,
        "periodic": [
            {"period": row.get("period", ""), "predikat": predikat_label(row.get("predikat", "")) or "-"}
            for row in content.get("periodic") or []
        ],
        "objection": objection,
        "signature_numbers": {
            "penilai": first_signature,
            "pegawai": first_signature + 1,
            "atasan": first_signature + 2,
        },
        "decision_place_and_date": pdf_common.place_and_date(
            (content.get("objection") or {}).get("decided_on") or content.get("sign_date")
        ),
    }


def _filename(evaluation: Evaluation, stem: str, draft: bool) -> str:
    period = evaluation.period
    which = "AKHIR" if period.kind == PeriodKind.ANNUAL else f"P{period.number}"
    suffix = "-draf" if draft else ""
    return f"{stem}-{period.year.year}-{which}-{evaluation.employee.nip}{suffix}.pdf"


def _issue(actor: Any, evaluation: Evaluation, kind: str, title: str, content: dict[str, Any]) -> IssuedDocument:
    return pdf_common.issue(
        actor=actor, kind=kind, target=evaluation, subject=evaluation.employee, title=title, content=content,
        org_unit=evaluation.unit,
    )  # fmt: skip


def evaluation_pdf(
    evaluation: Evaluation, *, actor: Any, request: HttpRequest | None = None
) -> rendering.RenderedDocument:
    """EVALUASI KINERJA PEGAWAI as it stands: issued once published, a DRAF before."""
    content = evaluation_content(evaluation)
    issue = None
    if evaluation.is_published:
        document = _issue(actor, evaluation, DocumentKind.EVALUATION, evaluation_title(content), content)
        issue = pdf_common.issue_of(document, request)
    return pdf_common.render_indonesian(
        EVALUATION_TEMPLATE,
        lambda: evaluation_context(content, issue),
        _filename(evaluation, "Evaluasi-Kinerja", draft=issue is None),
    )


def dokumen_pdf(
    evaluation: Evaluation, *, actor: Any, request: HttpRequest | None = None
) -> rendering.RenderedDocument:
    """DOKUMEN EVALUASI KINERJA PEGAWAI as it stands: issued once published, a DRAF before."""
    content = evaluation_document_content(evaluation)
    issue = None
    if evaluation.is_published:
        document = _issue(actor, evaluation, DocumentKind.EVALUATION_DOCUMENT, dokumen_title(content), content)
        issue = pdf_common.issue_of(document, request)
    return pdf_common.render_indonesian(
        DOKUMEN_TEMPLATE,
        lambda: dokumen_context(content, issue),
        _filename(evaluation, "Dokumen-Evaluasi-Kinerja", draft=issue is None),
    )
