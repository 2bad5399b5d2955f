"""On SQLite, while the task worker holds the write lock (a large import), an editor's save
that waits past the timeout gets a page saying nothing was saved, not a server error."""

import sqlite3

import pytest
from django.db import connection
from django.urls import reverse

from claims.choices import ClaimantKind
from claims.models import Claimant
from tests.admin_forms import inline_post

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="one writer at a time is SQLite's"
)

ADD_URL = reverse("admin:claims_claimant_add")


@pytest.mark.django_db(transaction=True)
def test_a_save_that_waits_too_long_for_another_writer_is_told_so_and_keeps_nothing(client, editor):
    client.force_login(editor)
    data = inline_post(
        client, ADD_URL, {"name": "Xinhua", "slug": "xinhua", "kind": ClaimantKind.PUBLICATION}, {}
    )
    connection.close()
    connection.settings_dict["OPTIONS"] = {**connection.settings_dict["OPTIONS"], "timeout": 0.2}
    importer = sqlite3.connect(connection.settings_dict["NAME"])  # the task worker, writing
    try:
        importer.execute("BEGIN IMMEDIATE")
        response = client.post(ADD_URL, data)
    finally:
        importer.rollback()
        importer.close()
        connection.close()
        connection.settings_dict["OPTIONS"]["timeout"] = 20

    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "The workbench is busy: nothing was saved" in response.content.decode()
    assert not Claimant.objects.exists()
    assert client.post(ADD_URL, data).status_code == 302  # sent again once the lock is gone
    assert Claimant.objects.get().name == "Xinhua"
