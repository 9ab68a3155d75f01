"""Organisation goals (sasaran of the Perjanjian Kinerja): the roots of cascading (regulation.md §4.3)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.organization.models import OrgUnit
from kinerja.planning import permissions
from kinerja.planning.choices import YearStatus
from kinerja.planning.models import GoalIndicator, OrganizationGoal, PerformanceYear
from kinerja.planning.services._common import clean_text, decimal_text, parse_number, require

INDICATOR_KEYS = {"text", "target_value", "target_unit", "target_text"}


def _clean_indicators(indicators: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every indicator needs its text and an annual target (a number with its unit, or a narrative)."""
    if not indicators:
        raise ValidationError({"indicators": [_("Add at least one indicator with its annual target.")]})
    cleaned = []
    for number, row in enumerate(indicators, start=1):
        unknown = sorted(set(row) - INDICATOR_KEYS)
        if unknown:
            raise ValidationError(
                {"indicators": [_("Indicator %(n)d: unknown field %(field)s.") % {"n": number, "field": unknown[0]}]}
            )
        try:
            text = clean_text(row.get("text"), "text")
            value = parse_number(row.get("target_value"), "target_value")
            unit = clean_text(row.get("target_unit"), "target_unit", required=False, max_length=40)
            target_text = clean_text(row.get("target_text"), "target_text", required=False, max_length=200)
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()))
            raise ValidationError(
                {
                    "indicators": [
                        _("Indicator %(n)d, %(field)s: %(error)s") % {"n": number, "field": field, "error": messages[0]}
                    ]
                }
            ) from exc
        if value is None and not target_text:
            raise ValidationError(
                {"indicators": [_("Indicator %(n)d: give the target as a number or as a narrative.") % {"n": number}]}
            )
        if value is not None and not unit:
            raise ValidationError(
                {"indicators": [_("Indicator %(n)d: a numeric target needs its unit of measure.") % {"n": number}]}
            )
        cleaned.append({"text": text, "target_value": value, "target_unit": unit, "target_text": target_text})
    return cleaned


def _write_indicators(goal: OrganizationGoal, indicators: list[dict[str, Any]]) -> None:
    GoalIndicator.objects.bulk_create(
        GoalIndicator(goal=goal, order=order, **row) for order, row in enumerate(indicators, start=1)
    )


def _goal_state(goal: OrganizationGoal) -> dict[str, Any]:
    return {
        "code": goal.code,
        "statement": goal.statement,
        "indicators": [
            {
                "text": i.text,
                "target_value": decimal_text(i.target_value),
                "target_unit": i.target_unit,
                "target_text": i.target_text,
            }
            for i in goal.indicators.order_by("order", "pk")
        ],
    }


def _check_year(year: PerformanceYear) -> None:
    if year.status == YearStatus.CLOSED:
        raise ValidationError({"year": [_("The performance year %(year)d is closed.") % {"year": year.year}]})


@transaction.atomic
def goal_create(
    *,
    actor: Any,
    year: PerformanceYear,
    unit: OrgUnit,
    statement: str,
    code: str = "",
    indicators: list[dict[str, Any]],
) -> OrganizationGoal:
    """Add a sasaran of an agency's Perjanjian Kinerja with its indicators and annual targets."""
    require(permissions.can_manage_goals(actor, unit))
    _check_year(year)
    if not unit.is_agency:
        raise ValidationError(
            {"unit": [_("Organisation goals belong to an agency (OPD, kecamatan or secretariat), not to %(unit)s.")
                      % {"unit": unit.name}]}
        )  # fmt: skip
    statement = clean_text(statement, "statement")
    code = clean_text(code, "code", required=False, max_length=20)
    cleaned = _clean_indicators(indicators)
    order = OrganizationGoal.objects.filter(year=year, unit=unit).count() + 1
    goal = OrganizationGoal.objects.create(year=year, unit=unit, code=code, statement=statement, order=order)
    _write_indicators(goal, cleaned)
    audit.record(actor=actor, verb="planning.goal.created", target=goal, org_unit=unit, after=_goal_state(goal))
    return goal


@transaction.atomic
def goal_update(
    *, actor: Any, goal: OrganizationGoal, statement: str, code: str = "", indicators: list[dict[str, Any]]
) -> OrganizationGoal:
    """Rewrite a goal and replace its indicators; the RHK that support it keep their link."""
    require(permissions.can_manage_goals(actor, goal.unit))
    _check_year(goal.year)
    before = _goal_state(goal)
    goal.statement = clean_text(statement, "statement")
    goal.code = clean_text(code, "code", required=False, max_length=20)
    cleaned = _clean_indicators(indicators)
    goal.save(update_fields=["statement", "code"])
    goal.indicators.all().delete()
    _write_indicators(goal, cleaned)
    after = _goal_state(goal)
    if after != before:
        audit.record(
            actor=actor, verb="planning.goal.updated", target=goal, org_unit=goal.unit, before=before, after=after
        )
    return goal


@transaction.atomic
def goal_delete(*, actor: Any, goal: OrganizationGoal) -> None:
    """Remove a goal nobody's SKP supports yet; once RHK intervene it, the cascade would break."""
    require(permissions.can_manage_goals(actor, goal.unit))
    _check_year(goal.year)
    supporters = goal.supporting_items.count()
    if supporters:
        raise ValidationError(
            {
                "goal": [
                    _("%(count)d RHK support this goal; link them elsewhere before deleting it.")
                    % {"count": supporters}
                ]
            }
        )
    audit.record(actor=actor, verb="planning.goal.deleted", target=goal, org_unit=goal.unit, before=_goal_state(goal))
    goal.delete()
