"""Pola distribusi (SE MenPANRB 3/2023; regulation.md §6.4): the checker, the allowed curve, the fewest changes."""

from __future__ import annotations

import time
from decimal import Decimal
from itertools import combinations_with_replacement

import pytest
from django.utils import translation

from kinerja.evaluation.choices import CURVE_ORDER
from kinerja.evaluation.distribution import (
    Candidate,
    FitPlan,
    Move,
    check_distribution,
    curve,
    fit,
    propose_changes,
)
from kinerja.planning.rules import (
    BAIK,
    BUTUH_PERBAIKAN,
    DISTRIBUTION_RULES,
    ISTIMEWA,
    KURANG,
    SANGAT_BAIK,
    SANGAT_KURANG,
)

SB, B, BP, K, SK = SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG
PREDIKAT = (SB, B, BP, K, SK)
ORGS = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
RANK = {str(p): i for i, p in enumerate(CURVE_ORDER)}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def check(org, small_unit_size=10, rules=DISTRIBUTION_RULES, **counts):
    return check_distribution(org, counts, rules, small_unit_size=small_unit_size)


def outcome(result):
    return [(r.kind, r.severity, r.people) for r in result.results]


# --- check_distribution: every org predikat, at the limits -----------------------------------

CASES = [
    # Istimewa: Sangat Baik at most 70%.
    (ISTIMEWA, {SB: 7, B: 3}, [("max_pct", "ok", 0)]),
    (ISTIMEWA, {SB: 8, B: 2}, [("max_pct", "violation", 1)]),
    (ISTIMEWA, {SB: 10}, [("max_pct", "violation", 3)]),
    # Baik: Baik at most 70%; at least one Butuh Perbaikan or Kurang.
    (BAIK, {B: 7, SB: 2, K: 1}, [("max_pct", "ok", 0), ("min_count", "ok", 0)]),
    (BAIK, {B: 7, SB: 2, BP: 1}, [("max_pct", "ok", 0), ("min_count", "ok", 0)]),
    (BAIK, {B: 8, BP: 2}, [("max_pct", "violation", 1), ("min_count", "ok", 0)]),
    (BAIK, {B: 7, SB: 2, SK: 1}, [("max_pct", "ok", 0), ("min_count", "violation", 1)]),
    # Butuh Perbaikan: at least 60% Butuh Perbaikan; Sangat Baik at most 10%.
    (BUTUH_PERBAIKAN, {BP: 6, B: 3, SB: 1}, [("min_pct", "ok", 0), ("max_pct", "ok", 0)]),
    (BUTUH_PERBAIKAN, {BP: 5, B: 5}, [("min_pct", "violation", 1), ("max_pct", "ok", 0)]),
    (BUTUH_PERBAIKAN, {BP: 6, SB: 2, K: 2}, [("min_pct", "ok", 0), ("max_pct", "violation", 1)]),
    # Kurang: at least 60% Kurang, at least 10% Butuh Perbaikan, Sangat Baik at most 10%.
    (KURANG, {K: 6, BP: 1, SB: 1, B: 2}, [("min_pct", "ok", 0), ("min_pct", "ok", 0), ("max_pct", "ok", 0)]),
    (KURANG, {K: 7, B: 3}, [("min_pct", "ok", 0), ("min_pct", "violation", 1), ("max_pct", "ok", 0)]),
    (KURANG, {K: 5, BP: 3, SB: 2}, [("min_pct", "violation", 1), ("min_pct", "ok", 0), ("max_pct", "violation", 1)]),
    # Sangat Kurang: at least 60% Sangat Kurang, at least 10% Kurang or Butuh Perbaikan, no Sangat Baik.
    (SANGAT_KURANG, {SK: 6, K: 1, B: 3}, [("min_pct", "ok", 0), ("min_pct", "ok", 0), ("max_count", "ok", 0)]),
    (SANGAT_KURANG, {SK: 6, BP: 1, B: 3}, [("min_pct", "ok", 0), ("min_pct", "ok", 0), ("max_count", "ok", 0)]),
    (
        SANGAT_KURANG,
        {SK: 4, B: 5, SB: 1},
        [("min_pct", "violation", 2), ("min_pct", "violation", 1), ("max_count", "violation", 1)],
    ),
]


