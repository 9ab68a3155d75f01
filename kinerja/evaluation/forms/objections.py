"""Input of the keberatan pages (PP 30/2019 Ps 59; regulation.md §8): filing, the penilai's explanation and
the atasan pejabat penilai's decision. The window, the states, who may act and which texts are required are the
services' rules (their messages name the rule), so the text fields are optional here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.evaluation.choices import ObjectionOutcome, Rating
from kinerja.monitoring.forms import MultipleFileField

_TEXT = 8000


class ObjectionForm(BootstrapFormMixin, forms.Form):
    reasons = forms.CharField(
        required=False,
        label=_("Reasons for the keberatan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=_TEXT,
        help_text=_("Say which rating you disagree with and why; refer to your results and evidence."),
    )
    files = MultipleFileField(
        label=_("Supporting files (optional)"), help_text=_("PDF, photo or office document, up to 10 MB each.")
    )


class ExplanationForm(BootstrapFormMixin, forms.Form):
    explanation = forms.CharField(
        required=False,
        label=_("Explanation of the pejabat penilai"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=_TEXT,
        help_text=_("The atasan pejabat penilai reads it before deciding (PP 30/2019 Ps 59(3))."),
    )
    # Required: without it a stale page would overwrite what someone else did since (the service checks it).
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class DecisionForm(BootstrapFormMixin, forms.Form):
    """Keep the result, or change the ratings (the predikat follows from the matrix); final either way."""

    outcome = forms.ChoiceField(label=_("Decision"), choices=ObjectionOutcome.choices, widget=forms.RadioSelect)
    results_rating = forms.ChoiceField(
        label=_("Rating hasil kerja"), choices=Rating.choices, widget=forms.RadioSelect, required=False
    )
    behaviour_rating = forms.ChoiceField(
        label=_("Rating perilaku kerja"), choices=Rating.choices, widget=forms.RadioSelect, required=False
    )
    reason = forms.CharField(
        required=False,
        label=_("Reason for the decision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=_TEXT,
        help_text=_("The decision is final; the employee and the pejabat penilai will read this reason."),
    )
    # Required: without it a stale page would overwrite what someone else did since (the service checks it).
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, unit_head: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("outcome", "results_rating", "behaviour_rating"):
            self.fields[name].widget.attrs["class"] = "btn-check"
        self.fields["outcome"].required = False
        if unit_head:
            # A unit head's rating hasil kerja is the unit's capaian (PermenPANRB 6/2022 Ps 25), not the atasan's.
            self.fields["results_rating"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("outcome") != ObjectionOutcome.CHANGED or self.fields["results_rating"].disabled:
            data["results_rating"] = None
        if data.get("outcome") != ObjectionOutcome.CHANGED:
            data["behaviour_rating"] = None
        return data
