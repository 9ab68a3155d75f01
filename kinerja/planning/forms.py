"""Input parsing of the planning pages. Rules (links, targets, deadlines) are checked by the services."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.core.forms import BootstrapFormMixin
from kinerja.planning.choices import Approach, Aspect, ItemKind, PeriodType, Perspective, YearStatus
from kinerja.planning.models import OrganizationGoal, PerformanceYear, PlanItem, WorkPlanTemplate

SOURCES = (
    ("distribution", _("From what my pejabat penilai distributed to me")),
    ("previous", _("From my approved SKP of last year")),
    ("template", _("From a template for my position")),
    ("blank", _("Blank")),
)

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def parse_number(value: str, label: str) -> Decimal | None:
    """A target as people type it: "12", "12.5" or the Indonesian "12,5"; blank means none."""
    text = (value or "").strip().replace(" ", "")
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("%(field)s: enter a number, for example 12 or 12.5."), params={"field": label}, code="invalid"
        ) from None
    if not number.is_finite():
        raise ValidationError(_("%(field)s: enter a number, for example 12 or 12.5."), params={"field": label})
    return number


class StartForm(BootstrapFormMixin, forms.Form):
    approach = forms.ChoiceField(
        label=_("Approach (pendekatan)"), choices=Approach.choices, initial=Approach.QUANTITATIVE
    )
    source = forms.ChoiceField(label=_("Start from"), choices=SOURCES, widget=forms.RadioSelect, initial="blank")
    template = forms.ModelChoiceField(
        label=_("Template"),
        queryset=WorkPlanTemplate.objects.none(),
        required=False,
        empty_label=_("Choose a template"),
        error_messages={"invalid_choice": _("Template: choose one of the templates in the list.")},
    )

    def __init__(self, *args: Any, templates: QuerySet[WorkPlanTemplate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        # RadioSelect gets form-control from the mixin; radios are styled in the template instead.
        self.fields["source"].widget.attrs.pop("class", None)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("source") == "template" and not data.get("template"):
            self.add_error("template", _("Template: choose the template to start from."))
        return data


class ItemLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        text = getattr(obj, "text", None) or getattr(obj, "statement", "")
        code = getattr(obj, "code", "")
        return f"{code} {text}".strip() if code else str(text)


class PlanItemForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    text = forms.CharField(
        label=_("RHK (result statement)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("RHK: write the result statement.")},
    )
    supported_item = ItemLabelField(
        label=_("Supervisor's RHK it supports"),
        queryset=PlanItem.objects.none(),
        required=False,
        empty_label=_("None"),
        error_messages={"invalid_choice": _("Supervisor's RHK: choose one of the RHK in the list.")},
    )
    supported_goal = ItemLabelField(
        label=_("Organisation goal it supports"),
        queryset=OrganizationGoal.objects.none(),
        required=False,
        empty_label=_("None"),
        error_messages={"invalid_choice": _("Organisation goal: choose one of the goals in the list.")},
    )
    perspective = forms.ChoiceField(label=_("Perspective"), choices=Perspective.choices, required=False)

    def __init__(
        self,
        *args: Any,
        supervisor_items: QuerySet[PlanItem] | None,
        goals: QuerySet[OrganizationGoal] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if supervisor_items is None:
            # Nobody above (e.g. the Sekda): there is no supervisor's RHK to intervene.
            del self.fields["supported_item"]
        else:
            self.fields["supported_item"].queryset = supervisor_items
        if goals is None:
            # Only JPT forms link to goals and carry a perspective (regulation.md §4.1).
            del self.fields["supported_goal"]
            del self.fields["perspective"]
        else:
            self.fields["supported_goal"].queryset = goals


class IndicatorForm(BootstrapFormMixin, forms.Form):
    aspect = forms.ChoiceField(label=_("Aspect"), choices=Aspect.choices, initial=Aspect.QUANTITY)
    text = forms.CharField(
        label=_("Indicator (IKI)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Indicator: write the indicator.")},
    )
    target_min = forms.CharField(label=_("Target"), required=False, max_length=30)
    target_max = forms.CharField(label=_("Upper bound (for a range, optional)"), required=False, max_length=30)
    target_unit = forms.CharField(label=_("Unit of measure"), required=False, max_length=40)
    target_text = forms.CharField(label=_("Target (narrative)"), required=False, max_length=255)
    lower_is_better = forms.BooleanField(label=_("Lower is better"), required=False)

    def __init__(self, *args: Any, approach: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.approach = approach
        number_attrs = {"inputmode": "decimal", "autocomplete": "off"}
        self.fields["target_min"].widget.attrs.update(number_attrs)
        self.fields["target_max"].widget.attrs.update(number_attrs)
        if approach == Approach.QUALITATIVE:
            for name in ("target_min", "target_max", "target_unit", "lower_is_better"):
                del self.fields[name]
        else:
            del self.fields["target_text"]

    def clean_target_min(self) -> Decimal | None:
        return parse_number(self.cleaned_data.get("target_min", ""), str(_("Target")))

    def clean_target_max(self) -> Decimal | None:
        return parse_number(self.cleaned_data.get("target_max", ""), str(_("Upper bound")))

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if self.approach == Approach.QUALITATIVE:
            data.update(target_min=None, target_max=None, target_unit="", lower_is_better=False)
        else:
            data["target_text"] = ""
        return data


class LampiranForm(BootstrapFormMixin, forms.Form):
    resource_support = forms.CharField(
        label=_("Resource support"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One entry per line."),
    )  # fmt: skip
    accountability_scheme = forms.CharField(
        label=_("Accountability scheme"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One entry per line."),
    )  # fmt: skip
    consequences = forms.CharField(
        label=_("Consequences"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One entry per line."),
    )  # fmt: skip
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApproachForm(BootstrapFormMixin, forms.Form):
    approach = forms.ChoiceField(label=_("Approach (pendekatan)"), choices=Approach.choices)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReturnForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the employee"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Note: say what must change before you can approve.")},
    )


class ReviseForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Reason: say why the approved SKP must change.")},
    )


class ExpectationForm(BootstrapFormMixin, forms.Form):
    special_expectation = forms.CharField(
        label=_("Special expectation of the leader"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class GoalForm(BootstrapFormMixin, forms.Form):
    code = forms.CharField(label=_("Code"), required=False, max_length=20)
    statement = forms.CharField(
        label=_("Goal (sasaran)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Goal: write the goal statement.")},
    )


class GoalIndicatorForm(BootstrapFormMixin, forms.Form):
    text = forms.CharField(label=_("Indicator"), required=False, widget=forms.Textarea(attrs={"rows": 1}))
    target_value = forms.CharField(label=_("Target"), required=False, max_length=30)
    target_unit = forms.CharField(label=_("Unit of measure"), required=False, max_length=40)
    target_text = forms.CharField(label=_("Target (narrative)"), required=False, max_length=200)

    def clean_target_value(self) -> Decimal | None:
        return parse_number(self.cleaned_data.get("target_value", ""), str(_("Target")))


GoalIndicatorFormSet = forms.formset_factory(GoalIndicatorForm, extra=2, max_num=20)


class YearOpenForm(BootstrapFormMixin, forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2020,
        max_value=2100,
        error_messages={"required": _("Year: enter the year, for example 2026.")},
    )
    period_type = forms.ChoiceField(label=_("Evaluation periods"), choices=PeriodType.choices)
    skp_draft_deadline = forms.DateField(
        label=_("SKP drafting deadline"), required=False, widget=_DATE, help_text=_("Blank: 31 January.")
    )
    skp_approval_deadline = forms.DateField(
        label=_("SKP approval deadline"), required=False, widget=_DATE, help_text=_("Blank: 15 February.")
    )


class YearEditForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=YearStatus.choices)
    skp_draft_deadline = forms.DateField(
        label=_("SKP drafting deadline"),
        widget=_DATE,
        error_messages={"required": _("SKP drafting deadline: enter a date.")},
    )
    skp_approval_deadline = forms.DateField(
        label=_("SKP approval deadline"),
        widget=_DATE,
        error_messages={"required": _("SKP approval deadline: enter a date.")},
    )
    appeal_window_days = forms.IntegerField(label=_("Appeal window (calendar days)"), min_value=1, max_value=90)


class YearChoiceForm(forms.Form):
    year = forms.ModelChoiceField(
        label=_("Year"), queryset=PerformanceYear.objects.none(), required=False, to_field_name="year"
    )

    def __init__(self, *args: Any, years: QuerySet[PerformanceYear], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].queryset = years
        self.fields["year"].widget.attrs["class"] = "form-select form-select-sm"
