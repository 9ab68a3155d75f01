"""RHK (PlanItem), their indicators (IKI) and the penilai's ekspektasi khusus, with the cascade link rules."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.organization import selectors as org_selectors
from kinerja.planning import permissions
from kinerja.planning.choices import Approach, Aspect, FormVariant, ItemKind, Perspective
from kinerja.planning.models import (
    BehaviourExpectation,
    BehaviourValue,
    Indicator,
    OrganizationGoal,
    PlanItem,
    WorkPlan,
)
from kinerja.planning.services._common import bump_lock, check_fields, clean_text, parse_number, record, require

ITEM_FIELDS = ["kind", "text", "supported_item", "supported_goal", "perspective", "order"]
INDICATOR_FIELDS = [
    "aspect", "text", "target_min", "target_max", "target_unit", "target_text", "lower_is_better", "order",
]  # fmt: skip


def link_errors(
    plan: WorkPlan, kind: str, supported_item: PlanItem | None, supported_goal: OrganizationGoal | None
) -> dict[str, str]:
    """The cascade rules of an RHK (regulation.md §4.3), as {field: message}; empty when the links are right.

    Administrasi/fungsional: a main RHK intervenes an RHK of the penilai's SKP of the same year.
    JPT: a main RHK intervenes a goal of its agency's Perjanjian Kinerja, or the penilai's RHK.
    A tambahan RHK (direktif outside tugas pokok) may stand alone.
    """
    if supported_item is not None and supported_goal is not None:
        return {"supported_goal": _("An RHK supports either the supervisor's RHK or an organisation goal, not both.")}
    if supported_item is not None:
        owner_ok = plan.penilai_id is not None and supported_item.work_plan.employee_id == plan.penilai_id
        if not owner_ok or supported_item.work_plan.year_id != plan.year_id:
            return {
                "supported_item": _(
                    "Choose an RHK of the SKP of your pejabat penilai (%(penilai)s) for %(year)d."
                ) % {"penilai": (plan.snapshot.get("penilai") or {}).get("name", "—"), "year": plan.year.year}
            }  # fmt: skip
    if supported_goal is not None:
        if plan.form_variant != FormVariant.JPT:
            return {"supported_goal": _("Only the SKP of a JPT or of an agency head intervenes organisation goals.")}
        agency = org_selectors.agency_of(plan.unit)
        if supported_goal.unit_id != agency.pk or supported_goal.year_id != plan.year_id:
            return {
                "supported_goal": _("Choose a goal of %(agency)s for %(year)d.")
                % {"agency": agency.name, "year": plan.year.year}
            }
    if kind != ItemKind.MAIN or supported_item is not None or supported_goal is not None:
        return {}
    if plan.form_variant == FormVariant.JPT:
        return {
            "supported_goal": _(
                "A main RHK must name the organisation goal or the supervisor's RHK it intervenes (RHK atasan "
                "yang diintervensi)."
            )
        }
    if plan.penilai_id is not None:
        return {
            "supported_item": _(
                "A main RHK must name the RHK of your pejabat penilai that it intervenes "
                "(RHK atasan yang diintervensi)."
            )
        }
    return {}


def _clean_item(plan: WorkPlan, values: dict[str, Any]) -> dict[str, Any]:
    if values["kind"] not in ItemKind.values:
        raise ValidationError({"kind": [_("Choose main (utama) or additional (tambahan).")]})
    if values.get("perspective") not in Perspective.values:
        raise ValidationError({"perspective": [_("Choose a valid perspective.")]})
    values["text"] = clean_text(values["text"], "text")
    errors = link_errors(plan, values["kind"], values.get("supported_item"), values.get("supported_goal"))
    if errors:
        raise ValidationError({field: [message] for field, message in errors.items()})
    return values


def _item_state(item: PlanItem) -> dict[str, Any]:
    return audit.snapshot(item, ["kind", "text", "supported_item", "supported_goal", "perspective"])


@transaction.atomic
def plan_item_add(
    *,
    actor: Any,
    work_plan: WorkPlan,
    kind: str,
    text: str,
    supported_item: PlanItem | None = None,
    supported_goal: OrganizationGoal | None = None,
    perspective: str = "",
    lock_version: int | None = None,
) -> PlanItem:
    """Add an RHK, linked to what it intervenes."""
    require(permissions.can_edit_work_plan(actor, work_plan))
    values = _clean_item(
        work_plan,
        {"kind": kind, "text": text, "supported_item": supported_item, "supported_goal": supported_goal,
         "perspective": perspective or ""},
    )  # fmt: skip
    bump_lock(work_plan, lock_version)
    order = work_plan.items.filter(kind=values["kind"]).count() + 1
    item = PlanItem.objects.create(work_plan=work_plan, order=order, **values)
    record(actor, "planning.plan_item.created", work_plan, target=item, after=_item_state(item))
    return item


@transaction.atomic
def plan_item_update(*, actor: Any, item: PlanItem, lock_version: int | None = None, **fields: Any) -> PlanItem:
    """Change an RHK; the link rules apply to the result."""
    plan = item.work_plan
    require(permissions.can_edit_work_plan(actor, plan))
    check_fields(fields, set(ITEM_FIELDS))
    values = {name: getattr(item, name) for name in ITEM_FIELDS}
    values.update(fields)
    if "perspective" in fields:
        values["perspective"] = values["perspective"] or ""
    order = values.pop("order")
    values = _clean_item(plan, values)
    if values["supported_item"] is not None and values["supported_item"].pk == item.pk:
        raise ValidationError({"supported_item": [_("An RHK cannot support itself.")]})
    before = _item_state(item)
    bump_lock(plan, lock_version)
    for name, value in values.items():
        setattr(item, name, value)
    item.order = order
    item.save()
    after = _item_state(item)
    if after != before:
        record(actor, "planning.plan_item.updated", plan, target=item, before=before, after=after)
    return item


@transaction.atomic
def plan_item_delete(*, actor: Any, item: PlanItem, lock_version: int | None = None) -> None:
    """Remove an RHK with its indicators and distributions; refused while subordinates' RHK intervene it."""
    plan = item.work_plan
    require(permissions.can_edit_work_plan(actor, plan))
    supporters = item.supporting_items.count()
    if supporters:
        raise ValidationError(
            {"item": [_("%(count)d RHK of subordinates intervene this RHK; they must be relinked first.")
                      % {"count": supporters}]}
        )  # fmt: skip
    bump_lock(plan, lock_version)
    record(actor, "planning.plan_item.deleted", plan, target=item, before=_item_state(item))
    item.delete()


