"""The evaluation walkthrough of issue 5 in a real browser.

Hana (kepala OPD) opens the calibration of Dinas A, sees a violation of the pola distribusi, applies the fit
helper's suggestion, adjusts Alice with a reason and locks (publishing). Alice reads her result with the reason
and the change on her phone and files a keberatan; Sam (her penilai) explains; Hana, her atasan pejabat
penilai, decides it; the decided result prints in the Dokumen Evaluasi Kinerja Pegawai of the year.
Screenshots go to screenshots/evaluation-*.png.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kinerja.evaluation import services
from kinerja.evaluation.choices import Predikat, Rating
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.tests.conftest import build_evaluation_cast
from kinerja.monitoring.tests.factories import PDF_BYTES
from kinerja.organization.tests.factories import EmployeeFactory
from kinerja.planning.choices import PeriodKind
from kinerja.planning.models import EvaluationPeriod
from tests_browser.conftest import PHONE, login

pytestmark = pytest.mark.usefixtures("reference_data_back_for_the_next_module")

DESKTOP = {"width": 1280, "height": 900}


def _choose(form: Any, name: str, value: str) -> None:
    """Ratings are radio buttons styled as buttons: people click the label."""
    radio_id = form.locator(f"input[name={name}][value={value}]").get_attribute("id")
    form.locator(f"label[for={radio_id}]").click()


def _pdf_text(page: Any, url: str) -> str:
    response = page.request.get(url)
    assert response.status == 200, f"{url} → {response.status}"
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)


def _rated_dinas_a(settings: Any) -> Any:
    """Dinas A rated Baik by the Wali Kota; Alice, Carol and Sam all rated Baik (a violation of SE 3/2023)."""
    # Three people: make the percentage rules binding here (the city's threshold is 10).
    settings.KINERJA_SMALL_UNIT_SIZE = 1
    cast = build_evaluation_cast()
    services.org_rating_set(
        actor=cast.user("leader"), unit=cast.opd_a, period=cast.period, predikat="baik",
        note="Target periodik Perjanjian Kinerja tercapai.",
    )  # fmt: skip
    raters = {"staff": "supervisor", "colleague": "supervisor", "supervisor": "opd_head"}
    scores = {"staff": Decimal("95"), "colleague": Decimal("62"), "supervisor": Decimal("90")}
    for name, rater in raters.items():
        evaluation = cast.evaluation(name)
        services.evaluation_rate(
            actor=cast.user(rater), evaluation=evaluation, results_rating=Rating.MEETS,
            results_reason="Seluruh RHK utama sesuai target triwulan.", behaviour_rating=Rating.MEETS,
            behaviour_reason="Perilaku sesuai ekspektasi BerAKHLAK.", lock_version=evaluation.lock_version,
        )  # fmt: skip
        # The fit helper downgrades the lowest nilai first: Carol.
        Evaluation.objects.filter(pk=evaluation.pk).update(legacy_score=scores[name])
    return cast


@pytest.mark.browser
def test_calibrate_publish_object_and_decide(
    chromium_browser: Any,
    live_server: Any,
    transactional_db: None,
    django_db_serialized_rollback: None,
    screenshot_dir: Path,
    settings: Any,
) -> None:
    from playwright.sync_api import expect

    EmployeeFactory.reset_sequence()
    cast = _rated_dinas_a(settings)
    base = live_server.url
    shots = screenshot_dir
    alice_eval = cast.evaluation("staff")

    # Hana opens the forum of Dinas A and sees the violation.
    hana = login(chromium_browser, base, cast.employee("opd_head").nip, DESKTOP)
    hana.goto(base + reverse("evaluation:forum", args=[cast.opd_a.pk, cast.period.pk]))
    hana.locator("[data-testid=open-forum]").click()
    rules = hana.locator("[data-testid=rule-results]")
    expect(rules).to_contain_text("70%")
    hana.screenshot(path=str(shots / "evaluation-1-forum-violation.png"), full_page=True)

    # The fit helper proposes the fewest changes: one person (Carol, the lowest nilai) to Butuh Perbaikan.
    proposals = hana.locator("[data-testid=proposal]")
    expect(proposals).to_have_count(1)
    expect(proposals.first).to_contain_text(cast.employee("colleague").name)
    suggestion = hana.locator("[data-testid=suggestion-form]")
    suggestion.locator("textarea[name=reason]").fill("Forum menyepakati penyesuaian sesuai pola distribusi.")
    suggestion.locator("[data-testid=apply-suggestion]").click()
    expect(hana.locator("[data-testid=proposals]")).to_have_count(0)

    # Hana adjusts Alice with a reason (htmx form in her row).
    row = hana.locator(f"#person-{alice_eval.pk}")
    row.locator("details.forum-adjust > summary").click()
    row.locator("select[name=to_predikat]").select_option(Predikat.BUTUH_PERBAIKAN)
    row.locator("textarea[name=reason]").fill("Laporan layanan triwulan terlambat dua kali menurut notulen forum.")
    row.locator("[data-testid=adjust-form] button[type=submit]").click()
    expect(hana.locator(f"#person-{alice_eval.pk} details.adjustment")).to_have_count(1)

    # Minutes, then the lock publishes the result.
    update = hana.locator("[data-testid=update-form]")
    update.locator("textarea[name=minutes]").fill("Forum evaluasi Dinas A membahas sebaran predikat triwulan.")
    update.locator("button[type=submit]").click()
    hana.locator("[data-testid=lock-button]").click()
    hana.locator("[data-testid=lock-form] button[type=submit]").click()
    expect(hana.locator("[data-testid=forum-locked]")).to_be_visible()
    hana.screenshot(path=str(shots / "evaluation-2-forum-locked.png"), full_page=True)
    assert Evaluation.objects.get(pk=alice_eval.pk).final_predikat == Predikat.BUTUH_PERBAIKAN

    # Alice, on her phone, reads the result, the reason and the change; files a keberatan.
    alice = login(chromium_browser, base, cast.employee("staff").nip, PHONE)
    alice.goto(base + reverse("evaluation:detail", args=[alice_eval.pk]))
    result = alice.locator("[data-testid=result]")
    expect(result).to_contain_text("Butuh Perbaikan")
    expect(result.locator("[data-testid=calibration-change]")).to_contain_text("terlambat dua kali")
    expect(alice.locator("[data-testid=appeal-window]")).to_be_visible()
    alice.screenshot(path=str(shots / "evaluation-3-result-phone.png"), full_page=True)
    alice.locator("[data-testid=keberatan] details > summary").click()
    form = alice.locator("[data-testid=objection-form]")
    form.locator("textarea[name=reasons]").fill("Keterlambatan karena jaringan kantor padam; bukti terlampir.")
    form.locator("input[name=files]").set_input_files(
        files=[{"name": "surat.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    form.locator("button[type=submit]").click()
    expect(alice.locator("[data-testid=timeline]")).to_be_visible()
    alice.screenshot(path=str(shots / "evaluation-4-keberatan-phone.png"), full_page=True)
    objection = Evaluation.objects.get(pk=alice_eval.pk).objection

    # Sam explains; Hana (the atasan pejabat penilai) decides: the result changes to Baik.
    sam = login(chromium_browser, base, cast.employee("supervisor").nip, DESKTOP)
    sam.goto(base + reverse("evaluation:objection", args=[objection.pk]))
    expect(sam.locator("[data-testid=decision-form]")).to_have_count(0)
    sam.locator("[data-testid=explanation-form] textarea[name=explanation]").fill("Benar ada gangguan jaringan.")
    sam.locator("[data-testid=explanation-form] button[type=submit]").click()
    expect(sam.locator("[data-testid=explanation-form]")).to_have_count(0)

    hana.goto(base + reverse("evaluation:objection", args=[objection.pk]))
    decision = hana.locator("[data-testid=decision-form]")
    _choose(decision, "outcome", "changed")
    _choose(decision, "results_rating", Rating.MEETS)
    _choose(decision, "behaviour_rating", Rating.MEETS)
    decision.locator("textarea[name=reason]").fill("Keterlambatan terbukti di luar kendali pegawai.")
    decision.locator("button[type=submit]").click()
    expect(hana.locator("[data-testid=previous-result]")).to_be_visible()
    hana.screenshot(path=str(shots / "evaluation-5-decided.png"), full_page=True)
    assert Evaluation.objects.get(pk=alice_eval.pk).final_predikat == Predikat.BAIK
    assert not hana.errors and not alice.errors and not sam.errors

    # The decided result prints: the period's Dokumen Evaluasi with its keberatan sections, and the year's.
    record = _pdf_text(alice, base + reverse("documents:evaluation-record-pdf", args=[alice_eval.pk]))
    assert "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA" in record
    assert "Keterlambatan terbukti di luar kendali pegawai." in record
    annual_period = EvaluationPeriod.objects.get(year=cast.year, kind=PeriodKind.ANNUAL)
    annual = services.evaluation_for(work_plan=alice_eval.work_plan, period=annual_period)
    annual_text = _pdf_text(hana, base + reverse("documents:evaluation-record-pdf", args=[annual.pk]))
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in annual_text
    # The year's document lists the periodic predikat as decided: "<period>: BAIK", not BUTUH PERBAIKAN.
    assert re.search(rf"{re.escape(cast.period.name)}\s*:\s*BAIK\b", annual_text), annual_text
