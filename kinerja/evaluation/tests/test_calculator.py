"""The kalkulator distribusi predikat: the page and the API apply the year's rules to any counts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from kinerja.evaluation.tests.conftest import EvaluationCast


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


def test_the_page_reports_the_violations_and_the_fewest_changes(evaluation_cast: EvaluationCast) -> None:
    client = Client()
    client.force_login(evaluation_cast.user("colleague"))
    counts = {"sangat_baik": 0, "baik": 10, "butuh_perbaikan": 0, "kurang": 0, "sangat_kurang": 0}
    page = client.get(reverse("evaluation:calculator"), {"org_predikat": "baik", **counts}).content.decode()
    assert page.count('data-testid="calculator-rule"') == 2
    # 10 people, all Baik: at most 7 Baik, and someone must be Butuh Perbaikan or Kurang → 3 change.
    # Pages are Indonesian whatever the browser asks (IndonesianFirstLocaleMiddleware).
    assert "7 dari 10 orang" in page
    assert "Paling sedikit 3 pegawai harus diubah predikatnya." in page


def test_a_bad_count_names_the_field(evaluation_cast: EvaluationCast) -> None:
    client = Client()
    client.force_login(evaluation_cast.user("staff"))
    page = client.get(reverse("evaluation:calculator"), {"org_predikat": "baik", "baik": "sepuluh"})
    assert page.context["form"].errors["baik"]
    assert page.context["calculation"] is None


def test_the_api_checks_counts_at_the_percentage_limit(evaluation_cast: EvaluationCast) -> None:
    api = APIClient()
    api.force_authenticate(evaluation_cast.user("staff"))
    url = reverse("api:evaluation-distribution-check")
    at_limit = api.post(url, {"org_predikat": "istimewa", "counts": {"sangat_baik": 7, "baik": 3}}, format="json")
    assert at_limit.status_code == 200
    assert at_limit.json()["ok"] is True
    over = api.post(url, {"org_predikat": "istimewa", "counts": {"sangat_baik": 8, "baik": 2}}, format="json")
    body = over.json()
    assert body["ok"] is False
    assert body["rules"][0]["people"] == 1
    assert sum(m["people"] for m in body["fewest_changes"]) == 1
    assert body["after_changes"]["sangat_baik"] == 7
    wrong = api.post(url, {"org_predikat": "luar_biasa", "counts": {}}, format="json")
    assert wrong.status_code == 400
