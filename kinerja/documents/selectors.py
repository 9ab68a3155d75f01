"""Reads of issued documents, for the public verification page."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Model

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
    recompute = _live_content(document)
    if recompute is not None:
        return _verify_live(document, recompute)
    return Verification(document, RecordState.MISSING, None)


def _live_content(document: IssuedDocument) -> tuple[type[Model], Callable[[Any], dict[str, Any]]] | None:
    """For documents printed from a live record (the evaluation documents): the model and its content function.

    Imported here, not at the top: the content modules import the evaluation app, which loads after this one.
    """
    from kinerja.documents import evaluation_content, forum_document, org_rating_document
    from kinerja.evaluation.models import CalibrationForum, Evaluation, OrganizationRating

    table: dict[str, tuple[type[Model], Callable[[Any], dict[str, Any]]]] = {
        DocumentKind.EVALUATION: (Evaluation, evaluation_content.evaluation_content),
        DocumentKind.EVALUATION_DOCUMENT: (Evaluation, evaluation_content.evaluation_document_content),
        DocumentKind.ORG_RATING: (OrganizationRating, org_rating_document.org_rating_content),
        DocumentKind.FORUM_MINUTES: (CalibrationForum, forum_document.forum_content),
    }
    entry = table.get(document.kind)
    if entry is None or document.target_type != entry[0]._meta.label_lower:
        return None
    return entry


def _verify_live(document: IssuedDocument, entry: tuple[type[Model], Callable[[Any], dict[str, Any]]]) -> Verification:
    """Recompute the printed content from the record as it is now: a keberatan decided since makes it "changed"."""
    model, content_of = entry
    record = model._default_manager.filter(pk=document.target_id).first()
    if record is None:
        return Verification(document, RecordState.MISSING, None)
    same = content_hash(content_of(record)) == document.content_hash
    return Verification(document, RecordState.UNCHANGED if same else RecordState.CHANGED, None)


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
