"""The coaching report: how much continuous feedback each penilai's team received (issue 4 §4)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.monitoring import permissions, selectors
from kinerja.organization import selectors as org_selectors
from kinerja.planning import selectors as planning_selectors


@login_required
@require_GET
def feedback_report(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_feedback_report(request.user):
        raise PermissionDenied
    year = planning_selectors.current_year()
    rows: list[dict] = []
    start = end = org_selectors.today()
    if year is not None:
        start, end = year.start_date, min(year.end_date, org_selectors.today())
        if end < start:
            end = start
        rows = selectors.feedback_per_penilai(permissions.feedback_report_scopes(request.user), year.pk, start, end)
    without = sum(1 for row in rows if row["feedback"] == 0)
    context = {"year": year, "rows": rows, "start": start, "end": end, "without_feedback": without}
    return render(request, "monitoring/feedback_report.html", context)
