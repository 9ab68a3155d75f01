"""Rows of the demo SKPs, held in memory until bulk insertion: plans, RHK, IKI, perilaku, workflow and versions.

Version content has exactly the shape of planning.services.work_plan_content (built here from memory rather
than with six queries per SKP), so a demo document's hash verifies like one made through the services.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection

from kinerja.accounts.models import User
from kinerja.demo import goals as texts
from kinerja.organization.models import Employee
from kinerja.planning.choices import Approach, FormVariant, ItemKind, WorkPlanStatus
from kinerja.planning.models import (
    BehaviourExpectation,
    BehaviourValue,
    Indicator,
    OrganizationGoal,
    PerformanceYear,
    PlanItem,
    ResultDistribution,
    WorkPlan,
    WorkPlanEvent,
    WorkPlanVersion,
)
from kinerja.planning.services._common import decimal_text

BATCH_SIZE = 500
QUALITATIVE_SHARE = 0.08
REVISED, REVISING = "revised", "revising"


@dataclass
class Story:
    """The workflow an SKP went through; ``state`` is a WorkPlanStatus or REVISED/REVISING."""

    owner: User
    approver: User
    state: str
    created: dt.datetime
    submitted: dt.datetime
    decided: dt.datetime
    note: str = ""
    revised: dt.datetime | None = None
    resubmitted: dt.datetime | None = None
    redecided: dt.datetime | None = None


@dataclass(eq=False)
class Target:
    """An IKI row before insertion (plain data: model instances cost more than the rest of the seeding)."""

    aspect: str
    text: str
    lower_is_better: bool
    order: int
    target_min: Decimal | None = None
    target_max: Decimal | None = None
    target_unit: str = ""
    target_text: str = ""


@dataclass(eq=False)
class Step:
    """A WorkPlanEvent row before insertion."""

    version: int
    from_status: str
    to_status: str
    actor: User
    created_at: dt.datetime
    note: str = ""


@dataclass(eq=False)
class Expectation:
    value: BehaviourValue
    special_expectation: str = ""


@dataclass(eq=False)
class PlanDraft:
    plan: WorkPlan
    owner: User
    items: list[PlanItem] = field(default_factory=list)
    indicators: dict[int, list[Target]] = field(default_factory=dict)  # id(item) → IKI
    expectations: list[Expectation] = field(default_factory=list)
    events: list[Step] = field(default_factory=list)
    story: Story | None = None
    updated: dt.datetime | None = None  # bulk_create stamps auto_now fields, so the story's time is kept here


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _actor_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.employee.full_name if user.employee_id else user.get_username()


class PlanRows:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drafts: list[PlanDraft] = []
        self.distributions: dict[tuple[int, int], ResultDistribution] = {}
        self.values: list[BehaviourValue] = []
        self.value_indicators: dict[int, list[str]] = {}

    def load_reference(self) -> None:
        self.values = list(BehaviourValue.objects.prefetch_related("indicators").order_by("order"))
        self.value_indicators = {v.pk: [i.text for i in v.indicators.all()] for v in self.values}

    @staticmethod
    def number(value: float) -> Decimal:
        return Decimal(str(value)).quantize(Decimal("0.01"))

    # --- building -----------------------------------------------------------------
    def plan(self, person: Any, year: PerformanceYear, day: dt.date, form: str, snapshot: dict[str, Any],
             penilai: Any, atasan: Any) -> PlanDraft:  # fmt: skip
        position = person.slot.position
        qualitative = form != FormVariant.JPT and self.rng.random() < QUALITATIVE_SHARE
        plan = WorkPlan(
            employee=person.employee, year=year, start_date=day, end_date=year.end_date,
            approach=Approach.QUALITATIVE if qualitative else Approach.QUANTITATIVE, form_variant=form,
            position=position, unit=position.unit, penilai=penilai.employee if penilai else None,
            penilai_position=penilai.slot.position if penilai else None,
            atasan_penilai=atasan.employee if atasan else None, snapshot=snapshot,
            resource_support=texts.RESOURCE_SUPPORT.format(year=year.year),
            accountability_scheme=texts.ACCOUNTABILITY_SCHEME, consequences=texts.CONSEQUENCES,
        )  # fmt: skip
        draft = PlanDraft(plan=plan, owner=person.user)
        draft.expectations = [Expectation(value) for value in self.values]
        self.drafts.append(draft)
        return draft

    def _indicator(self, draft: PlanDraft, item: PlanItem, measure: texts.Measure, year: int, order: int) -> None:
        target = self.number(measure.target_for(year))
        indicator = Target(aspect=measure.aspect, text=measure.text, lower_is_better=measure.lower, order=order)
        if draft.plan.approach == Approach.QUALITATIVE:
            # Kualitatif: the ukuran keberhasilan is narrated, the unit is optional (regulation.md §4.2).
            indicator.target_text = f"{decimal_text(target)} {measure.unit} sesuai standar yang disepakati"
        else:
            indicator.target_min, indicator.target_unit = target, measure.unit
        draft.indicators.setdefault(id(item), []).append(indicator)

    def goal_item(self, draft: PlanDraft, goal: OrganizationGoal, spec: texts.Goal, year: int) -> PlanItem:
        """An OPD head's RHK intervenes a sasaran of the Perjanjian Kinerja, with its indicators as IKI."""
        item = PlanItem(work_plan=draft.plan, kind=ItemKind.MAIN, text=spec.statement, supported_goal=goal,
                        perspective=spec.perspective, order=len(draft.items) + 1)  # fmt: skip
        draft.items.append(item)
        for order, measure in enumerate(spec.measures, start=1):
            self._indicator(draft, item, measure, year, order)
        return item

    def result_item(self, draft: PlanDraft, result: texts.Result, supported: PlanItem | None, year: int,
                    additional: bool = False) -> PlanItem:  # fmt: skip
        kind = ItemKind.ADDITIONAL if additional else ItemKind.MAIN
        item = PlanItem(work_plan=draft.plan, kind=kind, text=result.text, supported_item=supported,
                        order=len(draft.items) + 1)  # fmt: skip
        draft.items.append(item)
        for order, measure in enumerate(result.measures, start=1):
            self._indicator(draft, item, measure, year, order)
        return item

    def tell(self, draft: PlanDraft, story: Story, replace: bool = False) -> None:
        """Set the status fields and the WorkPlanEvent rows of the story (one event per transition)."""
        plan, state = draft.plan, story.state
        draft.story = story
        if replace:
            draft.events = []
            plan.submitted_at = plan.approved_at = plan.approved_by = None
            plan.return_note = plan.revision_reason = ""
            for expectation in draft.expectations:
                expectation.special_expectation = ""
        S = WorkPlanStatus

        def event(version: int, before: str, after: str, actor: User, at: dt.datetime, note: str = "") -> None:
            draft.events.append(Step(version=version, from_status=before, to_status=after,
                                              actor=actor, note=note, created_at=at))  # fmt: skip

        plan.status, plan.version = (S.DRAFT if state in (S.DRAFT, REVISING) else
                                     S.APPROVED if state == REVISED else state), 1  # fmt: skip
        draft.updated = story.created
        if state == S.DRAFT:
            return
        event(1, S.DRAFT, S.SUBMITTED, story.owner, story.submitted)
        plan.submitted_at = draft.updated = story.submitted
        if state == S.SUBMITTED:
            return
        if state == S.RETURNED:
            event(1, S.SUBMITTED, S.RETURNED, story.approver, story.decided, story.note)
            plan.return_note, draft.updated = story.note, story.decided
            return
        event(1, S.SUBMITTED, S.APPROVED, story.approver, story.decided)
        plan.approved_at, plan.approved_by, draft.updated = story.decided, story.approver, story.decided
        # The penilai writes ekspektasi khusus for some values before approving (regulation.md §4.5).
        for expectation in draft.expectations:
            if self.rng.random() < 0.3:
                expectation.special_expectation = texts.SPECIAL_EXPECTATIONS[expectation.value.order - 1]
        if state == S.APPROVED:
            return
        if story.revised is None or story.resubmitted is None or story.redecided is None:
            raise ValueError("a revised SKP needs the dates of its revision")
        plan.version, plan.revision_reason = 2, story.note
        event(2, S.APPROVED, S.DRAFT, story.owner, story.revised, story.note)
        plan.approved_at = plan.approved_by = None
        draft.updated = story.revised
        if state == REVISING:
            return
        event(2, S.DRAFT, S.SUBMITTED, story.owner, story.resubmitted)
        event(2, S.SUBMITTED, S.APPROVED, story.approver, story.redecided)
        plan.submitted_at, plan.approved_at, plan.approved_by = story.resubmitted, story.redecided, story.approver
        draft.updated = story.redecided

    # --- distribution (matriks peran hasil) ------------------------------------
    def _distribute(self, item: PlanItem, employee: Employee, text: str, by: User) -> None:
        key = (id(item), employee.pk)
        if key not in self.distributions:
            self.distributions[key] = ResultDistribution(item=item, employee=employee, suggested_text=text,
                                                         created_by=by)  # fmt: skip

    def distribute_supported(self, draft: PlanDraft, above: PlanDraft) -> None:
        for item in draft.items:
            if item.supported_item is not None:
                self._distribute(item.supported_item, draft.plan.employee, item.text, above.owner)

    def distribute_suggested(self, employee: Employee, above: PlanDraft, results: list[texts.Result]) -> None:
        supported = [i for i in above.items if i.kind == ItemKind.MAIN]
        if not supported:
            return
        offset = self.rng.randrange(len(supported))
        for index, result in enumerate(results):
            self._distribute(supported[(offset + index) % len(supported)], employee, result.text, above.owner)

    # --- saving ---------------------------------------------------------------------
    def save_plans(self, drafts: list[PlanDraft]) -> None:
        for draft in drafts:
            draft.plan.lock_version = len(draft.items) + len(draft.events)
        WorkPlan.objects.bulk_create([d.plan for d in drafts], batch_size=BATCH_SIZE)

    @staticmethod
    def save_items(drafts: list[PlanDraft]) -> None:
        """One wave: the RHK they support were saved with an earlier wave, so their ids are known."""
        PlanItem.objects.bulk_create([item for d in drafts for item in d.items], batch_size=BATCH_SIZE)

    @staticmethod
    def _set_times(model: type[Any], column: str, rows: list[tuple[dt.datetime, int]]) -> None:
        # auto_now_add would stamp the seeding time on every row; the demo's history needs its own dates.
        # One parameterised statement per row through executemany (see builder._write_paths).
        quote, adapt = connection.ops.quote_name, connection.ops.adapt_datetimefield_value
        sql = f"UPDATE {quote(model._meta.db_table)} SET {quote(column)} = %s WHERE id = %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(sql, [(adapt(moment), pk) for moment, pk in rows])

    @staticmethod
    def _insert(model: type[Any], names: list[str], rows: list[tuple[Any, ...]]) -> None:
        """executemany INSERT for the large tables whose ids nobody needs: bulk_create's per-row SQL compilation
        is most of a city-scale seeding otherwise. Values arrive adapted (datetimes, decimals)."""
        quote = connection.ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
        marks = ", ".join(["%s"] * len(names))
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)

    def _content(self, draft: PlanDraft, version: int) -> dict[str, Any]:
        """planning.services.work_plan_content of the SKP as it stood when ``version`` was approved."""
        plan = draft.plan
        events = [e for e in draft.events if e.version <= version]
        if version < plan.version:
            events = events[: next(i for i, e in enumerate(events) if e.to_status == WorkPlanStatus.APPROVED) + 1]

        def item_row(item: PlanItem) -> dict[str, Any]:
            return {
                "id": item.pk,
                "text": item.text,
                "perspective": item.perspective,
                "supported_item": item.supported_item.text if item.supported_item is not None else None,
                "supported_goal": item.supported_goal.statement if item.supported_goal is not None else None,
                "indicators": [
                    {"aspect": i.aspect, "text": i.text, "target_min": decimal_text(i.target_min),
                     "target_max": decimal_text(i.target_max), "target_unit": i.target_unit,
                     "target_text": i.target_text, "lower_is_better": i.lower_is_better}
                    for i in draft.indicators.get(id(item), [])
                ],
            }  # fmt: skip

        # Version 1 of a revised SKP did not yet have the RHK tambahan the revision added.
        items = [i for i in draft.items if version == plan.version or i.kind == ItemKind.MAIN]
        return {
            "id": plan.pk,
            "identity": plan.snapshot,
            "year": plan.year.year,
            "start_date": plan.start_date.isoformat(),
            "end_date": plan.end_date.isoformat(),
            "approach": plan.approach,
            "form_variant": plan.form_variant,
            "version": version,
            "status": WorkPlanStatus.APPROVED.value,
            "items": {
                "utama": [item_row(i) for i in items if i.kind == ItemKind.MAIN],
                "tambahan": [item_row(i) for i in items if i.kind == ItemKind.ADDITIONAL],
            },
            "behaviour": [
                {
                    "code": e.value.code,
                    "value": e.value.name,
                    "indicators": self.value_indicators[e.value.pk],
                    "special_expectation": e.special_expectation,
                }
                for e in draft.expectations
            ],  # fmt: skip
            "lampiran": {
                "resource_support": _lines(plan.resource_support),
                "accountability_scheme": _lines(plan.accountability_scheme),
                "consequences": _lines(plan.consequences),
            },
            "events": [
                {
                    "version": e.version,
                    "from": e.from_status,
                    "to": e.to_status,
                    "actor": _actor_name(e.actor),
                    "note": e.note,
                    "at": _utc(e.created_at),
                }
                for e in events
            ],  # fmt: skip
        }

    def _versions(self) -> list[WorkPlanVersion]:
        versions = []
        for draft in self.drafts:
            for event in draft.events:
                if event.to_status == WorkPlanStatus.APPROVED:
                    versions.append(WorkPlanVersion(work_plan=draft.plan, version=event.version,
                                                    content=self._content(draft, event.version),
                                                    approved_at=event.created_at, approved_by=event.actor))  # fmt: skip
        return versions

    def save_rest(self) -> dict[str, int]:
        """Everything that hangs off saved plans and RHK; then the history's own timestamps."""
        drafts = self.drafts
        when, number = connection.ops.adapt_datetimefield_value, connection.ops.adapt_decimalfield_value
        self._insert(Indicator, ["item", "aspect", "text", "target_min", "target_max", "target_unit", "target_text",
                                 "lower_is_better", "order"], [
            (item.pk, i.aspect, i.text, number(i.target_min), number(i.target_max), i.target_unit, i.target_text,
             i.lower_is_better, i.order)
            for d in drafts for item in d.items for i in d.indicators.get(id(item), [])
        ])  # fmt: skip
        expectations = [(d.plan.pk, e.value.pk, e.special_expectation) for d in drafts for e in d.expectations]
        self._insert(BehaviourExpectation, ["work_plan", "value", "special_expectation"], expectations)
        events = [e for d in drafts for e in d.events]
        self._insert(WorkPlanEvent, ["work_plan", "version", "from_status", "to_status", "actor", "note", "created_at"],
                     [(d.plan.pk, e.version, e.from_status, e.to_status, e.actor.pk, e.note, when(e.created_at))
                      for d in drafts for e in d.events])  # fmt: skip
        stamps = {id(d.plan): d.story.created for d in drafts if d.story}
        distributions = list(self.distributions.values())
        self._insert(ResultDistribution, ["item", "employee", "suggested_text", "created_by", "created_at"],
                     [(r.item.pk, r.employee.pk, r.suggested_text, r.created_by.pk, when(stamps[id(r.item.work_plan)]))
                      for r in distributions])  # fmt: skip
        versions = self._versions()
        WorkPlanVersion.objects.bulk_create(versions, batch_size=100)
        self._set_times(WorkPlan, "created_at", [(d.story.created, d.plan.pk) for d in drafts if d.story])
        self._set_times(WorkPlan, "updated_at", [(d.updated, d.plan.pk) for d in drafts if d.updated])
        return {
            "work_plans": len(drafts),
            "plan_items": sum(len(d.items) for d in drafts),
            "work_plan_events": len(events),
            "work_plan_versions": len(versions),
            "result_distributions": len(distributions),
        }
