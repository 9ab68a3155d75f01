"""Planning data of the demo city: a closed 2025 and an open 2026, each OPD's goals, and SKPs cascaded top-down.

Built in memory from the seeded city plan and bulk-inserted wave by wave (an SKP's RHK must exist before the
RHK of the subordinates that support them). Demo data is not an audited change, so no service is called,
but every row obeys the rules the services enforce: the penilai snapshot of organization.selectors, RHK linked
to the penilai's RHK (or, for an OPD head, to a goal), IKI targets, one WorkPlanEvent per workflow step and
a WorkPlanVersion (the content of planning.services.work_plan_content) per approval.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.demo import goals as texts
from kinerja.demo.planning_rows import PlanRows, Story
from kinerja.demo.structure import CityPlan, Slot
from kinerja.organization.choices import AGENCY_KINDS, AssignmentKind, PositionKind, UnitKind
from kinerja.organization.models import Assignment, Employee
from kinerja.planning import rules
from kinerja.planning.choices import FormVariant, ItemKind, PeriodType, WorkPlanStatus, YearStatus
from kinerja.planning.models import (
    EvaluationPeriod,
    GoalIndicator,
    OrganizationGoal,
    PerformanceYear,
    WorkPlanTemplate,
)
from kinerja.planning.services.work_plans import form_variant_for, person_identity
from kinerja.planning.services.years import EVALUATION_DAYS, REALISASI_DAYS, period_rows

CLOSED_YEAR, OPEN_YEAR = 2025, 2026
# The demo runs late in 2026 with the workflow still to be played in the browser, so BKPSDM "extended" the
# 2026 deadlines to the end of the year (the services keep both deadlines within the year).
OPEN_YEAR_DEADLINES = (dt.date(OPEN_YEAR, 12, 15), dt.date(OPEN_YEAR, 12, 31))
_KIND_PRIORITY = {AssignmentKind.DEFINITIVE: 0, AssignmentKind.PLT: 1, AssignmentKind.PLH: 2}

REVISED = "revised"  # approved version 2, version 1 frozen
REVISING = "revising"  # approved once, now a version-2 draft
NOT_STARTED = "none"
# Shares of the 2026 SKP states below the OPD heads (late November: most approved, some still moving).
OPEN_YEAR_STATES = (
    (WorkPlanStatus.APPROVED, 48), (WorkPlanStatus.SUBMITTED, 14), (WorkPlanStatus.RETURNED, 6),
    (WorkPlanStatus.DRAFT, 10), (REVISED, 5), (REVISING, 2), (NOT_STARTED, 15),
)  # fmt: skip
REQUIRED_STATES = (WorkPlanStatus.SUBMITTED, WorkPlanStatus.RETURNED, WorkPlanStatus.DRAFT, REVISED, REVISING)


@dataclass(frozen=True)
class Holding:
    employee: Employee
    slot: Slot
    kind: str
    start: dt.date


@dataclass(eq=False)
class Person:
    employee: Employee
    slot: Slot
    user: User
    start: dt.date
    plans: dict[int, Any] = field(default_factory=dict)  # year → PlanDraft
    penilai: dict[int, Holding | None] = field(default_factory=dict)

    @property
    def heads_agency(self) -> bool:
        position = self.slot.position
        return position.is_unit_head and position.unit.kind in AGENCY_KINDS


class Organisation:
    """Who holds what on a date, from the in-memory assignments: the walk of organization.selectors.situation_on."""

    def __init__(self, plan: CityPlan, assignments: list[Assignment]) -> None:
        slots = {slot.position.pk: slot for slot in plan.slots}
        self.holdings: dict[int, list[Holding]] = {}
        for a in assignments:
            holding = Holding(a.employee, slots[a.position.pk], a.kind, a.start_date)
            self.holdings.setdefault(a.position.pk, []).append(holding)

    def holder_on(self, slot: Slot, day: dt.date, exclude: set[int]) -> Holding | None:
        active = [h for h in self.holdings.get(slot.position.pk, ()) if h.start <= day and h.employee.pk not in exclude]
        active.sort(key=lambda h: (_KIND_PRIORITY[AssignmentKind(h.kind)], -h.start.toordinal()))
        return active[0] if active else None

    def first_above(self, slot: Slot, day: dt.date, exclude: set[int]) -> Holding | None:
        current = slot.parent
        while current is not None:
            holder = self.holder_on(current, day, exclude)
            if holder is not None:
                return holder
            current = current.parent
        return None


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    """Office hours in Lhokseumawe (WIB)."""
    zone = timezone.get_default_timezone()
    return dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=zone)


class PlanningSeeder:
    """Years, goals and SKPs for the seeded city; deterministic for the city's random generator."""

    def __init__(self, plan: CityPlan, holders: dict[int, Employee], assignments: list[Assignment],
                 users: list[User], rng: random.Random) -> None:  # fmt: skip
        self.plan = plan
        self.rng = rng
        self.org = Organisation(plan, assignments)
        by_employee = {u.employee.pk: u for u in users if u.employee is not None}
        self.walikota = next(u for u in users if u.username == "walikota")
        starts = {a.employee.pk: a.start_date for a in assignments if a.kind == AssignmentKind.DEFINITIVE}
        self.people = [
            Person(holders[id(s)], s, by_employee[holders[id(s)].pk], starts[holders[id(s)].pk])
            for s in plan.slots
            if id(s) in holders
        ]
        self.by_employee = {p.employee.pk: p for p in self.people}
        self.keyed = {key: self.by_employee[holders[id(slot)].pk] for key, slot in plan.keys.items()}
        self.goals: dict[tuple[int, int], list[OrganizationGoal]] = {}  # (year, agency unit pk) → goals
        self.rows = PlanRows(rng)

    # --- years and goals ---------------------------------------------------
    @staticmethod
    def _years() -> dict[int, PerformanceYear]:
        years = {}
        for number, status in ((CLOSED_YEAR, YearStatus.CLOSED), (OPEN_YEAR, YearStatus.OPEN)):
            draft, approval = OPEN_YEAR_DEADLINES if number == OPEN_YEAR else (dt.date(number, 1, 31),
                                                                                 dt.date(number, 2, 15))  # fmt: skip
            years[number] = PerformanceYear(
                year=number, start_date=dt.date(number, 1, 1), end_date=dt.date(number, 12, 31),
                period_type=PeriodType.QUARTERLY, status=status, skp_draft_deadline=draft,
                skp_approval_deadline=approval, predikat_matrix=rules.PREDIKAT_MATRIX,
                distribution_rules=rules.DISTRIBUTION_RULES, appeal_window_days=rules.APPEAL_WINDOW_DAYS,
            )  # fmt: skip
        PerformanceYear.objects.bulk_create(years.values())
        EvaluationPeriod.objects.bulk_create(
            EvaluationPeriod(year=year, kind=kind, number=n, name=name, start_date=start, end_date=end,
                             realisasi_deadline=end + dt.timedelta(days=REALISASI_DAYS),
                             evaluation_deadline=end + dt.timedelta(days=EVALUATION_DAYS))
            for year in years.values()
            for kind, n, name, start, end in period_rows(year.year, PeriodType.QUARTERLY)
        )  # fmt: skip
        return years

    def _goals(self, years: dict[int, PerformanceYear]) -> int:
        goals, indicators = [], []
        for number, year in years.items():
            for ap in self.plan.agencies.values():
                district = ap.agency.kind == UnitKind.DISTRICT
                specs = texts.goals_for(ap.agency.key, ap.agency.short_name, district)
                for order, spec in enumerate(specs, start=1):
                    goal = OrganizationGoal(year=year, unit=ap.unit, code=f"SS.{order}", statement=spec.statement,
                                            order=order)  # fmt: skip
                    goal.spec = spec  # type: ignore[attr-defined]
                    goals.append(goal)
                    self.goals.setdefault((number, ap.unit.pk), []).append(goal)
        OrganizationGoal.objects.bulk_create(goals, batch_size=500)
        for goal in goals:
            for order, m in enumerate(goal.spec.measures, start=1):  # type: ignore[attr-defined]
                indicators.append(GoalIndicator(goal=goal, text=m.text, target_value=self.rows.number(
                    m.target_for(goal.year.year)), target_unit=m.unit, order=order))  # fmt: skip
        GoalIndicator.objects.bulk_create(indicators, batch_size=500)
        return len(goals)

    # --- who, when, in which state -----------------------------------------
    def _level(self, person: Person, year: int, seen: dict[int, int]) -> int:
        """Distance from the top along the penilai chain: an SKP is built after its penilai's."""
        key = person.employee.pk
        if key not in seen:
            penilai = person.penilai[year]
            seen[key] = 0 if penilai is None else self._level(self.by_employee[penilai.employee.pk], year, seen) + 1
        return seen[key]

    def _ordered(self, number: int, year: PerformanceYear) -> list[Person]:
        for person in self.people:
            day = max(year.start_date, person.start)
            person.penilai[number] = self.org.first_above(person.slot, day, {person.employee.pk})
        levels: dict[int, int] = {}
        return sorted(self.people, key=lambda p: self._level(p, number, levels))  # stable: city order within a level

    def _demo_states(self) -> dict[int, str]:
        """The demo accounts' situation (see the issue's "done means"): fixed, whatever the seed or size."""
        pegawai, penilai = self.keyed["pegawai"], self.keyed["penilai"]
        states = {pegawai.employee.pk: NOT_STARTED}
        for key in ("penilai", "kepala.opd", "admin.opd", "admin.bkpsdm", "auditor"):
            chain: Person | None = self.keyed[key]
            while chain is not None:  # approved up to the Sekda, so the cascade above them holds
                states[chain.employee.pk] = WorkPlanStatus.APPROVED
                above = chain.penilai[OPEN_YEAR]
                chain = self.by_employee[above.employee.pk] if above else None
        team = [p for p in self.people if (h := p.penilai[OPEN_YEAR]) and h.employee.pk == penilai.employee.pk]
        others = [p for p in team if p is not pegawai]
        # penilai's review queue, one returned, and approved ones whose daily progress he follows (monitoring.py)
        # even in the smallest city; the rest as chance has it.
        S, A, R = WorkPlanStatus.SUBMITTED, WorkPlanStatus.APPROVED, WorkPlanStatus.RETURNED
        for person, state in zip(others, (S, A, S, R, A, S), strict=False):
            states[person.employee.pk] = state
        return states

    def _state(self, person: Person, fixed: dict[int, str]) -> str:
        penilai = person.penilai[OPEN_YEAR]
        if person.employee.pk in fixed:
            return fixed[person.employee.pk]
        if penilai is not None and OPEN_YEAR not in self.by_employee[penilai.employee.pk].plans:
            return NOT_STARTED  # nothing to intervene yet: the supervisor has not started either
        if person.heads_agency or penilai is None:
            return WorkPlanStatus.APPROVED if self.rng.random() < 0.9 else WorkPlanStatus.SUBMITTED
        states, weights = zip(*OPEN_YEAR_STATES, strict=True)
        return self.rng.choices(states, weights)[0]

    # --- the SKP of one person ------------------------------------------------
    def _results(self, person: Person) -> list[texts.Result]:
        slot, position = person.slot, person.slot.position
        topic = texts.topic_of(position.unit.name)
        if position.unit.kind == UnitKind.TECHNICAL_UNIT and position.is_unit_head:
            return texts.technical_head_results(position.unit.name)
        if position.kind == PositionKind.JPT:
            return texts.executive_results(topic)
        if position.kind == PositionKind.ADMINISTRATOR:
            return texts.administrator_results(topic)
        if position.kind == PositionKind.SUPERVISOR:
            return texts.supervisor_results(topic)
        family = slot.role.family.name if slot.role.family is not None else position.name
        return texts.staff_results(family, topic)[:2]

    def _build(self, person: Person, number: int, year: PerformanceYear, state: str) -> None:
        day = max(year.start_date, person.start)
        penilai = person.penilai[number]
        atasan = self.org.first_above(penilai.slot, day, {person.employee.pk, penilai.employee.pk}) if penilai else None
        position = person.slot.position
        snapshot = {
            "pegawai": person_identity(person.employee, position),
            "penilai": person_identity(penilai.employee, penilai.slot.position, penilai.kind) if penilai else None,
            "atasan_penilai": person_identity(atasan.employee, atasan.slot.position, atasan.kind) if atasan else None,
        }
        form = form_variant_for(position)
        draft = self.rows.plan(person, year, day, form, snapshot, penilai, atasan)
        person.plans[number] = draft
        if form == FormVariant.JPT and person.heads_agency:
            agency_goals = self.goals[(number, position.unit.pk)]
            for goal in agency_goals:
                self.rows.goal_item(draft, goal, goal.spec, number)  # type: ignore[attr-defined]
        else:
            above = self.by_employee[penilai.employee.pk].plans[number] if penilai else None
            supported = [i for i in above.items if i.kind == ItemKind.MAIN] if above else []
            offset = self.rng.randrange(len(supported)) if supported else 0
            for index, result in enumerate(self._results(person)):
                target = supported[(offset + index) % len(supported)] if supported else None
                self.rows.result_item(draft, result, target, number)
        demo = person in self.keyed.values()
        if not demo and (state == REVISED or self.rng.random() < 0.12):
            self.rows.result_item(draft, self.rng.choice(texts.ADDITIONAL_RESULTS), None, number, additional=True)
        self.rows.tell(draft, self._story(person, number, day, state))

    def _story(self, person: Person, number: int, day: dt.date, state: str) -> Story:
        """When each workflow step happened, who took it and what they wrote."""
        rng = self.rng
        penilai = person.penilai[number]
        approver = self.by_employee[penilai.employee.pk].user if penilai else self.walikota
        if number == CLOSED_YEAR:
            submitted = day + dt.timedelta(days=rng.randint(4, 24))
        elif state in (WorkPlanStatus.SUBMITTED, WorkPlanStatus.RETURNED):
            # Still under way in the demo's November (the deadline was extended), decided before "today".
            submitted = dt.date(number, 11, rng.randint(2, 14))
        else:
            submitted = day + dt.timedelta(days=rng.randint(4, 27))
        decided = submitted + dt.timedelta(days=rng.randint(1, 10))
        story = Story(owner=person.user, approver=approver, state=state,
                      created=_moment(rng, day + dt.timedelta(days=rng.randint(0, 3))),
                      submitted=_moment(rng, submitted), decided=_moment(rng, decided))  # fmt: skip
        if state == WorkPlanStatus.RETURNED:
            story.note = rng.choice(texts.RETURN_NOTES)
        if state in (REVISED, REVISING):
            revised = dt.date(number, rng.choice((7, 8)), rng.randint(1, 28))
            story.note = rng.choice(texts.REVISION_REASONS)
            story.revised = _moment(rng, revised)
            story.resubmitted = _moment(rng, revised + dt.timedelta(days=rng.randint(1, 5)))
            story.redecided = _moment(rng, revised + dt.timedelta(days=rng.randint(6, 12)))
        return story

    # --- the whole --------------------------------------------------------------
    def _year_plans(self, number: int, year: PerformanceYear) -> None:
        ordered = self._ordered(number, year)
        fixed = self._demo_states() if number == OPEN_YEAR else {}
        states: dict[int, str] = {}
        level_of: dict[int, int] = {}
        waves: dict[int, list[Person]] = {}
        for person in ordered:
            state = WorkPlanStatus.APPROVED if number == CLOSED_YEAR else self._state(person, fixed)
            if state == NOT_STARTED:
                continue
            states[person.employee.pk] = state
            self._build(person, number, year, state)
            waves.setdefault(self._level(person, number, level_of), []).append(person)
        if number == OPEN_YEAR:
            self._cover_every_state(states, fixed)
        self.rows.save_plans([p.plans[number] for p in ordered if number in p.plans])
        for level in sorted(waves):
            self.rows.save_items([p.plans[number] for p in waves[level]])
        # Matriks peran hasil: each supervisor's RHK handed to whoever supports it, and to subordinates who have
        # not started yet (pegawai among them), so that "start from what was distributed" has something to use.
        for person in ordered:
            penilai = person.penilai[number]
            if penilai is None or number not in self.by_employee[penilai.employee.pk].plans:
                continue
            above = self.by_employee[penilai.employee.pk].plans[number]
            if number in person.plans:
                self.rows.distribute_supported(person.plans[number], above)
            elif number == OPEN_YEAR:
                self.rows.distribute_suggested(person.employee, above, self._results(person))

    def _cover_every_state(self, states: dict[int, str], fixed: dict[int, str]) -> None:
        """Small cities could miss a state by chance; the demo must show each one."""
        for wanted in REQUIRED_STATES:
            if wanted in states.values():
                continue
            approved = [p for p in reversed(self.people) if states.get(p.employee.pk) == WorkPlanStatus.APPROVED]
            candidates = [p for p in approved if p.employee.pk not in fixed]
            if candidates:
                person = candidates[0]
                states[person.employee.pk] = wanted
                draft = person.plans[OPEN_YEAR]
                day = draft.plan.start_date
                self.rows.tell(draft, self._story(person, OPEN_YEAR, day, wanted), replace=True)

    def run(self) -> dict[str, int]:
        self.rows.load_reference()
        years = self._years()
        goal_count = self._goals(years)
        for number in (CLOSED_YEAR, OPEN_YEAR):
            self._year_plans(number, years[number])
        counts = self.rows.save_rest()
        return {"performance_years": len(years), "goals": goal_count, "templates": self._templates(), **counts}

    def _templates(self) -> int:
        """Shared SKP templates for common jabatan pelaksana, to start an SKP "from a template"."""
        author = self.keyed["admin.bkpsdm"].user
        templates = [
            WorkPlanTemplate(name=name, created_by=author, items=[
                {"kind": ItemKind.MAIN.value, "text": result.text, "indicators": [
                    {"aspect": m.aspect, "text": m.text, "target_min": str(m.target), "target_max": None,
                     "target_unit": m.unit, "target_text": "", "lower_is_better": m.lower}
                    for m in result.measures
                ]}
                for result in texts.STAFF_RESULTS[name]
            ])
            for name in ("Pengadministrasi Perkantoran", "Pengelola Keuangan", "Operator Layanan Kesehatan")
        ]  # fmt: skip
        WorkPlanTemplate.objects.bulk_create(templates)
        return len(templates)


def seed_planning(plan: CityPlan, holders: dict[int, Employee], assignments: list[Assignment], users: list[User],
                  rng: random.Random) -> dict[str, int]:  # fmt: skip
    """Add the planning data to a freshly seeded city; returns counts for the seeding's audit event."""
    return PlanningSeeder(plan, holders, assignments, users, rng).run()
