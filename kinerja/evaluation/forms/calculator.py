"""Input of the kalkulator distribusi predikat: an org predikat and how many people have each predikat."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.evaluation.choices import CURVE_ORDER, OrgPredikat, Predikat

MAX_PEOPLE = 5000


class CalculatorForm(forms.Form):
    org_predikat = forms.ChoiceField(label=_("Capaian kinerja organisasi"), choices=OrgPredikat.choices)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for predikat in reversed(CURVE_ORDER):
            self.fields[predikat] = forms.IntegerField(
                label=Predikat(predikat).label,
                min_value=0,
                max_value=MAX_PEOPLE,
                initial=0,
                error_messages={
                    "invalid": _("Enter a whole number of people (0 or more)."),
                    "min_value": _("Enter a whole number of people (0 or more)."),
                    "max_value": _("At most %(limit_value)s people."),
                    "required": _("Enter a whole number of people (0 or more)."),
                },
            )

    @property
    def count_fields(self) -> list[forms.BoundField]:
        return [self[p] for p in reversed(CURVE_ORDER)]

    def counts(self) -> dict[str, int]:
        return {p: self.cleaned_data[p] for p in CURVE_ORDER}
