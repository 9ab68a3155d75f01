"""The canonical content of an SKP: what prints, what an approved version freezes, and what is hashed."""

from __future__ import annotations

from typing import Any

from kinerja.planning.choices import ItemKind
from kinerja.planning.models import BehaviourExpectation, PlanItem, WorkPlan, WorkPlanEvent
from kinerja.planning.services._common import decimal_text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _item(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "text": item.text,
        "perspective": item.perspective,
        "supported_item": item.supported_item.text if item.supported_item_id else None,
        "supported_goal": item.supported_goal.statement if item.supported_goal_id else None,
        "indicators": [
            {
                "aspect": indicator.aspect,
                "text": indicator.text,
                "target_min": decimal_text(indicator.target_min),
                "target_max": decimal_text(indicator.target_max),
                "target_unit": indicator.target_unit,
                "target_text": indicator.target_text,
                "lower_is_better": indicator.lower_is_better,
            }
            for indicator in item.indicators.all()
        ],
    }


def _actor_name(event: WorkPlanEvent) -> str:
    if event.actor is None:
        return ""
    return event.actor.employee.full_name if event.actor.employee_id else event.actor.get_username()


def work_plan_content(work_plan: WorkPlan) -> dict[str, Any]:
    """JSON-safe content of the SKP as it stands: identity, RHK/IKI, perilaku, lampiran and workflow history.

    Six queries whatever the size of the SKP. Keys and order are stable, because the document hash covers them.
    """
    plan = WorkPlan.objects.select_related("year").get(pk=work_plan.pk)
    items = list(
        plan.items.select_related("supported_item", "supported_goal")
        .prefetch_related("indicators")
        .order_by("kind", "order", "pk")
    )
    expectations = (
        BehaviourExpectation.objects.filter(work_plan=plan)
        .select_related("value")
        .prefetch_related("value__indicators")
        .order_by("value__order")
    )
    events = plan.events.select_related("actor__employee").order_by("created_at", "pk")
    return {
        "id": plan.pk,
        "identity": plan.snapshot,
        "year": plan.year.year,
        "start_date": plan.start_date.isoformat(),
        "end_date": plan.end_date.isoformat(),
        "approach": plan.approach,
        "form_variant": plan.form_variant,
        "version": plan.version,
        "status": plan.status,
        "items": {
            "utama": [_item(item) for item in items if item.kind == ItemKind.MAIN],
            "tambahan": [_item(item) for item in items if item.kind == ItemKind.ADDITIONAL],
        },
        "behaviour": [
            {
                "code": expectation.value.code,
                "value": expectation.value.name,
                "indicators": [indicator.text for indicator in expectation.value.indicators.all()],
                "special_expectation": expectation.special_expectation,
            }
            for expectation in expectations
        ],
        "lampiran": {
            "resource_support": _lines(plan.resource_support),
            "accountability_scheme": _lines(plan.accountability_scheme),
            "consequences": _lines(plan.consequences),
        },
        "events": [
            {
                "version": event.version,
                "from": event.from_status,
                "to": event.to_status,
                "actor": _actor_name(event),
                "note": event.note,
                "at": event.created_at.isoformat(),
            }
            for event in events
        ],
    }
