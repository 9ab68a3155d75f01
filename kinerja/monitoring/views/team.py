"""The penilai's side of daily progress: the team's entries by day and a week view, acknowledge and comment
inline (htmx replaces the one entry), one entry's page (the link of notifications), and the month calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import permissions, selectors
from kinerja.monitoring.forms import CommentForm
from kinerja.monitoring.models import ProgressEntry
from kinerja.monitoring.services.progress import progress_acknowledge, progress_comment
from kinerja.monitoring.views._common import error_text, is_partial
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions as planning_permissions


def _day_param(request: HttpRequest, name: str = "day") -> dt.date:
    today = org_selectors.today()
    day = parse_date(request.GET.get(name, "") or "") if request.GET.get(name) else None
    # A date in the future has nothing to show; the picker stops at today.
    return min(day, today) if day else today


def entry_context(request: HttpRequest, entry: ProgressEntry, **extra: Any) -> dict[str, Any]:
    user = request.user
    return {
        "entry": entry,
        "can_acknowledge": entry.acknowledged_at is None and permissions.can_acknowledge_progress(user, entry),
        "can_comment": permissions.can_comment_progress(user, entry),
        "show_employee": True,
        **extra,
    }


def _entry_reply(request: HttpRequest, entry: ProgressEntry) -> HttpResponse:
    """The refreshed entry for htmx; otherwise back to where the person came from (the entry's page)."""
    if is_partial(request):
        entry = permissions.get_progress_for_user_or_404(request.user, entry.pk)
        return render(request, "monitoring/_entry_actions.html", entry_context(request, entry))
    return redirect(request.POST.get("next") or reverse("monitoring:progress-detail", args=[entry.pk]))


@login_required
@require_GET
def progress_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_progress_for_user_or_404(request.user, pk)
    return render(request, "monitoring/progress_detail.html", entry_context(request, entry))


@login_required
@require_POST
def progress_ack(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_progress_for_user_or_404(request.user, pk)
    if not permissions.can_acknowledge_progress(request.user, entry):
        raise PermissionDenied
    progress_acknowledge(actor=request.user, entry=entry)
    return _entry_reply(request, entry)


@login_required
@require_POST
def progress_comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    entry = permissions.get_progress_for_user_or_404(request.user, pk)
    if not permissions.can_comment_progress(request.user, entry):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            progress_comment(actor=request.user, entry=entry, text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, error_text(error))
    elif is_partial(request):
        context = entry_context(request, entry, comment_error=form.errors["text"][0])
        return render(request, "monitoring/_entry_actions.html", context)
    else:
        messages.error(request, " ".join(str(e) for e in form.errors.get("text", [])))
    return _entry_reply(request, entry)


@login_required
@require_GET
def team(request: HttpRequest) -> HttpResponse:
    """The penilai's desk: everyone's entries of one day (prev/next, date picker) and who logged this week."""
    supervisor = actor_for(request.user).employee
    day = _day_param(request)
    context: dict[str, Any] = {
        "day": day,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1) if day < org_selectors.today() else None,
        "today": org_selectors.today(),
    }
    if supervisor is not None:
        start, end = selectors.week_of(day)
        week = selectors.team_progress_by_day(supervisor, start, end)
        # The day is part of its week: one read of the team and its entries serves both.
        context["by_day"] = [
            selectors.MemberProgress(member=row.member, days={day: row.days[day]} if day in row.days else {})
            for row in week
        ]
        context["week"] = week
        context["week_days"] = selectors.working_days(start, end)
    return render(request, "monitoring/team.html", context)


def _month_param(request: HttpRequest) -> dt.date:
    text = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in text.split("-", 1))
        return dt.date(year, month, 1)
    except (ValueError, TypeError):
        return org_selectors.today().replace(day=1)


def _shift_month(month: dt.date, step: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + step
    return dt.date(index // 12, index % 12 + 1, 1)


@login_required
@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    """A month of my progress (or, with ``?employee=``, of someone whose SKP I may see): gaps highlighted."""
    employee = actor_for(request.user).employee
    wanted = request.GET.get("employee", "")
    if wanted and (employee is None or wanted != str(employee.pk)):
        # Someone else's month: only for whoever sees their SKP (the penilai, superiors, scoped roles).
        plan = (
            planning_permissions.work_plans_visible_to(request.user)
            .filter(employee_id=wanted if wanted.isdigit() else 0)
            .select_related("employee")
            .first()
        )
        if plan is None:
            raise Http404
        employee = plan.employee
    month = _month_param(request)
    context: dict[str, Any] = {
        "subject": employee,
        "month": month,
        "previous_month": _shift_month(month, -1),
        "next_month": _shift_month(month, 1),
        "employee_param": wanted,
        "today": org_selectors.today(),
    }
    if employee is not None:
        weeks = selectors.progress_calendar(employee, month)
        context["weeks"] = weeks
        context["gaps"] = sum(1 for week in weeks for day in week if day.is_gap)
    return render(request, "monitoring/calendar.html", context)
