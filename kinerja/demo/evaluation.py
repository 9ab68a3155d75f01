"""Evaluation data of the demo city for 2026: Triwulan I completed and published, Triwulan IV in progress.

Triwulan I: capaian kinerja organisasi of every OPD (by the Wali Kota) and of the units below an OPD head (by the
OPD head), every approved SKP rated from its realisasi, each OPD's forum calibrated with the suggestion of
evaluation.distribution, given minutes and locked, then the period published city-wide; two keberatan in
penilai's chain (one decided with a change, one explained and awaiting the decision).
Triwulan IV (running on DEMO_TODAY): kepala.opd's OPD fully rated with a distribution that breaks the rules and
its forum open, for the walkthrough of the README; elsewhere some rated, some self-assessed, most still open.

The per-OPD and per-person steps that are few go through evaluation.services (org ratings, forums, publication,
keberatan), so their rules, audit and notifications apply; the ratings of thousands of people are written
set-based (executemany UPDATE), obeying what evaluation_rate enforces: the matrix, a reason for each rating,
a unit head's rating hasil kerja from the capaian of the unit. The services stamp "now"; the history of
Triwulan I then gets its own dates (April), as the planning and monitoring seeders do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.demo import evaluation_texts as texts
from kinerja.demo.evaluation_ratings import Iki, RatingMixin, Row, _day, _moment
from kinerja.demo.monitoring import DEMO_TODAY
from kinerja.evaluation import distribution, permissions, services
from kinerja.evaluation.choices import EvaluationStatus, ObjectionOutcome
from kinerja.evaluation.models import CalibrationAdjustment, CalibrationForum, Evaluation, Objection, OrganizationRating
from kinerja.evaluation.services._common import objection_url
from kinerja.evaluation.services.publication import PUBLISHED_VERB
from kinerja.monitoring.models import Feedback, Realization
from kinerja.notifications.models import Notification
from kinerja.organization.models import OrgUnit
from kinerja.planning import rules
from kinerja.planning.choices import ItemKind, PeriodKind, WorkPlanStatus
from kinerja.planning.models import EvaluationPeriod, Indicator, PerformanceYear, WorkPlan

YEAR = 2026
ABOVE, MEETS, BELOW = rules.ABOVE, rules.MEETS, rules.BELOW
# Triwulan I: rated in the first days of April, forums until the evaluation deadline, published on it.
Q1_RATED = (dt.date(YEAR, 4, 1), dt.date(YEAR, 4, 8))
Q1_FORUMS = (dt.date(YEAR, 4, 9), dt.date(YEAR, 4, 14))
Q1_PUBLISHED = dt.date(YEAR, 4, 15)
# kepala.opd's forum sits on a fixed day, so the keberatan dates below fall inside the 14-day window.
DEMO_FORUM = dt.date(YEAR, 4, 13)
# Filed, explained, decided (None: awaiting the atasan pejabat penilai).
KEBERATAN_DAYS = {
    "decided": (dt.date(YEAR, 4, 16), dt.date(YEAR, 4, 20), dt.date(YEAR, 4, 24)),
    "pending": (dt.date(YEAR, 4, 22), dt.date(YEAR, 4, 27), None),
}
Q4_RATED = (dt.date(YEAR, 11, 16), dt.date(YEAR, 11, 26))
# Capaian kinerja organisasi of the OPDs for Triwulan I; the demo OPD is Baik.
ORG_WEIGHTS = ((rules.ISTIMEWA, 2), (rules.BAIK, 7), (rules.BUTUH_PERBAIKAN, 1))
Q4_SHARES = (("rated", 0.15), ("self", 0.15))  # elsewhere in Triwulan IV; the rest stays open


class EvaluationSeeder(RatingMixin):
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counts: dict[str, int] = {}

    # --- reading -------------------------------------------------------------------------------------
    def _load(self) -> None:
        self.year = PerformanceYear.objects.get(year=YEAR)
        periods = EvaluationPeriod.objects.filter(year=self.year, kind=PeriodKind.PERIODIC).select_related("year")
        self.periods = {p.number: p for p in periods}
        named = ("walikota", "admin.bkpsdm", "kepala.opd", "penilai")
        self.named = {u.username: u for u in User.objects.filter(username__in=named).select_related("employee")}
        self.user_of = dict(User.objects.filter(employee__isnull=False).values_list("employee_id", "pk"))
        approved = WorkPlan.objects.filter(year=self.year, status=WorkPlanStatus.APPROVED)
        for number in (1, 4):
            services.evaluations_open(period=self.periods[number], work_plans=approved)
        units = OrgUnit.objects.values_list("pk", "path", "parent_id", "name")
        self.units = {pk: path for pk, path, _, _ in units}
        self.unit_parent = {pk: parent for pk, _, parent, _ in units}
        self.unit_names = {pk: name for pk, _, _, name in units}
        self.iki: dict[int, list[Iki]] = defaultdict(list)
        for pk, plan, low, high, lower in (
            Indicator.objects.filter(item__work_plan__in=approved, item__kind=ItemKind.MAIN)
            .order_by("item__work_plan", "item__order", "order", "pk")
            .values_list("pk", "item__work_plan", "target_min", "target_max", "lower_is_better")
        ):
            self.iki[plan].append(Iki(pk, low, high, lower))
        wanted = [self.periods[1].pk, self.periods[3].pk]
        self.realisasi = {
            (indicator, period): value
            for indicator, period, value in Realization.objects.filter(period__in=wanted).values_list(
                "indicator", "period", "value"
            )
        }
        self.reactions: dict[int, Counter[str]] = defaultdict(Counter)
        for plan, reaction in Feedback.objects.filter(work_plan__in=approved).values_list("work_plan", "reaction"):
            self.reactions[plan][reaction] += 1

    def _rows(self, number: int) -> list[Row]:
        fields = ("pk", "work_plan", "employee", "employee__name", "agency", "unit", "penilai", "is_unit_head",
                  "is_agency_head")  # fmt: skip
        return [Row(*values) for values in Evaluation.objects.filter(period=self.periods[number]).order_by("pk")
                .values_list(*fields)]  # fmt: skip

    # --- step 1: capaian kinerja organisasi ----------------------------------------------------------
    def _effective(self, ratings: dict[int, str], unit: int) -> str | None:
        """The unit's own capaian, else the nearest ancestor's (selectors.effective_org_rating)."""
        for pk in reversed([int(p) for p in self.units[unit].strip("/").split("/")]):
            if pk in ratings:
                return ratings[pk]
        return None

    def _org_ratings_q1(self, rows: list[Row]) -> dict[int, str]:
        rng, period = self.rng, self.periods[1]
        agencies = OrgUnit.objects.in_bulk(sorted({r.agency for r in rows}))
        ratings: dict[int, str] = {}
        for pk in sorted(agencies):
            predikat = rules.BAIK if pk == self.demo_agency else rng.choices(*zip(*ORG_WEIGHTS, strict=True))[0]
            services.org_rating_set(actor=self.named["walikota"], unit=agencies[pk], period=period,
                                    predikat=predikat, note=rng.choice(texts.ORG_NOTES[predikat]))  # fmt: skip
            ratings[pk] = predikat
        # Units right below a rated OPD head: the OPD head sets their capaian (SE MenPANRB 3/2023).
        heads = {r.agency: r for r in rows if r.agency_head}
        below = sorted({r.unit for r in rows if r.unit_head and not r.agency_head and r.agency in heads
                        and self.unit_parent.get(r.unit) == r.agency})  # fmt: skip
        units = OrgUnit.objects.in_bulk(below)
        actors = User.objects.in_bulk([self.user_of[h.employee] for h in heads.values()])
        # Only the units whose head reports to the OPD head's own position (permissions.units_rateable_by).
        rateable = set()
        for head in heads.values():
            rateable |= set(permissions.units_rateable_by(actors[self.user_of[head.employee]])
                            .filter(pk__in=below).values_list("pk", flat=True))  # fmt: skip
        below = [pk for pk in below if pk in rateable]
        for pk in below:
            opd = ratings[units[pk].parent_id]
            choices = (opd, opd, opd, rules.BAIK, rules.ISTIMEWA if opd != rules.BUTUH_PERBAIKAN else opd)
            predikat = rules.BAIK if pk == self.penilai_unit else rng.choice(choices)
            actor = actors[self.user_of[heads[units[pk].parent_id].employee]]
            services.org_rating_set(actor=actor, unit=units[pk], period=period, predikat=predikat,
                                    note=rng.choice(texts.ORG_NOTES[predikat]))  # fmt: skip
            ratings[pk] = predikat
        self.org_counts = (len(agencies), len(below))
        return ratings

    # --- Triwulan I: rating, forums, publication, keberatan --------------------------------------------
    def _rate_q1(self, rows: list[Row], ratings: dict[int, str]) -> None:
        rng, period = self.rng, self.periods[1]
        for row in rows:
            org = self._effective(ratings, row.unit)
            self._rate(row, period, org, strict=org == rules.BUTUH_PERBAIKAN)
            if row.pk == self.keberatan["decided"]:  # late reports: Kurang/Misconduct, changed on keberatan
                row.behaviour = BELOW
                row.values.update(behaviour_rating=BELOW, behaviour_reason=texts.BEHAVIOUR[BELOW][0].format(
                    value="akuntabel", value2=""))  # fmt: skip
            elif row.pk == self.keberatan["pending"]:  # evidence uploaded late: Butuh Perbaikan
                row.results, row.behaviour = BELOW, MEETS
                row.values.update(results_rating=BELOW, behaviour_rating=MEETS,
                                  results_reason=texts.PENDING["results_reason"],
                                  behaviour_reason=texts.behaviour_reason(rng, MEETS))  # fmt: skip
            rated = _day(rng, Q1_RATED)
            if rng.random() < 0.6:
                self._self_assess(row, rated - dt.timedelta(days=rng.randint(1, 4)))
            self._rated(row, _moment(rng, rated))
        self._write(rows)

    def _forum(self, agency: OrgUnit, people: list[Row], org: str, actor: User, head: Row | None,
               unit_heads: list[Row]) -> CalibrationForum:  # fmt: skip
        """Open, apply the fewest changes the rules need, write the minutes, lock (which publishes)."""
        rng, period, small = self.rng, self.periods[1], settings.KINERJA_SMALL_UNIT_SIZE
        table = self.year.distribution_rules
        forum = services.forum_open(actor=actor, agency=agency, period=period)
        counts = Counter(r.predikat for r in people)
        check = distribution.check_distribution(org, counts, table, small_unit_size=small)
        changes: list[distribution.ProposedChange] = []
        if check.violations:
            plan = distribution.fit(org, counts, table, small_unit_size=small)
            candidates = [distribution.Candidate(r.pk, r.predikat, r.score, r.name) for r in people
                          if r.pk not in self.keberatan.values()]  # fmt: skip
            changes = distribution.propose_changes(plan, candidates)
            reason = texts.SUGGESTION_REASON.format(org=texts.ORG_LABEL[org])
            services.forum_apply_suggestion(actor=actor, forum=forum, reason=reason,
                                            changes=[(c.evaluation_id, c.to_predikat) for c in changes])  # fmt: skip
            for change in changes:
                counts[change.from_predikat] -= 1
                counts[change.to_predikat] += 1
            check = distribution.check_distribution(org, counts, table, small_unit_size=small)
        held = DEMO_FORUM if agency.pk == self.demo_agency else _day(rng, Q1_FORUMS)
        participants = [r.employee for r in ([head] if head else []) + unit_heads[:5]]
        summary = texts.FORUM_CHANGES.format(count=len(changes)) if changes else texts.FORUM_NO_CHANGES
        minutes = texts.FORUM_MINUTES.format(
            day=texts.long_date(held),
            agency=agency.name,
            period=period.name,
            year=YEAR,
            total=len(people),
            org=texts.ORG_LABEL[org],
            changes=summary,
        )
        services.forum_update(actor=actor, forum=forum, participants=participants, guests=texts.FORUM_GUESTS,
                              held_on=held, minutes=minutes, lock_version=None,
                              justification=texts.FORUM_JUSTIFICATION if check.warnings else "")  # fmt: skip
        services.forum_lock(actor=actor, forum=forum, lock_version=None)
        self.history.append((forum.pk, agency.pk, held))
        self.counts["calibration_adjustments"] = self.counts.get("calibration_adjustments", 0) + len(changes)
        return forum

    def _forums_q1(self, rows: list[Row], ratings: dict[int, str]) -> None:
        by_agency: dict[int, list[Row]] = defaultdict(list)
        unit_heads: dict[int, list[Row]] = defaultdict(list)
        heads = {r.agency: r for r in rows if r.agency_head}
        for row in rows:
            if not row.agency_head:
                by_agency[row.agency].append(row)
                if row.unit_head and self.unit_parent.get(row.unit) == row.agency:
                    unit_heads[row.agency].append(row)
        agencies = OrgUnit.objects.in_bulk(sorted(by_agency))
        actors = User.objects.in_bulk([self.user_of[h.employee] for h in heads.values()])
        for pk in sorted(by_agency):
            head = heads.get(pk)
            # The OPD head leads the forum; where the post has no rated head, Admin BKPSDM does.
            actor = actors[self.user_of[head.employee]] if head else self.named["admin.bkpsdm"]
            self._forum(agencies[pk], by_agency[pk], ratings[pk], actor, head, unit_heads[pk])
        # OPD heads are rated from above, outside any forum: the city-wide publication includes them.
        self.counts["evaluations_published"] = services.period_publish(actor=self.named["admin.bkpsdm"],
                                                                       period=self.periods[1]) + sum(
            len(people) for people in by_agency.values())  # fmt: skip
        self.counts["forums"] = len(by_agency)

    def _objections(self) -> dict[str, Objection]:
        """Both in penilai's chain: penilai's own (explained by kepala.opd, decided by the Sekda, changed) and
        one of his team (explained by penilai, awaiting kepala.opd's decision)."""
        made = {}
        for kind in ("decided", "pending"):
            evaluation = Evaluation.objects.select_related("work_plan", "period__year", "employee", "unit").get(
                pk=self.keberatan[kind]
            )
            owner = User.objects.get(employee=evaluation.employee_id)
            story = texts.DECIDED if kind == "decided" else texts.PENDING
            objection = services.objection_file(actor=owner, evaluation=evaluation, reasons=story["reasons"])
            explainer = User.objects.get(employee=evaluation.penilai_id)
            objection = services.objection_explain(actor=explainer, objection=objection,
                                                   explanation=story["explanation"], lock_version=None)  # fmt: skip
            if kind == "decided":
                atasan = User.objects.get(employee=evaluation.atasan_penilai_id)
                objection = services.objection_decide(actor=atasan, objection=objection,
                                                      outcome=ObjectionOutcome.CHANGED, reason=story["decision"],
                                                      behaviour_rating=MEETS, lock_version=None)  # fmt: skip
            made[kind] = objection
        self.counts["objections"] = len(made)
        return made

    # --- Triwulan IV, in progress ----------------------------------------------------------------------
    def _q4(self, rows: list[Row]) -> None:
        """kepala.opd's OPD: everyone rated, mostly Baik and nobody below (the rules of a Baik OPD broken), the
        forum open; elsewhere some rated (not unit heads: their OPD's capaian is not set yet), some
        self-assessed, most open. The evidence so far is the realisasi up to Triwulan III."""
        rng, evidence = self.rng, self.periods[3]
        agency = OrgUnit.objects.get(pk=self.demo_agency)
        services.org_rating_set(actor=self.named["walikota"], unit=agency, period=self.periods[4],
                                predikat=rules.BAIK, note=texts.ORG_NOTES[rules.BAIK][0])  # fmt: skip
        for row in rows:
            if row.agency == self.demo_agency and not row.agency_head:
                self._rate(row, evidence, rules.BAIK)
                # Everyone at or above expectations: too many Baik and nobody in Butuh Perbaikan/Kurang.
                if row.results == BELOW:
                    row.results = MEETS
                    row.values.update(results_rating=MEETS, results_reason=texts.RESULTS[MEETS][2].format(
                        capaian="96,5", met=2, total=3))  # fmt: skip
                if row.behaviour == BELOW:
                    row.behaviour = MEETS
                    row.values.update(behaviour_rating=MEETS, behaviour_reason=texts.behaviour_reason(rng, MEETS))
                state = "rated"
            elif row.agency == self.demo_agency:
                continue  # kepala.opd himself: rated from above later
            else:
                draw = rng.random()
                state = "rated" if draw < Q4_SHARES[0][1] and not row.unit_head else (
                    "self" if draw < Q4_SHARES[0][1] + Q4_SHARES[1][1] else "open")  # fmt: skip
                if state == "rated":
                    self._rate(row, evidence, None)
            rated = _day(rng, Q4_RATED)
            if state == "self" or (state == "rated" and rng.random() < 0.5):
                self._self_assess(row, rated - dt.timedelta(days=rng.randint(1, 5)))
            if state == "rated":
                self._rated(row, _moment(rng, rated))
        self._write(rows)
        forum = services.forum_open(actor=self.named["kepala.opd"], agency=agency, period=self.periods[4])
        # On the demo's calendar, whenever it is seeded: capaian set last week, the forum opened on DEMO_TODAY.
        zone = timezone.get_default_timezone()
        set_at = dt.datetime.combine(dt.date(YEAR, 11, 20), dt.time(9, 30), tzinfo=zone)
        OrganizationRating.objects.filter(unit=agency, period=self.periods[4]).update(set_at=set_at, updated_at=set_at)
        opened = dt.datetime.combine(DEMO_TODAY, dt.time(9, 0), tzinfo=zone)
        CalibrationForum.objects.filter(pk=forum.pk).update(opened_at=opened)
        self.counts["evaluations_rated_q4"] = sum(1 for r in rows if r.values.get("status") == EvaluationStatus.RATED)

    # --- the history of Triwulan I ----------------------------------------------------------------------
    def _backdate(self, objections: dict[str, Objection]) -> None:
        """The services stamped the seeding time; Triwulan I happened in April (a few statements per OPD)."""
        rng, q1, zone = self.rng, self.periods[1], timezone.get_default_timezone()
        at = lambda day, hour: dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), tzinfo=zone)  # noqa: E731
        agencies = [pk for _, pk, _ in self.history]
        set_opd, set_units = at(dt.date(YEAR, 4, 6), 9), at(dt.date(YEAR, 4, 7), 10)
        OrganizationRating.objects.filter(period=q1, unit__in=self.all_agencies).update(
            set_at=set_opd, updated_at=set_opd
        )
        OrganizationRating.objects.filter(period=q1).exclude(unit__in=self.all_agencies).update(
            set_at=set_units, updated_at=set_units)  # fmt: skip
        published = {}
        for forum, agency, held in self.history:
            opened, locked = at(held - dt.timedelta(days=2), 9), at(held, 14)
            CalibrationForum.objects.filter(pk=forum).update(opened_at=opened, locked_at=locked)
            CalibrationAdjustment.objects.filter(forum=forum).update(at=at(held, 10))
            Evaluation.objects.filter(period=q1, agency=agency, is_agency_head=False).update(
                published_at=locked, updated_at=locked)  # fmt: skip
            published[agency] = locked
        city = at(Q1_PUBLISHED, 15)
        Evaluation.objects.filter(period=q1).exclude(agency__in=agencies, is_agency_head=False).update(
            published_at=city, updated_at=city)  # fmt: skip
        EvaluationPeriod.objects.filter(pk=q1.pk).update(locked_at=city)
        # Filed within the 14 days after publication; explanation due in 7 days, decision in 14.
        moments = {}
        for kind, (filed, explained, decided) in KEBERATAN_DAYS.items():
            moments[kind] = (at(filed, 10), at(explained, 11), at(decided, 14) if decided else None)
            Objection.objects.filter(pk=objections[kind].pk).update(
                filed_at=moments[kind][0], explained_at=moments[kind][1], decided_at=moments[kind][2],
                explanation_due=filed + dt.timedelta(days=settings.KINERJA_OBJECTION_EXPLANATION_DAYS),
                decision_due=filed + dt.timedelta(days=settings.KINERJA_OBJECTION_DECISION_DAYS),
            )  # fmt: skip
        transaction.on_commit(lambda: self._settle_notifications(objections, moments, city))

    def _settle_notifications(self, objections: dict[str, Objection], moments: dict[str, tuple], city: Any) -> None:
        """After the services' own after-commit notifications: date them in April and mark them read, except
        what still waits for kepala.opd (the pending keberatan he decides)."""
        fresh = Notification.objects.filter(verb__startswith="evaluation.", created_at__gte=self.started)
        fresh.filter(verb=PUBLISHED_VERB).update(created_at=city, read_at=city + dt.timedelta(days=1))
        for kind, objection in objections.items():
            filed, explained, decided = moments[kind]
            mine = fresh.filter(url=objection_url(objection))
            waiting = {"recipient_id": self.user_of[objection.evaluation.atasan_penilai_id]} if not decided else {}
            for verb, moment in (("filed", filed), ("explained", explained), ("decided", decided)):
                if moment is None:
                    continue
                rows = Notification.objects.filter(pk__in=list(mine.filter(verb=f"evaluation.objection.{verb}")
                                                               .values_list("pk", flat=True)))  # fmt: skip
                rows.update(created_at=moment, read_at=moment + dt.timedelta(hours=2))
                if waiting:
                    rows.filter(**waiting).update(read_at=None)

    # --- the whole ---------------------------------------------------------------------------------------
    def _keys(self, rows: list[Row]) -> None:
        """The demo accounts' places: kepala.opd's OPD, penilai's bidang, the two keberatan."""
        penilai = self.named["penilai"].employee_id
        mine = next(r for r in rows if r.employee == penilai)
        self.demo_agency, self.penilai_unit = mine.agency, mine.unit
        team = sorted((r for r in rows if r.penilai == penilai), key=lambda r: (r.name, r.pk))
        self.keberatan = {"decided": mine.pk, "pending": team[0].pk}

    def run(self) -> dict[str, int]:
        self.started = timezone.now()
        self._load()
        self.history: list[tuple[int, int, dt.date]] = []
        q1, q4 = self._rows(1), self._rows(4)
        self._keys(q1)
        self.all_agencies = sorted({r.agency for r in q1})
        ratings = self._org_ratings_q1(q1)
        self._rate_q1(q1, ratings)
        self._forums_q1(q1, ratings)
        objections = self._objections()
        self._backdate(objections)
        self._q4(q4)
        self.counts.update(evaluations=len(q1) + len(q4), org_ratings=sum(self.org_counts) + 1)
        return self.counts


def seed_evaluation(rng: random.Random) -> dict[str, int]:
    """Add the 2026 evaluation data to a freshly seeded city with its monitoring data; counts for the audit."""
    return EvaluationSeeder(rng).run()
