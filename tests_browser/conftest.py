"""Browser smoke tests: a real Chromium (Debian's /usr/bin/chromium) driven by Playwright against live_server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from kinerja.accounts.tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# database access from it, although every query here happens in ordinary sync code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="module")
def reference_data_back_for_the_next_module(django_db_blocker: Any) -> Iterator[None]:
    """A live-server test with django_db_serialized_rollback ends with a flush that also empties the reference
    tables loaded by migrations (ranks, BerAKHLAK values). Put them back once its module is done, so the module
    after it starts from the same database as when it runs alone (the test restores them at its own start).
    A module opts in with ``pytestmark = pytest.mark.usefixtures("reference_data_back_for_the_next_module")``;
    after a plain transactional_db flush, post_migrate has recreated the content types and this would collide.
    """
    yield
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


def login(browser: Any, base_url: str, username: str, viewport: dict[str, int] = PHONE) -> Any:
    """A new browser context logged in as ``username``; ``page.errors`` collects the console's errors."""
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    page.goto(base_url + reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base_url + reverse("core:home"))
    return page


def fits(page: Any, what: str) -> None:
    """The page is no wider than its viewport (nothing scrolls sideways on a phone)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{what} is {overflow}px wider than the phone"
