"""Each verdict label explains itself where it appears: a disclosure holding the verdict's one
definition (claims/choices.py), linked to its entry on the methodology page."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from claims.choices import VERDICT_SCALE, RelationKind, Stance, Verdict
from tests.factories import (
    EvidenceFactory,
    FigureFactory,
    PublishedClaimFactory,
    RelationFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db

LABEL = re.compile(r'<span class="verdict verdict-(\w+)">')
EXPLAINED = re.compile(
    r'<details class="verdict-term"><summary><span class="verdict verdict-(\w+)">'
    r'.*?</summary><span class="verdict-definition">(.*?)</span></details>',
    re.DOTALL,
)


@pytest.fixture
def claims():
    misleading = PublishedClaimFactory(verdict=Verdict.MISLEADING, claimant="A lab")
    outdated = PublishedClaimFactory(verdict=Verdict.OUTDATED, claimant="A lab")
    RelationFactory(from_claim=misleading, to_claim=outdated, kind=RelationKind.COUNTER_CLAIM)
    EvidenceFactory(claim=misleading, stance=Stance.REFUTES)
    subject = SubjectFactory()
    FigureFactory(subject=subject, value=100, claim=misleading)
    FigureFactory(subject=subject, value=1000)
    return misleading


def test_every_verdict_label_on_the_public_pages_holds_its_definition(client, claims):
    source = claims.evidence.first().source
    for url in [
        reverse("home"),
        reverse("claims:list"),
        claims.get_absolute_url(),
        reverse("claimants:list"),
        claims.claimant.get_absolute_url(),
        source.get_absolute_url(),
        reverse("figures:contested"),
        reverse("figures:chart"),
    ]:
        html = client.get(url).content.decode()
        labels = LABEL.findall(html)
        explained = EXPLAINED.findall(html)

        assert labels, url
        assert [verdict for verdict, _ in explained] == labels, url
        for verdict, definition in explained:
            assert escape(VERDICT_SCALE[verdict].explanation) in definition, url
            assert f'href="/methodology/#verdict-{verdict}"' in definition, url


def test_the_claim_page_explains_its_verdict_in_the_header_the_relations_and_the_history(
    client, claims
):
    html = client.get(claims.get_absolute_url()).content.decode()
    explained = [verdict for verdict, _ in EXPLAINED.findall(html)]

    # its own verdict, its counter-claim's, and its verdict history
    assert explained.count(Verdict.MISLEADING) == 2
    assert explained.count(Verdict.OUTDATED) == 1
    assert "rated 2 of 5" in html


def test_the_methodology_page_has_an_entry_for_each_verdict_the_labels_link_to(client):
    html = client.get(reverse("methodology")).content.decode()

    for verdict in Verdict:
        entry = re.search(rf'<tr id="verdict-{verdict.value}">(.*?)</tr>', html, re.DOTALL)
        assert escape(VERDICT_SCALE[verdict].explanation) in entry.group(1)


def test_the_home_page_counts_link_to_the_list_beside_each_explained_verdict(client, claims):
    html = client.get(reverse("home")).content.decode()

    assert '<a class="count" href="/claims/?verdict=misleading">1 claim</a>' in html
    assert '<a class="count" href="/claims/?verdict=accurate">1 claim</a>' in html
    assert '<a class="count" href="/claims/?verdict=mixed">0 claims</a>' in html
