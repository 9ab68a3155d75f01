"""Ratings and predikat (regulation.md §6.2–§6.6): the matrix, the suggestion and its reasons, legacy nilai."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from kinerja.evaluation.rating import (
    Suggestion,
    legacy_band,
    legacy_score,
    predikat_for,
    results_rating_for_org,
    suggest,
    suggest_annual,
)
from kinerja.monitoring.capaian import capaian_category
from kinerja.monitoring.models import Feedback
from kinerja.monitoring.selectors import IndicatorProgress, ItemProgress
from kinerja.planning.choices import ItemKind
from kinerja.planning.models import BehaviourValue, PlanItem
from kinerja.planning.rules import (
    ABOVE,
    BAIK,
    BELOW,
    BUTUH_PERBAIKAN,
    ISTIMEWA,
    KURANG,
    MEETS,
    PREDIKAT_MATRIX,
    SANGAT_BAIK,
    SANGAT_KURANG,
)

D = Decimal


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- The matrix (regulation.md §6.3) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "behaviour", "predikat"),
    [
        (ABOVE, BELOW, KURANG),
        (ABOVE, MEETS, BAIK),
        (ABOVE, ABOVE, SANGAT_BAIK),
        (MEETS, BELOW, KURANG),
        (MEETS, MEETS, BAIK),
        (MEETS, ABOVE, BAIK),
        (BELOW, BELOW, SANGAT_KURANG),
        (BELOW, MEETS, BUTUH_PERBAIKAN),
        (BELOW, ABOVE, BUTUH_PERBAIKAN),
    ],
)
def test_matrix_gives_the_official_predikat_for_every_pair_of_ratings(results, behaviour, predikat):
    assert predikat_for(results, behaviour, PREDIKAT_MATRIX) == predikat


def test_predikat_follows_the_years_own_matrix_and_refuses_unknown_ratings():
    changed = {**PREDIKAT_MATRIX, MEETS: {**PREDIKAT_MATRIX[MEETS], ABOVE: SANGAT_BAIK}}
    assert predikat_for(MEETS, ABOVE, changed) == SANGAT_BAIK
    with pytest.raises(ValueError, match="No predikat"):
        predikat_for("", MEETS, PREDIKAT_MATRIX)


@pytest.mark.parametrize(
    ("org", "rating"),
    [(ISTIMEWA, ABOVE), (BAIK, MEETS), (BUTUH_PERBAIKAN, BELOW), (KURANG, BELOW), (SANGAT_KURANG, BELOW)],
)
def test_unit_heads_rating_hasil_kerja_is_the_units_capaian(org, rating):
    assert results_rating_for_org(org) == rating


# --- suggest -------------------------------------------------------------------------------------

_ids = iter(range(1, 10_000))


def rhk(*capaian, kind=ItemKind.MAIN, nilai=None):
    """An RHK with one IKI per capaian (None: no realisasi yet)."""
    item = PlanItem(pk=next(_ids), kind=kind, text="RHK")
    indicators = [
        IndicatorProgress(
            indicator=None,
            realization=None,
            capaian=None if c is None else D(c),
            category=capaian_category(None if c is None else D(c)),
            nilai=nilai if c is not None else None,
        )
        for c in capaian
    ]
    return ItemProgress(item=item, indicators=indicators, entries_count=0, latest_entries=[])


VALUES = {
    name: BehaviourValue(pk=i, code=name.lower(), name=name, order=i)
    for i, name in enumerate(["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal"], start=1)
}


def on_value(name, reaction):
    return Feedback(pk=next(_ids), value=VALUES[name], text="…", reaction=reaction)


def on_item(progress, reaction):
    return Feedback(pk=next(_ids), item=progress.item, text="…", reaction=reaction)


def test_mostly_above_target_with_none_below_suggests_above_and_counts_the_rhk():
    s = suggest([rhk(120), rhk(105, 101), rhk(100), rhk(50, kind=ItemKind.ADDITIONAL)], [])
    assert s.results == ABOVE
    assert "RHK utama with realisasi: 2 above target, 1 on target, 0 below target." in s.reasons
    assert "Most RHK utama are above target and none is below. Suggested: Above expectations." in s.reasons


def test_one_rhk_utama_below_target_keeps_the_suggestion_at_meets():
    s = suggest([rhk(120), rhk(130), rhk(90)], [])
    assert s.results == MEETS
    assert "RHK utama with realisasi: 2 above target, 0 on target, 1 below target." in s.reasons


def test_mostly_below_target_suggests_below():
    s = suggest([rhk(70), rhk(99), rhk(100)], [])
    assert s.results == BELOW
    assert any(r.startswith("Most RHK utama are below target.") for r in s.reasons)


def test_rhk_without_realisasi_is_no_evidence_and_said_so():
    s = suggest([rhk(110), rhk(None), rhk(None, None)], [])
    assert s.results == ABOVE  # 1 of 1 measured is above: the unmeasured ones do not count against it
    assert "2 RHK utama have no realisasi for this period: they count as no evidence, not as below target." in s.reasons


def test_no_realisasi_at_all_defaults_to_meets_and_says_there_is_no_evidence():
    s = suggest([rhk(None), rhk(50, kind=ItemKind.ADDITIONAL)], [])
    assert s.results == MEETS
    assert "there is no evidence for the rating hasil kerja" in s.reasons[0]


def test_feedback_needing_attention_on_an_rhk_utama_blocks_above():
    first = rhk(120)
    s = suggest([first, rhk(115)], [on_item(first, "attention")])
    assert s.results == MEETS
    assert "1 feedback on an RHK utama is marked “Needs attention”." in s.reasons


def test_behaviour_follows_the_reactions_per_core_value_and_names_them():
    feedback = [
        on_value("Akuntabel", "attention"),
        on_value("Akuntabel", "attention"),
        on_value("Kompeten", "attention"),
        on_value("Harmonis", "excellent"),
    ]
    s = suggest([], feedback)
    assert s.behaviour == BELOW
    assert "Marked “Needs attention”: Akuntabel, Kompeten." in s.reasons
    assert "Marked “Excellent”: Harmonis." in s.reasons


def test_mostly_excellent_values_with_none_needing_attention_suggest_above():
    feedback = [on_value("Loyal", "excellent"), on_value("Harmonis", "excellent"), on_value("Kompeten", "good")]
    assert suggest([], feedback).behaviour == ABOVE
    mixed = [*feedback, on_value("Akuntabel", "attention")]
    assert suggest([], mixed).behaviour == MEETS


def test_a_value_counts_by_the_majority_of_its_reactions():
    feedback = [on_value("Loyal", "excellent"), on_value("Loyal", "excellent"), on_value("Loyal", "attention")]
    s = suggest([], feedback)
    assert s.behaviour == ABOVE
    assert "Marked “Needs attention”: Loyal." not in s.reasons


def test_no_reactions_on_core_values_suggest_meets_and_say_why():
    s = suggest([], [on_value("Loyal", ""), Feedback(pk=999, item=PlanItem(pk=998), text="…", reaction="excellent")])
    assert s.behaviour == MEETS
    assert s.reasons[-1].startswith("No feedback with a reaction on the BerAKHLAK core values")


def test_suggestion_to_json_has_the_shape_stored_on_the_evaluation():
    data = suggest([rhk(100)], []).to_json()
    assert data["results"] == MEETS and data["behaviour"] == MEETS
    assert all(isinstance(r, str) for r in data["reasons"]) and data["reasons"]


# --- suggest_annual -------------------------------------------------------------------------------


def test_annual_suggestion_averages_the_periods_and_shows_each():
    s = suggest_annual([("Triwulan I", ABOVE, MEETS), ("Triwulan II", MEETS, MEETS), ("Triwulan III", MEETS, BELOW)])
    assert (s.results, s.behaviour) == (MEETS, MEETS)  # 2.33 and 1.67
    assert "Triwulan I: hasil kerja Above expectations, perilaku kerja Meets expectations." in s.reasons
    assert (
        "Hasil kerja: the average of the periods is 2.33 (Below = 1, Meets = 2, Above = 3): Meets expectations."
        in s.reasons
    )
    assert suggest_annual([("I", ABOVE, BELOW), ("II", ABOVE, BELOW), ("III", MEETS, MEETS)]).results == ABOVE


def test_annual_tie_goes_the_way_of_the_latest_period():
    assert suggest_annual([("I", MEETS, ABOVE), ("II", ABOVE, MEETS)]).results == ABOVE
    assert suggest_annual([("I", MEETS, ABOVE), ("II", ABOVE, MEETS)]).behaviour == MEETS
    assert suggest_annual([("I", BELOW, MEETS), ("II", MEETS, BELOW)]).results == MEETS


def test_annual_without_published_periods_suggests_meets_and_says_so():
    s = suggest_annual([("I", "", "")])
    assert s == Suggestion(MEETS, MEETS, [s.reasons[0]])
    assert "No periodic evaluation of this year is published" in s.reasons[0]


# --- legacy nilai (regulation.md §6.6) ----------------------------------------------------------------


def test_legacy_score_is_the_mean_nilai_of_rhk_utama_iki_with_numbers():
    items = [
        rhk(100, 100, nilai=D("109")),
        rhk(90, None, nilai=D("80")),
        rhk(100, kind=ItemKind.ADDITIONAL, nilai=D("10")),  # tambahan: not counted
    ]
    assert legacy_score(items) == D("99.33")  # (109 + 109 + 80) / 3


def test_legacy_score_is_none_without_numbers():
    assert legacy_score([rhk(None)]) is None
    assert legacy_score([]) is None


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (D("120"), "Baik (90–120); Sangat Baik (110–120) if new ideas or methods also benefited the organisation"),
        (D("110"), "Baik (90–120); Sangat Baik (110–120) if new ideas or methods also benefited the organisation"),
        (D("109.99"), "Baik (90–120)"),
        (D("90"), "Baik (90–120)"),
        (D("89.99"), "Cukup (70 to under 90)"),
        (D("70"), "Cukup (70 to under 90)"),
        (D("69.99"), "Kurang (50 to under 70)"),
        (D("50"), "Kurang (50 to under 70)"),
        (D("49.99"), "Sangat Kurang (under 50)"),
        (D("0"), "Sangat Kurang (under 50)"),
        (None, "No nilai (no numeric target with realisasi)"),
    ],
)
def test_legacy_band_follows_pp_30_2019_article_41_5(score, band):
    assert legacy_band(score) == band
