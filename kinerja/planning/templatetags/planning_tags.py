"""Template helpers of planning: status badges, the SKP deadline sentence and the home page's SKP card."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import template

from kinerja.accounts.selectors import actor_for
from kinerja.organization import selectors as org_selectors
from kinerja.planning import selectors
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PerformanceYear

register = template.Library()

STATUS_TONES = {
    WorkPlanStatus.DRAFT: "secondary",
    WorkPlanStatus.SUBMITTED: "info",
    WorkPlanStatus.RETURNED: "warning",
    WorkPlanStatus.APPROVED: "success",
}


@dataclass(frozen=True)
class Deadline:
    """An SKP deadline seen from today: "closes on …; N days left" or "closed on …"."""

    day: dt.date
    days_left: int

    @property
    def closed(self) -> bool:
        return self.days_left < 0


def drafting_deadline(year: PerformanceYear | None, today: dt.date | None = None) -> Deadline | None:
    if year is None:
        return None
    today = today or org_selectors.today()
    return Deadline(year.skp_draft_deadline, (year.skp_draft_deadline - today).days)


@register.filter
def status_tone(status: str) -> str:
    return STATUS_TONES.get(status, "secondary")


@register.inclusion_tag("planning/_deadline.html")
def skp_deadline(year: PerformanceYear | None) -> dict[str, Any]:
    return {"deadline": drafting_deadline(year)}


@register.inclusion_tag("planning/_my_skp_card.html", takes_context=True)
def my_skp_card(context: template.Context) -> dict[str, Any]:
    """The home page's SKP card: my current SKP (or that I have none yet) and, for a penilai, what waits."""
    request = context.get("request")
    user = getattr(request, "user", None)
    actor = actor_for(user)
    employee = actor.employee
    if employee is None or not actor.positions:
        return {"show": False}
    year = selectors.current_year()
    plan = None
    if year is not None:
        plan = selectors.work_plans_of(employee).filter(year=year).first()
    waiting = selectors.review_queue(employee).count() if actor.is_supervisor else None
    return {
        "show": True,
        "year": year,
        "plan": plan,
        "deadline": drafting_deadline(year),
        "waiting": waiting,
    }


@register.filter
def status_label(code: str) -> str:
    """The display name of a stored status code (frozen version content keeps codes, not labels)."""
    return str(WorkPlanStatus(code).label) if code in WorkPlanStatus.values else code
