"""Domain exceptions of planning, mapped once to messages (HTML) and to the JSON error shape (API)."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class TransitionNotAllowed(ValidationError):
    """The SKP is not in a state that allows this step (choices.WORK_PLAN_TRANSITIONS).

    Raised as a ValidationError on the ``status`` field, so callers that handle bad input handle it too.
    """