@pytest.mark.parametrize(("org", "counts", "expected"), CASES)
def test_each_rule_of_the_org_predikat_reports_severity_and_people_to_change(org, counts, expected):
    result = check(org, **counts)
    assert result.total == 10
    assert outcome(result) == expected
    assert result.ok == all(severity != "violation" for _kind, severity, _people in expected)


def test_labels_name_the_predikat_the_bound_and_the_people_it_means():
    assert [r.label for r in check(ISTIMEWA, **{SB: 8, B: 2}).results] == [
        "Outstanding (Sangat Baik): at most 70% (7 of 10 people)"
    ]
    assert [r.label for r in check(BAIK, **{B: 10}).results] == [
        "Good (Baik): at most 70% (7 of 10 people)",
        "Needs improvement (Butuh Perbaikan) or Poor/Misconduct (Kurang/Misconduct): at least 1 person",
    ]
    assert check(SANGAT_KURANG, **{SK: 1}).results[2].label == "Outstanding (Sangat Baik): nobody"


def test_limits_use_exact_integer_arithmetic_on_non_round_totals():
    # 70% of 7 is 4.9: at most 4 (5 × 100 > 7 × 70); 60% of 7 is 4.2: at least 5; 10% of 7 is 0.7: at least 1.
    assert outcome(check(ISTIMEWA, small_unit_size=1, **{SB: 4, B: 3})) == [("max_pct", "ok", 0)]
    assert outcome(check(ISTIMEWA, small_unit_size=1, **{SB: 5, B: 2})) == [("max_pct", "violation", 1)]
    assert check(ISTIMEWA, **{SB: 5, B: 2}).results[0].limit == 4
    kurang = check(KURANG, small_unit_size=1, **{K: 4, BP: 1, B: 2})
    assert [(r.limit, r.people) for r in kurang.results] == [(5, 1), (1, 0), (0, 0)]
    # 10% of 11 is 1.1: two people are needed, one is a violation.
    assert check(KURANG, **{K: 9, BP: 1, B: 1}).results[1].people == 1
    assert check(KURANG, **{K: 9, BP: 2}).results[1].severity == "ok"


def test_tiny_unit_turns_failed_percentage_and_count_rules_into_warnings():
    result = check(KURANG, **{B: 5})  # 5 < 10: every rule fails
    assert [(r.severity, r.people) for r in result.results] == [("warning", 3), ("warning", 1), ("ok", 0)]
    assert result.small_unit and result.ok and len(result.warnings) == 2
    baik = check(BAIK, **{B: 3})
    assert [r.severity for r in baik.results] == ["warning", "warning"]


def test_unit_of_exactly_the_small_unit_size_is_checked_in_full():
    result = check(ISTIMEWA, small_unit_size=10, **{SB: 8, B: 2})
    assert not result.small_unit and not result.ok
    assert check(ISTIMEWA, small_unit_size=11, **{SB: 8, B: 2}).warnings[0].people == 1


def test_any_sangat_baik_under_sangat_kurang_is_a_violation_even_in_a_tiny_unit():
    result = check(SANGAT_KURANG, **{SB: 1, SK: 1})
    assert result.small_unit
    assert [(r.kind, r.severity) for r in result.violations] == [("max_count", "violation")]
    # 60% of 2 is 2 Sangat Kurang, 10% of 2 is 1 Kurang or Butuh Perbaikan: warnings only.
    assert [(r.kind, r.people) for r in result.warnings] == [("min_pct", 1), ("min_pct", 1)]


@pytest.mark.parametrize("org", ORGS)
def test_empty_unit_is_ok_under_every_org_predikat(org):
    result = check(org)
    assert result.total == 0 and result.ok and not result.warnings
    assert all(r.severity == "ok" and r.people == 0 for r in result.results)
    assert result.counts == dict.fromkeys(PREDIKAT, 0)


