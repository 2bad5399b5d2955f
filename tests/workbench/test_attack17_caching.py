"""Outside attack on issue 17's HTTP caching: what the validators leave out, and what a
conditional request is answered for a page that is not there."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ClaimFactory, PublishedClaimFactory

pytestmark = pytest.mark.django_db


def test_a_claim_falling_due_for_recheck_overnight_is_not_answered_304(client, monkeypatch):
    """A claim's page says "Due for re-check" from its due date on, with no write to the
    database: a reader (or a CDN) revalidating yesterday's copy must get the page that says so."""
    today = timezone.localdate()
    claim = PublishedClaimFactory(statement="Aquila-7 was trained on 40 billion tokens.")
    claim.recheck_due = today + datetime.timedelta(days=1)
    claim.save(update_fields=["recheck_due"])
    yesterday = client.get(claim.get_absolute_url())
    assert "Due for re-check" not in yesterday.text

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + datetime.timedelta(days=1))
    again = client.get(claim.get_absolute_url(), headers={"if-none-match": yesterday["ETag"]})

    assert again.status_code == 200
    assert "Due for re-check" in again.text


@pytest.mark.parametrize(
    "condition",
    [{"if-none-match": "*"}, {"if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT"}],
)
def test_a_draft_or_missing_page_is_never_answered_304(client, condition):
    """A 304 says "your copy is current": for a page readers cannot see (a draft) or that does
    not exist, there is no copy to be current, and nothing should be marked public."""
    draft = ClaimFactory(statement="Borealis-3 was trained on 12 billion tokens.")

    for url in (draft.get_absolute_url(), "/claims/no-such-claim/"):
        response = client.get(url, headers=condition)
        assert response.status_code == 404, url
        assert "public" not in response.headers.get("Cache-Control", "")


def test_readers_choosing_filters_do_not_push_the_api_throttle_out(client, settings, monkeypatch):
    """The page cache has a cache of its own so that pages never push out the throttle's
    counters; the claim list's filter fragments ({% cache %}) must not either. Here the default
    cache holds 30 entries, and an anonymous client asks for 30 filter choices between its
    API requests."""
    from rest_framework.throttling import AnonRateThrottle

    from workbench.settings import cache_settings

    settings.CACHES = {
        **settings.CACHES,
        "default": cache_settings("", prefix="attack-default", max_entries=30),
        "pages": cache_settings("", prefix="attack-pages", max_entries=500),
    }
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    PublishedClaimFactory(statement="Aquila-7 was trained on 40 billion tokens.")
    assert [client.get("/api/sources/").status_code for _ in range(3)] == [200, 200, 200]

    for n in range(30):
        assert client.get("/claims/", {"claimant": f"someone-{n}"}).status_code == 200

    assert client.get("/api/sources/").status_code == 429
