"""Input of step 1, capaian kinerja organisasi (regulation.md §6.1). The rules live in the service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.evaluation.choices import OrgPredikat


class OrgRatingForm(BootstrapFormMixin, forms.Form):
    """The predikat of one unit for one period with the note that says why (printed on the penetapan)."""

    predikat = forms.ChoiceField(
        label=_("Capaian kinerja organisasi"),
        choices=OrgPredikat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the predikat of the unit.")},
    )
    note = forms.CharField(
        label=_("Note (why this predikat)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Write why the unit gets this predikat: it is printed on the penetapan.")},
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Radios are laid out by the template; the mixin's form-control class does not belong on them.
        self.fields["predikat"].widget.attrs["class"] = "form-check-input"
