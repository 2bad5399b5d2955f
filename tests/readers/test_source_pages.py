import pytest
from django.urls import reverse

from claims.choices import ClaimState, Stance
from sources.choices import Reliability
from tests.factories import ClaimFactory, EvidenceFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_source_page_lists_only_published_claims_with_the_stance_taken(client):
    source = SourceFactory(
        title="IEEE Spectrum article", reliability=Reliability.GENERALLY_RELIABLE
    )
    published = PublishedClaimFactory(statement="Wu Dao 3.0 is a family of small models.")
    EvidenceFactory(claim=published, source=source, stance=Stance.ASSERTS, locator="model list")
    draft = ClaimFactory(statement="A draft about Aquila.", state=ClaimState.DRAFT)
    EvidenceFactory(claim=draft, source=source)

    page = client.get(source.get_absolute_url()).content.decode()

    assert "Wu Dao 3.0 is a family of small models." in page
    assert "Asserts (model list)" in page
    assert "Generally reliable" in page
    assert "A draft about Aquila." not in page


def test_source_list_counts_published_claims_only(client):
    source = SourceFactory(title="The forum essay")
    EvidenceFactory(claim=PublishedClaimFactory(), source=source)
    EvidenceFactory(claim=PublishedClaimFactory(), source=source)
    EvidenceFactory(claim=ClaimFactory(state=ClaimState.IN_REVIEW), source=source)

    response = client.get(reverse("sources:list"), {"q": "forum"})

    assert [s.claim_count for s in response.context["object_list"]] == [2]
    assert "cited by 2 published claims" in response.content.decode()


def test_source_list_filters_by_reliability_and_reports_bad_values(client):
    SourceFactory(title="Aggregator page", reliability=Reliability.UNRELIABLE)
    SourceFactory(title="Survey", reliability=Reliability.RELIABLE)

    response = client.get(reverse("sources:list"), {"reliability": "unreliable"})
    assert [s.title for s in response.context["object_list"]] == ["Aggregator page"]

    response = client.get(reverse("sources:list"), {"reliability": "trustworthy", "page": "x"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_unknown_source_is_404(client):
    assert client.get(reverse("sources:detail", args=["no-such-source"])).status_code == 404
