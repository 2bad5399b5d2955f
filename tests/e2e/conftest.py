"""Browser tests: Playwright driving Debian's Chromium against a live server with the demo.

No browser is downloaded: Chromium is the system's (`apt-get install chromium`). Without it
these tests are skipped, unless WORKBENCH_REQUIRE_BROWSER=1 (as in .ci/run) makes that a
failure, so that CI can never pass by not running them.
"""

import os
from pathlib import Path

import pytest

from tests.demo import load_demo_copy

CHROMIUM = Path("/usr/bin/chromium")
# The flags keep Chromium from reaching for Google's services on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DEMO_PASSWORD = "demo-workbench-2026"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("WORKBENCH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # a loaded CI machine is slower than a laptop
    # Playwright's sync API runs an event loop in the test's thread; the tests' own database
    # calls are still synchronous, so Django's guard against async contexts does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def live_demo(transactional_db, demo_fixture_file, settings):
    """The demo, committed, for the live server the browser talks to."""
    settings.WORKBENCH_PAGE_CACHE = False  # each step must see the previous one's writes
    # and so must the browser: it asks again each time, with the page's ETag.
    settings.WORKBENCH_HTTP_MAX_AGE = settings.WORKBENCH_HTTP_STALE_WHILE_REVALIDATE = 0
    load_demo_copy(demo_fixture_file)


@pytest.fixture
def page(browser, live_server, live_demo):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")


def log_out(page) -> None:
    page.click("#logout-form button")
    page.wait_for_url("**/logout/")