def test_unknown_predikat_or_rule_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown predikat"):
        check(ISTIMEWA, cukup=3)
    with pytest.raises(ValueError, match="exactly one"):
        check(ISTIMEWA, rules={ISTIMEWA: [{"predikat": [SB], "pct": 70}]}, **{SB: 1})


def test_org_predikat_without_rules_is_always_ok():
    assert check("other", **{SB: 10}).ok


def test_to_json_carries_every_result_for_the_forum_lock_and_the_api():
    data = check(KURANG, **{K: 5, BP: 3, SB: 2}).to_json()
    assert data["ok"] is False and data["total"] == 10 and data["counts"][SB] == 2
    assert data["results"][0] == {
        "predikat": [K],
        "kind": "min_pct",
        "bound": 60,
        "count": 5,
        "limit": 6,
        "severity": "violation",
        "people": 1,
        "label": "Poor/Misconduct (Kurang/Misconduct): at least 60% (6 of 10 people)",
    }


# --- curve ------------------------------------------------------------------------------------


def test_curve_gives_the_fewest_and_most_people_allowed_per_predikat():
    assert curve(ISTIMEWA, 10, DISTRIBUTION_RULES) == {SB: (0, 7), B: (0, 10), BP: (0, 10), K: (0, 10), SK: (0, 10)}
    # Baik: one person must be Butuh Perbaikan or Kurang, so at most 9 are Sangat Baik.
    assert curve(BAIK, 10, DISTRIBUTION_RULES) == {SB: (0, 9), B: (0, 7), BP: (0, 10), K: (0, 10), SK: (0, 9)}
    assert curve(BUTUH_PERBAIKAN, 7, DISTRIBUTION_RULES)[BP] == (5, 7)
    assert curve(SANGAT_KURANG, 10, DISTRIBUTION_RULES) == {SB: (0, 0), B: (0, 3), BP: (0, 4), K: (0, 4), SK: (6, 9)}


def test_curve_of_impossible_or_empty_units_falls_back_to_each_rule_alone():
    # 2 people cannot be 60% Kurang and 10% Butuh Perbaikan at once.
    assert curve(KURANG, 2, DISTRIBUTION_RULES) == {SB: (0, 0), B: (0, 2), BP: (1, 2), K: (2, 2), SK: (0, 2)}
    assert curve(ISTIMEWA, 0, DISTRIBUTION_RULES) == dict.fromkeys(PREDIKAT, (0, 0))


# --- fit: minimal, proved by brute force --------------------------------------------------------


def compositions(total):
    for cut in combinations_with_replacement(range(total + 1), 4):
        edges = (0, *cut, total)
        yield tuple(edges[i + 1] - edges[i] for i in range(5))


def steps(counts, target):
    """Earth mover's distance along the curve: the fewest steps any plan from counts to target takes."""
    order = [PREDIKAT.index(str(p)) for p in CURVE_ORDER]
    run_c = run_t = total = 0
    for i in order:
        run_c += counts[i]
        run_t += target[i]
        total += abs(run_c - run_t)
    return total


def assert_matches_brute_force(org, total, rules):
    allowed = [
        t
        for t in compositions(total)
        if check_distribution(org, dict(zip(PREDIKAT, t, strict=True)), rules, small_unit_size=1).ok
    ]
    for counts in compositions(total):
        plan = fit(org, dict(zip(PREDIKAT, counts, strict=True)), rules, small_unit_size=1)
        assert plan.feasible == bool(allowed), (org, counts)
        if not allowed:
            assert plan.moves == [] and plan.total_moves == 0
            continue
        costs = [sum(max(0, c - t) for c, t in zip(counts, target, strict=True)) for target in allowed]
        best = min(costs)
        assert plan.total_moves == best, (org, counts)
        # Among the minimal plans, the fewest steps along the curve (adjacent predikat first).
        fewest_steps = min(steps(counts, t) for t, cost in zip(allowed, costs, strict=True) if cost == best)
        assert sum(m.people * abs(RANK[m.from_predikat] - RANK[m.to_predikat]) for m in plan.moves) == fewest_steps
        target = tuple(plan.target[p] for p in PREDIKAT)
        assert target in allowed
        applied = dict(zip(PREDIKAT, counts, strict=True))
        for m in plan.moves:
            assert m.people > 0 and m.from_predikat != m.to_predikat
            applied[m.from_predikat] -= m.people
            applied[m.to_predikat] += m.people
        assert applied == plan.target
        assert sum(m.people for m in plan.moves) == plan.total_moves


