"""A document's way in, in a browser: an HTML page and a PDF are kept as copies of a source; the
reading view numbers the paragraphs and marks the figure sentences; a claim is logged from one
with its figure filled in, graded and approved; readers see the quote with the copy's date; a
changed copy of the page makes the quote's change show on the desk."""

from django.core.management import call_command
from playwright.sync_api import expect

from claims.models import Claim
from claims.services import subject_get_or_create
from tests.documents.files import pdf

from .conftest import log_in, log_out
from .test_editor import pick_autocomplete

PAGE = """<!doctype html><html><head><title>Lantern launch</title></head><body><article>
<h1>The institute launches Lantern</h1>
<p>The institute opened its new laboratory in the spring, after two years of building.</p>
<p>Its largest model, Lantern-2, has 175 billion parameters, the director said on Monday.</p>
<p>Visitors were shown a demonstration of the system writing short poems.</p>
</article></body></html>"""
STATEMENT = "Lantern-2 has 175 billion parameters, according to its developer."


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0)


def keep_copy(page, tmp_path, name: str, content: bytes, source_title: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.goto("/admin/documents/snapshot/add/")
    pick_autocomplete(page, "id_source", source_title[:12], source_title[:12])
    page.set_input_files("#id_upload", str(path))
    page.get_by_role("button", name="Keep this copy").click()
    expect(page.locator(".messagelist")).to_contain_text("Kept a copy of")
    run_worker()  # marks the sentences, as the worker beside the server would
    page.reload()


def test_from_an_uploaded_page_to_a_published_anchored_quote(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    lantern = subject_get_or_create(name="Lantern-2")
    log_in(page, "editor")
    keep_copy(page, tmp_path, "report.pdf", pdf(), "The Long and Mostly Short")
    expect(page.locator(".page-break").first).to_contain_text("Page 1")
    expect(page.locator("#p2")).to_contain_text("4,095 petaFLOP/s-days")

    keep_copy(page, tmp_path, "launch.html", PAGE.encode(), "The Long and Mostly Short")
    expect(page.locator("#p3")).to_contain_text("175 billion parameters")
    marked = page.locator("#p3 mark.checkworthy")
    expect(marked).to_have_text(
        "Its largest model, Lantern-2, has 175 billion parameters, the director said on Monday."
    )
    expect(page.locator("#p3 .sentence-note")).to_contain_text("175 billion parameters")
    expect(page.locator("#p2 mark")).to_have_count(0)  # nothing to check there

    page.locator("#p3").get_by_role("link", name="log a claim from it").click()
    expect(page.locator("#id_first_appeared_locator")).to_have_value("¶3")
    expect(page.locator("#id_evidence-0-quote")).to_have_value(
        "Its largest model, Lantern-2, has 175 billion parameters, the director said on Monday."
    )
    expect(page.locator("#id_figure-0-value")).to_have_value("175")
    expect(page.locator("#id_figure-0-unit")).to_have_value("billion parameters")
    page.fill("#id_statement", STATEMENT)
    pick_autocomplete(page, "id_claimant", "ieee spectrum", "IEEE Spectrum")
    # The sentence names a known subject: the form arrives with it chosen.
    expect(page.locator("#id_figure-0-subject")).to_have_value(str(lantern.pk))
    page.select_option("#id_figure-0-method", index=1)
    page.select_option("#id_reviews-0-verdict", "accurate")
    page.fill("#id_reviews-0-rationale", "The developer's own launch page gives the count.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    claim = Claim.objects.get(statement=STATEMENT)
    log_out(page)

    log_in(page, "second-editor")
    page.goto(f"/admin/claims/claim/{claim.pk}/review/")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messagelist")).to_contain_text("is published")
    run_worker()
    page.goto(claim.get_absolute_url())
    quote = page.locator(".evidence .quote")
    expect(quote).to_contain_text("Lantern-2, has 175 billion parameters")
    expect(quote).to_contain_text("in the copy of")

    page.goto("/admin/")
    changed = PAGE.replace("175 billion", "200 billion").encode()
    keep_copy(page, tmp_path, "launch-later.html", changed, "The Long and Mostly Short")
    run_worker()
    page.goto("/admin/")
    expect(page.locator("#desk-quotes .desk-count")).to_have_text("1")
    page.locator("#desk-quotes").get_by_role("link").click()
    expect(page.locator("#result_list")).to_contain_text(STATEMENT)
    expect(page.locator("#result_list")).to_contain_text("200 billion")
