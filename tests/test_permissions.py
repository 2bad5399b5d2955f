"""Each role against each admin page and action: allowed or refused, as the roles are designed."""

import pytest
from django.urls import reverse

from claims.admin.review_screen import opened_now
from sources.choices import Reliability
from sources.models import Source
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

ALLOWED, REFUSED, LOGIN = 200, 403, 302


def user_for(role, request):
    return None if role == "anonymous" else request.getfixturevalue(role)


@pytest.mark.parametrize(
    "url_name, args, expected",
    [
        (
            "admin:index",
            False,
            {"anonymous": LOGIN, "editor": ALLOWED, "curator": ALLOWED, "superuser": ALLOWED},
        ),
        (
            "admin:claims_claim_changelist",
            False,
            {"anonymous": LOGIN, "editor": ALLOWED, "curator": ALLOWED, "superuser": ALLOWED},
        ),
        (
            "admin:claims_claim_add",
            False,
            {"anonymous": LOGIN, "editor": ALLOWED, "curator": REFUSED, "superuser": ALLOWED},
        ),
        (
            "admin:claims_claim_delete",
            True,
            {"anonymous": LOGIN, "editor": REFUSED, "curator": REFUSED, "superuser": ALLOWED},
        ),
        (
            "admin:sources_source_add",
            False,
            {"anonymous": LOGIN, "editor": ALLOWED, "curator": ALLOWED, "superuser": ALLOWED},
        ),
        (
            "admin:sources_source_delete",
            True,
            {"anonymous": LOGIN, "editor": REFUSED, "curator": ALLOWED, "superuser": ALLOWED},
        ),
        (
            "admin:claims_topic_add",
            False,
            {"anonymous": LOGIN, "editor": ALLOWED, "curator": REFUSED, "superuser": ALLOWED},
        ),
        (
            "admin:auth_user_changelist",
            False,
            {"anonymous": LOGIN, "editor": REFUSED, "curator": REFUSED, "superuser": ALLOWED},
        ),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "editor", "curator", "superuser"])
def test_admin_pages_by_role(client, request, role, url_name, args, expected):
    user = user_for(role, request)
    if user:
        client.force_login(user)
    obj = None
    if args:
        obj = ClaimFactory() if "claim" in url_name else SourceFactory()
    url = reverse(url_name, args=[obj.pk] if obj else [])
    assert client.get(url).status_code == expected[role]


@pytest.mark.parametrize(
    "role, can_rate", [("editor", False), ("curator", True), ("superuser", True)]
)
def test_only_curators_change_reliability_ratings(client, request, role, can_rate):
    source = SourceFactory(title="Aggregator page", reliability=Reliability.UNRATED)
    client.force_login(user_for(role, request))
    url = reverse("admin:sources_source_change", args=[source.pk])
    data = inline_post(
        client,
        url,
        {
            "title": "Aggregator page",
            "slug": source.slug,
            "kind": source.kind,
            "language": "en",
            "url": source.url,
            "date_precision": "day",
            "reliability": Reliability.UNRELIABLE,
            "reliability_note": "AI-written",
        },
    )
    assert client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.reliability == Reliability.UNRELIABLE) is can_rate


def merge(client, sources, survivor):
    return client.post(
        reverse("admin:sources_source_merge"),
        {"ids": [s.pk for s in sources], "survivor": survivor.pk},
        follow=True,
    )


@pytest.mark.parametrize(
    "role, can_merge", [("editor", False), ("curator", True), ("superuser", True)]
)
def test_only_curators_merge_sources(client, request, role, can_merge):
    keep, duplicate = SourceFactory(), SourceFactory()
    client.force_login(user_for(role, request))
    merge(client, [keep, duplicate], keep)
    assert Source.objects.filter(pk=duplicate.pk).exists() is not can_merge


def test_merge_asks_which_source_to_keep_first(client, curator):
    keep, duplicate = SourceFactory(title="Survey"), SourceFactory(title="Survey (copy)")
    client.force_login(curator)
    response = client.post(
        reverse("admin:sources_source_changelist"),
        {"action": "merge_sources", "_selected_action": [keep.pk, duplicate.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Keep this source" in response.content.decode()
    assert Source.objects.count() == 2


def test_duplicate_url_in_admin_links_to_the_existing_source(client, editor):
    existing = SourceFactory(title="IEEE Spectrum piece", url="https://spectrum.ieee.org/wu-dao")
    client.force_login(editor)
    url = reverse("admin:sources_source_add")
    data = inline_post(
        client,
        url,
        {
            "title": "Copy",
            "slug": "copy",
            "kind": "news_article",
            "language": "en",
            "date_precision": "day",
            "url": "http://spectrum.ieee.org/wu-dao/",
        },
    )
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="/admin/sources/source/{existing.pk}/change/"' in page
    assert Source.objects.count() == 1


def test_source_changelist_shows_how_many_claims_cite_each_source(client, curator):
    from tests.factories import EvidenceFactory

    source = SourceFactory(title="GovAI survey")
    claim = ClaimFactory()
    EvidenceFactory(claim=claim, source=source)
    EvidenceFactory(claim=claim, source=source)
    EvidenceFactory(source=source)
    client.force_login(curator)
    response = client.get(reverse("admin:sources_source_changelist"))
    row = next(s for s in response.context["cl"].result_list if s.pk == source.pk)
    assert row.claim_total == 2


@pytest.mark.parametrize("role, can_approve", [("curator", False), ("second_editor", True)])
def test_only_editors_approve_claims(client, request, editor, role, can_approve):
    from claims import services
    from claims.choices import ClaimState, Verdict

    claim = ClaimFactory()
    services.review_submit(
        claim=claim, verdict=Verdict.MIXED, rationale="Both sides have a point here.", by=editor
    )
    client.force_login(user_for(role, request))
    client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "approve_and_publish",
            "_selected_action": [claim.pk],
            "apply": "1",
            **opened_now(),
        },
    )
    claim.refresh_from_db()
    assert (claim.state == ClaimState.PUBLISHED) is can_approve