@pytest.mark.parametrize("org", ORGS)
def test_fit_moves_the_fewest_people_for_every_small_unit(org):
    for total in range(9):
        assert_matches_brute_force(org, total, DISTRIBUTION_RULES)


def test_fit_is_minimal_with_nested_rules_a_year_may_configure():
    nested = {
        "x": [
            {"predikat": [B], "max_pct": 50},
            {"predikat": [B, SB], "min_pct": 70},
            {"predikat": [SK], "max_count": 0},
        ]
    }
    for total in range(8):
        assert_matches_brute_force("x", total, nested)


def test_fit_is_minimal_with_crossing_rules_in_small_units_and_gives_up_in_large_ones():
    crossing = {"x": [{"predikat": [BP, K], "min_pct": 50}, {"predikat": [K, SK], "max_pct": 20}]}
    for total in range(7):
        assert_matches_brute_force("x", total, crossing)
    plan = fit("x", {B: 40}, crossing, small_unit_size=1)
    assert plan == FitPlan(moves=[], target={SB: 0, B: 40, BP: 0, K: 0, SK: 0}, total_moves=0, feasible=False)


def test_fit_reports_impossible_combinations_as_infeasible():
    # Two people cannot be 60% Kurang and 10% Butuh Perbaikan, nor 60% Sangat Kurang and 10% Kurang/BP.
    assert fit(KURANG, {K: 2}, DISTRIBUTION_RULES, small_unit_size=1).feasible is False
    assert fit(SANGAT_KURANG, {SK: 1}, DISTRIBUTION_RULES, small_unit_size=1).feasible is False
    # The same unit counted as small: only warnings remain, nothing to move.
    assert fit(KURANG, {K: 2}, DISTRIBUTION_RULES, small_unit_size=10) == FitPlan(
        moves=[], target={SB: 0, B: 0, BP: 0, K: 2, SK: 0}, total_moves=0, feasible=True
    )


def test_fit_in_a_small_unit_fixes_only_violations_and_moves_to_the_adjacent_predikat():
    plan = fit(SANGAT_KURANG, {SB: 1, B: 2}, DISTRIBUTION_RULES, small_unit_size=10)
    assert plan.moves == [Move(SB, B, 1)] and plan.feasible


def test_fit_prefers_adjacent_predikat():
    assert fit(ISTIMEWA, {SB: 8, B: 2}, DISTRIBUTION_RULES, small_unit_size=10).moves == [Move(SB, B, 1)]
    plan = fit(KURANG, {B: 10}, DISTRIBUTION_RULES, small_unit_size=10)
    assert plan.moves == [Move(B, BP, 1), Move(B, K, 6)]  # none to Sangat Kurang: same count, more steps


def test_fit_counts_people_before_steps():
    # Sangat Baik → Baik and 6 × Baik → Butuh Perbaikan would be adjacent moves, but 7 people instead of 6.
    plan = fit(BUTUH_PERBAIKAN, {SB: 2, B: 8}, DISTRIBUTION_RULES, small_unit_size=10)
    assert plan.moves == [Move(SB, BP, 1), Move(B, BP, 5)] and plan.total_moves == 6


