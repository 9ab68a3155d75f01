"""Capaian IKI and nilai per PermenPANRB 8/2021 (regulation.md §6.6(b)), with worked examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.monitoring.capaian import CapaianCategory, capaian, capaian_category, capaian_value

D = Decimal


@pytest.mark.parametrize(
    ("realisasi", "target", "expected"),
    [
        (12, 12, D("100.00")),  # on target
        (9, 12, D("75.00")),  # 9 of 12 reports
        (15, 12, D("125.00")),  # above target
        ("8.5", "10", D("85.00")),
        (0, 12, D("0.00")),
        (1, 3, D("33.33")),  # rounded half up to two decimals
    ],
)
def test_normal_capaian_is_realisasi_over_target_times_hundred(realisasi, target, expected):
    assert capaian(realisasi, target) == expected


@pytest.mark.parametrize(
    ("realisasi", "target", "expected"),
    [
        (10, 10, D("100.00")),  # exactly on target
        (8, 10, D("120.00")),  # (1 + (1 − 0.8)) × 100: two days faster is better
        (12, 10, D("80.00")),  # (1 + (1 − 1.2)) × 100: two days late
        (5, 10, D("150.00")),
    ],
)
def test_lower_is_better_capaian_is_one_plus_one_minus_ratio(realisasi, target, expected):
    assert capaian(realisasi, target, lower_is_better=True) == expected


@pytest.mark.parametrize(
    ("realisasi", "expected"),
    [
        (5, D("100.00")),  # inside 4–6: on target
        (4, D("100.00")),  # the lower bound itself
        (6, D("100.00")),  # the upper bound itself
        (9, D("150.00")),  # above: measured against the upper bound 6
        (3, D("75.00")),  # below: measured against the lower bound 4
    ],
)
def test_range_target_uses_the_nearer_bound_outside_and_hundred_inside(realisasi, expected):
    assert capaian(realisasi, 4, 6) == expected


def test_range_target_given_upside_down_is_read_as_min_max():
    assert capaian(3, 6, 4) == D("75.00")


@pytest.mark.parametrize(
    ("realisasi", "target"),
    [(5, 0), (5, None), (None, 12), ("", 12), ("abc", 12), (5, "0.00")],
)
def test_capaian_is_not_computable_without_a_number_or_with_a_zero_target(realisasi, target):
    assert capaian(realisasi, target) is None
    assert capaian(realisasi, target, lower_is_better=True) is None


def test_capaian_of_a_zero_target_with_a_real_range_uses_the_non_zero_bound():
    assert capaian(10, 0, 5) == D("200.00")
    assert capaian(5, 0, 5) == D("100.00")


@pytest.mark.parametrize(
    ("pct", "category"),
    [
        (D("120"), CapaianCategory.VERY_GOOD),
        (D("100.01"), CapaianCategory.VERY_GOOD),
        (D("100"), CapaianCategory.GOOD),
        (D("99.99"), CapaianCategory.FAIR),
        (D("99"), CapaianCategory.FAIR),
        (D("80"), CapaianCategory.FAIR),
        (D("79.99"), CapaianCategory.POOR),
        (D("79"), CapaianCategory.POOR),
        (D("60"), CapaianCategory.POOR),
        (D("59.99"), CapaianCategory.VERY_POOR),
        (D("59"), CapaianCategory.VERY_POOR),
        (D("0"), CapaianCategory.VERY_POOR),
        (D("-20"), CapaianCategory.VERY_POOR),
    ],
)
def test_categories_follow_the_regulation_bands_at_their_edges(pct, category):
    assert capaian_category(pct) == category


def test_category_of_an_uncomputable_capaian_is_none():
    assert capaian_category(None) is None
    assert capaian_value(None) is None


def test_worked_example_hundred_percent_is_baik_with_nilai_109():
    pct = capaian(12, 12)
    assert capaian_category(pct) == CapaianCategory.GOOD
    assert capaian_value(pct) == D("109.00")


def test_worked_example_ninety_eight_percent_is_cukup_with_nilai_88():
    pct = capaian(D("9.8"), 10)
    assert pct == D("98.00")
    assert capaian_category(pct) == CapaianCategory.FAIR
    assert capaian_value(pct) == D("88.00")


@pytest.mark.parametrize(
    ("pct", "nilai"),
    [
        (D("80"), D("70.00")),  # Cukup: 70 + (89 − 70) / (99 − 80) × (C − 80)
        (D("99"), D("89.00")),
        (D("99.5"), D("89.00")),  # still Cukup: capped at the band's top
        (D("60"), D("50.00")),  # Kurang: 50 + (69 − 50) / (79 − 60) × (C − 60)
        (D("75"), D("65.00")),
        (D("79"), D("69.00")),
        (D("59"), D("49.00")),  # Sangat Kurang: C / 59 × 49
        (D("30"), D("24.92")),
        (D("0"), D("0.00")),
        (D("-10"), D("0.00")),  # a very late "lower is better" result scores nothing, not a negative
        (D("101"), D("110.00")),  # Sangat Baik 101–110: 110 + (120 − 110) / (110 − 101) × (C − 101)
        (D("105.5"), D("115.00")),
        (D("110"), D("120.00")),
        (D("100.5"), D("110.00")),  # between Baik and 101%: Sangat Baik starts at 110
        (D("150"), D("120.00")),  # above 110% → 120
    ],
)
def test_nilai_follows_the_formula_of_each_category(pct, nilai):
    assert capaian_value(pct) == nilai


def test_a_range_target_reached_at_its_maximum_scores_120():
    assert capaian_value(D("100"), upper_bound_reached=True) == D("120.00")


def test_lower_is_better_result_feeds_the_same_nilai_scale():
    pct = capaian(11, 10, lower_is_better=True)  # one day late on 10: 90%
    assert pct == D("90.00")
    assert capaian_value(pct) == D("80.00")
