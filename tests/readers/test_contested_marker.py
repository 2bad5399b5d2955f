"""Wherever a claim is marked contested, the mark says what makes it so: evidence on both
sides (with how much), a published counter-claim, a figure another claim contradicts."""

import re

import pytest
from django.urls import reverse

from claims.choices import RelationKind, Stance
from tests.factories import (
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def rows(html: str) -> dict[str, str]:
    """Each claim row of a list, as its text, by the claim's statement."""
    found = {}
    for row in re.findall(r'<li class="claim-row">(.*?)</li>', html, re.DOTALL):
        statement = re.search(r'class="claim-statement"[^>]*>(.*?)</a>', row, re.DOTALL)
        found[text(statement.group(1))] = text(row)
    return found


@pytest.fixture
def contested():
    """One claim contested for each reason, and one that is not."""
    both_sides = PublishedClaimFactory(statement="Both sides have evidence.")  # one asserts
    EvidenceFactory(claim=both_sides, stance=Stance.SUPPORTS)
    EvidenceFactory(claim=both_sides, stance=Stance.REFUTES)
    countered = PublishedClaimFactory(statement="A counter-claim disputes this.")
    RelationFactory(
        from_claim=PublishedClaimFactory(statement="The counter-claim."),
        to_claim=countered,
        kind=RelationKind.COUNTER_CLAIM,
    )
    subject = SubjectFactory(name="PanGu-α")
    figure = FigureFactory(
        subject=subject, value=200, claim=PublishedClaimFactory(statement="PanGu-α has 200B.")
    )
    FigureFactory(subject=subject, value=2000, claim=PublishedClaimFactory(statement="2,000B."))
    PublishedClaimFactory(statement="Nobody disputes this.")
    return both_sides, countered, figure.claim


def test_each_row_of_the_list_says_what_makes_its_claim_contested(client, contested):
    listed = rows(client.get(reverse("claims:list")).content.decode())

    assert "Contested 2 sources support it, 1 refutes it" in listed["Both sides have evidence."]
    assert "Contested a published counter-claim" in listed["A counter-claim disputes this."]
    assert "Contested a published counter-claim" in listed["The counter-claim."]
    assert "Contested another claim gives a different figure" in listed["PanGu-α has 200B."]
    assert "Contested" not in listed["Nobody disputes this."]


def test_a_claim_contested_for_several_reasons_gives_each(client, contested):
    both_sides, countered, _ = contested
    RelationFactory(from_claim=both_sides, to_claim=countered, kind=RelationKind.COUNTER_CLAIM)

    listed = rows(client.get(reverse("claims:list")).content.decode())

    assert (
        "Contested 2 sources support it, 1 refutes it; a published counter-claim"
        in listed["Both sides have evidence."]
    )


def test_one_source_each_way_is_said_in_the_singular(client):
    claim = PublishedClaimFactory(statement="One each way.")
    EvidenceFactory(claim=claim, stance=Stance.REFUTES)

    listed = rows(client.get(reverse("claims:list")).content.decode())

    assert "Contested 1 source supports it, 1 refutes it" in listed["One each way."]


def test_the_claim_page_links_each_reason_to_the_section_that_shows_it(client, contested):
    both_sides, countered, figured = contested
    RelationFactory(from_claim=both_sides, to_claim=figured, kind=RelationKind.COUNTER_CLAIM)

    pages = {
        claim: client.get(claim.get_absolute_url()).content.decode()
        for claim in (both_sides, countered, figured)
    }

    assert '<a href="#evidence">2 sources support it, 1 refutes it</a>' in pages[both_sides]
    assert '<a href="#related">a published counter-claim</a>' in pages[countered]
    assert '<a href="#figures">another claim gives a different figure</a>' in pages[figured]
    for section in ("evidence", "related"):
        assert f'id="{section}"' in pages[both_sides]
    assert 'id="figures"' in pages[figured]


def test_home_claimant_source_and_contested_pages_say_why_too(client, contested):
    _, countered, _ = contested
    source = SourceFactory()
    EvidenceFactory(claim=countered, source=source, stance=Stance.ASSERTS)

    for url in [
        reverse("home"),
        countered.claimant.get_absolute_url(),
        source.get_absolute_url(),
        reverse("figures:contested"),
    ]:
        page = text(client.get(url).content.decode())
        assert "Contested a published counter-claim" in page, url
