"""A reader follows the contested points from the home page to the sources."""

import re

from playwright.sync_api import expect


def test_reader_from_home_to_a_contested_claim_its_counter_claim_and_a_source(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Contested").click()
    expect(page.get_by_role("heading", name="Contested points", level=1)).to_be_visible()

    page.get_by_role(
        "link", name="WuDao 2.0 is a single AI model with 1.75 trillion parameters."
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "WuDao 2.0 is a single AI model with 1.75 trillion parameters."
    )
    expect(page.locator(".verdict").first).to_contain_text("Misleading")
    expect(page.locator(".side-for .evidence")).not_to_have_count(0)
    expect(page.locator(".side-against .evidence")).not_to_have_count(0)

    related = page.get_by_role("region", name="Counter-claims and related claims")
    related.get_by_role(
        "link", name="WuDao 2.0 was a series of separate models, not one model."
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "WuDao 2.0 was a series of separate models, not one model."
    )

    page.locator(".side-for .evidence a").first.click()
    expect(page).to_have_url(re.compile(r"/sources/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Recent Trends in China's Large Language Model Landscape"
    )
    expect(page.locator(".reliability").first).to_contain_text("Reliable")
    # The page lists the newest claims; the filterable list has all of them.
    page.get_by_role("link", name="These claims in the filterable list →").click()
    page.get_by_label("Search").fill("WuDao")
    page.get_by_role("button", name="Filter").click()
    expect(
        page.get_by_role("link", name="WuDao 2.0 was a series of separate models, not one model.")
    ).to_be_visible()


def test_a_shared_filtered_url_restores_the_same_list(page, browser, live_server):
    page.goto("/claims/")
    page.get_by_label("Misleading").check()
    page.get_by_label("Contested only").check()
    page.get_by_role("button", name="Filter").click()
    shown = page.locator(".claim-statement").all_inner_texts()
    assert shown, "the filters should leave some claims"
    shared = page.url

    other = browser.new_context(base_url=live_server.url).new_page()
    other.goto(shared)

    assert other.locator(".claim-statement").all_inner_texts() == shown
    expect(other.get_by_label("Misleading")).to_be_checked()
    expect(other.get_by_label("Contested only")).to_be_checked()
    other.context.close()
