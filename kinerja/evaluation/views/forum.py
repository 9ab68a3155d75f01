"""The calibration forum (forum evaluasi kinerja) of an OPD and period (product.md §3.5; regulation.md §6.4, §7).

One page shows the OPD's org predikat, the distribution against the allowed curve (chart and rule table),
the fit helper's proposals, everyone's proposed predikat with the reasons, the minutes and the lock. The
writes go through the services, which re-check the rights and the rules; the page renders in a constant
number of queries whatever the size of the OPD (selectors.forum_view).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from kinerja.evaluation import permissions, selectors, services
from kinerja.evaluation.choices import EvaluationStatus, ForumStatus, Predikat
from kinerja.evaluation.exceptions import EvaluationError
from kinerja.evaluation.forms.forum import AdjustForm, ForumUpdateForm, LockForm, SuggestionForm
from kinerja.evaluation.models import CalibrationForum, Evaluation
from kinerja.evaluation.views._common import error_text, errors_onto, is_partial
from kinerja.evaluation.views.org_ratings import chosen_period, periods_of
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Assignment, Employee, OrgUnit
from kinerja.organization.permissions import employees_visible_to
from kinerja.planning.models import EvaluationPeriod

SEVERITY_TONES = {"ok": "success", "violation": "danger", "warning": "warning"}


def viewable_agency(request: HttpRequest, agency_pk: int) -> OrgUnit:
    agency = permissions.forum_agencies_for(request.user).filter(pk=agency_pk).first()
    if agency is None or not permissions.can_view_forum(request.user, agency):
        raise Http404
    return agency


def period_or_404(period_pk: int) -> EvaluationPeriod:
    return get_object_or_404(EvaluationPeriod.objects.select_related("year"), pk=period_pk)


def _managed_forum(request: HttpRequest, pk: int) -> CalibrationForum:
    forum = permissions.get_forum_for_user_or_404(request.user, pk)
    if not permissions.can_manage_forum(request.user, forum.agency):
        raise PermissionDenied
    return forum


def forum_url(agency_id: int, period_id: int, anchor: str = "", query: str = "") -> str:
    url = reverse("evaluation:forum", args=[agency_id, period_id])
    url = f"{url}?{query}" if query else url
    return f"{url}#{anchor}" if anchor else url


def opd_employees(request: HttpRequest, agency: OrgUnit) -> QuerySet[Employee]:
    """Who may be named as a participant: the people holding a post in the OPD today."""
    in_opd = Assignment.objects.active_on(org_selectors.today()).filter(position__unit__path__startswith=agency.path)
    return employees_visible_to(request.user).filter(pk__in=in_opd.values("employee_id")).order_by("name")


def _update_form(request: HttpRequest, forum: CalibrationForum, agency: OrgUnit) -> ForumUpdateForm:
    initial = {
        "participants": [p.pk for p in forum.participants.all()],
        "guests": forum.guests,
        "held_on": forum.held_on,
        "minutes": forum.minutes,
        "justification": forum.justification,
        "lock_version": forum.lock_version,
    }
    return ForumUpdateForm(initial=initial, employees=opd_employees(request, agency))


def curve_rows(chart: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's numbers as table rows, worst to best: now, allowed (fewest–most), after the proposals."""
    rows = []
    for index, label in enumerate(chart["labels"]):
        now, low, high = chart["counts"][index], chart["min"][index], chart["max"][index]
        target = chart["target"][index] if chart.get("target") else None
        rows.append(
            {"label": label, "now": now, "low": low, "high": high, "target": target, "outside": not low <= now <= high}
        )
    return rows


def forum_context(
    request: HttpRequest,
    agency: OrgUnit,
    period: EvaluationPeriod,
    *,
    update_form: ForumUpdateForm | None = None,
    suggestion_form: SuggestionForm | None = None,
    lock_errors: list[str] | None = None,
) -> dict[str, Any]:
    user = request.user
    view = selectors.forum_view(agency, period, viewer=user)
    forum = view.forum
    is_open = forum is not None and not forum.is_locked
    can_manage = permissions.can_manage_forum(user, agency)
    editable = is_open and can_manage
    context: dict[str, Any] = {
        "agency": agency,
        "period": period,
        "view": view,
        "forum": forum,
        "is_open": is_open,
        "can_manage": can_manage,
        "can_open": forum is None and can_manage and not period.is_locked,
        "editable": editable,
        "can_lock": is_open and permissions.can_lock_forum(user, agency),
        "can_set_org_rating": permissions.can_set_org_rating(user, agency),
        "predikat_choices": Predikat.choices,
        "severity_tones": SEVERITY_TONES,
        "lock_errors": lock_errors or [],
        "rated": view.total - view.unrated,
    }
    context["periods"] = periods_of(period)
    context["curve_rows"] = curve_rows(view.chart) if view.check is not None else []
    if forum is not None:
        context["participants"] = list(forum.participants.order_by("name"))
    if editable:
        context["update_form"] = update_form or _update_form(request, forum, agency)
        context["suggestion_form"] = suggestion_form or SuggestionForm(proposals=view.proposals)
    # Every proposal is ticked until the forum untick some and the page comes back with an error.
    ticked = set(suggestion_form.data.getlist("changes")) if suggestion_form and suggestion_form.is_bound else None
    context["proposals"] = [
        {"p": p, "key": SuggestionForm.key(p), "checked": ticked is None or SuggestionForm.key(p) in ticked}
        for p in view.proposals
    ]
    return context


