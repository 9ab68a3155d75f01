"""The home page's monitoring cards: my progress this period (pegawai) and my team at a glance (penilai).

A fixed number of queries whatever the size of the SKP or the team (the selectors promise it).
"""

from __future__ import annotations

from typing import Any

from django import template

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import selectors
from kinerja.organization import selectors as org_selectors
from kinerja.planning import selectors as planning_selectors
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod

register = template.Library()
LATEST_FEEDBACK = 2
OPEN_ACTIONS = 3


def current_period() -> EvaluationPeriod | None:
    """The periodic evaluation period of the current year that contains today."""
    year = planning_selectors.current_year()
    if year is None:
        return None
    today = org_selectors.today()
    return (
        year.periods.filter(kind=PeriodKind.PERIODIC, start_date__lte=today, end_date__gte=today)
        .order_by("start_date")
        .first()
    )


@register.inclusion_tag("monitoring/_home_cards.html", takes_context=True)
def monitoring_card(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    actor = actor_for(getattr(request, "user", None))
    employee = actor.employee
    if employee is None or not actor.positions:
        return {"show": False}
    period = current_period()
    today = org_selectors.today()
    plan = None
    if period is not None:
        plan = (
            planning_selectors.work_plans_of(employee)
            .filter(year=period.year, status=WorkPlanStatus.APPROVED, start_date__lte=today, end_date__gte=today)
            .first()
        )
    card: dict[str, Any] = {"show": True, "period": period, "plan": plan, "request": request}
    if plan is not None and period is not None:
        card["rows"] = selectors.plan_progress(plan, period)
        card["missing"] = selectors.missing_for(employee, period)
        card["feedback"] = list(selectors.feedback_for(plan)[:LATEST_FEEDBACK])
    card["open_actions"] = list(selectors.open_actions_for(employee)[:OPEN_ACTIONS])
    if actor.is_supervisor and period is not None:
        card["glance"] = selectors.team_glance(employee, period)
    return card


@register.filter
def person(user: Any) -> str:
    """A user as people know them: the employee's name, else the account's name."""
    if user is None:
        return ""
    employee = getattr(user, "employee", None)
    if employee is not None:
        return employee.full_name
    return user.get_full_name() or user.get_username()


@register.simple_tag
def target_text(indicator: Any) -> str:
    """An IKI's target as written in the SKP: "12 laporan", "4–6 bahan" or the narrative target."""
    if indicator.target_min is None:
        return indicator.target_text or "—"
    number = f"{indicator.target_min.normalize():f}"
    if indicator.target_max is not None:
        number += f"–{indicator.target_max.normalize():f}"
    return f"{number} {indicator.target_unit}".strip()
