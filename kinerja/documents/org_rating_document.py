"""Penetapan capaian kinerja organisasi and its pola distribusi (regulation.md §6.1, §6.4, §10.5).

Step 1 of the evaluation: the leadership above a unit sets its predikat (SE MenPANRB 3/2023), which fixes
the allowed distribution of its employees' predikat (step 2). The paper is the signed "Format Penetapan
Predikat Kinerja" [S6]: the unit, the period, the predikat and its basis, the rules that follow from it,
the unit's counts once results are published, and the signature of the leader who set it
(``OrganizationRating.signer``, frozen when it was set). It is issued with a code from the start: the
rating is a decision as soon as it is recorded; changing it later makes an earlier paper "changed".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from kinerja.documents import distribution_print, pdf_common, rendering
from kinerja.documents.choices import DocumentKind
from kinerja.documents.evaluation_content import period_content, population_counts
from kinerja.documents.pdf_common import Issue, org_predikat_label
from kinerja.evaluation.choices import EvaluationStatus
from kinerja.evaluation.models import Evaluation, OrganizationRating
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind

TEMPLATE = "documents/pdf/evaluation_org_rating.html"


def _population(rating: OrganizationRating) -> QuerySet[Evaluation]:
    """Whom the rating's distribution applies to: the forum population of an OPD, or the sub-unit without its head.

    Only published results count: the paper must not move while the penilai are still rating.
    """
    unit = rating.unit
    published = Evaluation.objects.filter(period_id=rating.period_id, status=EvaluationStatus.PUBLISHED)
    if unit.is_agency:
        return published.filter(agency_id=unit.pk, is_agency_head=False)
    # The head of a sub-unit is rated by this very capaian (PermenPANRB 6/2022 Ps 25), not counted in it.
    return published.filter(unit__path__startswith=unit.path).exclude(unit_id=unit.pk, is_unit_head=True)


def org_rating_content(rating: OrganizationRating) -> dict[str, Any]:
    """What the penetapan prints (hashed when issued, recomputed by the verification page)."""
    unit = rating.unit
    agency = org_selectors.agency_of(unit)
    counts = population_counts(_population(rating).only("proposed_predikat", "final_predikat"))
    total = sum(counts.values())
    rules = (rating.period.year.distribution_rules or {}).get(rating.predikat) or []
    return {
        "document": "penetapan_capaian_kinerja_organisasi",
        "org_rating_id": rating.pk,
        "unit": {"id": unit.pk, "name": unit.name, "agency": agency.name if agency.pk != unit.pk else ""},
        "period": period_content(rating.period),
        "predikat": rating.predikat,
        "note": rating.note,
        "signer": dict(rating.signer or {}),
        # The last time it was set: a changed rating is signed again on the day it changed.
        "set_on": timezone.localdate(rating.updated_at).isoformat() if rating.updated_at else None,
        "distribution": {"total": total, "counts": counts if total else None, "rules": rules},
    }


def title_of(content: dict[str, Any]) -> str:
    unit = (content.get("unit") or {}).get("name", "")
    return f"Penetapan Capaian Kinerja Organisasi {unit} {pdf_common.period_name(content.get('period') or {})}"


def print_context(content: dict[str, Any], issue: Issue | None) -> dict[str, Any]:
    title = title_of(content)
    period = content.get("period") or {}
    dist = content.get("distribution") or {}
    signer = content.get("signer") or {}
    return {
        "title": title,
        "instance_name": settings.KINERJA_INSTANCE_NAME.upper(),
        "period_range": pdf_common.year_range_label(period),
        "period_marks": pdf_common.period_marks(period),
        "period_name": pdf_common.period_name(period),
        "period_dates": " s.d. ".join(pdf_common.long_date(period.get(key)) for key in ("start_date", "end_date")),
        "is_annual": period.get("kind") == PeriodKind.ANNUAL,
        "unit": (content.get("unit") or {}).get("name", ""),
        "agency": (content.get("unit") or {}).get("agency", ""),
        "predikat": org_predikat_label(content.get("predikat", "")),
        "note": content.get("note") or "",
        "distribution": distribution_print.block(
            content.get("predikat", ""), int(dist.get("total") or 0), dist.get("counts"), dist.get("rules") or []
        ),
        "signer": {
            "name": signer.get("name", ""),
            "nip": signer.get("nip", ""),
            "rank": signer.get("rank", ""),
            "position": signer.get("position", ""),
        },
        "place_and_date": pdf_common.place_and_date(content.get("set_on")),
        "footer": pdf_common.footer(title, issue, ""),
    }


def org_rating_pdf(
    rating: OrganizationRating, *, actor: Any, request: HttpRequest | None = None
) -> rendering.RenderedDocument:
    """The penetapan, issued (the same content keeps its code on every download)."""
    content = org_rating_content(rating)
    document = pdf_common.issue(
        actor=actor, kind=DocumentKind.ORG_RATING, target=rating, subject=None, title=title_of(content),
        content=content, org_unit=rating.unit,
    )  # fmt: skip
    issue = pdf_common.issue_of(document, request)
    period = rating.period
    which = "AKHIR" if period.kind == PeriodKind.ANNUAL else f"P{period.number}"
    filename = f"Penetapan-Capaian-Organisasi-{period.year.year}-{which}-{rating.unit.code or rating.unit.pk}.pdf"
    return pdf_common.render_indonesian(TEMPLATE, lambda: print_context(content, issue), filename)