def test_fit_of_a_unit_within_the_rules_or_empty_moves_nobody():
    assert fit(ISTIMEWA, {SB: 7, B: 3}, DISTRIBUTION_RULES, small_unit_size=10).total_moves == 0
    assert fit(KURANG, {}, DISTRIBUTION_RULES, small_unit_size=10) == FitPlan([], dict.fromkeys(PREDIKAT, 0), 0, True)


@pytest.mark.parametrize("org", ORGS)
def test_fit_of_two_thousand_people_takes_well_under_fifty_milliseconds(org):
    counts = {SB: 700, B: 1000, BP: 150, K: 100, SK: 50}
    fastest = min(_timed(org, counts) for _ in range(3))
    assert fastest < 0.02
    plan = fit(org, counts, DISTRIBUTION_RULES, small_unit_size=10)
    assert check_distribution(org, plan.target, DISTRIBUTION_RULES, small_unit_size=10).ok


def _timed(org, counts):
    start = time.perf_counter()
    fit(org, counts, DISTRIBUTION_RULES, small_unit_size=10)
    return time.perf_counter() - start


def test_fit_plan_to_json():
    plan = fit(ISTIMEWA, {SB: 8, B: 2}, DISTRIBUTION_RULES, small_unit_size=10)
    assert plan.to_json() == {
        "moves": [{"from": SB, "to": B, "people": 1}],
        "target": {SB: 7, B: 3, BP: 0, K: 0, SK: 0},
        "total_moves": 1,
        "feasible": True,
    }


# --- propose_changes ---------------------------------------------------------------------------


def plan_of(*moves):
    return FitPlan(moves=list(moves), target={}, total_moves=sum(m.people for m in moves), feasible=True)


def test_downgrades_take_the_lowest_nilai_ties_by_name_and_people_without_nilai_last():
    candidates = [
        Candidate(1, SB, Decimal("115"), "Citra"),
        Candidate(2, SB, Decimal("90"), "Budi"),
        Candidate(3, SB, None, "Aan"),
        Candidate(4, SB, Decimal("90"), "Ani"),
        Candidate(5, B, Decimal("50"), "Dedi"),  # not in the donor predikat
    ]
    changes = propose_changes(plan_of(Move(SB, B, 2)), candidates)
    assert [(c.evaluation_id, c.from_predikat, c.to_predikat) for c in changes] == [(4, SB, B), (2, SB, B)]
    assert "the lowest nilai in Outstanding (Sangat Baik) (90)" in changes[0].why
    changes = propose_changes(plan_of(Move(SB, B, 4)), candidates)
    assert [c.name for c in changes] == ["Aan", "Ani", "Budi", "Citra"]
    assert "no nilai" in next(c.why for c in changes if c.name == "Aan")


def test_upgrades_take_the_highest_nilai_ties_by_name():
    candidates = [
        Candidate(1, B, Decimal("100"), "Zul"),
        Candidate(2, B, Decimal("109"), "Yani"),
        Candidate(3, B, Decimal("109"), "Xena"),
        Candidate(4, B, None, "Andi"),
    ]
    changes = propose_changes(plan_of(Move(B, SB, 2)), candidates)
    assert [c.name for c in changes] == ["Xena", "Yani"]
    assert "the highest nilai in Good (Baik) (109)" in changes[0].why


def test_nobody_is_proposed_twice_and_the_biggest_step_takes_the_lowest_nilai():
    candidates = [Candidate(i, B, Decimal(90 + i), f"P{i}") for i in range(1, 6)]
    changes = propose_changes(plan_of(Move(B, BP, 1), Move(B, K, 1), Move(B, SB, 1)), candidates)
    assert {c.evaluation_id: c.to_predikat for c in changes} == {1: K, 2: BP, 5: SB}


def test_a_plan_asking_for_more_people_than_there_are_proposes_those_there_are():
    changes = propose_changes(plan_of(Move(K, SK, 3)), [Candidate(7, K, Decimal("40"), "Eka")])
    assert [(c.evaluation_id, c.to_predikat) for c in changes] == [(7, SK)]
