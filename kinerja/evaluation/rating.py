"""Ratings and predikat (PermenPANRB 6/2022 Ps 24–25; regulation.md §6.2–§6.6): pure functions, no database.

The system only suggests a rating, from the evidence, and says why; the pejabat penilai decides (regulation.md §6.2:
"a judgement of the Pejabat Penilai; the system should suggest").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, ngettext

from kinerja.evaluation.choices import Rating
from kinerja.monitoring.choices import Reaction
from kinerja.planning import rules
from kinerja.planning.choices import ItemKind

if TYPE_CHECKING:
    from kinerja.monitoring.models import Feedback
    from kinerja.monitoring.selectors import ItemProgress

HUNDRED = Decimal(100)
# The "Angka" aid of one implementation (regulation.md §6.2): Di Bawah = 1, Sesuai = 2, Di Atas = 3.
SCALE = {rules.BELOW: 1, rules.MEETS: 2, rules.ABOVE: 3}
FROM_SCALE = {v: k for k, v in SCALE.items()}


def predikat_for(results_rating: str, behaviour_rating: str, matrix: Mapping[str, Mapping[str, str]]) -> str:
    """Predikat kinerja pegawai from the year's matrix (regulation.md §6.3)."""
    try:
        return matrix[results_rating][behaviour_rating]
    except KeyError:
        raise ValueError(f"No predikat for ratings ({results_rating!r}, {behaviour_rating!r})") from None


def results_rating_for_org(org_predikat: str) -> str:
    """A unit head's rating hasil kerja is the unit's capaian kinerja organisasi (PermenPANRB 6/2022 Ps 25)."""
    return rules.ORG_RESULTS_RATING[org_predikat]


@dataclass
class Suggestion:
    results: str
    behaviour: str
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        # The shape of Evaluation.suggestion.
        return {"results": self.results, "behaviour": self.behaviour, "reasons": [str(r) for r in self.reasons]}


def _label(rating: str) -> str:
    return str(Rating(rating).label)


def _rhk_capaian(progress: ItemProgress) -> Decimal | None:
    """Mean capaian of an RHK's IKI that have one (no realisasi or no numeric target: not evidence)."""
    values = [ind.capaian for ind in progress.indicators if ind.capaian is not None]
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


def _results(items: list[ItemProgress], feedback: list[Feedback]) -> tuple[str, list[str]]:
    """BKN guidance (regulation.md §6.2): Di Atas = most or all hasil kerja above expectations and no RHK utama below;
    Di Bawah = most or all below; otherwise Sesuai. The expectation of an RHK is its IKI targets."""
    main = [p for p in items if p.item.kind == ItemKind.MAIN]
    measured = [(p, c) for p in main if (c := _rhk_capaian(p)) is not None]
    above = sum(1 for _p, c in measured if c > HUNDRED)
    below = sum(1 for _p, c in measured if c < HUNDRED)
    on = len(measured) - above - below
    unmeasured = len(main) - len(measured)
    main_ids = {p.item.pk for p in main}
    flagged = [f for f in feedback if f.item_id in main_ids and f.reaction == Reaction.ATTENTION]
    reasons = []
    if not measured:
        reasons.append(
            gettext(
                "No RHK utama has a realisasi against a numeric target in this period: there is no evidence "
                "for the rating hasil kerja, so the suggestion is %(rating)s."
            )
            % {"rating": _label(rules.MEETS)}
        )
        return rules.MEETS, reasons
    reasons.append(
        gettext("RHK utama with realisasi: %(above)s above target, %(on)s on target, %(below)s below target.")
        % {"above": above, "on": on, "below": below}
    )
    if unmeasured:
        reasons.append(
            ngettext(
                "%(n)s RHK utama has no realisasi for this period: it counts as no evidence, not as below target.",
                "%(n)s RHK utama have no realisasi for this period: they count as no evidence, not as below target.",
                unmeasured,
            )
            % {"n": unmeasured}
        )
    if flagged:
        reasons.append(
            ngettext(
                "%(n)s feedback on an RHK utama is marked “Needs attention”.",
                "%(n)s feedback on RHK utama are marked “Needs attention”.",
                len(flagged),
            )
            % {"n": len(flagged)}
        )
    if below * 2 > len(measured):
        rating, why = rules.BELOW, gettext("Most RHK utama are below target.")
    elif above * 2 > len(measured) and not below and not flagged:
        rating, why = rules.ABOVE, gettext("Most RHK utama are above target and none is below.")
    elif above * 2 > len(measured):
        rating, why = (
            rules.MEETS,
            gettext(
                "Most RHK utama are above target, but Above expectations needs no RHK utama below target or needing "
                "attention."
            ),
        )
    else:
        rating, why = rules.MEETS, gettext("Most RHK utama meet their target, or the results are mixed.")
    reasons.append(why + " " + gettext("Suggested: %(rating)s.") % {"rating": _label(rating)})
    return rating, reasons


def _value_names(values: Iterable[Any]) -> str:
    ordered = sorted(values, key=lambda v: (getattr(v, "order", 0), v.name))
    return ", ".join(v.name for v in ordered)


