"""Monitoring data of the demo city: daily progress, realisasi, feedback, dialogues and appreciation for 2026.

Read back from the freshly inserted approved SKPs (a handful of queries for the whole city), built in memory
and written with executemany INSERTs (see planning_rows.PlanRows._insert): no service is called, as for the
planning data, but every row obeys what the services enforce (an approved SKP of the year, no future day,
realisasi only for finished periods inside the SKP's dates, feedback by the SKP's penilai).

The demo accounts and penilai's team get the whole year, the rest of the city the last four months.
All dates hang off DEMO_TODAY (the Friday before the demo's "today"), never off the clock, so a seed always
gives the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.demo import monitoring_texts as texts
from kinerja.demo.planning_rows import PlanRows
from kinerja.monitoring.models import (
    Appreciation,
    Dialogue,
    DialogueAction,
    Evidence,
    Feedback,
    FeedbackReply,
    ProgressComment,
    ProgressEntry,
    Realization,
)
from kinerja.planning.choices import PeriodKind, WorkPlanStatus
from kinerja.planning.models import BehaviourValue, EvaluationPeriod, Indicator, PlanItem, WorkPlan

YEAR = 2026
DEMO_TODAY = dt.date(YEAR, 11, 27)
CITY_FROM = dt.date(YEAR, 8, 3)  # everyone but penilai's team: four months of daily progress
PAST_QUARTERS = (1, 2, 3)  # Triwulan I–III are over by DEMO_TODAY; IV is running
DEMO_ACCOUNTS = ("penilai", "kepala.opd", "admin.opd", "admin.bkpsdm", "auditor")
NO_COUNT_UNITS = frozenset({"%", "nilai", "indeks", "level", "skor", "bulan"})


@dataclass(eq=False)
class Target:
    pk: int
    target: Decimal | None
    unit: str
    lower: bool


@dataclass(eq=False)
class Item:
    pk: int
    text: str
    indicators: list[Target] = field(default_factory=list)


@dataclass(eq=False)
class Plan:
    pk: int
    employee: int
    penilai: int | None
    unit: int
    start: dt.date
    end: dt.date
    items: list[Item] = field(default_factory=list)


def _at(day: dt.date, rng: random.Random, hours: tuple[int, int] = (8, 16)) -> dt.datetime:
    """A moment of office hours in Lhokseumawe (WIB) on ``day``."""
    zone = timezone.get_default_timezone()
    return dt.datetime.combine(day, dt.time(rng.randint(*hours), rng.randint(0, 59)), tzinfo=zone)


def working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day not in texts.HOLIDAYS_2026:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


class MonitoringSeeder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.end = min(DEMO_TODAY, timezone.localdate())  # never a day in the future, whenever it is run
        self.when = connection.ops.adapt_datetimefield_value
        self.counts: dict[str, int] = {}

    # --- reading the approved SKPs ------------------------------------------------
    def _load(self) -> None:
        users = dict(User.objects.filter(employee__isnull=False).values_list("employee_id", "pk"))
        self.user_of = users
        named = dict(User.objects.filter(username__in=DEMO_ACCOUNTS).values_list("username", "employee"))
        self.penilai = named.get("penilai")
        rows = WorkPlan.objects.filter(year__year=YEAR, status=WorkPlanStatus.APPROVED).order_by("pk")
        self.plans = [Plan(pk, emp, pen, unit, start, end) for pk, emp, pen, unit, start, end in
                      rows.values_list("pk", "employee", "penilai", "unit", "start_date", "end_date")]  # fmt: skip
        by_pk = {p.pk: p for p in self.plans}
        items: dict[int, Item] = {}
        for pk, plan, text in (
            PlanItem.objects.filter(work_plan__in=rows)
            .order_by("work_plan", "kind", "order")
            .values_list("pk", "work_plan", "text")
        ):
            items[pk] = Item(pk, text)
            by_pk[plan].items.append(items[pk])
        for pk, item, target, unit, lower in (
            Indicator.objects.filter(item__work_plan__in=rows)
            .order_by("item", "order")
            .values_list("pk", "item", "target_min", "target_unit", "lower_is_better")
        ):
            items[item].indicators.append(Target(pk, target, unit, lower))
        self.periods = list(
            EvaluationPeriod.objects.filter(year__year=YEAR, kind=PeriodKind.PERIODIC).order_by("number")
        )
        self.values = list(BehaviourValue.objects.order_by("order").values_list("pk", flat=True))
        # The demo accounts and penilai's team with an approved SKP: the whole year, densely, and every kind of
        # record, at every size (make bench compares the query counts of their pages at 600 and 5,000).
        accounts = set(named.values())
        self.focus = {p.pk for p in self.plans if p.employee in accounts or p.penilai == self.penilai}
        self.team_index = {p.pk: i for i, p in enumerate(p for p in self.plans if p.penilai == self.penilai)}

    def _period_of(self, day: dt.date) -> int | None:
        return next((p.pk for p in self.periods if p.start_date <= day <= p.end_date), None)

    # --- daily progress -----------------------------------------------------------------
    def _days_logged(self, plan: Plan, focus: bool) -> list[dt.date]:
        rng = self.rng
        start = max(plan.start, dt.date(YEAR, 1, 2) if focus else CITY_FROM)
        days = working_days(start, min(plan.end, self.end))
        if focus:
            # One member of penilai's team fell behind: nothing logged in the last two weeks.
            behind = self.team_index.get(plan.pk) == 1
            density, stop = (0.55, self.end - dt.timedelta(days=14)) if behind else (0.92, self.end)
        else:
            density = rng.choices((0.0, 0.35, 0.8, 0.93), (6, 12, 52, 30))[0]
            stop = self.end
        leave: set[dt.date] = set()
        if days and rng.random() < 0.5:  # a few days of cuti somewhere
            first = rng.randrange(len(days))
            leave = set(days[first : first + rng.randint(3, 5)])
        return [d for d in days if d <= stop and d not in leave and rng.random() < density]

    def _amount(self, item: Item) -> tuple[int, str] | None:
        target = item.indicators[0] if item.indicators else None
        if target is None or target.target is None or target.unit in NO_COUNT_UNITS or target.lower:
            return None
        per_day = float(target.target) / 220
        if per_day < 0.3:
            return None
        return max(1, round(per_day * self.rng.uniform(0.5, 1.8))), target.unit

    def progress(self) -> None:
        rng, when = self.rng, self.when
        rows = []
        for plan in (p for p in self.plans if p.items):
            focus = plan.pk in self.focus
            reviewer = self.user_of.get(plan.penilai) if plan.penilai else None
            for day in self._days_logged(plan, focus):
                for item in rng.sample(plan.items, 2 if len(plan.items) > 1 and rng.random() < 0.2 else 1):
                    created = _at(day, rng, (14, 16))
                    acked = None
                    if reviewer and (self.end - day).days > 6 and rng.random() < (0.7 if focus else 0.3):
                        acked = _at(min(day + dt.timedelta(days=rng.randint(1, 4)), self.end), rng)
                    link = texts.evidence_link(rng) if rng.random() < 0.12 else ""
                    rows.append((plan.employee, item.pk, day, texts.progress_text(rng, item.text, self._amount(item)),
                                 link, reviewer if acked else None, when(acked) if acked else None, when(created),
                                 when(created)))  # fmt: skip
        PlanRows._insert(ProgressEntry, ["employee", "item", "day", "description", "link", "acknowledged_by",
                                         "acknowledged_at", "created_at", "updated_at"], rows)  # fmt: skip
        self.counts["progress_entries"] = len(rows)
        self._comments()

    def _comments(self) -> None:
        """penilai comments on some of his team's entries; the owner answers half of them."""
        rng, rows = self.rng, []
        owners = {p.employee: p for p in self.plans if p.pk in self.focus}
        entries = ProgressEntry.objects.filter(employee__in=owners).order_by("pk").values_list("pk", "employee", "day")
        for pk, employee, day in entries:
            plan = owners[employee]
            reviewer = self.user_of.get(plan.penilai) if plan.penilai else None
            if reviewer is None or rng.random() >= 0.07:
                continue
            said = _at(min(day + dt.timedelta(days=1), self.end), rng, (8, 11))
            rows.append((pk, reviewer, rng.choice(texts.PROGRESS_COMMENTS), self.when(said)))
            if rng.random() < 0.5:
                rows.append((pk, self.user_of[employee], rng.choice(texts.COMMENT_REPLIES),
                             self.when(said + dt.timedelta(hours=3))))  # fmt: skip
        PlanRows._insert(ProgressComment, ["entry", "author", "text", "created_at"], rows)
        self.counts["progress_comments"] = len(rows)

    # --- realisasi per IKI per finished quarter ------------------------------------------
    def _value(self, target: Target) -> Decimal:
        rng = self.rng
        factor = rng.uniform(0.85, 1.2) if target.lower else rng.choices(
            (rng.uniform(0.6, 0.85), rng.uniform(0.85, 1.0), rng.uniform(1.0, 1.15)), (1, 5, 3))[0]  # fmt: skip
        value = float(target.target or 0) * factor
        if target.unit == "%":
            value = min(value, 100.0)
        elif target.unit not in NO_COUNT_UNITS and not target.lower:
            value = round(value)
        return Decimal(str(round(value, 2)))

    def realizations(self) -> None:
        rng, when, number = self.rng, self.when, connection.ops.adapt_decimalfield_value
        rows = []
        periods = [p for p in self.periods if p.number in PAST_QUARTERS and p.end_date < self.end]
        for plan in self.plans:
            owner = self.user_of[plan.employee]
            for period in periods:
                if period.end_date < plan.start or period.start_date > plan.end:
                    continue
                if period is periods[-1] and plan.pk not in self.focus and rng.random() < 0.08:
                    continue  # a few have not filled the last quarter yet
                filled = when(_at(period.end_date + dt.timedelta(days=rng.randint(1, 9)), rng))
                for item in plan.items:
                    for target in item.indicators:
                        if target.target is None:  # qualitative: the realisasi is narrated
                            rows.append((target.pk, period.pk, None, rng.choice(texts.NARRATIVES), owner, filled))
                        else:
                            rows.append((target.pk, period.pk, number(self._value(target)), "", owner, filled))
        PlanRows._insert(Realization, ["indicator", "period", "value", "narrative", "updated_by", "updated_at"], rows)
        self.counts["realizations"] = len(rows)
        # Bukti dukung as links (no files in bulk): most of penilai's team, a fifth of the city.
        focus_owners = {p.employee for p in self.plans if p.pk in self.focus}
        evidence = []
        for pk, user, owner, uploaded in (
            Realization.objects.filter(period__year__year=YEAR)
            .order_by("pk")
            .values_list("pk", "updated_by", "indicator__item__work_plan__employee", "updated_at")
        ):
            if rng.random() < (0.7 if owner in focus_owners else 0.2):
                evidence.append((owner, pk, texts.evidence_link(rng), user, when(uploaded), 0, "", "", "", ""))
        PlanRows._insert(Evidence, ["owner", "realization", "link", "uploaded_by", "uploaded_at", "size", "file",
                                    "original_name", "content_type", "sha256"], evidence)  # fmt: skip
        self.counts["evidence_links"] = len(evidence)

    # --- feedback, dialogues, appreciation ---------------------------------------------
    def _day_between(self, start: dt.date, end: dt.date) -> dt.date:
        days = working_days(start, end) or [end]
        return self.rng.choice(days)

    def feedback(self) -> None:
        rng = self.rng
        coaches: dict[int, bool] = {}  # some supervisors give feedback, some do not (BKPSDM counts it)
        made: list[Feedback] = []
        for plan in self.plans:
            author = self.user_of.get(plan.penilai) if plan.penilai else None
            if author is None or not plan.items:
                continue
            focus = plan.pk in self.focus
            if not focus and not coaches.setdefault(plan.penilai, rng.random() < 0.55):
                continue
            for n in range(rng.randint(4, 6) if focus else rng.randint(1, 3)):
                day = self._day_between(max(plan.start + dt.timedelta(days=20), dt.date(YEAR, 2, 2)), self.end)
                if n % 2 == 0:
                    item, value, (text, reaction) = rng.choice(plan.items).pk, None, rng.choice(texts.FEEDBACK_ON_ITEMS)
                else:
                    item, value, (text, reaction) = None, rng.choice(self.values), rng.choice(texts.FEEDBACK_ON_VALUES)
                feedback = Feedback(work_plan_id=plan.pk, period_id=self._period_of(day), item_id=item,
                                    value_id=value, author_id=author, text=text, reaction=reaction)  # fmt: skip
                feedback.created_at = _at(day, rng)
                made.append(feedback)
        moments = [f.created_at for f in made]
        Feedback.objects.bulk_create(made, batch_size=500)  # ids needed for the replies
        PlanRows._set_times(Feedback, "created_at", [(m, f.pk) for m, f in zip(moments, made, strict=True)])
        owners = {p.pk: p.employee for p in self.plans}
        replies = []
        for feedback, moment in zip(made, moments, strict=True):
            later = moment + dt.timedelta(days=rng.randint(0, 2), hours=2)
            if rng.random() < 0.45 and later.date() <= self.end:
                owner = self.user_of[owners[feedback.work_plan_id]]
                replies.append((feedback.pk, owner, rng.choice(texts.REPLIES), self.when(later)))
        PlanRows._insert(FeedbackReply, ["feedback", "author", "text", "created_at"], replies)
        self.counts.update(feedback=len(made), feedback_replies=len(replies))

    def dialogues(self) -> None:
        rng, end = self.rng, self.end
        made: list[tuple[Dialogue, dt.datetime, list[tuple[str, int, dt.date, bool]]]] = []
        team = {p.employee for p in self.plans if p.penilai == self.penilai}
        for plan in self.plans:
            focus = plan.pk in self.focus
            if plan.penilai is None or plan.penilai not in self.user_of or not (focus or rng.random() < 0.12):
                continue
            sessions = [("dialog_kinerja", self._day_between(dt.date(YEAR, 10, 5), dt.date(YEAR, 10, 23)))]
            if focus:
                sessions.append(("coaching", self._day_between(dt.date(YEAR, 11, 2), end - dt.timedelta(days=3))))
            for kind, held in sessions:
                topics = texts.DIALOGUE_TOPICS if kind == "dialog_kinerja" else texts.COACHING_TOPICS
                dialogue = Dialogue(employee_id=plan.employee, led_by_id=plan.penilai, kind=kind, held_on=held,
                                    topics=rng.choice(topics), summary=rng.choice(texts.SUMMARIES),
                                    created_by_id=self.user_of[plan.penilai])  # fmt: skip
                # Agreed actions: one of the employee's, closed or not; due soon ones show on both home pages.
                due = held + dt.timedelta(days=rng.randint(10, 30))
                actions = [(rng.choice(texts.EMPLOYEE_ACTIONS), plan.employee, due, due < end and rng.random() < 0.6)]
                if focus or rng.random() < 0.3:
                    soon = max(due, end + dt.timedelta(days=rng.randint(2, 9)))
                    actions.append((rng.choice(texts.SUPERVISOR_ACTIONS), plan.penilai, soon, False))
                made.append((dialogue, _at(held, rng), actions))
        Dialogue.objects.bulk_create([d for d, _, _ in made], batch_size=500)
        PlanRows._set_times(Dialogue, "created_at", [(m, d.pk) for d, m, _ in made])
        rows = []
        for dialogue, _, actions in made:
            for description, owner, due, done in actions:
                closed = _at(min(due, end), rng) if done else None
                rows.append((dialogue.pk, description, owner, due, self.when(closed) if closed else None,
                             rng.choice(texts.DONE_NOTES) if done else ""))  # fmt: skip
        PlanRows._insert(DialogueAction, ["dialogue", "description", "owner", "due_date", "done_at", "done_note"], rows)
        # penilai's coaching sessions are group sessions: a colleague from the team joins.
        through = Dialogue.participants.through
        links = [
            through(dialogue_id=d.pk, employee_id=rng.choice(sorted(team - {d.employee_id})))
            for d, _, _ in made
            if d.kind == "coaching" and d.employee_id in team and len(team) > 1
        ]
        through.objects.bulk_create(links)
        self.counts.update(dialogues=len(made), dialogue_actions=len(rows))

    def appreciations(self) -> None:
        rng, rows = self.rng, []
        by_unit: dict[int, list[Plan]] = {}
        for plan in self.plans:
            by_unit.setdefault(plan.unit, []).append(plan)
        for plan in self.plans:
            focus = plan.pk in self.focus
            if not plan.items or not (focus or rng.random() < 0.06):
                continue
            colleagues = [p for p in by_unit[plan.unit] if p is not plan]
            # From the penilai mostly, sometimes from a colleague of the same unit.
            giver = plan.penilai if plan.penilai and rng.random() < 0.7 else None
            if giver is None and colleagues:
                giver = rng.choice(colleagues).employee
            if giver is None or giver not in self.user_of:
                continue
            day = self._day_between(dt.date(YEAR, 6, 1), self.end)
            rows.append((plan.employee, self.user_of[giver], rng.choice(texts.APPRECIATIONS), rng.choice(plan.items).pk,
                         plan.unit, self.when(_at(day, rng))))  # fmt: skip
        PlanRows._insert(Appreciation, ["recipient", "author", "text", "item", "unit", "created_at"], rows)
        self.counts["appreciations"] = len(rows)

    def run(self) -> dict[str, int]:
        self._load()
        self.progress()
        self.realizations()
        self.feedback()
        self.dialogues()
        self.appreciations()
        return self.counts


def seed_monitoring(rng: random.Random) -> dict[str, int]:
    """Add the 2026 monitoring data to a freshly seeded city with its SKPs; returns counts for the audit event."""
    return MonitoringSeeder(rng).run()
