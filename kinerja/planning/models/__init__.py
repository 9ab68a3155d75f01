"""Planning models (SKP): performance years, organisation goals, work plans and their parts."""

from kinerja.planning.models.behaviour import BehaviourIndicator, BehaviourValue
from kinerja.planning.models.goals import GoalIndicator, OrganizationGoal
from kinerja.planning.models.work_plans import (
    BehaviourExpectation,
    Indicator,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
    WorkPlanTemplate,
    WorkPlanVersion,
)
from kinerja.planning.models.years import EvaluationPeriod, PerformanceYear

__all__ = [
    "BehaviourExpectation",
    "BehaviourIndicator",
    "BehaviourValue",
    "EvaluationPeriod",
    "GoalIndicator",
    "Indicator",
    "OrganizationGoal",
    "PerformanceYear",
    "PlanItem",
    "ResultDistribution",
    "WorkPlan",
    "WorkPlanEvent",
    "WorkPlanTemplate",
    "WorkPlanVersion",
]
