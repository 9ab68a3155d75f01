"""Performance years (Admin BKPSDM) and the list of who is late with their SKP."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions, selectors, services
from kinerja.planning.forms import YearEditForm, YearOpenForm
from kinerja.planning.views._common import PAGE_SIZE, STATUS_TONES, errors_onto
from kinerja.planning.views.cascade import _chosen_year


def _managing(request: HttpRequest) -> None:
    if not permissions.can_manage_years(request.user):
        raise PermissionDenied


@login_required
@require_GET
def years(request: HttpRequest) -> HttpResponse:
    _managing(request)
    listed = permissions.years_visible_to(request.user).prefetch_related("periods").order_by("-year")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "planning/years.html", {"page_obj": page})


@login_required
@require_http_methods(("GET", "POST"))
def year_open(request: HttpRequest) -> HttpResponse:
    _managing(request)
    form = YearOpenForm(request.POST or None, initial={"year": org_selectors.today().year})
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.year_open(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Performance year %(year)s is open.") % {"year": opened.year})
            return redirect("planning:years")
    return render(request, "planning/year_form.html", {"form": form, "year": None})


@login_required
@require_http_methods(("GET", "POST"))
def year_edit(request: HttpRequest, year: int) -> HttpResponse:
    _managing(request)
    performance_year = permissions.get_year_or_404(request.user, year=year)
    initial = {
        "status": performance_year.status,
        "skp_draft_deadline": performance_year.skp_draft_deadline,
        "skp_approval_deadline": performance_year.skp_approval_deadline,
        "appeal_window_days": performance_year.appeal_window_days,
    }
    form = YearEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = {name: value for name, value in form.cleaned_data.items() if initial.get(name) != value}
        try:
            services.year_update(actor=request.user, year=performance_year, **changed)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Performance year %(year)s saved.") % {"year": performance_year.year})
            return redirect("planning:years")
    return render(request, "planning/year_form.html", {"form": form, "year": performance_year})


@login_required
@require_GET
def late(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_late_list(request.user):
        raise PermissionDenied
    year, year_form = _chosen_year(request)
    context: dict[str, Any] = {"year": year, "year_form": year_form, "tones": STATUS_TONES, "page_obj": None}
    if year is not None:
        scopes = permissions.late_list_scopes(request.user)
        rows = selectors.late_work_plans(scopes, year, org_selectors.today())
        context["page_obj"] = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "planning/late.html", context)
