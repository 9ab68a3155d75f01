"""Input validation of the audit pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.organization import permissions as org_permissions
from kinerja.organization.forms import UnitChoiceField
from kinerja.organization.models import OrgUnit


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
