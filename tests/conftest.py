import pytest

from tests.factories import UserFactory


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


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"
