"""Template helpers of evaluation: predikat and rating badges, and the home page's evaluation card."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from kinerja.accounts.selectors import actor_for
from kinerja.evaluation import selectors
from kinerja.evaluation.choices import EvaluationStatus, ObjectionStatus, Predikat, Rating

register = template.Library()

# Colours follow the capaian bars of monitoring: green for the best, red for the worst.
PREDIKAT_TONES = {
    Predikat.SANGAT_BAIK: "success",
    Predikat.BAIK: "primary",
    Predikat.BUTUH_PERBAIKAN: "warning",
    Predikat.KURANG: "danger",
    Predikat.SANGAT_KURANG: "danger",
}
RATING_TONES = {Rating.ABOVE: "success", Rating.MEETS: "primary", Rating.BELOW: "warning"}
STATUS_TONES = {
    EvaluationStatus.OPEN: "secondary",
    EvaluationStatus.RATED: "info",
    EvaluationStatus.PUBLISHED: "success",
    ObjectionStatus.FILED: "warning",
    ObjectionStatus.EXPLAINED: "info",
    ObjectionStatus.DECIDED: "success",
}


@register.filter
def predikat_tone(code: str) -> str:
    return PREDIKAT_TONES.get(code, "secondary")


@register.filter
def predikat_label(code: str) -> str:
    return str(Predikat(code).label) if code in Predikat.values else code


@register.filter
def rating_label(code: str) -> str:
    return str(Rating(code).label) if code in Rating.values else code


@register.filter
def evaluation_status_tone(code: str) -> str:
    return STATUS_TONES.get(code, "secondary")


@register.simple_tag
def predikat_badge(code: str, size: str = "") -> SafeString:
    """A predikat as a coloured pill ("" when there is none yet)."""
    if not code:
        return mark_safe("")  # noqa: S308 - an empty string
    css = "badge rounded-pill text-bg-{}{}".format(predikat_tone(code), " fs-6" if size == "lg" else "")
    return format_html('<span class="{}" data-testid="predikat">{}</span>', css, predikat_label(code))


@register.simple_tag
def rating_badge(code: str) -> SafeString:
    if not code:
        return mark_safe("")  # noqa: S308 - an empty string
    return format_html(
        '<span class="badge text-bg-{}" data-testid="rating">{}</span>', RATING_TONES.get(code, "secondary"),
        rating_label(code),
    )  # fmt: skip


@register.inclusion_tag("evaluation/_home_card.html", takes_context=True)
def evaluation_card(context: template.Context) -> dict[str, Any]:
    """The home page's card: my latest published result; for a penilai, how many wait to be rated."""
    request = context.get("request")
    actor = actor_for(getattr(request, "user", None))
    employee = actor.employee
    if employee is None:
        return {"show": False}
    latest = selectors.my_evaluations(employee).filter(status=EvaluationStatus.PUBLISHED).first()
    card: dict[str, Any] = {"show": True, "latest": latest, "to_rate": None}
    if actor.is_supervisor:
        period = selectors.current_period()
        if period is not None:
            rows = selectors.team_evaluations(employee, period)
            card["period"] = period
            card["to_rate"] = sum(
                1 for row in rows if row.evaluation is None or row.evaluation.status == EvaluationStatus.OPEN
            )
    card["show"] = latest is not None or bool(card["to_rate"])
    return card
