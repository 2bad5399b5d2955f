"""ClaimReview markup, as search engines and aggregators read it out of a claim page."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.utils.timezone import localdate

from claims.choices import Stance, Verdict
from claims.services import claim_withdraw
from sources.choices import DatePrecision
from tests.factories import (
    EvidenceFactory,
    OutletFactory,
    PublishedClaimFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def markup(client, claim) -> list[dict]:
    page = client.get(claim.get_absolute_url()).content.decode()
    return [json.loads(block) for block in JSON_LD.findall(page)]


def test_a_published_claim_page_carries_what_google_requires_of_a_claim_review(client):
    first = SourceFactory(
        title="Survey of large models",
        url="https://example.org/survey",
        published_on=datetime.date(2023, 1, 10),
        outlet=OutletFactory(name="A research centre"),
    )
    claim = PublishedClaimFactory(
        statement="Model X has 1.75 trillion parameters.",
        claimant="The developer",
        verdict=Verdict.MISLEADING,
        first_appeared_in=first,
        first_appeared_on=datetime.date(2021, 6, 1),
    )
    repeated = EvidenceFactory(claim=claim, stance=Stance.ASSERTS).source
    EvidenceFactory(claim=claim, stance=Stance.REFUTES)

    [review] = markup(client, claim)

    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Model X has 1.75 trillion parameters."
    assert review["url"] == settings.WORKBENCH_SITE_URL + claim.get_absolute_url()
    assert review["author"] == {
        "@type": "Organization",
        "name": settings.WORKBENCH_PUBLISHER,
        "url": settings.WORKBENCH_SITE_URL + "/",
    }
    assert review["datePublished"] == localdate(claim.published_at).isoformat()
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {
        "@type": "Organization",
        "name": "The developer",
        "url": settings.WORKBENCH_SITE_URL + claim.claimant.get_absolute_url(),
    }
    assert item["datePublished"] == "2021-06-01"
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/survey",
        "headline": "Survey of large models",
        "datePublished": "2023-01-10",
        "publisher": {"@type": "Organization", "name": "A research centre"},
    }
    # Sources that make the claim are its appearances (the first one among them: the claim
    # was published with it as evidence); one that refutes it is not.
    assert {work["url"] for work in item["appearance"]} == {first.url, repeated.url}


def test_a_claim_without_its_own_date_is_dated_by_the_source_it_first_appeared_in(client):
    first = SourceFactory(published_on=datetime.date(2021, 6, 2))
    claim = PublishedClaimFactory(first_appeared_in=first, first_appeared_on=None)

    [review] = markup(client, claim)

    assert review["itemReviewed"]["datePublished"] == "2021-06-02"


@pytest.mark.parametrize(
    ("precision", "given"),
    [(DatePrecision.YEAR, "2023"), (DatePrecision.MONTH, "2023-06")],
)
def test_a_source_dated_by_its_month_or_year_dates_the_claim_no_more_precisely(
    client, precision, given
):
    first = SourceFactory(published_on=datetime.date(2023, 6, 1), date_precision=precision)
    claim = PublishedClaimFactory(first_appeared_in=first, first_appeared_on=None)

    [review] = markup(client, claim)

    assert review["itemReviewed"]["datePublished"] == given
    assert review["itemReviewed"]["firstAppearance"]["datePublished"] == given


def test_the_claims_own_date_comes_before_its_sources(client):
    first = SourceFactory(published_on=datetime.date(2023, 1, 10))
    claim = PublishedClaimFactory(
        first_appeared_in=first, first_appeared_on=datetime.date(2021, 6, 1)
    )

    [review] = markup(client, claim)

    assert review["itemReviewed"]["datePublished"] == "2021-06-01"


def test_a_claim_with_no_date_anywhere_carries_none(client):
    undated = PublishedClaimFactory(first_appeared_in=SourceFactory(published_on=None))
    unsourced = PublishedClaimFactory(first_appeared_in=None)

    for claim in (undated, unsourced):
        [review] = markup(client, claim)
        assert "datePublished" not in review["itemReviewed"]


def test_each_verdict_carries_its_rating_and_name():
    from claims.choices import VERDICT_SCALE
    from exchange.claimreview import claim_review

    for verdict in Verdict:
        claim = PublishedClaimFactory(verdict=verdict)
        rating = claim_review(claim)["reviewRating"]
        assert rating["ratingValue"] == VERDICT_SCALE[verdict].rating
        assert rating["alternateName"] == verdict.label


def test_a_withdrawn_claim_keeps_its_page_but_is_no_longer_a_fact_check(client, editor):
    claim = PublishedClaimFactory()
    claim_withdraw(claim=claim, by=editor, reason="The source was retracted.")
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    assert markup(client, claim) == []


def test_markup_stays_data_whatever_the_statement_says(client):
    statement = 'It said "</script><script>alert(1)</script>" & more.'
    claim = PublishedClaimFactory(statement=statement)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    [review] = markup(client, claim)
    assert review["claimReviewed"] == statement


def test_the_methodology_page_explains_how_ratings_map_to_verdicts(client):
    page = client.get("/methodology/").content.decode()
    assert "ClaimReview" in page
    assert "<code>bestRating</code> 5" in page and "<code>worstRating</code> 1" in page
