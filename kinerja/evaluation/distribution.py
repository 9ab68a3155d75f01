"""Pola distribusi predikat kinerja pegawai (SE MenPANRB 3/2023; regulation.md §6.4): pure functions, no database.

The year's rule table (PerformanceYear.distribution_rules, defaults in planning.rules.DISTRIBUTION_RULES) maps an
org predikat to rules; each rule names the employee predikat it counts and one bound: max_pct / min_pct (percent of
the unit) or min_count / max_count (people). Percentages use exact integer arithmetic: a max_pct p holds when
count × 100 <= total × p, a min_pct p when count × 100 >= total × p (so 70% of 7 people allows 4, not 5).

Small units (total < small_unit_size): regulation.md §6.4 notes that "min 10%" / "must include" rules are awkward
below 10 people, so failing percentage and min_count rules are warnings there (the forum may lock with a written
justification); max_count rules ("no Sangat Baik") stay violations whatever the size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations_with_replacement
from typing import Any

from django.utils.translation import gettext, ngettext

from kinerja.evaluation.choices import Predikat
from kinerja.evaluation.distribution_flow import PREDIKAT, RANK, laminar, min_cost_plan, steps

OK = "ok"
VIOLATION = "violation"
WARNING = "warning"
KINDS = ("max_pct", "min_pct", "min_count", "max_count")


@dataclass(frozen=True)
class RuleResult:
    predikat: tuple[str, ...]
    kind: str
    bound: int
    count: int
    limit: int
    severity: str
    people: int
    label: str

    def to_json(self) -> dict[str, Any]:
        return {
            "predikat": list(self.predikat),
            "kind": self.kind,
            "bound": self.bound,
            "count": self.count,
            "limit": self.limit,
            "severity": self.severity,
            "people": self.people,
            "label": str(self.label),
        }


@dataclass(frozen=True)
class DistributionCheck:
    org_predikat: str
    total: int
    counts: dict[str, int]
    results: list[RuleResult]
    small_unit: bool

    @property
    def violations(self) -> list[RuleResult]:
        return [r for r in self.results if r.severity == VIOLATION]

    @property
    def warnings(self) -> list[RuleResult]:
        return [r for r in self.results if r.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.violations

    def to_json(self) -> dict[str, Any]:
        return {
            "org_predikat": self.org_predikat,
            "total": self.total,
            "counts": dict(self.counts),
            "small_unit": self.small_unit,
            "ok": self.ok,
            "results": [r.to_json() for r in self.results],
        }


def _counts(counts: Mapping[str, int]) -> dict[str, int]:
    unknown = set(counts) - set(PREDIKAT)
    if unknown:
        raise ValueError(f"Unknown predikat in counts: {sorted(unknown)}")
    return {p: int(counts.get(p, 0)) for p in PREDIKAT}


def _parse(rule: Mapping[str, Any]) -> tuple[tuple[str, ...], str, int]:
    kinds = [k for k in KINDS if k in rule]
    if len(kinds) != 1:
        raise ValueError(f"A distribution rule needs exactly one of {KINDS}: {dict(rule)}")
    predikat = tuple(p for p in PREDIKAT if p in rule["predikat"])  # best first, whatever the table's order
    return predikat, kinds[0], int(rule[kinds[0]])


def _limit(kind: str, bound: int, total: int) -> int:
    if kind == "max_pct":
        return total * bound // 100  # floor: the most people with count × 100 <= total × p
    if kind == "min_pct":
        return -(-total * bound // 100)  # ceil: the fewest people with count × 100 >= total × p
    return bound


def _names(predikat: Iterable[str]) -> str:
    names = [str(Predikat(p).label) for p in predikat]
    if len(names) == 1:
        return names[0]
    return gettext("%(first)s or %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _label(predikat: tuple[str, ...], kind: str, bound: int, limit: int, total: int) -> str:
    names = _names(predikat)
    values = {"names": names, "bound": bound, "limit": limit, "total": total}
    if kind == "max_pct":
        text = ngettext(
            "%(names)s: at most %(bound)s%% (%(limit)s of %(total)s person)",
            "%(names)s: at most %(bound)s%% (%(limit)s of %(total)s people)",
            total,
        )
    elif kind == "min_pct":
        text = ngettext(
            "%(names)s: at least %(bound)s%% (%(limit)s of %(total)s person)",
            "%(names)s: at least %(bound)s%% (%(limit)s of %(total)s people)",
            total,
        )
    elif kind == "min_count":
        text = ngettext("%(names)s: at least %(bound)s person", "%(names)s: at least %(bound)s people", bound)
    elif bound == 0:
        text = gettext("%(names)s: nobody")
    else:
        text = ngettext("%(names)s: at most %(bound)s person", "%(names)s: at most %(bound)s people", bound)
    return text % values


def check_distribution(
    org_predikat: str, counts: Mapping[str, int], rules: Mapping[str, list[dict]], *, small_unit_size: int
) -> DistributionCheck:
    """Every rule of the org predikat against the counts: whether it holds and how many people must change."""
    counts = _counts(counts)
    total = sum(counts.values())
    small = total < small_unit_size
    results = []
    for rule in rules.get(org_predikat, []):
        predikat, kind, bound = _parse(rule)
        count = sum(counts[p] for p in predikat)
        limit = _limit(kind, bound, total)
        people = max(0, count - limit) if kind.startswith("max") else max(0, limit - count)
        if total == 0:
            people = 0  # nobody to rate, nothing to distribute
        if people == 0:
            severity = OK
        elif small and kind != "max_count":
            severity = WARNING
        else:
            severity = VIOLATION
        label = _label(predikat, kind, bound, limit, total)
        results.append(RuleResult(predikat, kind, bound, count, limit, severity, people, label))
    return DistributionCheck(org_predikat, total, counts, results, small)


# --- The fewest changes (the method: evaluation.distribution_flow) ---------------------------------


@dataclass(frozen=True)
class Move:
    from_predikat: str
    to_predikat: str
    people: int


@dataclass(frozen=True)
class FitPlan:
    moves: list[Move]
    target: dict[str, int]
    total_moves: int
    feasible: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "moves": [{"from": m.from_predikat, "to": m.to_predikat, "people": m.people} for m in self.moves],
            "target": dict(self.target),
            "total_moves": self.total_moves,
            "feasible": self.feasible,
        }


def _hard_sets(
    org_predikat: str, rules: Mapping[str, list[dict]], total: int, *, all_hard: bool
) -> dict[frozenset[str], list[int]] | None:
    """The rule sets whose failure is a violation, as {set: [lower, upper]}; None if two rules contradict."""
    sets: dict[frozenset[str], list[int]] = {}
    for rule in rules.get(org_predikat, []):
        predikat, kind, bound = _parse(rule)
        if not all_hard and kind != "max_count":
            continue
        bounds = sets.setdefault(frozenset(predikat), [0, total])
        limit = _limit(kind, bound, total)
        if kind.startswith("max"):
            bounds[1] = min(bounds[1], limit)
        else:
            bounds[0] = max(bounds[0], limit)
    if any(lo > hi or lo > total or hi < 0 for lo, hi in sets.values()):
        return None
    return sets


def _cost(counts: Mapping[str, int], target: Mapping[str, int]) -> int:
    return sum(max(0, counts[p] - target[p]) for p in PREDIKAT)


def _compositions(total: int) -> Iterable[dict[str, int]]:
    for cut in combinations_with_replacement(range(total + 1), len(PREDIKAT) - 1):
        edges = (0, *cut, total)
        yield {p: edges[i + 1] - edges[i] for i, p in enumerate(PREDIKAT)}


# Crossing rule sets (none in regulation.md §6.4) are not a flow; an exhaustive search answers them for units up to
# this size and larger ones get no suggestion (feasible False): the forum adjusts by hand.
EXHAUSTIVE_MAX = 20  # 10,626 candidate targets: about 35 ms


def fit(
    org_predikat: str, counts: Mapping[str, int], rules: Mapping[str, list[dict]], *, small_unit_size: int
) -> FitPlan:
    """The fewest people changing predikat so that no violation remains (warnings may remain)."""
    counts = _counts(counts)
    total = sum(counts.values())
    check = check_distribution(org_predikat, counts, rules, small_unit_size=small_unit_size)
    if check.ok:
        return FitPlan(moves=[], target=dict(counts), total_moves=0, feasible=True)
    sets = _hard_sets(org_predikat, rules, total, all_hard=not check.small_unit)
    infeasible = FitPlan(moves=[], target=dict(counts), total_moves=0, feasible=False)
    if sets is None:
        return infeasible
    if not laminar(sets):
        if total > EXHAUSTIVE_MAX:
            return infeasible
        bounds = [(tuple(s), lo, hi) for s, (lo, hi) in sets.items()]
        allowed = [t for t in _compositions(total) if all(lo <= sum(t[p] for p in s) <= hi for s, lo, hi in bounds)]
        if not allowed:
            return infeasible
        best = min(allowed, key=lambda t: (_cost(counts, t), steps(counts, t)))
        # The chosen target as singleton sets is laminar: the flow says who goes where.
        sets = {frozenset([p]): [best[p], best[p]] for p in PREDIKAT}
    solved = min_cost_plan(counts, total, sets, {})
    if solved is None:
        return infeasible
    moves = [Move(p, q, n) for (p, q), n in solved[0].items() if p != q and n]
    return FitPlan(moves=moves, target=solved[1], total_moves=sum(m.people for m in moves), feasible=True)


def curve(org_predikat: str, total: int, rules: Mapping[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """Per predikat, the fewest and the most people any allowed distribution of ``total`` people has there."""
    sets = _hard_sets(org_predikat, rules, total, all_hard=True)
    if total == 0 or sets is None or not laminar(sets):
        return _naive_curve(org_predikat, total, rules)
    band = {}
    for p in PREDIKAT:
        low = min_cost_plan(None, total, sets, {p: 1})
        high = min_cost_plan(None, total, sets, {p: -1})
        if low is None or high is None:
            return _naive_curve(org_predikat, total, rules)
        band[p] = (low[1][p], high[1][p])
    return band


def _naive_curve(org_predikat: str, total: int, rules: Mapping[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """Each rule on its own (the bands drawn when the rules cannot all hold for this many people)."""
    band = {p: [0, total] for p in PREDIKAT}
    for rule in rules.get(org_predikat, []):
        predikat, kind, bound = _parse(rule)
        limit = min(total, _limit(kind, bound, total))
        for p in predikat:
            if kind.startswith("max"):
                band[p][1] = min(band[p][1], limit)
            elif len(predikat) == 1:
                band[p][0] = max(band[p][0], limit)
    return {p: (lo, hi) for p, (lo, hi) in band.items()}


# --- Who moves ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    evaluation_id: int
    predikat: str
    score: Decimal | None
    name: str


@dataclass(frozen=True)
class ProposedChange:
    evaluation_id: int
    name: str
    from_predikat: str
    to_predikat: str
    why: str


def propose_changes(plan: FitPlan, candidates: list[Candidate]) -> list[ProposedChange]:
    """Names for the plan's moves: a downgrade takes the lowest nilai of the predikat it leaves, an upgrade the
    highest; ties by name. People without a nilai come last either way (there is no evidence to rank them by).
    Within one predikat the biggest step goes to the most extreme nilai. People decide (issue 5): a proposal only."""
    changes = []
    used: set[int] = set()
    for move in sorted(plan.moves, key=lambda m: -abs(RANK[m.from_predikat] - RANK[m.to_predikat])):
        down = RANK[move.to_predikat] < RANK[move.from_predikat]

        def order(c: Candidate, down: bool = down) -> tuple:
            if c.score is None:
                return (1, 0, c.name, c.evaluation_id)
            return (0, c.score if down else -c.score, c.name, c.evaluation_id)

        pool = sorted(
            (c for c in candidates if c.predikat == move.from_predikat and c.evaluation_id not in used), key=order
        )
        for c in pool[: move.people]:
            used.add(c.evaluation_id)
            changes.append(
                ProposedChange(c.evaluation_id, c.name, move.from_predikat, move.to_predikat, _why(c, move, down))
            )
    return sorted(changes, key=lambda ch: (PREDIKAT.index(ch.from_predikat), ch.name, ch.evaluation_id))


def _why(c: Candidate, move: Move, down: bool) -> str:
    values = {"from": Predikat(move.from_predikat).label, "to": Predikat(move.to_predikat).label, "score": c.score}
    if c.score is None:
        text = gettext(
            "The distribution rules need people moved from %(from)s to %(to)s: no nilai to rank by, chosen by name."
        )
    elif down:
        text = gettext(
            "The distribution rules need people moved from %(from)s to %(to)s: the lowest nilai in %(from)s "
            "(%(score)s)."
        )
    else:
        text = gettext(
            "The distribution rules need people moved from %(from)s to %(to)s: the highest nilai in %(from)s "
            "(%(score)s)."
        )
    return text % values