def _behaviour(feedback: list[Feedback]) -> tuple[str, list[str]]:
    """Perilaku kerja, analogous over the BerAKHLAK core values (regulation.md §6.2): a value counts as excellent
    or needing attention by the majority of the reactions its feedback got in the period."""
    tally: dict[int, list[int]] = {}
    values: dict[int, Any] = {}
    for f in feedback:
        if f.value_id is None or f.reaction not in (Reaction.EXCELLENT, Reaction.ATTENTION, Reaction.GOOD):
            continue
        values[f.value_id] = f.value
        counts = tally.setdefault(f.value_id, [0, 0])
        if f.reaction == Reaction.EXCELLENT:
            counts[0] += 1
        elif f.reaction == Reaction.ATTENTION:
            counts[1] += 1
    if not tally:
        text = gettext(
            "No feedback with a reaction on the BerAKHLAK core values in this period: there is no evidence to "
            "depart from %(rating)s."
        )
        return rules.MEETS, [text % {"rating": _label(rules.MEETS)}]
    excellent = [values[v] for v, (good, bad) in tally.items() if good > bad]
    attention = [values[v] for v, (good, bad) in tally.items() if bad > good]
    reasons = [
        ngettext(
            "Feedback with a reaction covers %(n)s core value.",
            "Feedback with a reaction covers %(n)s core values.",
            len(tally),
        )
        % {"n": len(tally)}
    ]
    if excellent:
        reasons.append(gettext("Marked “Excellent”: %(values)s.") % {"values": _value_names(excellent)})
    if attention:
        reasons.append(gettext("Marked “Needs attention”: %(values)s.") % {"values": _value_names(attention)})
    if len(attention) * 2 > len(tally):
        rating = rules.BELOW
    elif len(excellent) * 2 > len(tally) and not attention:
        rating = rules.ABOVE
    else:
        rating = rules.MEETS
    reasons.append(gettext("Suggested: %(rating)s.") % {"rating": _label(rating)})
    return rating, reasons


def suggest(items: list[ItemProgress], feedback: list[Feedback]) -> Suggestion:
    """Suggested ratings of a period from capaian per IKI (RHK utama) and the period's feedback, with reasons."""
    results, results_reasons = _results(items, feedback)
    behaviour, behaviour_reasons = _behaviour(feedback)
    return Suggestion(results=results, behaviour=behaviour, reasons=results_reasons + behaviour_reasons)


def _average(name: str, ratings: list[str]) -> tuple[str, str]:
    """Mean on the 1–3 scale, rounded to the nearest rating; an exact half goes the way of the latest period."""
    scores = [SCALE[r] for r in ratings]
    mean = Decimal(sum(scores)) / len(scores)
    low = int(mean)
    if mean - low == Decimal("0.5"):
        rounded = low + 1 if scores[-1] > low else low
    else:
        rounded = int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    rating = FROM_SCALE[rounded]
    text = gettext("%(what)s: the average of the periods is %(mean)s (Below = 1, Meets = 2, Above = 3): %(rating)s.")
    return rating, text % {"what": name, "mean": mean.quantize(Decimal("0.01")), "rating": _label(rating)}


def suggest_annual(periodic: list[tuple[str, str, str]]) -> Suggestion:
    """The annual suggestion from the published periodic evaluations (period name, results, behaviour), oldest
    first. PermenPANRB 6/2022 leaves the derivation to the penilai (regulation.md §6.5): each period weighs the same."""
    rated = [(name, r, b) for name, r, b in periodic if r in SCALE and b in SCALE]
    if not rated:
        text = gettext("No periodic evaluation of this year is published: the suggestion is %(rating)s.")
        return Suggestion(rules.MEETS, rules.MEETS, [text % {"rating": _label(rules.MEETS)}])
    reasons = [
        gettext("%(period)s: hasil kerja %(results)s, perilaku kerja %(behaviour)s.")
        % {"period": name, "results": _label(r), "behaviour": _label(b)}
        for name, r, b in rated
    ]
    results, why_results = _average(gettext("Hasil kerja"), [r for _n, r, _b in rated])
    behaviour, why_behaviour = _average(gettext("Perilaku kerja"), [b for _n, _r, b in rated])
    return Suggestion(results, behaviour, [*reasons, why_results, why_behaviour])


def legacy_score(items: list[ItemProgress]) -> Decimal | None:
    """Mean nilai (PermenPANRB 8/2021, 0–120) of the RHK utama IKI that have one; None when none has."""
    values = [ind.nilai for p in items if p.item.kind == ItemKind.MAIN for ind in p.indicators if ind.nilai is not None]
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def legacy_band(score: Decimal | None) -> str:
    """The band of a nilai under PP 30/2019 Ps 41(5) (regulation.md §6.6(a)). Sangat Baik also needs new ideas or
    methods that benefited the organisation, which no number shows, so 110–120 names both."""
    if score is None:
        return gettext("No nilai (no numeric target with realisasi)")
    if score >= 110:
        return gettext("Baik (90–120); Sangat Baik (110–120) if new ideas or methods also benefited the organisation")
    if score >= 90:
        return gettext("Baik (90–120)")
    if score >= 70:
        return gettext("Cukup (70 to under 90)")
    if score >= 50:
        return gettext("Kurang (50 to under 70)")
    return gettext("Sangat Kurang (under 50)")