def _clean_indicator(approach: str, values: dict[str, Any]) -> dict[str, Any]:
    """Targets by approach (regulation.md §4.2): a number ≥ 0 with its unit, or a narrative."""
    if values["aspect"] not in Aspect.values:
        raise ValidationError({"aspect": [_("Choose quantity, quality, time or cost.")]})
    values["text"] = clean_text(values["text"], "text")
    quantitative = approach == Approach.QUANTITATIVE
    values["target_min"] = parse_number(values.get("target_min"), "target_min", required=quantitative)
    values["target_max"] = parse_number(values.get("target_max"), "target_max")
    values["target_unit"] = clean_text(values.get("target_unit"), "target_unit", required=False, max_length=40)
    values["target_text"] = clean_text(values.get("target_text"), "target_text", required=False, max_length=255)
    if values["target_max"] is not None:
        if values["target_min"] is None:
            raise ValidationError({"target_min": [_("A range needs its lower bound.")]})
        if values["target_max"] < values["target_min"]:
            raise ValidationError({"target_max": [_("The upper bound cannot be below the target.")]})
    if quantitative and not values["target_unit"]:
        raise ValidationError({"target_unit": [_("A quantitative target needs its unit of measure.")]})
    if not quantitative and not values["target_text"]:
        raise ValidationError({"target_text": [_("A qualitative indicator needs its target described in words.")]})
    values["lower_is_better"] = bool(values.get("lower_is_better"))
    return values


