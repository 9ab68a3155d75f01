"""Writes of monitoring. Keyword-only, ``actor`` first; ValidationError {field: [message]} on bad input,
PermissionDenied when not allowed; each in a transaction, audited, notifying the other party on commit."""

from kinerja.monitoring.services.appreciation import appreciation_give
from kinerja.monitoring.services.dialogues import dialogue_action_close, dialogue_record
from kinerja.monitoring.services.evidence import evidence_attach, evidence_delete
from kinerja.monitoring.services.feedback import feedback_give, feedback_reply
from kinerja.monitoring.services.progress import (
    progress_acknowledge,
    progress_add,
    progress_comment,
    progress_delete,
    progress_update,
)
from kinerja.monitoring.services.realization import realization_set

__all__ = [
    "appreciation_give",
    "dialogue_action_close",
    "dialogue_record",
    "evidence_attach",
    "evidence_delete",
    "feedback_give",
    "feedback_reply",
    "progress_acknowledge",
    "progress_add",
    "progress_comment",
    "progress_delete",
    "progress_update",
    "realization_set",
]
