"""Reads of planning (SKP). Visibility is decided in planning/permissions.py; these declare their joins."""

from kinerja.planning.selectors.cascade import CascadeNode, CascadeTree, GoalNode, cascade, cascade_outline, goals_of
from kinerja.planning.selectors.monitoring import (
    NOT_STARTED,
    Completion,
    LateEntry,
    UnitCompletion,
    completion_per_unit,
    late_work_plans,
)
from kinerja.planning.selectors.work_plans import (
    current_work_plan,
    current_year,
    distributable_items,
    distributions_for,
    penilai_now,
    review_queue,
    work_plan_detail,
    work_plans_of,
)

__all__ = [
    "NOT_STARTED",
    "CascadeNode",
    "CascadeTree",
    "Completion",
    "GoalNode",
    "LateEntry",
    "UnitCompletion",
    "cascade",
    "cascade_outline",
    "completion_per_unit",
    "current_work_plan",
    "current_year",
    "distributable_items",
    "distributions_for",
    "goals_of",
    "late_work_plans",
    "penilai_now",
    "review_queue",
    "work_plan_detail",
    "work_plans_of",
]
