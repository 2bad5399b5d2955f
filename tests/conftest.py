import pytest
from django.db.models import QuerySet
from simple_history.manager import HistoryManager

from tests.demo import load_demo_copy, restore_roles
from tests.factories import UserFactory


def pytest_configure(config):
    from django.conf import settings

    # Production's hasher costs a third of a second per password by design; tests make
    # hundreds of accounts and check permissions, not hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The same demo on every machine: the seed documents are only where a test asks for them.
    settings.WORKBENCH_DEMO_SEEDS = settings.BASE_DIR / "tests" / "no-seeds-here"
    # A read replica's alias, as DATABASE_REPLICA_URL makes it: a test mirror of default, so
    # no second database is made. Nothing reads from it unless a test turns the router on
    # (tests/workbench/test_replicas.py).
    if "replica" not in settings.DATABASES:
        from django.db import connections

        replica = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
        settings.DATABASES["replica"] = replica
        connections.configure_settings(settings.DATABASES)  # fills in the alias's defaults


def pytest_collection_modifyitems(items):
    """Browser tests last: their live server needs committed data, so they empty the database
    after each test, which no other test should find."""
    items.sort(key=lambda item: "tests/e2e/" in item.nodeid)


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


class UntrackedWrite(AssertionError):
    pass


@pytest.fixture(autouse=True)
def every_write_leaves_history(monkeypatch):
    """QuerySet.update(), bulk_update() and bulk_create() write rows without the signals the
    history relies on. Any code path that uses them on a tracked model fails its test."""

    def guard(name):
        original = getattr(QuerySet, name)

        def guarded(self, *args, **kwargs):
            if isinstance(getattr(self.model, "history", None), HistoryManager):
                raise UntrackedWrite(
                    f"{self.model.__name__}.objects.{name}() leaves no history; save rows one "
                    "by one through the services instead."
                )
            return original(self, *args, **kwargs)

        monkeypatch.setattr(QuerySet, name, guarded)

    for name in ("update", "bulk_update", "bulk_create"):
        guard(name)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages: the database it sees is new, its versions too."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()


@pytest.fixture(autouse=True)
def roles_on_committed_data(request):
    """A test on committed data (transaction=True: browser tests, backup and restore,
    migrations) empties the database after itself, the roles the migrations made included;
    the next such test gets them back before its accounts are made."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        restore_roles()


@pytest.fixture(scope="session")
def demo_fixture_file(django_db_setup, django_db_blocker, tmp_path_factory) -> str:
    """The demo, loaded once per test session through load_demo (the importers) and kept as a
    fixture file; the load itself is rolled back, so no other test sees it."""
    from django.core.management import call_command
    from django.db import transaction

    path = tmp_path_factory.mktemp("demo") / "demo.json"
    with django_db_blocker.unblock(), transaction.atomic():
        restore_roles()  # a test on committed data may have emptied the database before
        call_command("load_demo", verbosity=0)
        call_command(
            "dumpdata",
            "auth.user",
            "sources",
            "claims",
            natural_foreign=True,  # accounts name their groups, which tests may have remade
            output=str(path),
            verbosity=0,
        )
        transaction.set_rollback(True)
    return str(path)


@pytest.fixture
def demo(db, demo_fixture_file):
    """The demo database, copied from the session's build: about a second instead of three.
    Gives the demo's accounts by username."""
    return load_demo_copy(demo_fixture_file)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role="Editors")


@pytest.fixture
def second_editor(db):
    return UserFactory(username="second-editor", role="Editors")


@pytest.fixture
def curator(db):
    return UserFactory(username="curator", role="Source curators")


@pytest.fixture
def superuser(db):
    return UserFactory(username="chief", is_superuser=True)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis server for the test session, started here and stopped at the end. Skipped
    locally when redis-server is not installed; CI (WORKBENCH_REQUIRE_REDIS=1) must have it."""
    import os
    import shutil
    import socket
    import subprocess
    import time

    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("WORKBENCH_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def job_files(settings, tmp_path):
    """Jobs' files (STORAGES["jobs"]) in a temporary folder instead of beside the code."""
    from django.utils.functional import empty

    from workbench.models import job_files as storage

    folder = tmp_path / "job-files"
    settings.STORAGES = {
        **settings.STORAGES,
        "jobs": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder},
        },
    }
    storage._wrapped = empty
    yield folder
    storage._wrapped = empty
