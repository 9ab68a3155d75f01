"""Starting an SKP (blank, from what the penilai distributed, from last year, from a template) and editing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.audit import services as audit
from kinerja.organization import selectors as org_selectors
from kinerja.organization.choices import AssignmentKind, PositionKind
from kinerja.organization.models import Employee, Position
from kinerja.planning import permissions
from kinerja.planning.choices import Approach, FormVariant, ItemKind, WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    BehaviourValue,
    Indicator,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanTemplate,
)
from kinerja.planning.services._common import (
    bump_lock,
    check_fields,
    notify_on_commit,
    parse_number,
    record,
    require,
    work_plan_url,
)

SOURCES = ("blank", "distribution", "previous", "template")
UPDATE_FIELDS = ["approach", "resource_support", "accountability_scheme", "consequences"]
_ACTING_PREFIX = {AssignmentKind.PLT: "Plt. ", AssignmentKind.PLH: "Plh. "}


def person_identity(employee: Employee, position: Position, kind: str = AssignmentKind.DEFINITIVE) -> dict[str, str]:
    """An identity block as it prints (regulation.md §10.1): name with titles, NIP, pangkat/gol., jabatan, unit."""
    return {
        "name": employee.full_name,
        "nip": employee.nip_display,
        "rank": str(employee.rank) if employee.rank_id else "",
        "position": f"{_ACTING_PREFIX.get(kind, '')}{position.name}",
        "unit": position.unit.name,
    }


def identity_snapshot(situation: org_selectors.Situation) -> dict[str, Any]:
    """The three identity blocks frozen when the SKP is opened, so later moves do not rewrite the paper."""
    if situation.position is None:
        raise ValueError("An identity snapshot needs a position.")
    penilai, atasan = situation.pejabat_penilai, situation.atasan_pejabat_penilai
    return {
        "pegawai": person_identity(situation.employee, situation.position),
        "penilai": person_identity(penilai.employee, penilai.position, penilai.kind) if penilai else None,
        "atasan_penilai": person_identity(atasan.employee, atasan.position, atasan.kind) if atasan else None,
    }


def form_variant_for(position: Position) -> str:
    """JPT and heads of independent units (an OPD/kecamatan) use the JPT form (regulation.md §4.3)."""
    if position.kind == PositionKind.JPT or (position.is_unit_head and position.unit.is_agency):
        return FormVariant.JPT
    return FormVariant.ADMIN_FUNCTIONAL


def _default_start(employee: Employee, year: PerformanceYear) -> dt.date:
    """The later of the year's start and the start of the post the employee holds now (or at the year's end)."""
    reference = min(max(org_selectors.today(), year.start_date), year.end_date)
    assignment = org_selectors.primary_assignment(employee, reference)
    if assignment is None:
        return year.start_date
    return max(year.start_date, assignment.start_date)


def _close_for_transfer(
    actor: Any, employee: Employee, year: PerformanceYear, start: dt.date, position: Position
) -> None:
    """A mid-year transfer closes the SKP of the old post the day before the new one starts (regulation.md §3)."""
    covering = (
        WorkPlan.objects.select_for_update()
        .filter(employee=employee, year=year, start_date__lte=start, end_date__gte=start)
        .first()
    )
    if covering is None:
        return
    if covering.position_id == position.pk or covering.start_date >= start:
        raise ValidationError(
            {"employee": [_("%(name)s already has an SKP for %(year)d covering %(date)s.")
                          % {"name": employee.full_name, "year": year.year, "date": start.isoformat()}]}
        )  # fmt: skip
    before = audit.snapshot(covering, ["end_date"])
    covering.end_date = start - dt.timedelta(days=1)
    covering.save(update_fields=["end_date", "updated_at"])
    bump_lock(covering)
    reason = _("Transfer to %(position)s from %(date)s.") % {"position": position.name, "date": start.isoformat()}
    after = audit.snapshot(covering, ["end_date"])
    record(actor, "planning.work_plan.closed", covering, before=before, after=after, reason=reason)


def _end_date(employee: Employee, year: PerformanceYear, start: dt.date) -> dt.date:
    later = (
        WorkPlan.objects.filter(employee=employee, year=year, start_date__gt=start)
        .order_by("start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    return later - dt.timedelta(days=1) if later else year.end_date


def _copy_indicators(item: PlanItem, rows: list[dict[str, Any]]) -> None:
    Indicator.objects.bulk_create(
        Indicator(
            item=item,
            aspect=row.get("aspect") or "kuantitas",
            text=row.get("text", ""),
            target_min=parse_number(row.get("target_min"), "target_min"),
            target_max=parse_number(row.get("target_max"), "target_max"),
            target_unit=row.get("target_unit", "") or "",
            target_text=row.get("target_text", "") or "",
            lower_is_better=bool(row.get("lower_is_better", False)),
            order=order,
        )
        for order, row in enumerate(rows, start=1)
    )


def _fill_from_distribution(plan: WorkPlan) -> None:
    """One RHK per result distributed to the employee from their penilai's SKP of the year (matriks peran hasil)."""
    distributions = list(
        ResultDistribution.objects.filter(
            employee=plan.employee, item__work_plan__employee=plan.penilai, item__work_plan__year=plan.year
        ).select_related("item")
    )
    if plan.penilai is None or not distributions:
        raise ValidationError(
            {"source": [_("Nothing has been distributed to you from your pejabat penilai's SKP of %(year)d.")
                        % {"year": plan.year.year}]}
        )  # fmt: skip
    PlanItem.objects.bulk_create(
        PlanItem(
            work_plan=plan,
            kind=ItemKind.MAIN,
            text=d.suggested_text or d.item.text,
            supported_item=d.item,
            order=order,
        )
        for order, d in enumerate(distributions, start=1)
    )


