"""Two editors take a claim from a source to a published, then corrected, verdict."""

from playwright.sync_api import expect

from claims.models import Claim

from .conftest import log_in, log_out

STATEMENT = "Aquila, part of Wu Dao 3.0, comes in 7-billion and 33-billion-parameter versions."


def pick_autocomplete(page, select_id: str, typed: str, choice: str) -> None:
    """Choose in one of the admin's autocomplete (select2) fields, by keyboard, once the
    results for what was typed have arrived."""
    page.locator(f"#{select_id} + .select2").click()
    page.keyboard.type(typed)
    page.locator(".select2-results__option--highlighted", has_text=choice).wait_for()
    page.keyboard.press("Enter")


def test_editor_logs_grades_and_submits_a_second_editor_approves_then_a_correction(page):
    log_in(page, "editor")
    page.goto("/admin/sources/source/?q=Spectrum")
    page.locator("#result_list tbody th a").first.click()  # the IEEE Spectrum article
    page.get_by_role("link", name="Log a claim from this source").click()

    # The form arrives citing the source, first appearance and first evidence row alike.
    expect(page.locator("#id_first_appeared_in")).to_have_value(
        page.locator("#id_evidence-0-source").input_value()
    )
    page.fill("#id_statement", STATEMENT)
    page.keyboard.press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")  # made from the statement as typed
    # A claimant is found under a spelling of its name, as typed.
    pick_autocomplete(page, "id_claimant", "ieee spectrum", "IEEE Spectrum")
    page.select_option("#id_kind", "figure")
    page.fill("#id_first_appeared_locator", "paragraph 4")  # typed once: the evidence row takes it
    page.fill(
        "#id_evidence-0-excerpt", "Lists the Aquila language models in two sizes, 7B and 33B."
    )
    page.select_option("#id_relations_out-0-kind", "counter_claim")
    pick_autocomplete(page, "id_relations_out-0-to_claim", "chip sanctions", "Costs, chip")
    page.select_option("#id_reviews-0-verdict", "accurate")
    page.select_option("#id_reviews-0-confidence", "high")
    page.fill("#id_reviews-0-rationale", "The developer's model cards list both sizes.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    claim = Claim.objects.get(statement=STATEMENT)
    assert claim.state == "in_review"
    assert claim.evidence.get().locator == "paragraph 4"
    assert page.request.get(f"/claims/{claim.slug}/").status == 404  # not public yet

    log_out(page)
    log_in(page, "second-editor")
    page.goto("/admin/claims/claim/?q=Aquila versions")
    page.locator(f"input[name=_selected_action][value='{claim.pk}']").check()
    page.select_option("select[name=action]", "approve_and_publish")
    page.get_by_role("button", name="Go").click()
    expect(page.locator("#content")).to_contain_text("proposed verdict: Accurate")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    page.goto(f"/claims/{claim.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(STATEMENT)
    expect(page.locator(".claim-status .verdict")).to_contain_text("Accurate")
    expect(page.locator(".side-for")).to_contain_text("paragraph 4")
    related = page.get_by_role("region", name="Counter-claims and related claims")
    expect(related).to_contain_text("Costs, chip sanctions and regulation")

    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    page.fill("#id_context", "Aquila is open for research and commercial use.")
    page.fill("#id_correction_note", "Added what readers need to know about the licence.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto("/corrections/")
    expect(page.locator(".corrections")).to_contain_text(STATEMENT)
    page.get_by_role("link", name=STATEMENT).click()
    expect(page.get_by_role("region", name="Corrections")).to_contain_text(
        "Added what readers need to know about the licence."
    )


def test_claims_worded_alike_are_shown_while_the_editor_types(page):
    log_in(page, "editor")
    page.goto("/admin/claims/claim/add/")
    expect(page.locator("#id_statement")).to_be_focused()  # the form starts where typing does

    page.keyboard.type("WuDao 2.0 is one model with 1.75 trillion parameters")

    hint = page.locator(".similar-claims")
    expect(hint).to_contain_text("Claims already logged that read alike:")
    expect(hint).to_contain_text("WuDao 2.0 is a single AI model with 1.75 trillion parameters.")

    # On a claim's change page too, with the claim itself left out.
    from claims.models import Claim

    other = Claim.objects.get(slug="wudao-2-0-was-a-family-of-models")
    page.goto(f"/admin/claims/claim/{other.pk}/change/")
    page.fill("#id_statement", "")
    page.locator("#id_statement").type("WuDao 2.0 is one model with 1.75 trillion parameters")
    expect(hint).to_contain_text("WuDao 2.0 is a single AI model with 1.75 trillion parameters.")
    expect(hint).not_to_contain_text(other.statement)
