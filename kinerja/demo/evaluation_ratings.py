"""Ratings of the demo evaluations from the evidence: realisasi of the RHK utama and the feedback received.

Used by demo/evaluation.py. The system's suggestion (kept on the evaluation as evaluation_rate keeps it) and the
penilai's own decision, which mostly follows it; each with a reason in Indonesian built from the numbers.
Written set-based: one parameterised UPDATE per evaluation through executemany.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone

from kinerja.demo import evaluation_texts as texts
from kinerja.evaluation.choices import EvaluationStatus
from kinerja.evaluation.models import Evaluation
from kinerja.monitoring.capaian import capaian_value, indicator_capaian
from kinerja.planning import rules
from kinerja.planning.models import EvaluationPeriod

ABOVE, MEETS, BELOW = rules.ABOVE, rules.MEETS, rules.BELOW


def _moment(rng: random.Random, day: dt.date, hours: tuple[int, int] = (8, 15)) -> dt.datetime:
    """Office hours in Lhokseumawe (WIB)."""
    zone = timezone.get_default_timezone()
    return dt.datetime.combine(day, dt.time(rng.randint(*hours), rng.randint(0, 59)), tzinfo=zone)


def _day(rng: random.Random, span: tuple[dt.date, dt.date]) -> dt.date:
    return span[0] + dt.timedelta(days=rng.randint(0, (span[1] - span[0]).days))


@dataclass(frozen=True)
class Iki:
    """What monitoring.capaian reads of an IKI."""

    pk: int
    target_min: Decimal | None
    target_max: Decimal | None
    lower_is_better: bool


@dataclass(eq=False)
class Row:
    """One evaluation and what the seeder decides for it."""

    pk: int
    plan: int
    employee: int
    name: str
    agency: int
    unit: int
    penilai: int | None
    unit_head: bool
    agency_head: bool
    results: str = ""
    behaviour: str = ""
    score: Decimal | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def predikat(self) -> str:
        return rules.PREDIKAT_MATRIX[self.results][self.behaviour] if self.results else ""


class RatingMixin:
    """What EvaluationSeeder rates with; it provides rng, iki, realisasi, reactions, unit_names, user_of, named."""

    rng: random.Random
    iki: dict[int, list[Iki]]
    realisasi: dict[tuple[int, int], Decimal]
    reactions: dict[int, Counter[str]]
    unit_names: dict[int, str]
    user_of: dict[int, int]
    named: dict[str, Any]

    def _evidence(self, row: Row, period: EvaluationPeriod) -> tuple[Decimal | None, Decimal | None, int, int]:
        """(mean capaian %, mean nilai, IKI on target, IKI with a number) of the RHK utama for the period."""
        capaian, nilai, met = [], [], 0
        for iki in self.iki.get(row.plan, ()):
            value = self.realisasi.get((iki.pk, period.pk))
            pct = indicator_capaian(iki, value) if value is not None and iki.target_min is not None else None
            if pct is None:
                continue
            capaian.append(Decimal(pct))
            nilai.append(capaian_value(pct) or Decimal(0))
            met += pct >= 100
        if not capaian:
            return None, None, 0, 0
        mean = sum(capaian) / len(capaian)
        return mean, (sum(nilai) / len(nilai)).quantize(Decimal("0.01")), met, len(capaian)

    def _rate(self, row: Row, period: EvaluationPeriod, org: str | None, *, strict: bool = False) -> None:
        """The system's suggestion from realisasi and feedback; the penilai mostly follows it, sometimes not."""
        rng = self.rng
        capaian, score, met, total = self._evidence(row, period)
        row.score = score
        if row.unit_head and org:
            suggested = rules.ORG_RESULTS_RATING[org]
            reason = texts.RESULTS_UNIT_HEAD.format(unit=self.unit_names.get(row.unit, ""),
                                                    predikat=texts.ORG_LABEL[org])  # fmt: skip
        else:
            if score is None:
                suggested = rng.choices((ABOVE, MEETS, BELOW), (2, 7, 1))[0]
            elif strict:  # an OPD that fell short: the penilai rates against the unit's own capaian
                suggested = ABOVE if score >= 115 else MEETS if score >= 100 else BELOW
            else:
                suggested = ABOVE if score >= 108 and met == total else BELOW if score < 75 else MEETS
            reason = ""
        reactions = self.reactions.get(row.plan, Counter())
        above = 0.12 + 0.15 * reactions["excellent"]
        below = 0.03 + 0.08 * reactions["attention"]
        behaviour = rng.choices((ABOVE, MEETS, BELOW), (above, max(0.2, 1 - above - below), below))[0]
        results = suggested
        if not (row.unit_head and org) and rng.random() < 0.08:  # the penilai decides, not the system
            results = rng.choice([r for r in (ABOVE, MEETS, BELOW) if r != suggested])
        row.results, row.behaviour = results, behaviour
        row.values.update(
            results_rating=results,
            results_reason=reason
            or (
                texts.results_reason(rng, results, capaian, met, total)
                if results == suggested
                else texts.OVERRIDE[results].format(capaian=texts.pct(capaian or 100))
            ),
            behaviour_rating=behaviour,
            behaviour_reason=texts.behaviour_reason(rng, behaviour),
            note=rng.choice(texts.NOTES),
            suggestion={
                "results": suggested,
                "behaviour": behaviour,
                "reasons": [
                    reason or texts.results_reason(rng, suggested, capaian, met, total),
                    texts.FEEDBACK_REASON.format(excellent=reactions["excellent"], attention=reactions["attention"]),
                ],
            },
            legacy_score=score,
        )

    def _rated(self, row: Row, rated: dt.datetime) -> None:
        penilai_user = self.user_of.get(row.penilai) if row.penilai else None
        row.values.update(status=EvaluationStatus.RATED, proposed_predikat=row.predikat, rated_at=rated,
                          rated_by=penilai_user or self.named["walikota"].pk)  # fmt: skip

    def _self_assess(self, row: Row, day: dt.date) -> None:
        row.values.update(self_assessment=self.rng.choice(texts.SELF_ASSESSMENTS),
                          self_assessed_at=_moment(self.rng, day, (13, 16)))  # fmt: skip

    def _write(self, rows: list[Row]) -> None:
        """One parameterised UPDATE per evaluation through executemany (as builder._write_paths does)."""
        quote = connection.ops.quote_name
        by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows:
            if not row.values:
                continue
            names = tuple(sorted(row.values))
            params = []
            for name in names:
                model_field = Evaluation._meta.get_field(name)
                params.append(model_field.get_db_prep_save(row.values[name], connection))
            by_columns[names].append((*params, row.pk))
        with connection.cursor() as cursor:
            for names, params in by_columns.items():
                columns = [Evaluation._meta.get_field(name).column for name in names]
                sets = ", ".join(f"{quote(column)} = %s" for column in columns)
                cursor.executemany(f"UPDATE {quote(Evaluation._meta.db_table)} SET {sets} WHERE id = %s", params)  # noqa: S608
