"""Attack on issue 16 (QA, not product code): after each write an editor can make in the admin,
the search finds exactly what it should. Each test fails when the index goes stale."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim, ClaimSummary, Topic
from claims.search import find
from tests.admin_forms import inline_post
from tests.factories import ClaimantFactory, PublishedClaimFactory, TopicFactory

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    published = Claim.objects.published()
    slugs = dict(published.values_list("pk", "slug"))
    return [slugs[pk] for pk in find(text, published, correct=False).ids]


def stored_names(claim) -> str:
    return ClaimSummary.objects.get(claim=claim).terms_names


def test_a_topic_added_to_a_claim_in_the_admin_is_searchable(client, editor):
    claim = PublishedClaimFactory(slug="gpu-claim", statement="Nvidia sold chips.")
    topic = TopicFactory(name="Zorblax controls", aliases="佐布拉克斯")
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = inline_post(
        client, url, {"topics": [topic.pk], "correction_note": "Filed under a topic."}
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert list(claim.topics.all()) == [topic]

    # The summary should now hold the topic's name, as claim_summary_refresh() would write it.
    assert "zorblax" in stored_names(claim).split()
    assert found("Zorblax") == ["gpu-claim"]
    assert found("佐布拉克斯") == ["gpu-claim"]


def test_a_topic_taken_off_a_claim_in_the_admin_no_longer_finds_it(client, editor):
    topic = TopicFactory(name="Zorblax controls")
    claim = PublishedClaimFactory(slug="gpu-claim", statement="Nvidia sold chips.")
    claim.topics.add(topic)
    services.claim_summary_refresh(claim_ids=[claim.pk])
    assert found("Zorblax") == ["gpu-claim"]
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = inline_post(client, url, {"topics": [], "correction_note": "Wrong topic."})
    assert client.post(url, data).status_code == 302
    assert list(claim.topics.all()) == []
    assert found("Zorblax") == []


def test_a_deleted_topic_no_longer_finds_its_claims(client, superuser):
    topic = TopicFactory(name="Zorblax controls")
    claim = PublishedClaimFactory(slug="gpu-claim", statement="Nvidia sold chips.")
    claim.topics.add(topic)
    services.claim_summary_refresh(claim_ids=[claim.pk])
    client.force_login(superuser)
    url = reverse("admin:claims_topic_delete", args=[topic.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Topic.objects.exists()
    assert found("Zorblax") == []


def test_a_claim_logged_with_topics_is_searchable_by_them(editor):
    topic = TopicFactory(name="Zorblax controls")
    claim = services.claim_log(
        statement="Nvidia sold chips.", claimant="Someone", by=editor, topics=[topic]
    )
    assert "zorblax" in stored_names(claim).split()


def test_a_claimant_merge_reindexes_the_moved_claims(client, editor):
    keep = ClaimantFactory(name="Qwertyuiop Lab")
    gone = ClaimantFactory(name="Asdfghjkl Institute")
    PublishedClaimFactory(slug="moved", statement="Nvidia sold chips.", claimant=gone)
    services.claimant_merge(survivor=keep, duplicates=[keep, gone], by=editor)
    assert found("Qwertyuiop") == ["moved"]
