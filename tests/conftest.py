import pytest
from django.db.models import QuerySet
from simple_history.manager import HistoryManager

from tests.factories import UserFactory


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
