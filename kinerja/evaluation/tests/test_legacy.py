"""PP 46/2011 nilai capaian SKP (regulation.md §6.6(c)): the worked example and the time formula's branches."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from kinerja.evaluation.legacy import aspect_score, item_score, pp46_band, pp46_score
from kinerja.planning.choices import Aspect, ItemKind


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


def _progress(aspect: str, target: str, realisasi: str | None) -> SimpleNamespace:
    realization = None if realisasi is None else SimpleNamespace(value=Decimal(realisasi))
    return SimpleNamespace(
        indicator=SimpleNamespace(aspect=aspect, target_min=Decimal(target)), realization=realization
    )


def _item(kind: str, *indicators: SimpleNamespace) -> SimpleNamespace:
    return SimpleNamespace(item=SimpleNamespace(kind=kind), indicators=list(indicators))


@pytest.mark.parametrize(
    ("aspect", "target", "realisasi", "expected"),
    [
        (Aspect.QUANTITY, "12", "12", "100.00"),
        (Aspect.QUALITY, "100", "90", "90.00"),
        (Aspect.QUANTITY, "10", "12", "120.00"),
        # Time on target: (1,76 × 12 − 12) / 12 × 100 = 76.
        (Aspect.TIME, "12", "12", "76.00"),
        # 10% faster: efisiensi 10% ≤ 24% → (1,76 × 10 − 9) / 10 × 100 = 86.
        (Aspect.TIME, "10", "9", "86.00"),
        # 50% faster: efisiensi 50% > 24% → 76 − ((1,76 × 10 − 5) / 10 × 100 − 100) = 50.
        (Aspect.TIME, "10", "5", "50.00"),
        (Aspect.COST, "100", "100", "76.00"),
    ],
)
def test_aspect_scores_follow_perka_bkn_1_2013(aspect: str, target: str, realisasi: str, expected: str) -> None:
    assert aspect_score(aspect, Decimal(realisasi), Decimal(target)) == Decimal(expected)


def test_no_target_or_no_realisasi_has_no_score() -> None:
    assert aspect_score(Aspect.QUANTITY, None, Decimal(10)) is None
    assert aspect_score(Aspect.QUANTITY, Decimal(5), Decimal(0)) is None


def test_worked_example_of_the_regulation_gives_85_5() -> None:
    # (100 + 90 + 76 + 76) / 4 = 85,5 (regulation.md §6.6(c)).
    item = _item(
        ItemKind.MAIN,
        _progress(Aspect.QUANTITY, "12", "12"),
        _progress(Aspect.QUALITY, "100", "90"),
        _progress(Aspect.TIME, "12", "12"),
        _progress(Aspect.COST, "1000", "1000"),
    )
    assert item_score(item.indicators) == Decimal("85.50")
    assert pp46_score([item]) == Decimal("85.50")
    assert pp46_band(Decimal("85.50")) == "Baik (76–90)"


def test_only_rhk_utama_with_realisasi_count() -> None:
    main = _item(ItemKind.MAIN, _progress(Aspect.QUANTITY, "10", "6"), _progress(Aspect.QUANTITY, "10", None))
    extra = _item(ItemKind.ADDITIONAL, _progress(Aspect.QUANTITY, "10", "10"))
    empty = _item(ItemKind.MAIN, _progress(Aspect.QUANTITY, "10", None))
    assert pp46_score([main, extra, empty]) == Decimal("60.00")
    assert pp46_score([empty]) is None


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("91", "Sangat Baik (91 and above)"),
        ("90.99", "Baik (76–90)"),
        ("76", "Baik (76–90)"),
        ("75.99", "Cukup (61–75)"),
        ("61", "Cukup (61–75)"),
        ("51", "Kurang (51–60)"),
        ("50.99", "Buruk (50 and below)"),
    ],
)
def test_sebutan_bands(score: str, band: str) -> None:
    assert pp46_band(Decimal(score)) == band
