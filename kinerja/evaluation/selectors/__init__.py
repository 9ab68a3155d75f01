"""Reads of evaluation (regulation.md §6–§8). Access is the caller's job: pass records fetched through
evaluation.permissions. Split by subject; everything is importable from here."""

from kinerja.evaluation.selectors.calculator import Calculation, distribution_calculation
from kinerja.evaluation.selectors.evaluations import (
    NOT_OPENED,
    EvaluationDetail,
    TeamRow,
    current_period,
    effective_org_rating,
    evaluation_detail,
    evaluation_suggestion,
    my_evaluations,
    team_evaluations,
)
from kinerja.evaluation.selectors.forum import ForumRow, ForumView, forum_population, forum_view
from kinerja.evaluation.selectors.objections import TimelineStep, objection_timeline, objections_waiting_for

__all__ = [
    "Calculation",
    "NOT_OPENED",
    "EvaluationDetail",
    "ForumRow",
    "ForumView",
    "TeamRow",
    "TimelineStep",
    "current_period",
    "distribution_calculation",
    "effective_org_rating",
    "evaluation_detail",
    "evaluation_suggestion",
    "forum_population",
    "forum_view",
    "my_evaluations",
    "objection_timeline",
    "objections_waiting_for",
    "team_evaluations",
]