def indicator_errors(approach: str, indicator: Indicator) -> dict[str, list[str]]:
    """What is wrong with a stored indicator under the SKP's (possibly changed) approach."""
    values = {name: getattr(indicator, name) for name in INDICATOR_FIELDS if name != "order"}
    try:
        _clean_indicator(approach, values)
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _indicator_state(indicator: Indicator) -> dict[str, Any]:
    return audit.snapshot(indicator, [name for name in INDICATOR_FIELDS if name != "order"])


@transaction.atomic
def indicator_add(
    *,
    actor: Any,
    item: PlanItem,
    aspect: str,
    text: str,
    target_min: Any = None,
    target_max: Any = None,
    target_unit: str = "",
    target_text: str = "",
    lower_is_better: bool = False,
    lock_version: int | None = None,
) -> Indicator:
    """Add an IKI to an RHK with its aspect and target."""
    plan = item.work_plan
    require(permissions.can_edit_work_plan(actor, plan))
    values = _clean_indicator(
        plan.approach,
        {"aspect": aspect, "text": text, "target_min": target_min, "target_max": target_max,
         "target_unit": target_unit, "target_text": target_text, "lower_is_better": lower_is_better},
    )  # fmt: skip
    bump_lock(plan, lock_version)
    indicator = Indicator.objects.create(item=item, order=item.indicators.count() + 1, **values)
    record(actor, "planning.indicator.created", plan, target=indicator, after=_indicator_state(indicator))
    return indicator


@transaction.atomic
def indicator_update(*, actor: Any, indicator: Indicator, lock_version: int | None = None, **fields: Any) -> Indicator:
    plan = indicator.item.work_plan
    require(permissions.can_edit_work_plan(actor, plan))
    check_fields(fields, set(INDICATOR_FIELDS))
    values = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    values.update(fields)
    order = values.pop("order")
    values = _clean_indicator(plan.approach, values)
    before = _indicator_state(indicator)
    bump_lock(plan, lock_version)
    for name, value in values.items():
        setattr(indicator, name, value)
    indicator.order = order
    indicator.save()
    after = _indicator_state(indicator)
    if after != before:
        record(actor, "planning.indicator.updated", plan, target=indicator, before=before, after=after)
    return indicator


@transaction.atomic
def indicator_delete(*, actor: Any, indicator: Indicator, lock_version: int | None = None) -> None:
    plan = indicator.item.work_plan
    require(permissions.can_edit_work_plan(actor, plan))
    bump_lock(plan, lock_version)
    record(actor, "planning.indicator.deleted", plan, target=indicator, before=_indicator_state(indicator))
    indicator.delete()


@transaction.atomic
def behaviour_expectation_set(
    *,
    actor: Any,
    work_plan: WorkPlan,
    value: BehaviourValue,
    special_expectation: str,
    lock_version: int | None = None,
) -> BehaviourExpectation:
    """The penilai's ekspektasi khusus pimpinan for one BerAKHLAK value (may be blank; regulation.md §4.5)."""
    require(permissions.can_set_expectations(actor, work_plan))
    text = clean_text(special_expectation, "special_expectation", required=False)
    expectation, _created = BehaviourExpectation.objects.get_or_create(work_plan=work_plan, value=value)
    if expectation.special_expectation == text:
        return expectation
    before = {"value": value.code, "special_expectation": expectation.special_expectation}
    bump_lock(work_plan, lock_version)
    expectation.special_expectation = text
    expectation.save(update_fields=["special_expectation"])
    record(actor, "planning.behaviour_expectation.updated", work_plan, target=expectation, before=before,
           after={"value": value.code, "special_expectation": text})  # fmt: skip
    return expectation
