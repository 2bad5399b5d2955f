"""The claimants' pages: who made the published claims, and each one's record by verdict, like
the report cards of the best-known fact-checkers. Only public claims count; drafts never show."""

import re

import pytest
from django.urls import reverse

from claims import services
from claims.choices import ClaimantKind, Verdict
from claims.models import ClaimantAlias
from tests.factories import ClaimantFactory, ClaimFactory, PublishedClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

# version, count, page of claimants with their claim counts, their records
LIST_QUERIES = 4
# version, claimant, its aliases, its record, count of its claims, the page of them, their topics
DETAIL_QUERIES = 7


@pytest.fixture
def essayist():
    """A claimant with 3 inaccurate, 1 misleading and 2 accurate published claims, a claim in
    review, a draft and a withdrawn claim."""
    claimant = ClaimantFactory(name="US–China essayist", kind=ClaimantKind.PERSON)
    services.claimant_alias_save(alias=ClaimantAlias(claimant=claimant, name="美中"), by=None)
    for verdict, n in [(Verdict.INACCURATE, 3), (Verdict.MISLEADING, 1), (Verdict.ACCURATE, 2)]:
        for _ in range(n):
            PublishedClaimFactory(claimant=claimant, verdict=verdict)
    ClaimFactory(claimant=claimant, statement="DRAFT-ONLY claim of the essayist.")
    ClaimFactory(claimant=claimant, statement="IN-REVIEW claim.", state="in_review")
    withdrawn = PublishedClaimFactory(claimant=claimant, statement="WITHDRAWN claim.")
    services.claim_withdraw(claim=withdrawn, by=UserFactory(role="Editors"), reason="Duplicate.")
    return claimant


def test_the_list_shows_claimants_of_published_claims_with_their_record(client, essayist):
    PublishedClaimFactory(claimant="Huawei", verdict=Verdict.ACCURATE)
    ClaimFactory(claimant="A draft-only claimant")

    page = client.get(reverse("claimants:list")).content.decode()

    assert page.index("US–China essayist") < page.index("Huawei")  # most claims first
    assert "6 published claims" in page and "1 published claim:" in page
    assert "3 inaccurate" in page and "1 misleading" in page and "2 accurate" in page
    assert "0 mixed" not in page
    assert "A draft-only claimant" not in page
    assert f'href="{essayist.get_absolute_url()}"' in page


def test_the_list_filters_by_kind_and_by_any_name(client, essayist):
    PublishedClaimFactory(claimant="Huawei")
    url = reverse("claimants:list")

    assert "Huawei" not in client.get(url, {"kind": "person"}).content.decode()
    by_alias = client.get(url, {"q": "美中"}).content.decode()
    assert "US–China essayist" in by_alias and "Huawei" not in by_alias
    assert "US–China essayist" in client.get(url, {"q": "us-china"}).content.decode()


def test_a_claimant_page_is_their_report_card_with_only_public_claims(client, essayist):
    page = client.get(essayist.get_absolute_url()).content.decode()

    assert "Of 6 published claims we graded" in page
    for label, n in [("Inaccurate", 3), ("Misleading", 1), ("Accurate", 2), ("Mixed", 0)]:
        row = re.search(rf" {label}</span></summary>.*?</details></td><td>(\d+)</td>", page)
        assert row.group(1) == str(n), label
    assert "美中" in page and "Person" in page
    assert "DRAFT-ONLY" not in page and "IN-REVIEW" not in page
    assert "WITHDRAWN claim." not in page  # withdrawn claims leave lists and counts
    assert f"?claimant={essayist.slug}" in page


def test_claim_pages_and_rows_link_their_claimant(client, essayist):
    claim = essayist.claims.filter(state="published").first()
    for url in [claim.get_absolute_url(), reverse("claims:list"), reverse("home")]:
        assert f'href="{essayist.get_absolute_url()}"' in client.get(url).content.decode()


def test_the_claim_list_filters_by_claimant_slug(client, essayist):
    PublishedClaimFactory(claimant="Huawei", statement="Huawei's own claim.")
    page = client.get(reverse("claims:list"), {"claimant": essayist.slug}).content.decode()
    assert "6 claims" in page and "Huawei's own claim." not in page


def test_a_claimant_of_drafts_only_has_no_page(client):
    claimant = ClaimFactory(claimant="Drafts only").claimant
    assert client.get(claimant.get_absolute_url()).status_code == 404


def test_a_claimant_of_a_withdrawn_claim_keeps_the_page_its_claim_links_to(client):
    claim = PublishedClaimFactory(claimant="Withdrawn only")
    services.claim_withdraw(claim=claim, by=UserFactory(role="Editors"), reason="Wrong.")
    page = client.get(claim.claimant.get_absolute_url())
    assert page.status_code == 200
    assert "No published claim of theirs is graded" in page.content.decode()


@pytest.mark.parametrize("slug", ["nobody", "x" * 300, "%C3%A9", "..", "1"])
def test_unknown_claimants_are_not_found(client, slug):
    assert client.get(f"/claimants/{slug}/").status_code == 404


@pytest.mark.parametrize(
    "params, status",
    [
        ({"page": "x"}, 200),
        ({"page": "99999999999999999999"}, 200),
        ({"q": "a" * 10000}, 200),
        ({"kind": "robot"}, 200),
        ({"q": "a\x00b"}, 400),
    ],
)
def test_claimant_pages_survive_bad_queries(client, essayist, params, status):
    assert client.get(reverse("claimants:list"), params).status_code == status
    if "page" in params:
        assert client.get(essayist.get_absolute_url(), params).status_code == status


def test_the_sitemap_lists_claimants_with_a_page(client, essayist):
    drafts = ClaimFactory(claimant="Drafts only").claimant
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert essayist.get_absolute_url() in sitemap
    assert drafts.get_absolute_url() not in sitemap
    assert reverse("claimants:list") in sitemap


def populate(n: int):
    hub = ClaimantFactory(name="Hub")
    for i in range(n):
        claimant = ClaimantFactory(name=f"Claimant {i}")
        PublishedClaimFactory(claimant=claimant, verdict=list(Verdict)[i % len(Verdict)])
        PublishedClaimFactory(claimant=hub, verdict=list(Verdict)[i % len(Verdict)])
        services.claimant_alias_save(
            alias=ClaimantAlias(claimant=hub, name=f"Hub alias {i}"), by=None
        )
    return hub


@pytest.mark.parametrize("n", [3, 30])
def test_claimant_list_query_count_is_fixed(client, n, django_assert_num_queries):
    populate(n)
    with django_assert_num_queries(LIST_QUERIES):
        client.get(reverse("claimants:list"))


@pytest.mark.parametrize("n", [3, 30])
def test_claimant_detail_query_count_is_fixed(client, n, django_assert_num_queries):
    hub = populate(n)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(hub.get_absolute_url())
