"""Monitoring in a real browser at phone size: Alice logs today's progress with a photo, fills a realisasi
with a PDF; Sam gives feedback; Alice reads it and replies. Screenshots go to screenshots/monitoring-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from kinerja.monitoring.tests.conftest import build_monitoring_cast
from kinerja.monitoring.tests.factories import PDF_BYTES, PNG_BYTES
from kinerja.organization.tests.factories import EmployeeFactory
from tests_browser.conftest import fits, login

pytestmark = pytest.mark.usefixtures("reference_data_back_for_the_next_module")


@pytest.mark.browser
def test_daily_progress_realisasi_and_feedback_on_a_phone(
    chromium_browser: Any,
    live_server: Any,
    transactional_db: None,
    django_db_serialized_rollback: None,
    screenshot_dir: Path,
) -> None:
    from playwright.sync_api import expect

    EmployeeFactory.reset_sequence()
    cast = build_monitoring_cast()
    base = live_server.url
    shots = screenshot_dir

    # Alice logs what she did today with a photo; the entry appears below without a reload.
    alice = login(chromium_browser, base, cast.employee("staff").nip)
    alice.goto(base + reverse("monitoring:today"))
    form = alice.locator("[data-testid=progress-form]")
    form.locator("select[name=item]").select_option(label=cast.staff_items[0].text)
    form.locator("textarea[name=description]").fill("Rapat koordinasi penyusunan laporan layanan")
    form.locator("input[name=files]").set_input_files(
        files=[{"name": "kegiatan.png", "mimeType": "image/png", "buffer": PNG_BYTES}]
    )
    alice.screenshot(path=str(shots / "monitoring-1-log.png"), full_page=True)
    fits(alice, "the daily progress page")
    form.locator("button[type=submit]").click()
    expect(alice.locator("[data-testid=saved]")).to_be_visible()
    entries = alice.locator("[data-testid=week-entries] [data-testid=entry]")
    expect(entries).to_have_count(1)
    expect(entries.first.locator("[data-testid=evidence-link]")).to_contain_text("kegiatan.png")
    alice.screenshot(path=str(shots / "monitoring-2-logged.png"), full_page=True)

    # A realisasi with a PDF, from the SKP's progress page.
    progress_url = base + reverse("monitoring:plan-progress", args=[cast.staff_plan.pk])
    alice.goto(progress_url)
    alice.locator(f"#iki-{cast.staff_indicators[0].pk} [data-testid=fill-realisasi]").click()
    realization = alice.locator("[data-testid=realization-form]")
    realization.locator("input[name=value]").fill("6")
    realization.locator("input[name=files]").set_input_files(
        files=[{"name": "laporan.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    alice.screenshot(path=str(shots / "monitoring-3-realisasi.png"), full_page=True)
    fits(alice, "the realisasi form")
    realization.locator("button[type=submit]").click()
    iki = alice.locator(f"#iki-{cast.staff_indicators[0].pk}")
    expect(iki.locator("[data-testid=capaian]")).to_contain_text("50")
    expect(iki).to_contain_text("laporan.pdf")
    alice.screenshot(path=str(shots / "monitoring-4-capaian.png"), full_page=True)
    fits(alice, "the progress page")

    # Sam gives feedback on the RHK.
    sam = login(chromium_browser, base, "supervisor")
    sam.goto(progress_url)
    feedback_form = sam.locator("[data-testid=feedback-form]")
    feedback_form.locator("select[name=target]").select_option(index=0)
    feedback_form.locator("textarea[name=text]").fill("Laporan minggu ini rapi, lanjutkan.")
    feedback_form.locator("button[type=submit]").click()
    expect(sam.locator("[data-testid=feedback]")).to_have_count(1)
    fits(sam, "the progress page for the penilai")

    # Alice reads it and replies.
    alice.goto(progress_url)
    thread = alice.locator("[data-testid=feedback]").first
    expect(thread).to_contain_text("Laporan minggu ini rapi")
    thread.locator("input[name=text]").fill("Terima kasih, Pak.")
    thread.locator("[data-testid=reply-form] button[type=submit]").click()
    expect(alice.locator("[data-testid=feedback] [data-testid=reply]")).to_contain_text("Terima kasih, Pak.")
    alice.screenshot(path=str(shots / "monitoring-5-feedback.png"), full_page=True)
    fits(alice, "the feedback thread")
    assert alice.errors == [] and sam.errors == [], (alice.errors, sam.errors)
    alice.context.close()
    sam.context.close()
