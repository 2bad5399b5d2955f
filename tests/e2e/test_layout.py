"""What a reader sees: readable on a phone and a desktop, by keyboard, on paper, and light."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS
from .test_accessibility import public_pages

WIDTHS = [375, 1440]
SHOWN_IN_README = {
    "home": "/",
    "claim-page": "/claims/wudao-2-0-is-one-model-with-1-75-trillion-parameters/",
    "figure-claim": "/claims/yuan-1-0-used-more-compute-than-gpt-3/",
    "contested": "/contested/",
    "chart": "/figures/?quantity=training_compute",
}
CLAIM_PAGE = SHOWN_IN_README["claim-page"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_fits_the_screen_and_is_photographed(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for url in public_pages():
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[url] = scroll_width
    assert not too_wide, f"wider than {width} px: {too_wide}"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, url in SHOWN_IN_README.items():
        page.goto(url)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=width == 375)


def test_a_reader_gets_around_by_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    page.goto("/claims/")
    page.get_by_label("Search").focus()
    page.keyboard.type("WuDao")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=WuDao"))

    page.goto("/figures/")
    page.locator(".chart a").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/claims/[\w-]+/$"))


def test_a_claim_page_prints_its_verdict_and_evidence_without_the_navigation(page):
    page.goto(CLAIM_PAGE)
    page.emulate_media(media="print")

    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator(".claim-status .verdict")).to_be_visible()
    expect(page.locator(".side-for .evidence").first).to_be_visible()
    expect(page.locator(".side-against .evidence").first).to_be_visible()
    page.pdf(path=str(SCREENSHOTS / "claim-page.pdf"))


def test_a_claim_page_weighs_under_100_kb_and_no_script_blocks_rendering(page):
    sizes = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    page.goto(CLAIM_PAGE)
    page.wait_for_load_state("networkidle")

    assert sum(sizes.values()) < 100 * 1024, sizes
    blocking = page.evaluate(
        "document.querySelectorAll('head script:not([async]):not([defer])"
        ':not([type="application/ld+json"])\').length'
    )
    assert blocking == 0
