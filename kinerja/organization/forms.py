"""Input validation of the organisation pages: the directory's search and filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.organization import permissions
from kinerja.organization.models import OrgUnit

_EM_SPACE = "\u2003"


class UnitChoiceField(forms.ModelChoiceField):
    """Units indented by depth, so the select reads like the tree."""

    def label_from_instance(self, obj: OrgUnit) -> str:
        return _EM_SPACE * obj.depth + obj.name


class EmployeeFilterForm(BootstrapFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Name or NIP"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"placeholder": _("Type a name or NIP"), "autocomplete": "off"}),
    )
    unit = UnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All units"),
        error_messages={"invalid_choice": _("Unit: choose one of the units in the list.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = permissions.org_units_visible_to(user).filter(is_active=True).only("pk", "name", "depth", "path")
        self.fields["unit"].queryset = units.order_by("path")
