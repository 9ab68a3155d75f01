"""The kalkulator distribusi predikat (regulation.md §6.4): try any set of predikat against the year's rules."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.evaluation import permissions, selectors
from kinerja.evaluation.forms.calculator import CalculatorForm
from kinerja.planning.selectors import current_year


@login_required
@require_GET
def calculator(request: HttpRequest) -> HttpResponse:
    """A GET form, so a result can be bookmarked or sent to a colleague."""
    if not permissions.can_use_calculator(request.user):
        raise Http404
    year = current_year()
    form = CalculatorForm(request.GET or None)
    calculation = None
    if year is not None and form.is_bound and form.is_valid():
        calculation = selectors.distribution_calculation(year, form.cleaned_data["org_predikat"], form.counts())
    return render(request, "evaluation/calculator.html", {"form": form, "year": year, "calculation": calculation})
