"""Berita acara of the forum evaluasi kinerja of an OPD (regulation.md §7; issue 5 §4).

What was decided and why: the agency and period, when the forum was held and who took part, the
distribution as it stood at the lock (``CalibrationForum.locked_check``) against the rules, every
adjustment with its reason, the minutes, and the signature of the OPD head. Issued once the forum is
locked (locking publishes the predikat); an open forum prints "DRAF" without a code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from kinerja.documents import distribution_print, pdf_common, rendering
from kinerja.documents.choices import DocumentKind
from kinerja.documents.evaluation_content import period_content, population_counts
from kinerja.documents.pdf_common import Issue, predikat_label
from kinerja.evaluation.choices import AdjustmentSource
from kinerja.evaluation.models import CalibrationForum, Evaluation, OrganizationRating
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, Position
from kinerja.planning.choices import PeriodKind
from kinerja.planning.services.work_plans import person_identity

TEMPLATE = "documents/pdf/evaluation_forum.html"
_DRAFT_NOTE = "Forum evaluasi kinerja belum dikunci; dokumen ini belum memiliki kode verifikasi."


def _day(forum: CalibrationForum) -> dt.date:
    """The day the paper speaks of: the lock, else the meeting, else today (a DRAF)."""
    if forum.locked_at:
        return timezone.localdate(forum.locked_at)
    return forum.held_on or org_selectors.today()


def _person(employee: Employee, day: dt.date) -> dict[str, str]:
    assignment = org_selectors.primary_assignment(employee, day)
    if assignment is None:
        return {"name": employee.full_name, "nip": employee.nip_display, "rank": "", "position": "", "unit": ""}
    return person_identity(employee, assignment.position, assignment.kind)


def _head(forum: CalibrationForum, day: dt.date) -> dict[str, str] | None:
    """The OPD head on that day (definitive, else Plt/Plh), who signs the berita acara."""
    position = Position.objects.filter(unit_id=forum.agency_id, is_unit_head=True).select_related("unit").first()
    holder = org_selectors.holder_of(position, day) if position is not None else None
    if holder is None:
        return None
    return person_identity(holder.employee, holder.position, holder.kind)


def _distribution(forum: CalibrationForum) -> dict[str, Any] | None:
    """At the lock: the check it recorded. While open: the live counts of the forum population."""
    rules_by_org = forum.period.year.distribution_rules or {}
    if forum.locked_check:
        check = forum.locked_check
        org = str(check.get("org_predikat") or "")
        counts = {str(k): int(v) for k, v in (check.get("counts") or {}).items()}
        total = int(check.get("total") or sum(counts.values()))
    else:
        rating = OrganizationRating.objects.filter(unit_id=forum.agency_id, period_id=forum.period_id).first()
        if rating is None:
            return None
        org = rating.predikat
        population = Evaluation.objects.filter(
            agency_id=forum.agency_id, period_id=forum.period_id, is_agency_head=False
        ).only("proposed_predikat", "final_predikat")
        counts = population_counts(population)
        total = sum(counts.values())
    return {"org_predikat": org, "total": total, "counts": counts, "rules": rules_by_org.get(org) or []}


def forum_content(forum: CalibrationForum) -> dict[str, Any]:
    """What the berita acara prints (hashed when issued, recomputed by the verification page)."""
    day = _day(forum)
    participants = sorted(forum.participants.all(), key=lambda e: (e.name, e.pk))
    adjustments = forum.adjustments.select_related("evaluation__employee").order_by("at", "pk")
    return {
        "document": "berita_acara_forum_evaluasi_kinerja",
        "forum_id": forum.pk,
        "agency": forum.agency.name,
        "period": period_content(forum.period),
        "status": forum.status,
        "held_on": forum.held_on.isoformat() if forum.held_on else None,
        "locked_on": timezone.localdate(forum.locked_at).isoformat() if forum.locked_at else None,
        "participants": [_person(employee, day) for employee in participants],
        "guests": [line.strip() for line in forum.guests.splitlines() if line.strip()],
        "distribution": _distribution(forum),
        "justification": forum.justification,
        "adjustments": [
            {
                "name": a.evaluation.employee.full_name,
                "nip": a.evaluation.employee.nip_display,
                "from": a.from_predikat,
                "to": a.to_predikat,
                "reason": a.reason,
                "source": a.source,
            }
            for a in adjustments
        ],
        "minutes": forum.minutes,
        "signer": _head(forum, day),
    }


def title_of(content: dict[str, Any]) -> str:
    period = pdf_common.period_name(content.get("period") or {})
    return f"Berita Acara Forum Evaluasi Kinerja {content.get('agency', '')} {period}"


def print_context(content: dict[str, Any], issue: Issue | None) -> dict[str, Any]:
    title = title_of(content)
    period = content.get("period") or {}
    dist = content.get("distribution")
    return {
        "title": title,
        "instance_name": settings.KINERJA_INSTANCE_NAME.upper(),
        "period_range": pdf_common.year_range_label(period),
        "period_marks": pdf_common.period_marks(period),
        "period_name": pdf_common.period_name(period),
        "is_annual": period.get("kind") == PeriodKind.ANNUAL,
        "agency": content.get("agency", ""),
        "agency_upper": str(content.get("agency", "")).upper(),
        "held_on": pdf_common.long_date(content.get("held_on")) if content.get("held_on") else "-",
        "locked_on": pdf_common.long_date(content.get("locked_on")) if content.get("locked_on") else "",
        "participants": content.get("participants") or [],
        "guests": content.get("guests") or [],
        "distribution": (
            distribution_print.block(dist["org_predikat"], dist["total"], dist["counts"], dist["rules"])
            if dist and dist.get("org_predikat")
            else None
        ),
        "justification": content.get("justification") or "",
        "adjustments": [
            {
                **row,
                "from_label": predikat_label(row.get("from", "")),
                "to_label": predikat_label(row.get("to", "")),
                "suggested": row.get("source") == AdjustmentSource.SUGGESTION,
            }
            for row in content.get("adjustments") or []
        ],
        "minutes": content.get("minutes") or "",
        "signer": content.get("signer") or {},
        "place_and_date": pdf_common.place_and_date(content.get("locked_on") or content.get("held_on")),
        "footer": pdf_common.footer(title, issue, _DRAFT_NOTE),
    }


def forum_pdf(forum: CalibrationForum, *, actor: Any, request: HttpRequest | None = None) -> rendering.RenderedDocument:
    """The berita acara: issued once the forum is locked, a DRAF before."""
    content = forum_content(forum)
    issue = None
    if forum.is_locked:
        document = pdf_common.issue(
            actor=actor, kind=DocumentKind.FORUM_MINUTES, target=forum, subject=None, title=title_of(content),
            content=content, org_unit=forum.agency,
        )  # fmt: skip
        issue = pdf_common.issue_of(document, request)
    period = forum.period
    which = "AKHIR" if period.kind == PeriodKind.ANNUAL else f"P{period.number}"
    suffix = "" if issue else "-draf"
    filename = f"Berita-Acara-Forum-{period.year.year}-{which}-{forum.agency.code or forum.agency.pk}{suffix}.pdf"
    return pdf_common.render_indonesian(TEMPLATE, lambda: print_context(content, issue), filename)
