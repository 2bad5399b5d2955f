"""Public pages run a fixed number of queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.choices import RelationKind, Stance
from claims.models import Topic
from tests.factories import (
    EvidenceFactory,
    PublishedClaimFactory,
    RelationFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Every anonymous page first reads the content version that keys the page cache.
# version, count, page of claims with summaries, their topics, the topic filter's options
LIST_QUERIES = 5
# version, claim (with its figure), topics, evidence with sources, relations out, relations in,
# reviews, corrections; two more when it has a figure (tests/figures/test_pages.py)
DETAIL_QUERIES = 8


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


def test_the_list_renders_its_filters_once_per_content_version(
    client, settings, editor, django_assert_num_queries
):
    """The filters' form is kept, rendered, until the next write: the second reader of the
    same filters is spared the topics' query and the widgets, and a topic added since shows."""
    settings.WORKBENCH_PAGE_CACHE = False
    populate(5)
    url = reverse("claims:list")
    with django_assert_num_queries(LIST_QUERIES):
        first = client.get(url, {"contested": "on"})
    with django_assert_num_queries(LIST_QUERIES - 1):
        second = client.get(url, {"contested": "on", "q": "", "page": "1"})
    form = first.content.decode().split('<details class="filters">')[1].split("</details>")[0]
    assert form in second.content.decode()
    assert "checked" in form  # "contested" stays ticked

    services.topic_save(topic=Topic(name="Compute export controls"), by=editor)

    assert "Compute export controls" in client.get(url, {"contested": "on"}).content.decode()
    unticked = client.get(url).content.decode().split('<details class="filters">')[1]
    assert 'name="contested" id="id_contested" checked' not in unticked


@pytest.mark.parametrize("n", [5, 200])
def test_claim_detail_query_count_is_fixed(client, n, django_assert_num_queries):
    hub = populate(n)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(hub.get_absolute_url())


@pytest.mark.parametrize("n", [5, 200])
def test_home_query_count_is_fixed(client, n, django_assert_num_queries):
    populate(n)
    # version; verdict counts; most contested and recently graded, each with their topics
    with django_assert_num_queries(6):
        client.get(reverse("home"))


@pytest.mark.parametrize("n", [5, 200])
def test_source_pages_query_counts_are_fixed(client, n, django_assert_num_queries):
    source = populate(n).first_appeared_in
    with django_assert_num_queries(3):  # version, count, page of sources with their outlets
        client.get(reverse("sources:list"))
    with django_assert_num_queries(4):  # version, source, its claims, their evidence from it
        client.get(source.get_absolute_url())


def test_a_cached_page_costs_one_query_and_a_change_shows_on_the_next_request(
    client, editor, second_editor, django_assert_num_queries
):

    hub = populate(5)
    client.get(hub.get_absolute_url())
    with django_assert_num_queries(1):  # the content version, then the page from the cache
        cached = client.get(hub.get_absolute_url())
    assert cached.status_code == 200

    PublishedClaimFactory(
        statement="A newly published claim about Aquila.", reviewer=editor, approver=second_editor
    )
    assert (
        "A newly published claim about Aquila."
        in client.get(reverse("claims:list")).content.decode()
    )


def test_editors_are_never_served_cached_pages(client, editor, django_assert_num_queries):
    hub = populate(5)
    client.get(hub.get_absolute_url())
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        client.get(hub.get_absolute_url())
    assert len(queries) > 1


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/feeds/verdicts/", "/sitemap.xml"])
def test_feed_and_sitemap_query_counts_do_not_grow_with_the_data(client, url):
    populate(3)
    few = queries(client, url)
    populate(40)

    assert queries(client, url) == few


def test_parameters_a_page_does_not_read_make_no_new_cache_entries(client):
    """9,000 requests with ?utm_source=N once grew each worker by 60 MB; now they share one
    entry, and the page is rendered as if they were not there."""
    from django.core.cache import caches

    PublishedClaimFactory()
    pages = caches["pages"]
    for n in range(30):
        client.get(f"/feeds/verdicts/?utm_source={n}")
        client.get(f"/claims/?utm_source={n}&verdict=accurate")
    assert len(pages._cache) == 2

    listed = client.get("/claims/?utm_source=x&verdict=accurate").content.decode()
    assert "utm_source" not in listed


def test_the_same_filters_in_another_order_are_one_page(client):
    from django.core.cache import caches

    client.get("/claims/?verdict=accurate&kind=figure")
    client.get("/claims/?kind=figure&verdict=accurate")
    assert len(caches["pages"]._cache) == 1


def test_the_page_cache_is_bounded(client, settings):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "pages": {**settings.CACHES["pages"], "OPTIONS": {"MAX_ENTRIES": 10}},
    }
    for n in range(30):
        client.get(f"/methodology/?p={n}")  # one entry: the page reads no parameter
        client.get(f"/claims/?q=word{n}")
    assert len(caches["pages"]._cache) <= 10
