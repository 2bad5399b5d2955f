"""The claim form at an editor's desk: it fits the screen, asks before a near-duplicate or a
figure off its statement is saved, and sets another editor's version beside the editor's."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim

from .conftest import log_in
from .test_editor import pick_autocomplete

WUDAO = "wudao-2-0-is-one-model-with-1-75-trillion-parameters"


@pytest.mark.parametrize("width", [1024, 1440])
def test_the_claim_form_fits_an_editors_screen(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    claim = Claim.objects.get(slug=WUDAO)
    too_wide = {}
    for url in ["/admin/claims/claim/add/", f"/admin/claims/claim/{claim.pk}/change/"]:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[url] = scroll_width
    assert not too_wide, f"wider than {width} px: {too_wide}"


def test_a_near_duplicate_is_asked_about_and_linked_from_the_hint(page):
    log_in(page, "editor")
    page.goto("/admin/claims/claim/add/")
    original = Claim.objects.get(slug=WUDAO)
    page.locator("#id_statement").type(original.statement)
    pick_autocomplete(page, "id_claimant", "ieee spectrum", "IEEE Spectrum")
    page.click("input[name=_save]")

    expect(page.locator(".error-summary")).to_contain_text("Already logged, worded almost the same")
    box = page.get_by_label("Save anyway, it is not a duplicate")
    expect(box).to_be_visible()
    expect(box).not_to_be_checked()

    # The hint lists it again; linking it as a counter-claim answers the question.
    hint = page.locator(".similar-claims li", has_text=original.statement)
    hint.get_by_label("Counter-claim of").check()
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    new = Claim.objects.exclude(pk=original.pk).get(statement=original.statement)
    assert new.relations_out.get().to_claim == original


def test_an_edit_conflict_shows_theirs_beside_mine_and_i_choose(page, browser, live_server):
    claim = Claim.objects.get(slug=WUDAO)
    url = f"/admin/claims/claim/{claim.pk}/change/"
    log_in(page, "editor")
    page.goto(url)  # opened, not saved yet

    other = browser.new_context(base_url=live_server.url).new_page()
    log_in(other, "second-editor")
    other.goto(url)
    other.fill("#id_context", "Their context for readers.")
    other.fill("#id_first_appeared_locator", "Their locator")
    other.fill("#id_correction_note", "Said where and added context.")
    other.click("input[name=_save]")
    expect(other.locator(".messagelist")).to_contain_text("was changed successfully")
    other.context.close()

    page.fill("#id_context", "My context for readers.")
    page.fill("#id_correction_note", "Added context.")
    page.click("input[name=_save]")
    conflict = page.locator(".edit-conflict")
    expect(conflict).to_contain_text("Their context for readers.")
    expect(conflict).to_contain_text("changed by second-editor")
    expect(page.locator("#id_context")).to_have_value("My context for readers.")  # not retyped
    expect(page.locator("#id_first_appeared_locator")).to_have_value("Their locator")

    conflict.get_by_label("Their context for readers.").check()
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    claim.refresh_from_db()
    assert (claim.context, claim.first_appeared_locator) == (
        "Their context for readers.",
        "Their locator",
    )
