"""Browsers and a CDN keep public pages for a short while and ask again with the page's ETag;
a reader whose copy is current is answered 304 before anything is rendered. Editors' pages are
never kept by a shared cache."""

import datetime
import time

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from sources.services import source_save
from tests.factories import PublishedClaimFactory, SourceFactory
from workbench import cache
from workbench.models import ContentVersion

pytestmark = pytest.mark.django_db


def sets_a_cookie(request):
    response = HttpResponse("Your choice is remembered.")
    response.set_cookie("choice", "compact")
    return response


sets_a_cookie.page_cache_params = ()

# A public page that sets a cookie (see test_a_page_that_sets_a_cookie_is_nobody_elses).
urlpatterns = [path("remembers/", sets_a_cookie)]


def directives(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


@pytest.fixture
def claim():
    return PublishedClaimFactory(statement="Aquila-7 was trained on 40 billion tokens.")


@pytest.fixture
def source():
    return SourceFactory(title="Survey of model sizes, first edition")


def test_a_public_page_carries_its_validators_and_a_short_public_lifetime(client, claim):
    response = client.get(claim.get_absolute_url())

    assert response.status_code == 200
    assert response.headers["ETag"].startswith('W/"')
    assert parse_http_date(response.headers["Last-Modified"]) <= time.time()
    assert directives(response) == {"public", "max-age=60", "stale-while-revalidate=300"}
    assert "Cookie" in response.headers["Vary"]


def test_the_lifetimes_are_settings(client, claim, settings):
    settings.WORKBENCH_HTTP_MAX_AGE = 0
    settings.WORKBENCH_HTTP_STALE_WHILE_REVALIDATE = 0

    assert directives(client.get(claim.get_absolute_url())) == {"public", "max-age=0"}


@pytest.mark.parametrize("page_cache", [True, False])
def test_a_current_copy_is_answered_304_with_one_query(
    client, claim, settings, page_cache, django_assert_num_queries
):
    settings.WORKBENCH_PAGE_CACHE = page_cache
    first = client.get(claim.get_absolute_url())

    with django_assert_num_queries(1):  # the content version; no view, template or cache
        again = client.get(claim.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    # What a cache needs to refresh its copy: the same validators and lifetime as the page.
    for header in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
        assert again.headers[header] == first.headers[header]


def test_the_etag_names_the_page_and_its_query_not_the_tracking_parameters(client, claim):
    listed = client.get("/claims/?verdict=accurate")["ETag"]

    assert client.get("/claims/?utm_source=feed&verdict=accurate")["ETag"] == listed
    assert client.get("/claims/?verdict=misleading")["ETag"] != listed
    assert client.get("/claims/")["ETag"] != listed
    assert client.get(claim.get_absolute_url())["ETag"] != listed


def test_an_edit_through_a_service_changes_the_etag_and_the_old_copy_gets_the_page(
    client, source, curator
):
    first = client.get(source.get_absolute_url())

    source.title = "Survey of model sizes, second edition"
    source_save(source=source, by=curator)
    again = client.get(source.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert "second edition" in again.content.decode()
    assert again["ETag"] != first["ETag"]
    current = client.get(source.get_absolute_url(), headers={"if-none-match": again["ETag"]})
    assert current.status_code == 304


def test_a_new_release_changes_every_etag(client, claim, monkeypatch):
    first = client.get(claim.get_absolute_url())

    monkeypatch.setattr(cache, "release", lambda: cache.Release("newtemplates", 0))
    again = client.get(claim.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert claim.statement in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_a_database_restored_afresh_repeats_no_etag(client, claim):
    first = client.get(claim.get_absolute_url())

    # A restore into a new database counts from 1 again: the same number, at another time.
    ContentVersion.objects.filter(pk=1).update(
        changed_at=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    )
    again = client.get(claim.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_the_release_digest_follows_templates_and_static_files(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    (tmp_path / "templates").mkdir()
    (tmp_path / "staticfiles").mkdir()
    template = tmp_path / "templates" / "page.html"
    manifest = tmp_path / "staticfiles" / "staticfiles.json"

    def digest() -> str:
        cache.release.cache_clear()
        return cache.release().digest

    template.write_text("<h1>{{ claim }}</h1>")
    manifest.write_text('{"paths": {"site.css": "site.1.css"}}')
    before = digest()
    template.write_text("<h2>{{ claim }}</h2>")
    after_template = digest()
    manifest.write_text('{"paths": {"site.css": "site.2.css"}}')
    after_static = digest()
    cache.release.cache_clear()  # the next test reads the project's own files again

    assert len({before, after_template, after_static}) == 3


@pytest.fixture
def changed_on_new_year(monkeypatch):
    """The content last changed at midnight on 1 January 2026, the day it is, and the code is
    older still."""
    monkeypatch.setattr(cache, "release", lambda: cache.Release("release", 0))
    day = datetime.date(2026, 1, 1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    cache.bump_version()
    new_year = datetime.datetime.combine(day, datetime.time(), timezone.get_current_timezone())
    ContentVersion.objects.filter(pk=1).update(changed_at=new_year)
    return http_date(new_year.timestamp())


def test_last_modified_is_when_the_content_last_changed(client, claim, changed_on_new_year):
    assert client.get(claim.get_absolute_url())["Last-Modified"] == changed_on_new_year


def test_if_modified_since_the_last_change_is_answered_304_until_the_next_write(
    client, claim, source, changed_on_new_year, curator
):
    url = claim.get_absolute_url()
    assert client.get(url, headers={"if-modified-since": changed_on_new_year}).status_code == 304
    a_day_earlier = http_date(parse_http_date(changed_on_new_year) - 86400)
    assert client.get(url, headers={"if-modified-since": a_day_earlier}).status_code == 200

    source.title = "Survey of model sizes, second edition"
    source_save(source=source, by=curator)
    later = client.get(url, headers={"if-modified-since": changed_on_new_year})

    assert later.status_code == 200
    assert parse_http_date(later["Last-Modified"]) > parse_http_date(changed_on_new_year)


def test_head_is_answered_like_get(client, claim):
    head = client.head(claim.get_absolute_url())

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == client.get(claim.get_absolute_url())["ETag"]
    assert (
        client.head(claim.get_absolute_url(), headers={"if-none-match": head["ETag"]}).status_code
        == 304
    )


def test_editors_pages_are_private_and_carry_no_shared_etag(client, claim, editor):
    anonymous = client.get(claim.get_absolute_url())
    client.force_login(editor)

    response = client.get(claim.get_absolute_url(), headers={"if-none-match": anonymous["ETag"]})

    assert response.status_code == 200  # their page has an edit link the reader's copy lacks
    assert "Edit this claim" in response.content.decode()
    assert {"private", "no-cache"} <= directives(response)
    assert "public" not in directives(response)
    assert "ETag" not in response.headers


def test_the_admin_is_private(client, editor):
    assert "private" in directives(client.get("/admin/login/"))
    client.force_login(editor)
    assert {"private", "no-cache"} <= directives(client.get("/admin/"))


@pytest.mark.parametrize(
    "url, headers, status",
    [
        ("/claims/no-such-claim/", {}, 404),
        ("/sources/no-such-source/", {}, 404),
        ("/claims/", {"host": "attacker.example"}, 400),
        ("/claims/", {"if-match": '"an-old-version"'}, 412),
    ],
)
def test_an_answer_other_than_a_page_is_not_kept(client, url, headers, status):
    response = client.get(url, headers=headers)

    assert response.status_code == status
    assert "public" not in directives(response)
    assert "ETag" not in response.headers
    if status != 400:  # the 400 is Django's own, before any page; it names no lifetime
        assert {"no-cache", "no-store", "max-age=0"} <= directives(response)


@pytest.mark.parametrize(
    "header, value",
    [
        ("if-none-match", "not an etag"),
        ("if-none-match", "\x00\x00"),
        ("if-none-match", '"' * 10_000),
        ("if-none-match", "W/" * 5_000),
        ("if-none-match", ",".join(['"x"'] * 2_500)),
        ("if-modified-since", "yesterday at noon"),
        ("if-modified-since", "Mon, 99 Foo 9999 99:99:99 GMT"),
        ("if-modified-since", "\x00"),
        ("if-modified-since", "9" * 10_000),
        ("if-match", "not an etag"),
        ("if-unmodified-since", "Feb 30"),
    ],
)
def test_a_malformed_condition_gets_the_page(client, claim, header, value):
    response = client.get(claim.get_absolute_url(), headers={header: value})

    assert response.status_code == 200
    assert claim.statement in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_page_that_sets_a_cookie_is_nobody_elses(client):
    response = client.get("/remembers/")

    assert response.cookies["choice"].value == "compact"
    assert "public" not in directives(response)
    assert "ETag" not in response.headers
    assert len(caches["pages"]._cache) == 0  # nor is it served to the next reader