@login_required
@require_GET
def forum_list(request: HttpRequest) -> HttpResponse:
    """Forums the user may view for the chosen period, with their state and how many are rated."""
    period = chosen_period(request)
    rows: list[dict[str, Any]] = []
    if period is not None:
        agencies = list(permissions.forum_agencies_for(request.user).filter(is_active=True).order_by("name"))
        forums = {f.agency_id: f for f in CalibrationForum.objects.filter(period=period, agency__in=agencies)}
        ratings = {
            r.unit_id: r
            for r in permissions.org_ratings_visible_to(request.user).filter(period=period, unit__in=agencies)
        }
        done = Q(status__in=[EvaluationStatus.RATED, EvaluationStatus.PUBLISHED])
        counts = (
            {
                row["agency_id"]: row
                # The forum population (selectors.forum_population) of every agency listed, in one grouped query.
                for row in Evaluation.objects.filter(agency__in=agencies, period=period, is_agency_head=False)
                .order_by()
                .values("agency_id")
                .annotate(total=Count("pk"), rated=Count("pk", filter=done))
            }
            if agencies
            else {}
        )
        for agency in agencies:
            count = counts.get(agency.pk, {"total": 0, "rated": 0})
            rows.append(
                {
                    "agency": agency,
                    "forum": forums.get(agency.pk),
                    "org_rating": ratings.get(agency.pk),
                    "total": count["total"],
                    "rated": count["rated"],
                    "unrated": count["total"] - count["rated"],
                }
            )
    context = {"period": period, "periods": periods_of(period), "rows": rows, "locked": ForumStatus.LOCKED}
    return render(request, "evaluation/forum_list.html", context)


@login_required
@require_http_methods(("GET", "POST"))
def forum_page(request: HttpRequest, agency_pk: int, period_pk: int) -> HttpResponse:
    agency = viewable_agency(request, agency_pk)
    period = period_or_404(period_pk)
    if request.method == "POST":
        # Opening the forum opens the evaluations of the OPD's approved SKP for the period.
        if not permissions.can_manage_forum(request.user, agency):
            raise PermissionDenied
        try:
            services.forum_open(actor=request.user, agency=agency, period=period)
        except (ValidationError, EvaluationError) as error:
            messages.error(request, _message(error))
        else:
            messages.success(request, _("The forum is open."))
        return redirect(forum_url(agency.pk, period.pk))
    return render(request, "evaluation/forum.html", forum_context(request, agency, period))


def _message(error: Exception) -> str:
    return error_text(error) if isinstance(error, ValidationError) else str(error)


@login_required
@require_POST
def forum_update(request: HttpRequest, pk: int) -> HttpResponse:
    forum = _managed_forum(request, pk)
    form = ForumUpdateForm(request.POST, employees=opd_employees(request, forum.agency))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.forum_update(
                actor=request.user,
                forum=forum,
                participants=list(data["participants"]),
                guests=data["guests"],
                held_on=data["held_on"],
                minutes=data["minutes"],
                justification=data["justification"],
                lock_version=data["lock_version"],
            )
        except (ValidationError, EvaluationError) as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Saved the participants and the minutes."))
            return redirect(forum_url(forum.agency_id, forum.period_id, "minutes"))
    context = forum_context(request, forum.agency, forum.period, update_form=form)
    return render(request, "evaluation/forum.html", context)


