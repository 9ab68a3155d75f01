"""Domain exceptions of evaluation, mapped once to messages (HTML) and to the JSON error shape (API).

Bad input is a django ValidationError {field: [message]} and a missing right is PermissionDenied; these two are
the other ways a write can be refused, each carrying one translated sentence that says what to do.
"""

from __future__ import annotations


class EvaluationError(Exception):
    """A refused write with one user-facing message (already translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = str(message)

    def __str__(self) -> str:
        return self.message


class StaleObject(EvaluationError):
    """Someone else changed the record after the actor read it (its lock_version moved on): reload and redo."""


class InvalidState(EvaluationError):
    """The record is not in a state that allows this step (published, locked, decided, window closed…)."""
