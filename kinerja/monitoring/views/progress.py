"""Daily progress (progres harian): log what I did today from a phone, and download evidence.

The page is one form and my entries of the week; with htmx the form posts in place (files included) and
the panel comes back with the new entry, or with the service's messages next to the fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.selectors import actor_for
from kinerja.monitoring import permissions, selectors
from kinerja.monitoring.forms import ProgressForm
from kinerja.monitoring.services.progress import progress_add
from kinerja.monitoring.views._common import errors_onto, is_partial, uploaded_file_response
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee
from kinerja.planning import permissions as planning_permissions
from kinerja.planning.choices import WorkPlanStatus
from kinerja.planning.models import PlanItem


def loggable_items(user: Any, employee: Employee, day: dt.date) -> QuerySet[PlanItem]:
    """The RHK of my approved SKP that may still take entries: SKP running today or ended in the last month
    (an entry may be written a few days late; the service checks the exact day against the SKP dates)."""
    return (
        planning_permissions.plan_items_visible_to(user)
        .filter(
            work_plan__employee=employee,
            work_plan__status=WorkPlanStatus.APPROVED,
            work_plan__start_date__lte=day,
            work_plan__end_date__gte=day - dt.timedelta(days=31),
        )
        .select_related("work_plan")
        .order_by("-work_plan__start_date", "kind", "order", "pk")
    )


def _panel_context(request: HttpRequest, employee: Employee, form: ProgressForm, **extra: Any) -> dict[str, Any]:
    start, end = selectors.week_of(org_selectors.today())
    entries = selectors.progress_for_employee(employee, start, end)
    return {"form": form, "entries": entries, "week_start": start, "week_end": end, **extra}


@login_required
@require_http_methods(["GET", "POST"])
def today(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    employee = actor.employee
    if employee is None:
        return render(request, "monitoring/today.html", {"employee": None})
    day = org_selectors.today()
    items = loggable_items(request.user, employee, day)
    initial = {"day": day}
    form = ProgressForm(request.POST or None, request.FILES or None, items=items, initial=initial)
    saved = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = progress_add(
                actor=request.user,
                item=data["item"],
                day=data["day"],
                description=data["description"],
                link=data["link"],
                files=data["files"],
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            if not is_partial(request):
                messages.success(request, _("Progress saved."))
                return redirect("monitoring:today")
            # A fresh form for the next entry, keeping the day and the RHK (people log several in a row).
            form = ProgressForm(items=items, initial={"day": data["day"], "item": data["item"]})
    context = _panel_context(request, employee, form, saved=saved, has_items=items.exists())
    if is_partial(request):
        return render(request, "monitoring/_today_panel.html", context)
    first = items.first()
    extra = {"employee": employee, "is_supervisor": actor.is_supervisor, "plan": first.work_plan if first else None}
    return render(request, "monitoring/today.html", {**extra, **context})


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an evidence file to whoever may see it (404 for everyone else, so ids cannot be probed)."""
    evidence = permissions.get_evidence_for_user_or_404(request.user, pk)
    if not evidence.file:
        raise Http404
    return uploaded_file_response(
        evidence.file, content_type=evidence.content_type, filename=evidence.original_name or f"bukti-{evidence.pk}"
    )
