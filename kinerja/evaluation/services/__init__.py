"""Writes of evaluation. Views, API, commands and the demo seeder call only these.

Keyword-only, ``actor`` first; ValidationError {field: [message]} on bad input, PermissionDenied when not
allowed, evaluation.exceptions.StaleObject / InvalidState when the record moved on or is in the wrong state.
Each runs in one transaction, is audited, and notifies the other party after commit.
"""

from kinerja.evaluation.services.evaluations import (
    evaluation_for,
    evaluation_rate,
    evaluations_open,
    self_assessment_save,
)
from kinerja.evaluation.services.forum import (
    forum_adjust,
    forum_apply_suggestion,
    forum_lock,
    forum_open,
    forum_update,
)
from kinerja.evaluation.services.objections import objection_decide, objection_explain, objection_file
from kinerja.evaluation.services.org_ratings import org_rating_set
from kinerja.evaluation.services.publication import evaluations_publish, period_publish
from kinerja.evaluation.services.reminders import objection_reminders_send

__all__ = [
    "evaluation_for",
    "evaluation_rate",
    "evaluations_open",
    "evaluations_publish",
    "forum_adjust",
    "forum_apply_suggestion",
    "forum_lock",
    "forum_open",
    "forum_update",
    "objection_decide",
    "objection_explain",
    "objection_file",
    "objection_reminders_send",
    "org_rating_set",
    "period_publish",
    "self_assessment_save",
]