@login_required
@require_POST
def forum_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    """One person's predikat changed with a reason; htmx puts errors next to the row's fields."""
    forum = _managed_forum(request, pk)
    form = AdjustForm(request.POST)
    wanted = request.POST.get("evaluation", "")
    evaluation = (
        permissions.evaluations_visible_to(request.user)
        .filter(pk=wanted if wanted.isdigit() else 0, agency=forum.agency_id, period=forum.period_id)
        .select_related("employee")
        .first()
    )
    if evaluation is None:
        raise Http404
    anchor = f"person-{evaluation.pk}"
    if form.is_valid():
        try:
            adjustment = services.forum_adjust(
                actor=request.user,
                forum=forum,
                evaluation=evaluation,
                to_predikat=form.cleaned_data["to_predikat"],
                reason=form.cleaned_data["reason"],
            )
        except (ValidationError, EvaluationError) as error:
            errors_onto(form, error)
        else:
            messages.success(
                request,
                _("Changed the predikat of %(name)s to %(predikat)s.")
                % {"name": evaluation.employee.full_name, "predikat": Predikat(form.cleaned_data["to_predikat"]).label},
            )
            # The counts, the chart and the proposals all move: the whole page is shown again. The query names
            # the new adjustment, so the address differs from the current one even when only the #anchor would
            # (a browser only scrolls when told to go to the same address with another fragment).
            target = forum_url(forum.agency_id, forum.period_id, anchor, query=f"penyesuaian={adjustment.pk}")
            return HttpResponseClientRedirect(target) if is_partial(request) else redirect(target)
    if is_partial(request):
        context = {
            "forum": forum,
            "ev_pk": evaluation.pk,
            "form": form,
            "predikat_choices": Predikat.choices,
            "open": True,
        }
        return render(request, "evaluation/forum_adjust_form.html", context)
    messages.error(request, f"{evaluation.employee.full_name}: {' '.join(_form_messages(form))}")
    return redirect(forum_url(forum.agency_id, forum.period_id, anchor))


def _form_messages(form: Any) -> list[str]:
    return [str(message) for messages_ in form.errors.values() for message in messages_]


@login_required
@require_POST
def forum_apply_suggestion(request: HttpRequest, pk: int) -> HttpResponse:
    """The forum accepts some or all of the fit helper's proposals, with one reason the employees will read."""
    forum = _managed_forum(request, pk)
    view = selectors.forum_view(forum.agency, forum.period, viewer=request.user)
    form = SuggestionForm(request.POST, proposals=view.proposals)
    if form.is_valid():
        changes = form.cleaned_changes()
        try:
            services.forum_apply_suggestion(
                actor=request.user, forum=forum, changes=changes, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, EvaluationError) as error:
            errors_onto(form, error)
        else:
            count = len(changes)
            messages.success(
                request,
                ngettext("Applied %(count)s proposed change.", "Applied %(count)s proposed changes.", count)
                % {"count": count},
            )
            return redirect(forum_url(forum.agency_id, forum.period_id, "distribution"))
    context = forum_context(request, forum.agency, forum.period, suggestion_form=form)
    return render(request, "evaluation/forum.html", context)


def _with_lock_errors(request: HttpRequest, forum: CalibrationForum, error: ValidationError) -> ForumUpdateForm | None:
    """The minutes form with the lock's complaints about the minutes or the justification next to those fields."""
    named = {f: m for f, m in getattr(error, "error_dict", {}).items() if f in ("minutes", "justification")}
    if not named or forum.is_locked:
        return None
    form = _update_form(request, forum, forum.agency)
    form.cleaned_data = {}  # an unbound form: add_error needs somewhere to drop the field's value from
    for field in named:
        for message in error.message_dict[field]:
            form.add_error(field, message)
    return form


@login_required
@require_POST
def forum_lock(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock = publication of the final predikat to the whole forum population (regulation.md §7)."""
    forum = permissions.get_forum_for_user_or_404(request.user, pk)
    if not permissions.can_lock_forum(request.user, forum.agency):
        raise PermissionDenied
    form = LockForm(request.POST)
    problems: list[str] = []
    update_form = None
    if not form.is_valid():
        problems = _form_messages(form)
    else:
        try:
            services.forum_lock(actor=request.user, forum=forum, lock_version=form.cleaned_data["lock_version"])
        except ValidationError as error:
            problems = error.messages
            update_form = _with_lock_errors(request, forum, error)
        except EvaluationError as error:
            problems = [str(error)]
        else:
            messages.success(request, _("The forum is locked and the predikat are published to the employees."))
            return redirect(forum_url(forum.agency_id, forum.period_id))
    context = forum_context(request, forum.agency, forum.period, lock_errors=problems, update_form=update_form)
    return render(request, "evaluation/forum.html", context)
