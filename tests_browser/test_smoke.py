"""Smoke test in a real browser: log in with a NIP, read the home page, search the directory, open the org chart.

Runs at desktop and phone sizes with an Indonesian browser, and saves screenshots to screenshots/.
"""

# pyproject's per-file-ignores cover "**/tests/**" only; asserts are how pytest tests speak.

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from kinerja.accounts.tests.factories import PASSWORD
from kinerja.audit.services import record
from kinerja.core.testing import build_cast
from kinerja.organization.tests.factories import EmployeeFactory

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def _open_menu_if_collapsed(page: Any) -> None:
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
        page.locator("#main-nav.show").wait_for()


def _open_organisation_menu(page: Any) -> None:
    _open_menu_if_collapsed(page)
    page.locator("#main-nav [data-nav-group=organisation] > button").click()


def _walk_through(page: Any, base_url: str, nip: str, shots: Path, size: str) -> list[str]:
    from playwright.sync_api import expect

    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    # The home page asks for a login first; log in with the NIP as people type it, spaces and all.
    page.goto(base_url + reverse("core:home"))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login"))))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.screenshot(path=str(shots / f"{size}-1-login.png"), full_page=True)
    page.fill("#id_username", nip)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()

    # Home: her own profile, Sam as pejabat penilai and Hana as atasan pejabat penilai.
    expect(page).to_have_url(base_url + reverse("core:home"))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("[data-testid=profile]")).to_contain_text(nip)
    expect(page.locator("[data-testid=penilai]")).to_contain_text("Sam")
    expect(page.locator("[data-testid=atasan-penilai]")).to_contain_text("Hana")
    # The vendored Bootstrap and our stylesheet are served: the navbar has the application colour.
    navbar_colour = page.locator(".app-navbar").evaluate("el => getComputedStyle(el).backgroundColor")
    assert navbar_colour == "rgb(11, 79, 138)"
    page.screenshot(path=str(shots / f"{size}-2-home.png"), full_page=True)

    # Directory through the navigation (collapsed behind the toggler on a phone), then a live search.
    _open_organisation_menu(page)
    page.screenshot(path=str(shots / f"{size}-2b-menu.png"))
    page.locator(f"#main-nav a[href='{reverse('organization:employee-list')}']").click()
    expect(page).to_have_url(base_url + reverse("organization:employee-list"))
    rows = page.locator("[data-testid=employee-table] tbody tr")
    expect(rows).to_have_count(5)
    expect(page.locator("#employee-results")).not_to_contain_text("Bob")
    page.fill("input[name=q]", "caro")
    page.locator("input[name=q]").press("l")  # htmx listens to keyup
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Carol")
    expect(page).to_have_url(re.compile(r"q=carol"))
    page.screenshot(path=str(shots / f"{size}-3-directory.png"), full_page=True)

    # Structure, then the org chart of Dinas A and of its bidang: positions nested, holders named.
    _open_organisation_menu(page)
    page.locator(f"#main-nav a[href='{reverse('organization:unit-list')}']").click()
    expect(page.locator("[data-testid=unit-tree]")).to_contain_text("Dinas A")
    page.screenshot(path=str(shots / f"{size}-4-units.png"), full_page=True)
    page.get_by_role("link", name="Dinas A", exact=True).click()
    chart = page.locator("[data-testid=org-chart]")
    expect(chart).to_contain_text("Kepala Dinas A")
    expect(chart).to_contain_text("Hana")
    expect(chart).to_contain_text("Sam")
    page.screenshot(path=str(shots / f"{size}-5-org-chart.png"), full_page=True)
    # One level down: the bidang's own chart names its staff.
    page.get_by_role("link", name="Bidang A1", exact=True).click()
    expect(page.locator("[data-testid=org-chart]")).to_contain_text("Alice")

    # Nothing may overflow sideways on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the {size} viewport"
    return errors


def _admin_glance(page: Any, base_url: str, shots: Path, size: str) -> None:
    """Admin BKPSDM: the widest navigation, the attention counts and the audit browser, which must fit a phone."""
    from playwright.sync_api import expect

    page.goto(base_url + reverse("accounts:login"))
    page.fill("#id_username", "admin.bkpsdm")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-testid=attention-in-scope]")).to_have_text("7")
    nav_height = page.locator(".app-navbar").evaluate("el => el.getBoundingClientRect().height")
    assert nav_height < 80, f"the navigation bar wraps at {size} size ({nav_height}px high)"
    page.screenshot(path=str(shots / f"{size}-6-admin-home.png"), full_page=True)
    page.goto(base_url + reverse("audit:event-list"))
    expect(page.locator("[data-testid=event-table]")).to_contain_text("Nomor telepon baru")
    page.screenshot(path=str(shots / f"{size}-7-audit-list.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"audit list is {overflow}px wider than the {size} viewport"


@pytest.mark.browser
def test_staff_logs_in_with_nip_and_uses_the_main_pages(
    chromium_browser: Any, live_server: Any, transactional_db: None, screenshot_dir: Path
) -> None:
    EmployeeFactory.reset_sequence()
    cast = build_cast()
    record(
        actor=cast.user("admin_opd"),
        verb="organization.employee.updated",
        target=cast.employee("staff"),
        org_unit=cast.bidang_a1,
        subject=cast.employee("staff"),
        before={"phone": ""},
        after={"phone": "0812 6000 1234"},
        reason="Nomor telepon baru",
    )
    nip = cast.employee("staff").nip_display
    for size, viewport in VIEWPORTS.items():
        context = chromium_browser.new_context(viewport=viewport, is_mobile=size == "phone")
        page = context.new_page()
        try:
            errors = _walk_through(page, live_server.url, nip, screenshot_dir, size)
        finally:
            context.close()
        context = chromium_browser.new_context(viewport=viewport, is_mobile=size == "phone")
        try:
            _admin_glance(context.new_page(), live_server.url, screenshot_dir, size)
        finally:
            context.close()
        assert errors == [], f"{size}: browser errors {errors}"
