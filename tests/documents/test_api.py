"""Snapshots and quotes in the read API: readers get the quotes of published evidence found in
their copy, with the copy's date and hash, and only those copies; never a copy's text."""

import pytest
from django.urls import reverse

from claims import services
from claims.choices import Stance
from documents.services import quote_check, snapshot_take
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = b"The lab said its model has 7 billion parameters.\n\nNothing else."


def quoted(claim, copy, words: str, by):
    evidence = services.evidence_add(
        claim=claim,
        source=copy.source,
        stance=Stance.SUPPORTS,
        locator="\u00b61",
        quote=words,
        quote_copy=copy.sha256,
        by=by,
        correction_note="Quoted from the kept copy." if claim.is_public else "",
    )
    return quote_check(evidence)


def test_readers_get_published_found_quotes_and_their_copies_only(client, editor):
    copy = snapshot_take(source=SourceFactory(), name="a.txt", content=TEXT, by=editor)
    unquoted = snapshot_take(source=SourceFactory(), name="b.txt", content=b"Other.", by=editor)
    published = PublishedClaimFactory()
    quoted(published, copy, "The lab said its model has 7 billion parameters.", editor)
    quoted(ClaimFactory(), copy, "Nothing else.", editor)  # a draft's
    quoted(PublishedClaimFactory(), copy, "Words it never had.", editor)  # not in the copy

    quotes = client.get(reverse("api:quote-list")).json()["results"]
    assert [q["quote"] for q in quotes] == ["The lab said its model has 7 billion parameters."]
    assert quotes[0]["claim"] == published.slug
    assert quotes[0]["copy"]["sha256"] == copy.sha256
    assert quotes[0]["in_newest_copy"] == "still there"
    snapshots = client.get(reverse("api:snapshot-list")).json()["results"]
    assert [s["sha256"] for s in snapshots] == [copy.sha256]
    assert set(snapshots[0]) == {"id", "source", "taken_at", "sha256", "kind", "pages"}

    client.force_login(editor)  # editors see every copy, still without text
    snapshots = client.get(reverse("api:snapshot-list")).json()["results"]
    assert {s["sha256"] for s in snapshots} == {copy.sha256, unquoted.sha256}
