"""The Atom feed of verdicts and the sitemap carry published data only."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse

from claims.choices import ClaimState, Verdict
from claims.services import claim_publish, claim_withdraw, review_submit
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(client) -> list[str]:
    feed = ET.fromstring(client.get(reverse("verdict-feed")).content)
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_the_feed_lists_new_and_corrected_verdicts(client, editor, second_editor):
    claim = ClaimFactory(statement="Model Y was trained on 2,000 chips.")
    review_submit(
        claim=claim, verdict=Verdict.ACCURATE, rationale="The paper gives the figure.", by=editor
    )
    claim_publish(claim=claim, approver=second_editor)
    claim.refresh_from_db()
    review_submit(
        claim=claim,
        verdict=Verdict.OUTDATED,
        rationale="A newer paper gives more detail.",
        correction_note="A 2024 paper gives a larger cluster.",
        by=editor,
    )
    claim_publish(claim=claim, approver=second_editor)

    assert entries(client) == [
        "Corrected verdict: Outdated — Model Y was trained on 2,000 chips.",
        "Verdict: Accurate — Model Y was trained on 2,000 chips.",
    ]


def test_the_feed_leaves_out_pending_gradings_drafts_and_withdrawn_claims(client, editor):
    ClaimFactory(statement="Pending claim.", state=ClaimState.IN_REVIEW)
    withdrawn = PublishedClaimFactory(statement="Withdrawn claim.")
    claim_withdraw(claim=withdrawn, by=editor, reason="Wrong source.")
    PublishedClaimFactory(statement="Shown claim.")

    assert entries(client) == ["Verdict: Accurate — Shown claim."]


def test_the_sitemap_lists_public_pages_only(client, editor):
    published = PublishedClaimFactory()
    withdrawn = PublishedClaimFactory()
    claim_withdraw(claim=withdrawn, by=editor, reason="Wrong source.")
    draft = ClaimFactory()
    source = SourceFactory()

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    site = settings.WORKBENCH_SITE_URL
    paths = {loc.text.removeprefix(site) for loc in sitemap.iter(f"{SITEMAP}loc")}

    assert {"/", "/claims/", "/sources/", "/corrections/", "/methodology/"} <= paths
    assert published.get_absolute_url() in paths
    assert withdrawn.get_absolute_url() in paths  # the page stays, with its notice
    assert draft.get_absolute_url() not in paths
    assert source.get_absolute_url() in paths


@pytest.mark.parametrize("url", ["/sitemap.xml?x=1", "/feeds/verdicts/?x=1"])
def test_the_host_or_scheme_of_one_request_never_reaches_other_readers(client, url, settings):
    """The cache-poisoning finding: one request with a forged host and scheme, then readers."""
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "evil.example"]
    PublishedClaimFactory()
    client.get(url, HTTP_HOST="evil.example", HTTP_X_FORWARDED_PROTO="https", secure=True)

    for reader_url in (url, url.split("?")[0]):
        body = client.get(reader_url).content.decode()
        assert "evil.example" not in body and "https://localhost" not in body
        assert settings.WORKBENCH_SITE_URL + "/" in body
