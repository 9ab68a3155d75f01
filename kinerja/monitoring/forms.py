"""Input parsing of the monitoring pages. The rules (dates, locks, file contents, numbers) live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.monitoring.choices import DialogueKind, Reaction
from kinerja.planning.models import PlanItem

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# What the phone offers to pick or shoot; the service checks the real content whatever the name says.
EVIDENCE_ACCEPT = "image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files from one ``<input type=file multiple>``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        attrs = {"accept": EVIDENCE_ACCEPT, "multiple": True}
        if kwargs.pop("capture", False):
            attrs["capture"] = "environment"
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlanItem) -> str:
        return obj.text


class ProgressForm(BootstrapFormMixin, forms.Form):
    day = forms.DateField(label=_("Date"), widget=_DATE)
    item = ItemChoiceField(label=_("RHK"), queryset=PlanItem.objects.none(), empty_label=_("Choose the RHK…"))
    description = forms.CharField(
        label=_("What did you do?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    files = MultipleFileField(
        label=_("Photo or file (optional)"),
        capture=True,
        help_text=_("Photo, PDF or office document, up to 10 MB each."),
    )
    link = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, items: QuerySet[PlanItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        if items.count() == 1:
            self.fields["item"].initial = items.first()


class RealizationForm(BootstrapFormMixin, forms.Form):
    """Realisasi of one IKI: a number for a quantitative SKP, a narrative for a qualitative one."""

    value = forms.CharField(label=_("Realisasi"), required=False, max_length=30)
    narrative = forms.CharField(
        label=_("Realisasi (narrative)"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=8000
    )
    files = MultipleFileField(label=_("Supporting files (optional)"))
    link = forms.URLField(label=_("Link to evidence (optional)"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, quantitative: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if quantitative:
            self.fields["value"].widget.attrs["inputmode"] = "decimal"
            self.fields["narrative"].label = _("Explanation (optional)")
        else:
            del self.fields["value"]


class FeedbackForm(BootstrapFormMixin, forms.Form):
    """The penilai's feedback on one RHK or one BerAKHLAK value ("item:12" / "value:3")."""

    target = forms.ChoiceField(label=_("About"))
    text = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    reaction = forms.ChoiceField(label=_("Reaction (optional)"), choices=Reaction.choices, required=False)

    def __init__(self, *args: Any, targets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets

    def target_kwargs(self) -> dict[str, int]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return {f"{kind}_id": int(pk)}


class ReplyForm(BootstrapFormMixin, forms.Form):
    text = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class CommentForm(BootstrapFormMixin, forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class EmployeeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        position = getattr(obj, "position_name", None)
        return f"{obj.full_name} — {position}" if position else obj.full_name


ACTION_OWNERS = (("employee", _("The employee")), ("leader", _("Me")))
ACTION_ROWS = 3


class DialogueForm(BootstrapFormMixin, forms.Form):
    """A dialog kinerja / coaching / mentoring / counselling session and up to three agreed actions."""

    employee = EmployeeChoiceField(label=_("With"), queryset=None, empty_label=_("Choose the employee…"))
    kind = forms.ChoiceField(label=_("Kind"), choices=DialogueKind.choices)
    held_on = forms.DateField(label=_("Date"), widget=_DATE)
    topics = forms.CharField(label=_("Topics"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    summary = forms.CharField(
        label=_("Summary (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=8000
    )

    def __init__(self, *args: Any, employees: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees
        for n in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{n}"] = forms.CharField(
                label=_("Agreed action %(n)d (optional)") % {"n": n}, required=False, max_length=2000
            )
            self.fields[f"action_{n}_owner"] = forms.ChoiceField(
                label=_("Who does action %(n)d") % {"n": n}, choices=ACTION_OWNERS, required=False
            )
            self.fields[f"action_{n}_due"] = forms.DateField(
                label=_("Due date of action %(n)d") % {"n": n}, required=False, widget=_DATE
            )
        # The mixin styled the fields that existed before; the action rows get the same classes.
        for name, field in self.fields.items():
            if name.startswith("action_"):
                field.widget.attrs["class"] = (
                    "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                )

    def actions(self, leader: Any) -> list[dict[str, Any]]:
        """The filled action rows as the service takes them (description, owner, due_date)."""
        rows = []
        for n in range(1, ACTION_ROWS + 1):
            text = self.cleaned_data.get(f"action_{n}", "")
            if not text:
                continue
            owner = leader if self.cleaned_data.get(f"action_{n}_owner") == "leader" else self.cleaned_data["employee"]
            rows.append({"description": text, "owner": owner, "due_date": self.cleaned_data.get(f"action_{n}_due")})
        return rows


class ActionCloseForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(label=_("Outcome (optional)"), required=False, max_length=4000)


class AppreciationForm(BootstrapFormMixin, forms.Form):
    recipient = EmployeeChoiceField(label=_("To"), queryset=None, empty_label=_("Choose a colleague…"))
    text = forms.CharField(label=_("What did they achieve?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(self, *args: Any, recipients: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = recipients
