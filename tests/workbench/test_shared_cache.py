"""With CACHE_URL, the API throttle and the page cache live in one Redis server that every
worker shares: a limit of N requests a minute is N for the site, not N per process."""

import os
import subprocess
import sys

import pytest
from rest_framework.throttling import AnonRateThrottle

from workbench.settings import cache_settings

# Another process (another gunicorn worker) asks the throttle whether it may serve a request.
OTHER_WORKER = """
import django
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle
AnonRateThrottle.THROTTLE_RATES = {"anon": "3/minute"}
request = RequestFactory().get("/api/sources/", REMOTE_ADDR="127.0.0.1")
request.user = AnonymousUser()
print("allowed" if AnonRateThrottle().allow_request(request, None) else "throttled")
"""


def other_worker(cache_url: str) -> str:
    environment = {
        **os.environ,
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", OTHER_WORKER], env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def shared_cache(settings, redis_url):
    settings.CACHES = {
        "default": cache_settings(redis_url, prefix="workbench", max_entries=0),
        "pages": cache_settings(redis_url, prefix="workbench-pages", max_entries=0),
    }
    from django.core.cache import caches

    caches["default"].clear()
    yield redis_url
    caches["default"].clear()


@pytest.mark.django_db
def test_the_api_throttle_counts_across_workers(client, monkeypatch, shared_cache):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    assert [client.get("/api/sources/").status_code for _ in range(2)] == [200, 200]

    assert other_worker(shared_cache) == "allowed"  # the third request of the minute
    assert client.get("/api/sources/").status_code == 429  # this worker knows: it was shared
    assert other_worker(shared_cache) == "throttled"


@pytest.mark.django_db
def test_a_page_cached_by_one_worker_is_served_to_another(client, shared_cache):
    from django.core.cache import caches

    client.get("/methodology/")
    keys = caches["pages"]._cache.get_client().keys("*workbench-pages*")
    assert keys, "the page went to the shared server"


def test_cache_url_must_name_a_redis_server():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="redis://"):
        cache_settings("memcached://127.0.0.1:11211", prefix="x", max_entries=1)
