"""The evaluation page shows the legacy nilai where numeric targets have realisasi (regulation.md §6.6)."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from kinerja.evaluation.tests.conftest import EvaluationCast
from kinerja.monitoring.tests.factories import RealizationFactory


def test_rating_page_shows_both_legacy_nilai_once_a_numeric_realisasi_exists(evaluation_cast: EvaluationCast) -> None:
    cast = evaluation_cast
    evaluation = cast.evaluation("staff")
    client = Client()
    client.force_login(cast.user("supervisor"))
    url = reverse("evaluation:detail", args=[evaluation.pk])

    assert 'data-testid="pp46-score"' not in client.get(url).content.decode()

    # 12 of 12 laporan: capaian 100% → nilai 109 (PermenPANRB 8/2021); kuantitas 100 (PP 46/2011).
    RealizationFactory(indicator=cast.staff_indicators[0], period=cast.period, value=Decimal("12"))
    page = client.get(url).content.decode()
    assert 'data-testid="legacy-score"' in page
    assert 'data-testid="pp46-score"' in page
    assert "109" in page.split('data-testid="legacy-score"')[1][:400]
    assert "100" in page.split('data-testid="pp46-score"')[1][:400]
