"""A reader searches the demo in Chinese, with a typo, for a figure, and sorts the results;
on a phone the first result is on the first screen."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import SCREENSHOTS

WUDAO_ONE_MODEL = "WuDao 2.0 is a single AI model with 1.75 trillion parameters."


def search_from_home(page, text: str) -> None:
    page.goto("/")
    page.get_by_role("search").get_by_label("Search claims").fill(text)
    page.get_by_role("search").get_by_role("button", name="Search").click()


def test_a_chinese_search_finds_the_model_by_its_chinese_name(page):
    search_from_home(page, "悟道")
    results = page.locator(".claim-list .claim-statement")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("link", name=WUDAO_ONE_MODEL)).to_be_visible()
    # The Chinese claim is found too, and declares its language.
    chinese = page.locator('.claim-statement[lang="zh-Hans"]')
    expect(chinese.first).to_contain_text("悟道")
    page.screenshot(path=str(SCREENSHOTS / "search-chinese-1280.png"))


def test_a_typo_is_corrected_and_said_and_the_search_as_typed_is_one_click_away(page):
    search_from_home(page, "Wudoa")
    expect(page.locator(".did-you-mean")).to_contain_text("showing results for wudao")
    expect(page.locator(".claim-list .claim-statement").first).to_contain_text("WuDao")
    page.get_by_role("link", name="Search for “Wudoa” as typed").click()
    expect(page.get_by_text("No published claim matches")).to_be_visible()


def test_a_figure_search_finds_the_claim_with_that_figure(page):
    search_from_home(page, "1.75T")
    expect(page.locator(".claim-list .claim-statement").first).to_have_text(WUDAO_ONE_MODEL)


def test_results_sort_by_the_readers_choice(page):
    search_from_home(page, "WuDao")
    page.get_by_label("Sort by").select_option("contested")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(__import__("re").compile(r"sort=contested"))
    first = page.locator(".claim-list .claim-row").first
    expect(first.locator(".contested")).to_be_visible()


def test_on_a_phone_the_filters_fold_away_and_the_first_result_is_on_the_first_screen(
    browser, live_server, live_demo
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 667})
    page = context.new_page()
    try:
        for search in ("PanGu", "Wudoa"):  # the second with its correction line
            page.goto(f"/claims/?q={search}")
            expect(page.get_by_label("Contested only")).to_be_hidden()
            first = page.locator(".claim-list .claim-statement").first
            box = first.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 667, (search, box)
        page.locator(".filters > summary").click()
        expect(page.get_by_label("Contested only")).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "search-phone-375.png"))
        serious = [
            violation
            for violation in Axe().run(page).response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        assert serious == [], serious
    finally:
        context.close()
