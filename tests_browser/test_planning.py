"""The SKP cycle in a real browser at phone size: start from the distribution, add RHK and IKI inline,
submit, return with a note, revise, resubmit and approve. Screenshots go to screenshots/planning-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from kinerja.organization.tests.factories import EmployeeFactory
from kinerja.planning.models import WorkPlan
from kinerja.planning.tests.conftest import build_planning_cast
from tests_browser.conftest import fits, login

pytestmark = pytest.mark.usefixtures("reference_data_back_for_the_next_module")


def _add_indicator(page: Any, rhk: Any, target: str) -> None:
    from playwright.sync_api import expect

    rhk.locator("[data-testid=add-iki]").click()
    form = rhk.locator("[data-testid=inline-form]")
    expect(form).to_be_visible()
    form.locator("textarea[name=text]").fill("Jumlah dokumen yang diselesaikan")
    form.locator("input[name=target_min]").fill(target)
    form.locator("input[name=target_unit]").fill("dokumen")
    form.locator("button[type=submit]").click()


@pytest.mark.browser
def test_skp_cycle_on_a_phone(
    chromium_browser: Any,
    live_server: Any,
    transactional_db: None,
    django_db_serialized_rollback: None,
    screenshot_dir: Path,
) -> None:
    from playwright.sync_api import expect

    EmployeeFactory.reset_sequence()
    cast = build_planning_cast()
    base = live_server.url
    shots = screenshot_dir

    # Alice: the home card, then My SKP offers to start from the 2 RHK Sam handed to her.
    alice = login(chromium_browser, base, cast.employee("staff").nip)
    expect(alice.locator("[data-testid=my-skp-card]")).to_be_visible()
    alice.goto(base + reverse("planning:my-plans"))
    expect(alice.locator("[data-testid=distributed-count]")).to_contain_text("2")
    alice.screenshot(path=str(shots / "planning-1-start.png"), full_page=True)
    fits(alice, "My SKP")
    alice.locator("input[name=source][value=distribution]").check()
    alice.locator("[data-testid=start-skp] button[type=submit]").click()
    expect(alice.locator("[data-testid=main-items] [data-testid=rhk]")).to_have_count(2)
    plan = WorkPlan.objects.get(employee=cast.employee("staff"))
    detail_url = base + reverse("planning:plan-detail", args=[plan.pk])

    # A main RHK of her own, inline (htmx): the form opens under the list and the list refreshes.
    alice.locator("[data-testid=add-main-rhk]").click()
    form = alice.locator("#slot-item-utama [data-testid=inline-form]")
    expect(form).to_be_visible()
    form.locator("textarea[name=text]").fill("Terlayaninya permohonan izin usaha")
    form.locator("select[name=supported_item]").select_option(label=cast.kabid_items[0].text)
    alice.screenshot(path=str(shots / "planning-2-add-rhk.png"), full_page=True)
    form.locator("button[type=submit]").click()
    rhks = alice.locator("[data-testid=main-items] [data-testid=rhk]")
    expect(rhks).to_have_count(3)

    # A target that is not a number: the message sits next to the field and nothing is saved.
    first = rhks.nth(0)
    _add_indicator(alice, first, "dua belas")
    error = first.locator("#id_target_min_error")
    expect(error).to_be_visible()
    expect(first.locator("input[name=target_min]")).to_have_attribute("aria-invalid", "true")
    alice.screenshot(path=str(shots / "planning-3-bad-target.png"), full_page=True)
    first.locator("input[name=target_min]").fill("12")
    first.locator("[data-testid=inline-form] button[type=submit]").click()
    expect(first.locator("[data-testid=iki]")).to_have_count(1)
    for index in (1, 2):
        _add_indicator(alice, rhks.nth(index), "24")
        expect(rhks.nth(index).locator("[data-testid=iki]")).to_have_count(1)
    fits(alice, "the SKP page")
    alice.locator("[data-testid=submit-plan]").click()
    expect(alice.locator("[data-testid=plan-status] .badge")).to_have_class("badge rounded-pill text-bg-info")
    alice.screenshot(path=str(shots / "planning-4-submitted.png"), full_page=True)

    # Sam: the queue has Alice's SKP; he returns it with a note.
    sam = login(chromium_browser, base, "supervisor")
    sam.goto(base + reverse("planning:review-queue"))
    expect(sam.locator("[data-testid=queue-count]")).to_have_text("1")
    sam.screenshot(path=str(shots / "planning-5-queue.png"), full_page=True)
    fits(sam, "the review queue")
    sam.goto(detail_url)
    sam.locator("[data-testid=open-return]").click()
    sam.locator("#return-form textarea[name=note]").fill("Tambahkan indikator waktu pada RHK pertama.")
    sam.locator("[data-testid=confirm-return]").click()
    expect(sam.locator("[data-testid=plan-status] .badge")).to_have_class("badge rounded-pill text-bg-warning")

    # Alice: the bell counts the notification; she reads the note, adds an IKI and submits again.
    alice.goto(detail_url)
    expect(alice.locator("[data-testid=unread-count]")).to_have_text("1")
    expect(alice.locator("[data-testid=return-note]")).to_contain_text("Tambahkan indikator waktu")
    alice.screenshot(path=str(shots / "planning-6-returned.png"), full_page=True)
    _add_indicator(alice, alice.locator("[data-testid=main-items] [data-testid=rhk]").nth(0), "12")
    expect(
        alice.locator("[data-testid=main-items] [data-testid=rhk]").nth(0).locator("[data-testid=iki]")
    ).to_have_count(2)
    alice.locator("[data-testid=submit-plan]").click()
    expect(alice.locator("[data-testid=plan-status] .badge")).to_have_class("badge rounded-pill text-bg-info")

    # Sam approves; the history lists four steps and version 1 is readable.
    sam.goto(detail_url)
    sam.locator("[data-testid=approve-plan]").click()
    expect(sam.locator("[data-testid=plan-status] .badge")).to_have_class("badge rounded-pill text-bg-success")
    expect(sam.locator("[data-testid=history] li")).to_have_count(4)
    sam.screenshot(path=str(shots / "planning-7-approved.png"), full_page=True)
    sam.locator("[data-testid=version-link]").first.click()
    expect(sam.locator("[data-testid=version-items]")).to_contain_text("Terlayaninya permohonan izin usaha")
    fits(sam, "the approved version")

    # The cascade of Dinas A on a phone: Alice's RHK hang under Sam's, one goal is served by nobody.
    sam.goto(base + reverse("planning:cascade", args=[cast.opd_a.pk]))
    expect(sam.locator("[data-testid=cascade-tree]")).to_contain_text("Terlayaninya permohonan izin usaha")
    expect(sam.locator("[data-testid=flag-unserved]")).to_have_count(1)
    sam.screenshot(path=str(shots / "planning-8-cascade.png"), full_page=True)
    fits(sam, "the cascade")

    alice.goto(base + reverse("notifications:list"))
    expect(alice.locator("[data-testid=notification]")).to_have_count(2)
    alice.screenshot(path=str(shots / "planning-9-notifications.png"), full_page=True)
    assert alice.errors == [] and sam.errors == [], (alice.errors, sam.errors)
    alice.context.close()
    sam.context.close()
