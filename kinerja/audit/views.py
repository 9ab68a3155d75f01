"""HTML pages of the audit trail: the browser for auditors and HR admins, and one employee's trail."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from kinerja.accounts.forms import BootstrapFormMixin
from kinerja.accounts.selectors import actor_for
from kinerja.audit import selectors
from kinerja.audit.permissions import can_browse_audit_trail
from kinerja.organization import permissions as org_permissions
from kinerja.organization.forms import UnitChoiceField
from kinerja.organization.models import OrgUnit

PAGE_SIZE = 50


class EventFilterForm(BootstrapFormMixin, forms.Form):
    verb = forms.CharField(label=_("Action"), required=False, max_length=80)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    unit = UnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All units"),
        error_messages={"invalid_choice": _("Unit: choose one of the units in the list.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = org_permissions.org_units_visible_to(user).order_by("path")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("Until: the end date must be on or after the start date."))
        return cleaned


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    if not can_browse_audit_trail(request.user):
        raise PermissionDenied
    form = EventFilterForm(request.GET or None, user=request.user)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
    events = selectors.events_for_browser(request.user, **filters)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "verbs": selectors.known_verbs(request.user),
    }
    return render(request, "audit/event_list.html", context)


@login_required
@require_GET
def employee_trail(request: HttpRequest, pk: int) -> HttpResponse:
    """The trail of one person's record: for the person, and for auditors/HR admins who may see their data."""
    employee = org_permissions.get_employee_for_user_or_404(request.user, pk)
    actor = actor_for(request.user)
    is_self = actor.employee is not None and actor.employee.pk == employee.pk
    if not is_self and not (
        can_browse_audit_trail(request.user) and org_permissions.can_view_personal_data(request.user, employee)
    ):
        raise PermissionDenied
    events = selectors.employee_trail(request.user, employee)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/employee_trail.html", {"employee": employee, "page_obj": page, "is_self": is_self})
