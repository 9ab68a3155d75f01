"""Input of the evaluation page: the pegawai's self-assessment and the penilai's rating.

Only parsing lives here; the rules (who, when, the matrix, a unit head's fixed rating hasil kerja, that every
rating needs a reason) are the services', whose messages say which rule was broken: the fields are therefore
optional here and marked as required for people and assistive technology.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja.core.forms import BootstrapFormMixin
from kinerja.evaluation.choices import Rating
from kinerja.planning.models import PlanItem

_TEXT = 8000
# Short labels for the compact per-RHK buttons (the full label is the button's title); "" clears a rating.
_ITEM_CHOICES = [
    ("", pgettext_lazy("rating per RHK", "Not rated")),
    (Rating.ABOVE, pgettext_lazy("rating per RHK", "Above")),
    (Rating.MEETS, pgettext_lazy("rating per RHK", "Meets")),
    (Rating.BELOW, pgettext_lazy("rating per RHK", "Below")),
]


def _radio_buttons(field: forms.Field) -> None:
    # Rendered as a Bootstrap button group (large touch targets on a phone), not as form-control inputs.
    field.widget.attrs["class"] = "btn-check"


def _service_checked(field: forms.Field) -> None:
    # The service refuses an empty value with a message naming the rule; the form lets it through to it.
    field.required = False
    field.widget.attrs["aria-required"] = "true"


class RatingForm(BootstrapFormMixin, forms.Form):
    """Rating hasil kerja and rating perilaku kerja, each with its reason (PermenPANRB 6/2022; regulation.md §6.2)."""

    results_rating = forms.ChoiceField(label=_("Rating hasil kerja"), choices=Rating.choices, widget=forms.RadioSelect)
    results_reason = forms.CharField(
        label=_("Reason for the rating hasil kerja"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=_TEXT,
        help_text=_("Say which results and which evidence led to this rating; the employee will read it."),
    )
    behaviour_rating = forms.ChoiceField(
        label=_("Rating perilaku kerja"), choices=Rating.choices, widget=forms.RadioSelect
    )
    behaviour_reason = forms.CharField(
        label=_("Reason for the rating perilaku kerja"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=_TEXT,
        help_text=_("Refer to the BerAKHLAK core values and the feedback given during the period."),
    )
    note = forms.CharField(
        label=_("Notes/recommendations (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=_TEXT,
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(
        self,
        *args: Any,
        unit_head: bool = False,
        results_fixed: str | None = None,
        items: list[PlanItem] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # An optional rating per RHK of this SKP (ItemAssessment.penilai_rating). Fields exist only for the SKP's
        # own RHK, so a posted id of another SKP's RHK is ignored.
        self.items = items or []
        for item in self.items:
            self.fields[f"item_rating_{item.pk}"] = forms.ChoiceField(
                label=item.text, choices=_ITEM_CHOICES, required=False, initial="", widget=forms.RadioSelect
            )
            _radio_buttons(self.fields[f"item_rating_{item.pk}"])
        _radio_buttons(self.fields["results_rating"])
        _radio_buttons(self.fields["behaviour_rating"])
        for name in ("results_rating", "results_reason", "behaviour_rating", "behaviour_reason"):
            _service_checked(self.fields[name])
        self.unit_head = unit_head
        self.results_fixed = results_fixed
        if unit_head:
            # A unit head's rating hasil kerja is the unit's capaian kinerja organisasi (PermenPANRB 6/2022
            # Ps 25): shown, never chosen.
            field = self.fields["results_rating"]
            field.required = False
            field.disabled = True
            field.initial = results_fixed
            # Without a reason the service writes where the rating comes from.
            self.fields["results_reason"].widget.attrs.pop("aria-required", None)

    def clean_results_rating(self) -> str:
        if self.unit_head:
            # Without a capaian organisasi yet the service refuses, naming this field.
            return self.results_fixed or ""
        return str(self.cleaned_data.get("results_rating") or "")

    def item_rows(self) -> list[tuple[PlanItem, forms.BoundField]]:
        return [(item, self[f"item_rating_{item.pk}"]) for item in self.items]

    def item_ratings(self) -> dict[int, str]:
        """The per-RHK ratings that differ from the stored ones (initial), so untouched RHK get no row."""
        changed = set(self.changed_data)
        return {
            item.pk: self.cleaned_data.get(f"item_rating_{item.pk}") or ""
            for item in self.items
            if f"item_rating_{item.pk}" in changed
        }


class SelfAssessmentForm(BootstrapFormMixin, forms.Form):
    """The pegawai's own view of the period, overall and per RHK (optional, before the penilai rates)."""

    self_assessment = forms.CharField(
        label=_("My overall self-assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=_TEXT,
        help_text=_("What went well, what did not, and why. Your pejabat penilai reads it before rating."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args: Any, items: list[PlanItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=item.text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                max_length=_TEXT,
            )

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.pk}"] for item in self.items]

    def item_texts(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"item_{item.pk}", "") for item in self.items}
