import datetime

import pytest
from django.http import QueryDict

from claims.choices import ClaimKind, Stance, Verdict
from claims.filtersets import ClaimFilterSet
from claims.selectors import claim_list_public
from tests.factories import EvidenceFactory, PublishedClaimFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def filtered(**params):
    filterset = ClaimFilterSet(params, queryset=claim_list_public())
    return {claim.slug for claim in filterset.qs}


def test_verdict_filter_takes_several_verdicts():
    PublishedClaimFactory(slug="a", verdict=Verdict.ACCURATE)
    PublishedClaimFactory(slug="m", verdict=Verdict.MISLEADING)
    PublishedClaimFactory(slug="i", verdict=Verdict.INACCURATE)
    params = QueryDict("verdict=accurate&verdict=inaccurate")
    assert {c.slug for c in ClaimFilterSet(params, queryset=claim_list_public()).qs} == {"a", "i"}


def test_kind_topic_and_claimant_filters():
    topic = TopicFactory(slug="compute")
    tagged = PublishedClaimFactory(
        slug="tagged", kind=ClaimKind.FORECAST, claimant="Inspur researchers"
    )
    tagged.topics.add(topic)
    PublishedClaimFactory(slug="other", kind=ClaimKind.FACT, claimant="A forum commenter")

    assert filtered(kind="forecast") == {"tagged"}
    assert filtered(topic="compute") == {"tagged"}
    assert filtered(claimant="inspur") == {"tagged"}


def test_source_filter_matches_evidence_and_first_appearance():
    source = SourceFactory(slug="govai")
    PublishedClaimFactory(slug="first", first_appeared_in=source)
    EvidenceFactory(claim=PublishedClaimFactory(slug="cited"), source=source)
    PublishedClaimFactory(slug="unrelated")

    assert filtered(source="govai") == {"first", "cited"}


def test_search_looks_in_statement_claimant_and_context():
    PublishedClaimFactory(slug="s", statement="BaGuaLu has 174 trillion parameters.")
    PublishedClaimFactory(slug="c", claimant="BaGuaLu team")
    PublishedClaimFactory(slug="x", context="Trained on the Sunway machine, unlike bagualu rivals.")
    PublishedClaimFactory(slug="n", statement="Yuan 1.0 has 245B parameters.")

    assert filtered(q="bagualu") == {"s", "c", "x"}


def test_contested_only():
    contested = PublishedClaimFactory(slug="contested")
    EvidenceFactory(claim=contested, stance=Stance.SUPPORTS)
    EvidenceFactory(claim=contested, stance=Stance.REFUTES)
    PublishedClaimFactory(slug="calm")

    assert filtered(contested="on") == {"contested"}
    assert filtered() == {"contested", "calm"}


def test_recheck_and_date_range():
    PublishedClaimFactory(
        slug="stale",
        recheck_due=datetime.date(2020, 1, 1),
        first_appeared_on=datetime.date(2021, 6, 1),
    )
    PublishedClaimFactory(
        slug="fresh",
        recheck_due=datetime.date(2999, 1, 1),
        first_appeared_on=datetime.date(2023, 7, 28),
    )

    assert filtered(recheck="on") == {"stale"}
    assert filtered(appeared_after="2022-01-01") == {"fresh"}
    assert filtered(appeared_before="2022-01-01") == {"stale"}


def test_an_invalid_filter_is_reported_and_the_valid_ones_still_apply():
    PublishedClaimFactory(slug="fig", kind=ClaimKind.FIGURE)
    PublishedClaimFactory(slug="fact", kind=ClaimKind.FACT)
    filterset = ClaimFilterSet(
        {"kind": "figure", "verdict": "bogus", "appeared_after": "31/02/2023"},
        queryset=claim_list_public(),
    )

    assert {c.slug for c in filterset.qs} == {"fig"}
    assert set(filterset.errors) == {"verdict", "appeared"}
