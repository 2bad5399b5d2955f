"""Public pages run a fixed number of queries whatever the amount of data."""

import pytest
from django.urls import reverse

from claims.choices import RelationKind, Stance
from tests.factories import (
    EvidenceFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LIST_QUERIES = 4  # count, page of claims, their topics, the topic filter's options
# claim, topics, evidence with sources, relations out, relations in, reviews, corrections
DETAIL_QUERIES = 7


def populate(n: int):
    """n published claims, each with evidence on both sides, topics and a counter-claim."""
    source = SourceFactory()
    topics = [TopicFactory(), TopicFactory()]
    claims = []
    for _ in range(n):
        claim = PublishedClaimFactory(first_appeared_in=source)
        claim.topics.set(topics)
        claims.append(claim)
    hub = claims[0]
    for claim in claims[1:]:
        EvidenceFactory(claim=hub, source=SourceFactory(), stance=Stance.SUPPORTS)
        EvidenceFactory(claim=claim, source=source, stance=Stance.REFUTES)
        RelationFactory(from_claim=claim, to_claim=hub, kind=RelationKind.COUNTER_CLAIM)
    return hub


@pytest.mark.parametrize("n", [5, 200])
def test_claim_list_query_count_is_fixed(client, n, django_assert_num_queries):
    populate(n)
    with django_assert_num_queries(LIST_QUERIES):
        client.get(reverse("claims:list"), {"contested": "on"})


@pytest.mark.parametrize("n", [5, 200])
def test_claim_detail_query_count_is_fixed(client, n, django_assert_num_queries):
    hub = populate(n)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(hub.get_absolute_url())


@pytest.mark.parametrize("n", [5, 200])
def test_home_query_count_is_fixed(client, n, django_assert_num_queries):
    populate(n)
    # verdict counts; most contested and recently graded, each with their topics
    with django_assert_num_queries(5):
        client.get(reverse("home"))


@pytest.mark.parametrize("n", [5, 200])
def test_source_pages_query_counts_are_fixed(client, n, django_assert_num_queries):
    source = populate(n).first_appeared_in
    with django_assert_num_queries(2):  # count, page of sources with their outlets
        client.get(reverse("sources:list"))
    with django_assert_num_queries(3):  # source, its claims, their evidence from it
        client.get(source.get_absolute_url())
