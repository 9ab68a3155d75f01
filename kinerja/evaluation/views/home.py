"""The evaluation home ("/evaluasi/"): my results, whom I must rate this period, keberatan waiting for me, and
the forum and capaian organisasi pages my roles open. A fixed number of queries whatever the team size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.selectors import actor_for
from kinerja.evaluation import permissions, selectors
from kinerja.evaluation.choices import EvaluationStatus, ObjectionStatus
from kinerja.evaluation.models import Objection
from kinerja.organization import selectors as org_selectors
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod


@dataclass(frozen=True)
class WaitingObjection:
    """A keberatan that waits for me: what I must do and by when."""

    objection: Objection
    action: str  # "explain" | "decide"
    due: Any
    overdue: bool


def periods_around(period: EvaluationPeriod | None) -> list[EvaluationPeriod]:
    """The periods of the chosen period's year, periodic ones in order and the annual one last."""
    if period is None:
        return []
    periods = EvaluationPeriod.objects.filter(year_id=period.year_id)
    return sorted(periods, key=lambda p: (p.kind == PeriodKind.ANNUAL, p.start_date, p.number))


def chosen_period(request: HttpRequest) -> EvaluationPeriod | None:
    wanted = request.GET.get("period", "")
    if wanted.isdigit():
        period = EvaluationPeriod.objects.select_related("year").filter(pk=wanted).first()
        if period is not None:
            return period
    return selectors.current_period()


def waiting_objections(user: Any) -> list[WaitingObjection]:
    today = org_selectors.today()
    rows = []
    for objection in selectors.objections_waiting_for(user):
        explain = objection.status == ObjectionStatus.FILED and permissions.can_explain_objection(user, objection)
        due = objection.explanation_due if explain else objection.decision_due
        rows.append(WaitingObjection(objection, "explain" if explain else "decide", due, due < today))
    return rows


@login_required
@require_GET
def evaluation_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    employee = actor_for(user).employee
    period = chosen_period(request)
    context: dict[str, Any] = {
        "period": period,
        "periods": periods_around(period),
        "employee": employee,
        "waiting": waiting_objections(user),
        "can_see_forums": permissions.forum_agencies_for(user).exists(),
        "rates_org": permissions.units_rateable_by(user).exists(),
        "published": EvaluationStatus.PUBLISHED,
    }
    if employee is not None:
        context["my_results"] = list(selectors.my_evaluations(employee))
        if period is not None:
            rows = selectors.team_evaluations(employee, period)
            context["team_total"] = len(rows)
            context["to_rate"] = sum(
                1 for row in rows if row.evaluation is None or row.evaluation.status == EvaluationStatus.OPEN
            )
    return render(request, "evaluation/home.html", context)
