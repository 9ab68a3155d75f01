"""Input of the calibration forum (regulation.md §7): adjustments, the fit helper's changes, minutes, the lock.

The rules (reasons required, predikat allowed, locked forum, warnings needing a justification) live in the
services; these forms only parse what the page sends.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.evaluation.choices import Predikat
from kinerja.organization.models import Employee

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_REASON_REQUIRED = _("Write the reason for the change: the employee will read it with their result.")


class AdjustForm(BootstrapFormMixin, forms.Form):
    """One person's predikat changed by the forum, with the reason the employee will read."""

    evaluation = forms.IntegerField(widget=forms.HiddenInput)
    to_predikat = forms.ChoiceField(label=_("New predikat"), choices=[("", _("Choose…")), *Predikat.choices])
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        error_messages={"required": _REASON_REQUIRED},
    )


class SuggestionForm(BootstrapFormMixin, forms.Form):
    """The fit helper's proposals the forum accepts (``<evaluation id>:<to predikat>`` each), one reason for all."""

    changes = forms.MultipleChoiceField(
        label=_("Changes"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one proposed change.")},
    )
    reason = forms.CharField(
        label=_("Reason for these changes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        error_messages={"required": _REASON_REQUIRED},
    )

    def __init__(self, *args: Any, proposals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["changes"].choices = [(self.key(p), p.name) for p in proposals]
        self.fields["changes"].widget.attrs["class"] = "form-check-input"

    @staticmethod
    def key(proposal: Any) -> str:
        return f"{proposal.evaluation_id}:{proposal.to_predikat}"

    def cleaned_changes(self) -> list[tuple[int, str]]:
        pairs = (value.split(":", 1) for value in self.cleaned_data["changes"])
        return [(int(pk), to) for pk, to in pairs]


class EmployeeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Employee) -> str:
        return f"{obj.full_name} ({obj.nip})"


class ForumUpdateForm(BootstrapFormMixin, forms.Form):
    """Who took part, when, the berita acara, and why the remaining warnings are acceptable."""

    participants = EmployeeChoices(
        label=_("Participants"),
        queryset=Employee.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘) to choose several; type in the search box to find someone."),
    )
    guests = forms.CharField(
        label=_("Other participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        help_text=_("People from outside the OPD, e.g. the BKPSDM representative: name and role, one per line."),
    )
    held_on = forms.DateField(label=_("Held on"), required=False, widget=_DATE)
    minutes = forms.CharField(
        label=_("Minutes (berita acara)"), required=False, widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    justification = forms.CharField(
        label=_("Justification for the remaining warnings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
        help_text=_("Needed before the lock when a small unit cannot meet a percentage rule."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, employees: QuerySet[Employee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = employees
        self.fields["participants"].widget.attrs["class"] += " participant-select"


class LockForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
