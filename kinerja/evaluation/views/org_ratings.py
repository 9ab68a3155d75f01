"""Step 1: capaian kinerja organisasi (PermenPANRB 6/2022 Ps 24; SE MenPANRB 3/2023; regulation.md §6.1, §6.4).

The leadership above a unit sets its predikat with a note; the page also teaches step 2, the allowed
distribution of employee predikat that predikat implies for the unit's people. Everyone else reads the
results of their own agency (SAKIP results are public inside the government).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from kinerja.accounts.selectors import actor_for
from kinerja.evaluation import distribution, permissions, selectors, services
from kinerja.evaluation.choices import CURVE_ORDER, OrgPredikat, Predikat
from kinerja.evaluation.exceptions import EvaluationError
from kinerja.evaluation.forms.org_ratings import OrgRatingForm
from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.views._common import errors_onto
from kinerja.organization.models import OrgUnit
from kinerja.organization.selectors import under_paths
from kinerja.planning.models import EvaluationPeriod

# --- Period choice (shared by the forum and document pages) ----------------------------------


def chosen_period(request: HttpRequest) -> EvaluationPeriod | None:
    """``?period=<pk>`` when it names a period, else the periodic period containing today."""
    wanted = request.GET.get("period", "")
    if wanted.isdigit():
        period = EvaluationPeriod.objects.select_related("year").filter(pk=wanted).first()
        if period is not None:
            return period
    return selectors.current_period()


def periods_of(period: EvaluationPeriod | None) -> list[EvaluationPeriod]:
    if period is None:
        return []
    return list(EvaluationPeriod.objects.filter(year_id=period.year_id).order_by("kind", "number"))


# --- The rule table in words (step 2) --------------------------------------------------------


def _names(predikat: list[str]) -> str:
    names = [str(Predikat(p).label) for p in Predikat.values if p in predikat]  # best first, as the checker says
    if len(names) == 1:
        return names[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def rule_text(rule: dict[str, Any]) -> str:
    """One rule of the year's table (planning.rules.DISTRIBUTION_RULES shape) as a sentence, for any unit size."""
    values = {"names": _names(rule["predikat"]), "bound": 0}
    if "max_pct" in rule:
        return _("%(names)s: at most %(bound)s%%") % {**values, "bound": rule["max_pct"]}
    if "min_pct" in rule:
        return _("%(names)s: at least %(bound)s%%") % {**values, "bound": rule["min_pct"]}
    if "min_count" in rule:
        bound = rule["min_count"]
        text = ngettext("%(names)s: at least %(bound)s person", "%(names)s: at least %(bound)s people", bound)
        return text % {**values, "bound": bound}
    bound = rule.get("max_count", 0)
    if not bound:
        return _("%(names)s: nobody") % values
    text = ngettext("%(names)s: at most %(bound)s person", "%(names)s: at most %(bound)s people", bound)
    return text % {**values, "bound": bound}


@dataclass
class CurveCell:
    label: str
    low: int
    high: int


def curve_cells(org_predikat: str, total: int, rules: dict[str, list[dict[str, Any]]]) -> list[CurveCell]:
    """People allowed per predikat (min–max) for ``total`` people, worst to best as on the official curve."""
    bounds = distribution.curve(org_predikat, total, rules)
    return [CurveCell(str(p.label), *bounds.get(p.value, (0, total))) for p in CURVE_ORDER]


# --- Pages ---------------------------------------------------------------------------------


@dataclass
class RateableUnit:
    unit: OrgUnit
    rating: OrganizationRating | None
    form: OrgRatingForm
    people: int
    rules: list[str]
    curve: list[CurveCell]


