"""The editors' whole loop in a browser: editor A logs and grades a claim, editor B sends it
back with a comment, A revises, B approves from the review screen and readers see it; a
re-grading of a published claim waits in B's queue and nowhere public; a claim without evidence
is refused with the reason. Each step's email is checked as the task worker sends it."""

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import Claim

from .conftest import SCREENSHOTS, log_in, log_out
from .test_editor import pick_autocomplete

STATEMENT = "The Zhiyuan institute says its Aquila models come in two sizes, 7B and 33B."
RATIONALE = "The developer's own model cards list both sizes, and a news report repeats them."


def emails_to(username: str) -> list[str]:
    call_command("db_worker", batch=True, verbosity=0)
    return [m.subject for m in mail.outbox if m.to == [f"{username}@example.org"]]


def desk_count(page, label: str) -> str:
    return page.locator("#desk tr", has_text=label).locator(".desk-count").inner_text()


def test_log_grade_send_back_revise_approve_and_a_regrading_waits(page):
    # Editor A logs and grades, assigning the claim to B.
    log_in(page, "editor")
    page.goto("/admin/claims/claim/add/")
    page.fill("#id_statement", STATEMENT)
    pick_autocomplete(page, "id_claimant", "ieee spectrum", "IEEE Spectrum")
    page.select_option("#id_kind", "figure")
    page.select_option("#id_reviews-0-verdict", "accurate")
    page.fill("#id_reviews-0-rationale", RATIONALE)
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    claim = Claim.objects.get(statement=STATEMENT)
    assert claim.state == "in_review"
    log_out(page)

    # B finds it on the desk; without evidence, approval is refused with the reason.
    log_in(page, "second-editor")
    expect(page.locator("#desk")).to_contain_text("Waiting for my approval")
    page.screenshot(path=SCREENSHOTS / "desk-1280.png")
    page.locator("#desk").get_by_role("link", name="Waiting for my approval").click()
    page.get_by_role("link", name="Accurate by editor: review").first.click()
    expect(page.locator(".review-statement")).to_contain_text(STATEMENT)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".errorlist")).to_contain_text("Nothing is published without evidence")
    assert page.request.get(claim.get_absolute_url()).status == 404

    # B sends it back with a comment; A is told.
    page.fill("#id_comment", "Add the model card as evidence, with where it says so.")
    page.get_by_role("button", name="Send back with this comment").click()
    expect(page.locator(".messagelist")).to_contain_text("went back to editor")
    expect(page.locator(".review-comment")).to_contain_text("Add the model card as evidence")
    page.screenshot(path=SCREENSHOTS / "review-screen-1280.png", full_page=True)
    assert emails_to("editor") == [f"[Claim workbench] Sent back: {STATEMENT}"]
    log_out(page)

    # A finds it under "Sent back to me", adds evidence and saves the grading again.
    log_in(page, "editor")
    assert desk_count(page, "Sent back to me") == "1"
    page.locator("#desk").get_by_role("link", name="Sent back to me").click()
    page.get_by_role("link", name=STATEMENT).click()
    pick_autocomplete(page, "id_evidence-0-source", "Newest GPT", "Newest GPT")
    page.select_option("#id_evidence-0-stance", "asserts")
    page.fill("#id_evidence-0-locator", "model card, section 1")
    page.fill("#id_reviews-0-rationale", RATIONALE + " Checked again.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    log_out(page)

    # B approves from the review screen; readers see it; A is told.
    log_in(page, "second-editor")
    page.goto(f"/admin/claims/claim/{claim.pk}/review/")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messagelist")).to_contain_text("is published as Accurate")
    page.goto(claim.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(STATEMENT)
    expect(page.locator(".claim-status .verdict")).to_contain_text("Accurate")
    assert emails_to("editor")[-1] == f"[Claim workbench] Approved and published: {STATEMENT}"
    page.goto("/admin/")
    log_out(page)

    # A re-grades the published claim: it waits in B's queue, and readers still see Accurate.
    log_in(page, "editor")
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    page.select_option("#id_reviews-0-verdict", "outdated")
    page.fill("#id_reviews-0-rationale", "A later release added a much larger model to the family.")
    page.fill("#id_reviews-0-correction_note", "A larger model was released later.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(claim.get_absolute_url())
    expect(page.locator(".claim-status .verdict")).to_contain_text("Accurate")
    expect(page.locator("body")).not_to_contain_text("A larger model was released later.")
    page.goto("/admin/")
    log_out(page)
    log_in(page, "second-editor")
    page.locator("#desk").get_by_role("link", name="Waiting for my approval").click()
    expect(page.locator("#result_list")).to_contain_text("Outdated by editor: review")
    expect(page.locator("#result_list")).to_contain_text(STATEMENT)
