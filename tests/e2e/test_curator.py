"""A curator finds a source registered twice and merges it; no claim loses its evidence."""

from playwright.sync_api import expect

from claims.choices import Stance
from claims.models import Claim
from claims.services import evidence_add
from sources.models import Source
from sources.services import source_save

from .conftest import log_in

DUPLICATE = "Long and mostly short of China's newest GPT (syndicated copy)"


def test_curator_merges_two_duplicate_sources_and_every_claim_keeps_its_evidence(page):
    original = Source.objects.get(slug="ieee-spectrum-wu-dao-3")
    duplicate = source_save(
        source=Source(
            title=DUPLICATE,
            slug="ieee-spectrum-wu-dao-3-copy",
            url="https://example.org/syndicated/long-and-mostly-short",
            kind=original.kind,
        ),
        by=None,
    )
    claim = Claim.objects.get(slug="baai-can-only-build-small-models")
    evidence_add(
        claim=claim,
        source=duplicate,
        stance=Stance.ASSERTS,
        locator="paragraph 9",
        excerpt="Quotes the analyst on cost, sanctions and regulation.",
        by=None,
        correction_note="A second copy of the article also carries the quote.",
    )
    cited = {
        c.slug: c.evidence.count()
        for c in Claim.objects.filter(evidence__source__in=[original, duplicate]).distinct()
    }

    log_in(page, "curator")
    page.goto("/admin/sources/source/")
    page.fill("#searchbar", "mostly short")
    page.press("#searchbar", "Enter")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(2)
    for checkbox in page.locator("input[name=_selected_action]").all():
        checkbox.check()
    page.select_option("select[name=action]", "merge_sources")
    page.get_by_role("button", name="Go").click()

    page.get_by_label(original.title).check()
    page.get_by_role("button", name="Merge duplicate sources").click()
    merged = f"Merged 1 duplicate(s) into “{original.title}”"
    expect(page.locator(".messagelist")).to_contain_text(merged)

    assert not Source.objects.filter(pk=duplicate.pk).exists()
    for slug, count in cited.items():
        page.goto(f"/claims/{slug}/")
        expect(page.locator(".evidence")).to_have_count(count)
        expect(page.get_by_role("link", name=DUPLICATE)).to_have_count(0)
    page.goto(f"/claims/{claim.slug}/")
    expect(page.locator(".side-for")).to_contain_text("paragraph 9")
    expect(page.locator(".side-for")).to_contain_text(original.title)
