"""Read replicas: public reads go to the replica, and nobody misses their own change while it
catches up. In tests "replica" is a mirror of the test database (tests/conftest.py)."""

import os
import subprocess
import sys
import types

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import connections, router
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from tests.factories import SourceFactory, UserFactory
from workbench.replicas import RECENT_WRITE_COOKIE, PublicReadsMiddleware

ROUTER = "workbench.replicas.ReplicaRouter"
MIDDLEWARE = "workbench.replicas.PublicReadsMiddleware"


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.WORKBENCH_REPLICA_LAG = 15


def through_middleware(request) -> tuple[str, str, HttpResponse]:
    """Where a view reached through the middleware reads claims from and writes them to, and
    the answer."""
    seen = []

    def view(request):
        seen.append((Claim.objects.all().db, router.db_for_write(Claim)))
        return HttpResponse()

    response = PublicReadsMiddleware(view)(request)
    return *seen[0], response


def reads_from(request) -> str:
    return through_middleware(request)[0]


def test_an_anonymous_reader_reads_from_the_replica_and_writes_to_the_primary(
    replica_router, rf: RequestFactory
):
    reads, writes, response = through_middleware(rf.get("/claims/"))
    assert (reads, writes) == ("replica", "default")  # a session saved on a GET, say
    assert RECENT_WRITE_COOKIE not in response.cookies


def test_a_post_reads_and_writes_on_the_primary_and_marks_the_client(replica_router, rf):
    reads, writes, response = through_middleware(rf.post("/claims/"))
    assert (reads, writes) == ("default", "default")
    cookie = response.cookies[RECENT_WRITE_COOKIE]
    assert cookie["max-age"] == 15 and cookie["httponly"]


def test_a_client_that_just_wrote_reads_from_the_primary_until_the_lag_is_over(
    replica_router, rf, monkeypatch
):
    response = through_middleware(rf.post("/claims/"))[2]
    after_write = rf.get("/claims/")
    after_write.COOKIES[RECENT_WRITE_COOKIE] = response.cookies[RECENT_WRITE_COOKIE].value
    assert reads_from(after_write) == "default"

    # Sixteen seconds on, the replica has the change: the cookie, even if kept, counts no more.
    later = signing.time.time() + 16
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))
    assert reads_from(after_write) == "replica"


def test_an_unsigned_recent_write_cookie_counts_for_nothing(replica_router, rf):
    request = rf.get("/claims/")
    request.COOKIES[RECENT_WRITE_COOKIE] = "1"
    assert reads_from(request) == "replica"


def test_the_admin_always_reads_from_the_primary(replica_router, rf, settings):
    assert reads_from(rf.get("/" + settings.WORKBENCH_ADMIN_PATH)) == "default"
    import_page = f"/{settings.WORKBENCH_ADMIN_PATH}claims/claim/import/"
    assert reads_from(rf.get(import_page)) == "default"


def test_outside_a_request_reads_go_to_the_primary(replica_router, rf):
    """The task worker, commands and the shell: before, after and between requests."""
    assert Claim.objects.all().db == "default"
    reads_from(rf.get("/claims/"))
    assert Claim.objects.all().db == "default"


def test_only_the_primary_is_migrated(replica_router):
    assert router.allow_migrate("default", "claims")
    assert not router.allow_migrate("replica", "claims")


SETTINGS_AS_LOADED = """
from django.conf import settings as s
print(s.DATABASES.get("replica", {}).get("HOST"), s.DATABASES.get("replica", {}).get("TEST"))
print(s.DATABASE_ROUTERS)
print([name for name in s.MIDDLEWARE if "Public" in name])
"""


def settings_as_loaded(**environment: str) -> list[str]:
    """The settings module as production loads it, in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_AS_LOADED],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "workbench.settings",
            "DJANGO_DEBUG": "1",
            **environment,
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_replica_is_used_only_when_database_replica_url_names_one():
    replica = "postgres://reader@replica.internal:5432/workbench"
    assert settings_as_loaded(DATABASE_REPLICA_URL=replica) == [
        "replica.internal {'MIRROR': 'default'}",
        f"['{ROUTER}']",
        # Before the page cache, which reads the content version through the router.
        f"['{MIDDLEWARE}', 'workbench.cache.PublicPageCacheMiddleware']",
    ]
    assert settings_as_loaded(DATABASE_REPLICA_URL="") == [
        "None None",
        "[]",
        "['workbench.cache.PublicPageCacheMiddleware']",
    ]


@pytest.fixture
def replica_configured(replica_router, settings):
    """The settings DATABASE_REPLICA_URL gives, "replica" being the test database itself."""
    at = settings.MIDDLEWARE.index("workbench.cache.PublicPageCacheMiddleware")
    settings.MIDDLEWARE = [*settings.MIDDLEWARE[:at], MIDDLEWARE, *settings.MIDDLEWARE[at:]]


def queries_on_each(client, path: str) -> tuple[HttpResponse, list[str], list[str]]:
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(path)
    return response, [q["sql"] for q in on_replica], [q["sql"] for q in on_primary]


# A mirror is a second connection to the same database: it sees committed rows only.
@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_readers_pages_come_from_the_replica_and_an_editor_after_a_write_from_the_primary(
    client, replica_configured, settings
):
    source = SourceFactory(title="A report read from the replica")
    UserFactory(username="curator", role="Source curators")
    page = source.get_absolute_url()

    response, on_replica, on_primary = queries_on_each(client, page)
    assert "A report read from the replica" in response.text
    assert on_primary == []
    # The page cache's version comes from where the page does, so no page read from a
    # lagging replica is ever cached under a newer version than it shows.
    assert any("workbench_contentversion" in sql for sql in on_replica)

    login = client.post(
        f"/{settings.WORKBENCH_ADMIN_PATH}login/",
        {"username": "curator", "password": "a-long-test-password"},
    )
    assert login.status_code == 302 and RECENT_WRITE_COOKIE in login.cookies
    response, on_replica, on_primary = queries_on_each(client, page)
    assert "A report read from the replica" in response.text
    assert on_replica == [] and on_primary

    # Signed in without a write (the cookie long gone): the admin still reads the primary.
    staff = Client()
    staff.force_login(get_user_model().objects.get(username="curator"))
    response, on_replica, on_primary = queries_on_each(
        staff, f"/{settings.WORKBENCH_ADMIN_PATH}sources/source/"
    )
    assert "A report read from the replica" in response.text
    assert on_replica == [] and on_primary
