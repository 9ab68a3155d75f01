"""Reads of issued documents, for the public verification page."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db.models import Max

from kinerja.documents.choices import DocumentKind
from kinerja.documents.models import IssuedDocument
from kinerja.documents.services import content_hash
from kinerja.planning.models import WorkPlan, WorkPlanVersion

WORK_PLAN_TARGET = WorkPlan._meta.label_lower


class RecordState(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # the stored content no longer hashes to what was printed
    MISSING = "missing"  # the stored record is gone


@dataclass(frozen=True)
class Verification:
    document: IssuedDocument
    record_state: RecordState
    newer_version: int | None  # the latest version of the same record when it is newer than the document's


def approved_version(plan: WorkPlan, version: int) -> WorkPlanVersion | None:
    """The frozen content of one approved version of an SKP (None when that version was never approved)."""
    return plan.versions.select_related("approved_by").filter(version=version).first()


def issued_document_by_code(code: str) -> IssuedDocument | None:
    return IssuedDocument.objects.select_related("subject").filter(code=code).first()


def verify(document: IssuedDocument) -> Verification:
    """Recompute the content hash from the stored record and look for newer versions (a few queries)."""
    if document.kind == DocumentKind.SKP and document.target_type == WORK_PLAN_TARGET:
        return _verify_work_plan(document)
    return Verification(document, RecordState.MISSING, None)


def _verify_work_plan(document: IssuedDocument) -> Verification:
    plan_id = int(document.target_id)
    stored = WorkPlanVersion.objects.filter(work_plan_id=plan_id, version=document.version).only("content").first()
    if stored is None:
        state = RecordState.MISSING
    elif content_hash(stored.content) == document.content_hash:
        state = RecordState.UNCHANGED
    else:
        state = RecordState.CHANGED
    latest_plan = WorkPlan.objects.filter(pk=plan_id).values_list("version", flat=True).first() or 0
    latest_approved = WorkPlanVersion.objects.filter(work_plan_id=plan_id).aggregate(v=Max("version"))["v"] or 0
    latest = max(latest_plan, latest_approved)
    return Verification(document, state, latest if latest > document.version else None)


def mask_nip(nip: str) -> str:
    """Keep the first and last four digits (1986********1001): enough to recognise, not to reuse."""
    if len(nip) <= 8:
        return "*" * len(nip)
    return nip[:4] + "*" * (len(nip) - 8) + nip[-4:]
