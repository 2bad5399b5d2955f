"""Arbitrary text (unicode, very long, SQL and HTML fragments, null bytes) at every public query
parameter and at the editor forms: never a 500, nothing half-saved, no draft leaked."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.filtersets import ClaimFilterSet
from claims.models import Claim, Evidence
from sources.filtersets import SourceFilterSet
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

nasty_text = st.one_of(
    st.text(max_size=300),
    st.text(min_size=1000, max_size=5000),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "'; DROP TABLE claims_claim; --",
            "<script>alert(1)</script>",
            "\x00",
            "abc\x00def",
            "%00",
            "2023-02-31",
            "-1",
            "99999999999999999999999",
            "１２",
            "\ud7ff\U0010ffff",
        ]
    ),
)
examples = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CLAIM_PARAMS = [*ClaimFilterSet.base_filters, "appeared_after", "appeared_before", "page"]
SOURCE_PARAMS = [*SourceFilterSet.base_filters, "page"]


@pytest.fixture
def some_data():
    PublishedClaimFactory(statement="A published claim about PanGu.")
    ClaimFactory(statement="DRAFT-ONLY text about PanGu.")


@examples
@given(params=st.dictionaries(st.sampled_from(CLAIM_PARAMS), nasty_text, max_size=4))
def test_claim_list_survives_any_query(client, some_data, params):
    response = client.get(reverse("claims:list"), params)
    assert response.status_code == 200
    assert "DRAFT-ONLY" not in response.content.decode()


@examples
@given(params=st.dictionaries(st.sampled_from(SOURCE_PARAMS), nasty_text, max_size=3))
def test_source_list_survives_any_query(client, some_data, params):
    assert client.get(reverse("sources:list"), params).status_code == 200


@examples
@given(page=nasty_text)
def test_corrections_and_home_survive_any_query(client, some_data, page):
    assert client.get(reverse("corrections"), {"page": page}).status_code == 200
    assert client.get(reverse("home"), {"q": page}).status_code == 200
    assert client.get(reverse("figures:chart"), {"quantity": page}).status_code == 200
    assert client.get(reverse("figures:contested"), {"page": page}).status_code == 200


@examples
@given(slug=nasty_text)
def test_detail_pages_answer_404_for_unknown_slugs(client, some_data, slug):
    for prefix in ("/claims/", "/sources/"):
        assert client.get(prefix + slug.replace("/", "") + "/").status_code in (200, 404)


@examples
@given(
    statement=nasty_text,
    claimant=nasty_text,
    locator=nasty_text,
    excerpt=nasty_text,
)
def test_claim_form_saves_all_or_nothing(client, editor, statement, claimant, locator, excerpt):
    from tests.admin_forms import inline_post

    source = SourceFactory()
    client.force_login(editor)
    url = reverse("admin:claims_claim_add")
    before = (Claim.objects.count(), Evidence.objects.count())
    slug = f"fuzz-{Claim.objects.count()}-{abs(hash(statement)) % 10**8}"
    data = inline_post(
        client,
        url,
        {"statement": statement, "slug": slug, "kind": "fact", "claimant": claimant},
        {
            "evidence": [
                {"source": source.pk, "stance": "supports", "locator": locator, "excerpt": excerpt}
            ]
        },
    )
    response = client.post(url, data)

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (Claim.objects.count(), Evidence.objects.count()) == before
    else:
        claim = Claim.objects.get(slug=slug)
        assert claim.statement == statement.strip() and claim.evidence.count() == 1
        assert client.get(claim.get_absolute_url()).status_code == 404  # still a draft
