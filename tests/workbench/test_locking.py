"""Two editors open the same claim; the first saves; the second's save is refused, with what
changed meanwhile, and nothing of theirs overwrites the first's."""

import pytest
from django.urls import reverse

from claims import services
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, SourceFactory
from workbench.locking import EditConflict

pytestmark = pytest.mark.django_db


def test_a_save_based_on_an_old_version_is_refused_with_who_and_what(editor, second_editor):
    claim = ClaimFactory(statement="Wu Dao 3.0 is small.", claimant="IEEE")
    opened = claim.version
    mine, theirs = ClaimFactory._meta.model.objects.get(pk=claim.pk), claim

    theirs.statement = "Wu Dao 3.0 is a family of small models."
    services.claim_save(claim=theirs, by=second_editor, expected_version=opened)
    mine.claimant = services.claimant_get_or_create(name="IEEE Spectrum")
    with pytest.raises(EditConflict) as conflict:
        services.claim_save(claim=mine, by=editor, expected_version=opened)

    message = conflict.value.messages[0]
    assert "second-editor saved this claim" in message
    assert "statement" in message
    mine.refresh_from_db()
    assert (mine.statement, mine.claimant.name) == (
        "Wu Dao 3.0 is a family of small models.",
        "IEEE",
    )


def change_form(client, user, url):
    client.force_login(user)
    return inline_post(client, url, {})


@pytest.mark.parametrize("kind", ["claim", "source"])
def test_second_editor_in_admin_is_refused_with_what_changed(client, editor, second_editor, kind):
    obj = ClaimFactory(context="BAAI") if kind == "claim" else SourceFactory(authors="Ding")
    url = reverse(f"admin:{obj._meta.app_label}_{kind}_change", args=[obj.pk])
    field = "context" if kind == "claim" else "authors"
    first = change_form(client, editor, url)
    second = change_form(client, second_editor, url)

    client.force_login(editor)
    assert client.post(url, {**first, field: "Saved first"}).status_code == 302
    client.force_login(second_editor)
    refused = client.post(url, {**second, field: "Saved second"})

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "editor saved this" in page and "Your changes were not saved" in page
    obj.refresh_from_db()
    assert getattr(obj, field) == "Saved first"
