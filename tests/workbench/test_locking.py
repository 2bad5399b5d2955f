"""Two editors open the same claim; the first saves; the second's save is refused, with what
changed meanwhile, and nothing of theirs overwrites the first's."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim
from tests.admin_forms import FormValues, inline_post
from tests.factories import ClaimFactory, SourceFactory
from workbench.locking import EditConflict, edits_since

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


def test_edits_since_sets_theirs_beside_yours_only_where_both_changed(editor, second_editor):
    claim = ClaimFactory(statement="Wu Dao 3.0 is small.", claimant="IEEE", context="")
    opened = claim.version
    theirs = Claim.objects.get(pk=claim.pk)
    theirs.statement, theirs.context = "Wu Dao 3.0 is a family.", "Their context."
    services.claim_save(claim=theirs, by=second_editor, expected_version=opened)

    merge = edits_since(
        Claim.objects.get(pk=claim.pk),
        opened,
        {"statement": "Wu Dao 3.0 is tiny.", "claimant": "IEEE Spectrum", "context": ""},
    )

    [conflict] = merge.conflicts
    assert (conflict.name, conflict.theirs, conflict.yours) == (
        "statement",
        "Wu Dao 3.0 is a family.",
        "Wu Dao 3.0 is tiny.",
    )
    assert conflict.changed_by == "second-editor"
    assert merge.theirs_only == ["context"]  # the claimant is only mine: no question


def test_without_the_opened_version_every_difference_is_a_conflict(second_editor):
    claim = ClaimFactory(statement="Wu Dao 3.0 is small.", claimant="IEEE")
    claim.history.all().delete()
    merge = edits_since(claim, claim.version, {"statement": "Mine.", "claimant": claim.claimant_id})
    assert [conflict.name for conflict in merge.conflicts] == ["statement"]
    assert merge.theirs_only == []


def page_values(response) -> dict:
    """What a browser posts back from a page, blank extra inline rows included."""
    parser = FormValues()
    parser.feed(response.content.decode())
    return {k: v for k, v in max(parser.forms, key=len).items() if "__prefix__" not in k}


def spectrum() -> int:
    return services.claimant_get_or_create(name="IEEE Spectrum").pk


def two_editors_save(client, editor, second_editor, theirs: dict, mine: dict):
    claim = ClaimFactory(statement="Wu Dao 3.0 is small.", claimant="IEEE", context="")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    first = change_form(client, editor, url)
    second = change_form(client, second_editor, url)
    client.force_login(editor)
    assert client.post(url, {**first, **theirs}).status_code == 302
    client.force_login(second_editor)
    return claim, url, client.post(url, {**second, **mine})


def test_a_refused_editor_keeps_his_values_with_theirs_beside_and_chooses_per_field(
    client, editor, second_editor
):
    claim, url, refused = two_editors_save(
        client,
        editor,
        second_editor,
        theirs={"statement": "Wu Dao 3.0 is a family of models.", "context": "Their context."},
        mine={"statement": "Wu Dao 3.0 is three small models.", "claimant": spectrum()},
    )

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Their version beside yours" in page and "changed by editor" in page
    form = page_values(refused)
    assert form["statement"] == "Wu Dao 3.0 is three small models."  # mine, kept
    assert form["claimant"] == str(spectrum())
    assert form["context"] == "Their context."  # only they changed it
    assert form["keep-statement"] == "yours"
    claim.refresh_from_db()
    assert form["expected_version"] == str(claim.version)

    form["keep-statement"] = "theirs"
    assert client.post(url, form).status_code == 302
    claim.refresh_from_db()
    assert (claim.statement, claim.claimant.name, claim.context) == (
        "Wu Dao 3.0 is a family of models.",
        "IEEE Spectrum",
        "Their context.",
    )


def test_keeping_yours_saves_yours_on_the_second_try(client, editor, second_editor):
    claim, url, refused = two_editors_save(
        client,
        editor,
        second_editor,
        theirs={"statement": "Wu Dao 3.0 is a family of models."},
        mine={"statement": "Wu Dao 3.0 is three small models."},
    )
    assert client.post(url, page_values(refused)).status_code == 302
    claim.refresh_from_db()
    assert claim.statement == "Wu Dao 3.0 is three small models."


@pytest.mark.parametrize("choice", ["\x00", "mine" * 50_000, "THEIRS"])
def test_a_tampered_choice_is_refused_and_changes_nothing(client, editor, choice):
    claim = ClaimFactory(claimant="IEEE")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = change_form(client, editor, url)
    response = client.post(url, {**data, "claimant": spectrum(), "keep-claimant": choice})
    assert response.status_code == 200
    assert "Choose “yours” or “theirs”" in response.content.decode()
    claim.refresh_from_db()
    assert claim.claimant.name == "IEEE"


@pytest.mark.parametrize("version", ["abc", "9" * 30, "-1", "0", "\x00"])
def test_a_tampered_version_is_a_form_error_and_changes_nothing(client, editor, version):
    claim = ClaimFactory(claimant="IEEE")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = change_form(client, editor, url)
    response = client.post(url, {**data, "claimant": spectrum(), "expected_version": version})
    assert response.status_code == 200
    assert 'href="#id_expected_version"' in response.content.decode()  # said at the top
    claim.refresh_from_db()
    assert claim.claimant.name == "IEEE"
