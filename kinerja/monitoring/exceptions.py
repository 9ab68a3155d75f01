"""Domain exceptions of monitoring, mapped once to messages (HTML) and to the JSON error shape (API)."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class EvidenceRejected(ValidationError):
    """An uploaded file failed the content, type or size check. Raised on the ``file`` field; nothing is stored."""


class PeriodLocked(ValidationError):
    """The record belongs to a period whose evaluation is published (EvaluationPeriod.locked_at): read-only."""