def _fill_from_previous(plan: WorkPlan) -> None:
    """RHK and IKI of last year's approved SKP; links cleared because last year's RHK of the penilai are gone."""
    previous = (
        WorkPlan.objects.filter(employee=plan.employee, year__year=plan.year.year - 1, status=WorkPlanStatus.APPROVED)
        .order_by("-start_date")
        .first()
    )
    if previous is None:
        raise ValidationError(
            {"source": [_("There is no approved SKP of %(year)d to copy.") % {"year": plan.year.year - 1}]}
        )
    for old in previous.items.prefetch_related("indicators").order_by("kind", "order", "pk"):
        item = PlanItem.objects.create(
            work_plan=plan, kind=old.kind, text=old.text, perspective=old.perspective, order=old.order
        )
        _copy_indicators(item, [
            {"aspect": i.aspect, "text": i.text, "target_min": i.target_min, "target_max": i.target_max,
             "target_unit": i.target_unit, "target_text": i.target_text, "lower_is_better": i.lower_is_better}
            for i in old.indicators.all()
        ])  # fmt: skip


def _fill_from_template(plan: WorkPlan, template: WorkPlanTemplate | None) -> None:
    if template is None:
        raise ValidationError({"template": [_("Choose the template to start from.")]})
    for order, row in enumerate(template.items, start=1):
        kind = row.get("kind") if row.get("kind") in ItemKind.values else ItemKind.MAIN
        item = PlanItem.objects.create(work_plan=plan, kind=kind, text=row.get("text", ""), order=order)
        _copy_indicators(item, row.get("indicators") or [])


@transaction.atomic
def work_plan_start(
    *,
    actor: Any,
    employee: Employee,
    year: PerformanceYear,
    approach: str = Approach.QUANTITATIVE,
    source: str = "blank",
    template: WorkPlanTemplate | None = None,
    start_date: dt.date | None = None,
) -> WorkPlan:
    """Open an SKP for the employee's period of service in the year, with a snapshot of who assesses them."""
    require(permissions.can_start_work_plan(actor, employee))
    if year.status != YearStatus.OPEN:
        raise ValidationError({"year": [_("The performance year %(year)d is not open.") % {"year": year.year}]})
    if approach not in Approach.values:
        raise ValidationError({"approach": [_("Choose the quantitative or the qualitative approach.")]})
    if source not in SOURCES:
        raise ValidationError({"source": [_("Start from a blank SKP, the distribution, last year or a template.")]})
    start = start_date or _default_start(employee, year)
    if not year.start_date <= start <= year.end_date:
        raise ValidationError({"start_date": [_("The start date must fall within %(year)d.") % {"year": year.year}]})
    situation = org_selectors.situation_on(employee, start)
    if situation.position is None or situation.unit is None:
        raise ValidationError(
            {
                "employee": [
                    _("%(name)s holds no position on %(date)s.")
                    % {"name": employee.full_name, "date": start.isoformat()}
                ]
            }
        )
    _close_for_transfer(actor, employee, year, start, situation.position)
    penilai, atasan = situation.pejabat_penilai, situation.atasan_pejabat_penilai
    plan = WorkPlan.objects.create(
        employee=employee,
        year=year,
        start_date=start,
        end_date=_end_date(employee, year, start),
        approach=approach,
        form_variant=form_variant_for(situation.position),
        position=situation.position,
        unit=situation.unit,
        penilai=penilai.employee if penilai else None,
        penilai_position=penilai.position if penilai else None,
        atasan_penilai=atasan.employee if atasan else None,
        snapshot=identity_snapshot(situation),
    )
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(work_plan=plan, value=value) for value in BehaviourValue.objects.all()
    )
    if source == "distribution":
        _fill_from_distribution(plan)
    elif source == "previous":
        _fill_from_previous(plan)
    elif source == "template":
        _fill_from_template(plan, template)
    record(actor, "planning.work_plan.created", plan,
           after={**audit.snapshot(plan, ["start_date", "end_date", "approach", "form_variant", "position", "penilai"]),
                  "source": source})  # fmt: skip
    if actor.employee_id != employee.pk:
        notify_on_commit(employee, "planning.work_plan.created",
                         lambda: _("An SKP for %(year)d was opened for you.") % {"year": year.year},
                         url=work_plan_url(plan.pk))  # fmt: skip
    return plan


@transaction.atomic
def work_plan_update(*, actor: Any, work_plan: WorkPlan, lock_version: int | None = None, **fields: Any) -> WorkPlan:
    """Change the approach or the lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi)."""
    require(permissions.can_edit_work_plan(actor, work_plan))
    check_fields(fields, set(UPDATE_FIELDS))
    if "approach" in fields and fields["approach"] not in Approach.values:
        raise ValidationError({"approach": [_("Choose the quantitative or the qualitative approach.")]})
    before = audit.snapshot(work_plan, UPDATE_FIELDS)
    bump_lock(work_plan, lock_version)
    for name, value in fields.items():
        setattr(work_plan, name, value.strip() if isinstance(value, str) else value)
    work_plan.save(update_fields=[*fields, "updated_at"])
    after = audit.snapshot(work_plan, UPDATE_FIELDS)
    if after != before:
        record(actor, "planning.work_plan.updated", work_plan, before=before, after=after)
    return work_plan
