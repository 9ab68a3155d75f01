"""Matriks peran hasil: a supervisor hands their RHK to the subordinates who carry it; SKP templates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.organization import selectors as org_selectors
from kinerja.organization.models import Employee, Position
from kinerja.planning import permissions
from kinerja.planning.choices import Aspect, ItemKind
from kinerja.planning.models import PlanItem, ResultDistribution, WorkPlanTemplate
from kinerja.planning.services._common import (
    clean_text,
    decimal_text,
    notify_on_commit,
    page_url,
    parse_number,
    record,
    require,
)


@transaction.atomic
def distribution_set(
    *, actor: Any, item: PlanItem, employees: list[Employee], suggested_text: str = ""
) -> list[ResultDistribution]:
    """Make the listed subordinates the carriers of the RHK (regulation.md §4.3, Matriks Peran Hasil).

    Missing ones are added (with ``suggested_text``; a non-blank text also replaces that of those kept),
    unlisted ones removed, except someone whose SKP already intervenes this RHK.
    """
    require(permissions.can_distribute_item(actor, item))
    plan = item.work_plan
    suggested_text = clean_text(suggested_text, "suggested_text", required=False)
    wanted = {employee.pk: employee for employee in employees}
    team = set(org_selectors.team_members(plan.employee).values_list("pk", flat=True))
    outsiders = [employee.full_name for pk, employee in wanted.items() if pk not in team]
    if outsiders:
        raise ValidationError(
            {"employees": [_("Not in your team: %(names)s. An RHK is distributed to your direct subordinates.")
                           % {"names": ", ".join(sorted(outsiders))}]}
        )  # fmt: skip
    existing = {d.employee_id: d for d in item.distributions.select_related("employee")}
    removed = [d for pk, d in existing.items() if pk not in wanted]
    carrying = set(
        PlanItem.objects.filter(
            supported_item=item, work_plan__employee__in=[d.employee_id for d in removed]
        ).values_list("work_plan__employee_id", flat=True)
    )
    if carrying:
        names = sorted(d.employee.full_name for d in removed if d.employee_id in carrying)
        raise ValidationError(
            {"employees": [_("The SKP of %(names)s already intervenes this RHK; it cannot be taken back.")
                           % {"names": ", ".join(names)}]}
        )  # fmt: skip
    before = sorted(existing)
    ResultDistribution.objects.filter(pk__in=[d.pk for d in removed]).delete()
    added = [pk for pk in wanted if pk not in existing]
    ResultDistribution.objects.bulk_create(
        ResultDistribution(item=item, employee=wanted[pk], suggested_text=suggested_text, created_by=actor)
        for pk in added
    )
    if suggested_text:
        item.distributions.filter(employee_id__in=list(wanted)).exclude(suggested_text=suggested_text).update(
            suggested_text=suggested_text
        )
    after = sorted(wanted)
    if before != after or (suggested_text and added != after):
        record(actor, "planning.result_distribution.updated", plan, target=item,
               before={"employees": before}, after={"employees": after, "suggested_text": suggested_text})  # fmt: skip
    owner = plan.employee.full_name
    for pk in added:
        notify_on_commit(
            wanted[pk],
            "planning.result_distribution.created",
            lambda: _("%(name)s distributed an RHK to you: %(rhk)s") % {"name": owner, "rhk": item.text[:120]},
            url=page_url("planning:plan-start"),
        )
    return list(item.distributions.filter(employee_id__in=list(wanted)).select_related("employee"))


def _clean_template_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not items:
        raise ValidationError({"items": [_("A template needs at least one RHK.")]})
    cleaned = []
    for number, row in enumerate(items, start=1):
        kind = row.get("kind") or ItemKind.MAIN
        text = str(row.get("text") or "").strip()
        if kind not in ItemKind.values or not text:
            raise ValidationError({"items": [_("RHK %(n)d: give its kind and text.") % {"n": number}]})
        indicators = []
        for order, indicator in enumerate(row.get("indicators") or [], start=1):
            aspect = indicator.get("aspect") or Aspect.QUANTITY
            indicator_text = str(indicator.get("text") or "").strip()
            if aspect not in Aspect.values or not indicator_text:
                raise ValidationError(
                    {"items": [_("RHK %(n)d, IKI %(m)d: give its aspect and text.") % {"n": number, "m": order}]}
                )
            try:
                target_min = parse_number(indicator.get("target_min"), "target_min")
                target_max = parse_number(indicator.get("target_max"), "target_max")
            except ValidationError as exc:
                raise ValidationError(
                    {"items": [_("RHK %(n)d, IKI %(m)d: the target is not a number.") % {"n": number, "m": order}]}
                ) from exc
            indicators.append({
                "aspect": aspect, "text": indicator_text, "target_min": decimal_text(target_min),
                "target_max": decimal_text(target_max), "target_unit": str(indicator.get("target_unit") or "").strip(),
                "target_text": str(indicator.get("target_text") or "").strip(),
                "lower_is_better": bool(indicator.get("lower_is_better")),
            })  # fmt: skip
        cleaned.append({"kind": kind, "text": text, "indicators": indicators})
    return cleaned


@transaction.atomic
def template_create(
    *, actor: Any, name: str, position: Position | None = None, items: list[dict[str, Any]]
) -> WorkPlanTemplate:
    """A set of RHK and IKI for many holders of one position (e.g. pelaksana) to start their SKP from.

    Those who manage an agency's goals manage the templates of its positions; city-wide templates are BKPSDM's.
    """
    if position is not None:
        require(permissions.can_manage_goals(actor, org_selectors.agency_of(position.unit)))
    else:
        require(permissions.can_manage_years(actor))
    name = clean_text(name, "name", max_length=200)
    template = WorkPlanTemplate.objects.create(
        name=name, position=position, items=_clean_template_items(items), created_by=actor
    )
    audit.record(
        actor=actor,
        verb="planning.work_plan_template.created",
        target=template,
        org_unit=position.unit if position else None,
        after={"name": name, "position": position.pk if position else None, "items": template.items},
    )
    return template
