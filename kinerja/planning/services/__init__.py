"""Writes of planning (SKP). Views, API, commands and the demo seeder call only these.

Every service takes keyword arguments with an explicit ``actor``, re-checks the rule of permissions.py,
runs in one transaction, writes an audit event and notifies the other party after commit.
"""

from kinerja.planning.services.content import work_plan_content
from kinerja.planning.services.distribution import distribution_set, template_create
from kinerja.planning.services.goals import goal_create, goal_delete, goal_update
from kinerja.planning.services.items import (
    behaviour_expectation_set,
    indicator_add,
    indicator_delete,
    indicator_update,
    plan_item_add,
    plan_item_delete,
    plan_item_update,
)
from kinerja.planning.services.work_plans import work_plan_start, work_plan_update
from kinerja.planning.services.workflow import (
    work_plan_approve,
    work_plan_return,
    work_plan_revise,
    work_plan_submit,
)
from kinerja.planning.services.years import year_open, year_update

__all__ = [
    "behaviour_expectation_set",
    "distribution_set",
    "goal_create",
    "goal_delete",
    "goal_update",
    "indicator_add",
    "indicator_delete",
    "indicator_update",
    "plan_item_add",
    "plan_item_delete",
    "plan_item_update",
    "template_create",
    "work_plan_approve",
    "work_plan_content",
    "work_plan_return",
    "work_plan_revise",
    "work_plan_start",
    "work_plan_submit",
    "work_plan_update",
    "year_open",
    "year_update",
]
