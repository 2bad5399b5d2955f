"""A reader's pages say why: a verdict's definition on hover, keyboard focus and a tap; the
contested mark's reasons; the chart's value axis in view on a phone and what it leaves out."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from claims.choices import VERDICT_SCALE, Verdict

CLAIM_PAGE = "/claims/wudao-2-0-is-one-model-with-1-75-trillion-parameters/"
MISLEADING = VERDICT_SCALE[Verdict.MISLEADING].explanation


def test_a_verdict_label_shows_its_definition_on_hover_and_on_keyboard_focus(page):
    page.goto(CLAIM_PAGE)
    label = page.locator(".claim-status .verdict-term")
    definition = label.locator(".verdict-definition")
    expect(definition).to_be_hidden()

    label.locator("summary").hover()
    expect(definition).to_be_visible()
    expect(definition).to_contain_text(MISLEADING)
    page.mouse.move(0, 0)
    expect(definition).to_be_hidden()

    page.get_by_role("heading", level=1).click()
    page.keyboard.press("Tab")
    expect(label.locator("summary")).to_be_focused()
    expect(definition).to_be_visible()
    page.keyboard.press("Enter")  # opens it, for its link
    violations = Axe().run(page).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    page.keyboard.press("Tab")
    link = definition.get_by_role("link", name="How we grade")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/methodology/#verdict-misleading$"))
    expect(page.locator("#verdict-misleading")).to_contain_text(MISLEADING)


def test_a_tap_opens_and_closes_a_verdict_definition_on_a_phone(browser, live_server, live_demo):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 375, "height": 800},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.goto(CLAIM_PAGE)
    label = page.locator(".claim-status .verdict-term")
    definition = label.locator(".verdict-definition")

    label.locator("summary").tap()
    expect(definition).to_be_visible()
    expect(definition).to_contain_text(MISLEADING)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    label.locator("summary").tap()
    expect(definition).to_be_hidden()
    context.close()


def test_the_contested_mark_says_why_in_the_list(page):
    page.goto("/claims/?contested=on")

    reasons = page.locator(".claim-row .contested-why")
    expect(reasons.first).to_be_visible()
    assert all(text.strip() for text in reasons.all_inner_texts())


def test_on_a_phone_the_chart_scrolls_under_its_value_axis(page):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto("/figures/")
    plot, axis = page.locator(".chart-plot"), page.locator(".chart-axis")
    scroll = page.locator(".chart-scroll")
    assert scroll.evaluate("element => element.scrollWidth > element.clientWidth")
    before = axis.bounding_box()
    plot_before = plot.bounding_box()

    scroll.evaluate("element => { element.scrollLeft = element.scrollWidth; }")

    assert axis.bounding_box() == before
    assert before["x"] >= 0 and before["x"] + before["width"] <= 375
    assert plot.bounding_box()["x"] < plot_before["x"]
    expect(page.get_by_role("region", name="Not on the chart")).to_contain_text(
        "WuDao 2.0: 1.75 T: no release date is recorded for WuDao 2.0"
    )