def _people_per_unit(request: HttpRequest, units: list[OrgUnit], period: EvaluationPeriod) -> dict[int, int]:
    """The population each unit's predikat shapes: evaluations in its subtree (an OPD without its head)."""
    rows = (
        permissions.evaluations_visible_to(request.user)
        .filter(period=period, is_agency_head=False)
        .filter(under_paths("unit__path", [u.path for u in units]))
        .order_by()
        .values("unit__path")
        .annotate(people=Count("pk"))
    )
    totals = {unit.pk: 0 for unit in units}
    by_path = {unit.path: unit.pk for unit in units}
    for row in rows:
        for path, pk in by_path.items():
            if row["unit__path"].startswith(path):
                totals[pk] += row["people"]
    return totals


def _rateable(
    request: HttpRequest, period: EvaluationPeriod, bound: tuple[int, OrgRatingForm] | None = None
) -> list[RateableUnit]:
    units = list(permissions.units_rateable_by(request.user).order_by("path"))
    ratings = {
        r.unit_id: r
        for r in permissions.org_ratings_visible_to(request.user)
        .filter(period=period, unit__in=units)
        .select_related("set_by__employee")
    }
    people = _people_per_unit(request, units, period) if units else {}
    rules = period.year.distribution_rules
    result = []
    for unit in units:
        rating = ratings.get(unit.pk)
        if bound and bound[0] == unit.pk:
            form = bound[1]
        else:
            initial = (
                {"predikat": rating.predikat, "note": rating.note, "lock_version": rating.lock_version}
                if rating
                else {}
            )
            form = OrgRatingForm(initial=initial, prefix=f"u{unit.pk}")
        shown = rating.predikat if rating else None
        result.append(
            RateableUnit(
                unit=unit,
                rating=rating,
                form=form,
                people=people.get(unit.pk, 0),
                rules=[rule_text(rule) for rule in rules.get(shown, [])] if shown else [],
                curve=curve_cells(shown, people.get(unit.pk, 0), rules) if shown else [],
            )
        )
    return result


def _page(
    request: HttpRequest, period: EvaluationPeriod | None, bound: tuple[int, OrgRatingForm] | None = None
) -> HttpResponse:
    context: dict[str, Any] = {"period": period, "periods": periods_of(period), "rows": [], "agency_ratings": []}
    if period is not None:
        context["rows"] = _rateable(request, period, bound)
        agency = actor_for(request.user).agency
        if agency is not None:
            context["agency"] = agency
            context["agency_ratings"] = list(
                permissions.org_ratings_visible_to(request.user)
                .filter(period=period, unit__path__startswith=agency.path)
                .select_related("unit", "set_by__employee")
                .order_by("unit__path")
            )
        rules = period.year.distribution_rules
        context["rule_table"] = [
            (label, [rule_text(r) for r in rules.get(value, [])]) for value, label in OrgPredikat.choices
        ]
        context["small_unit_size"] = settings.KINERJA_SMALL_UNIT_SIZE
    return render(request, "evaluation/org_ratings.html", context)


@login_required
@require_GET
def org_ratings(request: HttpRequest) -> HttpResponse:
    return _page(request, chosen_period(request))


@login_required
@require_POST
def set_org_rating(request: HttpRequest, unit_pk: int, period_pk: int) -> HttpResponse:
    # Being among the units the user rates is the permission (the service checks it again).
    unit = permissions.units_rateable_by(request.user).filter(pk=unit_pk).first()
    if unit is None:
        raise Http404
    period = get_object_or_404(EvaluationPeriod.objects.select_related("year"), pk=period_pk)
    form = OrgRatingForm(request.POST, prefix=f"u{unit.pk}")
    back = reverse("evaluation:org-ratings") + f"?period={period.pk}#unit-{unit.pk}"
    if form.is_valid():
        try:
            services.org_rating_set(
                actor=request.user,
                unit=unit,
                period=period,
                predikat=form.cleaned_data["predikat"],
                note=form.cleaned_data["note"],
                lock_version=form.cleaned_data["lock_version"],
            )
        except (ValidationError, EvaluationError) as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Saved the capaian kinerja organisasi of %(unit)s.") % {"unit": unit.name})
            return redirect(back)
    return _page(request, period, bound=(unit.pk, form))
