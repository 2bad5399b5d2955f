"""Claimants: one per person, organisation or publication, found under any of their names in
any spelling that differs only in dashes, case or spacing; merged when entered twice; kept by
editors in the admin, where the claim form finds them by autocompletion."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.choices import ClaimantKind
from claims.models import Claim, Claimant, ClaimantAlias, Correction, normalised_name
from claims.services.claimants import MERGE_NEEDS_TWO
from tests.admin_forms import inline_post
from tests.factories import (
    ClaimantFactory,
    ClaimFactory,
    PublishedClaimFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "reader", "editor", "curator", "superuser"]


def login(client, role):
    if role == "anonymous":
        return None
    user = {
        "reader": lambda: UserFactory(username="reader", is_staff=False),
        "editor": lambda: UserFactory(username="editor", role="Editors"),
        "curator": lambda: UserFactory(username="curator", role="Source curators"),
        "superuser": lambda: UserFactory(username="chief", is_superuser=True),
    }[role]()
    client.force_login(user)
    return user


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["US-China", "US–China", "US—China", "us-china ", "US - China", "US\u2212China", "ＵＳ-China"],
)
def test_spellings_differing_in_dashes_case_or_spacing_are_one_name(spelling):
    assert normalised_name(spelling) == normalised_name("US–China") == "us-china"


def test_a_name_is_found_by_its_aliases_in_any_folded_spelling():
    claimant = ClaimantFactory(name="Huawei")
    services.claimant_alias_save(alias=ClaimantAlias(claimant=claimant, name="华为"), by=None)

    assert services.claimant_get_or_create(name="HUAWEI ") == claimant
    assert services.claimant_get_or_create(name="华为") == claimant
    assert Claimant.objects.count() == 1


def test_a_name_or_alias_may_lead_to_one_claimant_only():
    ClaimantFactory(name="US–China")
    other = ClaimantFactory(name="Xinhua")

    with pytest.raises(ValidationError, match="already a name of the claimant “US–China”"):
        services.claimant_save(claimant=Claimant(name="us-china"), by=None)
    with pytest.raises(ValidationError, match="merge the two instead"):
        services.claimant_alias_save(alias=ClaimantAlias(claimant=other, name="US-China"), by=None)
    assert Claimant.objects.count() == 2 and not ClaimantAlias.objects.exists()


def test_a_renamed_claimant_keeps_its_old_name_and_its_claims_are_searched_under_both():
    claim = PublishedClaimFactory(claimant="BAAI")
    claimant = claim.claimant
    claimant.name = "Beijing Academy of Artificial Intelligence"
    services.claimant_save(claimant=claimant, by=None)

    assert list(claimant.aliases.values_list("name", flat=True)) == ["BAAI"]
    assert services.claimant_find("baai") == claimant
    found = Claim.objects.published().search("Academy")
    assert list(found) == [claim]
    # A spelling is not what the claim says: no correction is logged.
    assert not Correction.objects.filter(claim=claim).exists()


@pytest.mark.parametrize(
    "name, problem",
    [
        ("", "Give the claimant a name"),
        ("   ", "Give the claimant a name"),
        ("x" * 201, "at most 200 characters"),
        ("Hua\x00wei", "null character"),
        ("Hua\x0bwei", "invisible control character"),
        ("\ufdfa" * 50, "too long once written out"),  # 50 characters, 900 once NFKC-expanded
    ],
)
def test_bad_names_are_refused_with_a_reason_and_nothing_is_saved(name, problem):
    with pytest.raises(ValidationError, match=problem):
        services.claimant_get_or_create(name=name)
    assert not Claimant.objects.exists()


def test_a_claimant_with_claims_cannot_be_deleted_only_merged():
    claim = ClaimFactory(claimant="Xinhua")
    with pytest.raises(ValidationError, match="merge them"):
        services.claimant_delete(claimant=claim.claimant, by=None)
    assert Claimant.objects.filter(pk=claim.claimant_id).exists()


# -- merge ------------------------------------------------------------------------------------


def test_merge_moves_the_claims_keeps_every_name_and_logs_no_correction(editor):
    kept = PublishedClaimFactory(claimant="US–China").claimant
    published = PublishedClaimFactory(claimant="US-China AGI race essayist")
    draft = ClaimFactory(claimant="The essay's author")
    services.claimant_alias_save(
        alias=ClaimantAlias(claimant=draft.claimant, name="Essay author"), by=None
    )
    duplicates = [published.claimant, draft.claimant]
    version = published.version

    services.claimant_merge(survivor=kept, duplicates=[kept, *duplicates], by=editor)

    assert Claimant.objects.get() == kept
    assert set(kept.claims.values_list("pk", flat=True)) == {
        published.pk,
        draft.pk,
        *Claim.objects.filter(claimant=kept).values_list("pk", flat=True),
    }
    assert Claim.objects.filter(claimant=kept).count() == 3
    assert sorted(kept.aliases.values_list("name", flat=True)) == [
        "Essay author",
        "The essay's author",
        "US-China AGI race essayist",
    ]
    published.refresh_from_db()
    assert published.version == version + 1
    record = published.history.latest("history_date")
    assert record.history_change_reason.startswith("Merged claimant #")
    assert record.history_user == editor
    # The claim still says who said it; only the spelling of the name changed.
    assert not Correction.objects.filter(claim=published).exists()
    # Searches and imports under a merged name find the survivor.
    assert services.claimant_find("essay author") == kept
    found = Claim.objects.published().search("essayist")
    assert set(found) == set(Claim.objects.published().filter(claimant=kept))
    assert published in found


def test_a_merge_needs_a_duplicate():
    claimant = ClaimantFactory()
    with pytest.raises(ValidationError, match=MERGE_NEEDS_TWO):
        services.claimant_merge(survivor=claimant, duplicates=[claimant], by=None)


# -- admin: who may do what --------------------------------------------------------------------


def autocomplete(client, term):
    return client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "claim", "field_name": "claimant", "term": term},
    )


@pytest.mark.parametrize("role", ROLES)
def test_claimant_autocomplete_by_role(client, role):
    ClaimantFactory(name="US–China")
    login(client, role)

    response = autocomplete(client, "us-china")

    if role in ("anonymous", "reader"):
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 200
        assert [r["text"] for r in json.loads(response.content)["results"]] == ["US–China"]


def test_autocomplete_finds_aliases_and_lists_each_claimant_once(client, editor):
    claimant = ClaimantFactory(name="Huawei")
    for name in ["华为", "Huawei Technologies", "HUAWEI Cloud"]:
        services.claimant_alias_save(alias=ClaimantAlias(claimant=claimant, name=name), by=None)
    client.force_login(editor)

    for term in ["华为", "huawei", "HUAWEI-"]:
        results = json.loads(autocomplete(client, term).content)["results"]
        assert [r["text"] for r in results] == (["Huawei"] if term != "HUAWEI-" else [])


@pytest.mark.parametrize("term", ["a\x00b", "%00"])
def test_a_null_character_in_an_autocomplete_search_is_refused_with_a_reason(client, editor, term):
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete") + "?app_label=claims&model_name=claim&field_name=claimant"
        f"&term={term.replace(chr(0), '%00')}"
    )
    assert response.status_code == 400
    assert "null character" in response.content.decode()


@pytest.mark.parametrize("term, found", [("Huawei " * 2000, ["Huawei"]), ("x" * 5000, [])])
def test_a_huge_autocomplete_search_is_answered(client, editor, term, found):
    ClaimantFactory(name="Huawei")
    client.force_login(editor)
    response = autocomplete(client, term)
    assert response.status_code == 200
    assert [r["text"] for r in json.loads(response.content)["results"]] == found


ADD_URL = reverse("admin:claims_claimant_add")


@pytest.mark.parametrize("role", ROLES)
def test_adding_a_claimant_with_aliases_by_role(client, role):
    login(client, role)
    may = role in ("editor", "superuser")
    page = client.get(ADD_URL)
    if role in ("anonymous", "reader"):
        assert page.status_code == 302
    else:
        assert page.status_code == (200 if may else 403)
    if not may:
        client.post(ADD_URL, {"name": "Xinhua"})
        assert not Claimant.objects.exists()
        return
    data = inline_post(
        client,
        ADD_URL,
        {"name": "Xinhua News Agency", "slug": "xinhua", "kind": ClaimantKind.PUBLICATION},
        {"aliases": [{"name": "新华社"}, {"name": "Xinhua"}]},
    )

    assert client.post(ADD_URL, data).status_code == 302

    claimant = Claimant.objects.get()
    assert sorted(claimant.aliases.values_list("name", flat=True)) == ["Xinhua", "新华社"]
    assert claimant.history.get().history_user.username in ("editor", "chief")


def test_the_claim_form_adds_a_claimant_in_a_popup(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_add")).content.decode()
    assert 'id="add_id_claimant"' in page  # the "+" beside the autocomplete
    assert 'data-field-name="claimant"' in page  # an autocomplete, not a list of every claimant

    url = ADD_URL + "?_to_field=id&_popup=1"
    data = inline_post(client, url, {"name": "Zhipu AI", "slug": "zhipu"}, {"aliases": []})
    data.update({"_popup": "1", "_to_field": "id"})
    response = client.post(url, data)

    assert response.status_code == 200
    claimant = Claimant.objects.get(name="Zhipu AI")
    # The popup hands the new claimant back to the claim form's field.
    handed_back = response.context["popup_response_data"]
    assert json.loads(handed_back) == {"value": str(claimant.pk), "obj": "Zhipu AI"}


@pytest.mark.parametrize(
    "name, problem",
    [
        ("x" * 1000, "at most 200 characters"),
        ("Hua\x0bwei", "invisible control character"),
        ("us-china", "already a name of the claimant"),
    ],
)
def test_bad_names_in_the_admin_are_form_errors(client, editor, name, problem):
    ClaimantFactory(name="US–China")
    client.force_login(editor)
    data = inline_post(client, ADD_URL, {"name": name, "slug": "new"}, {"aliases": []})

    response = client.post(ADD_URL, data)

    assert response.status_code == 200
    assert problem in response.content.decode()
    assert Claimant.objects.count() == 1


def test_an_alias_naming_another_claimant_is_a_form_error(client, editor):
    ClaimantFactory(name="US–China")
    client.force_login(editor)
    data = inline_post(
        client, ADD_URL, {"name": "Xinhua", "slug": "xinhua"}, {"aliases": [{"name": "US-China"}]}
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "already a name of the claimant" in response.content.decode()
    assert Claimant.objects.count() == 1


def merge_post(client, claimants, **extra):
    return client.post(
        reverse("admin:claims_claimant_changelist"),
        {
            "action": "merge_claimants",
            "_selected_action": [claimant.pk for claimant in claimants],
            **extra,
        },
    )


@pytest.mark.parametrize("role", ROLES)
def test_merging_claimants_by_role(client, role):
    kept = PublishedClaimFactory(claimant="US–China").claimant
    duplicate = ClaimFactory(claimant="The US-China essay").claimant
    ClaimFactory(claimant=kept)
    login(client, role)

    confirm = merge_post(client, [kept, duplicate])
    may = role in ("editor", "superuser")
    if may:
        page = confirm.content.decode()
        assert confirm.status_code == 200
        assert "US–China — 2 claim(s)" in page and "The US-China essay — 1 claim(s)" in page
    elif role == "curator":  # sees claimants, but the action is not offered
        assert "Merge duplicate claimants" not in confirm.content.decode()
    else:
        assert confirm.status_code == 302 and "/login/" in confirm["Location"]

    merge_post(client, [kept, duplicate], apply="1", survivor=kept.pk)

    assert Claimant.objects.filter(pk=duplicate.pk).exists() != may
    if may:
        assert list(kept.aliases.values_list("name", flat=True)) == ["The US-China essay"]


def test_merging_one_claimant_is_refused_with_a_message(client, editor):
    claimant = ClaimantFactory()
    client.force_login(editor)
    response = merge_post(client, [claimant])
    assert response.status_code == 302
    assert Claimant.objects.filter(pk=claimant.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_claimant_by_role(client, role):
    claimant = ClaimantFactory(name="Xinhua")
    login(client, role)
    url = reverse("admin:claims_claimant_change", args=[claimant.pk])
    may = role in ("editor", "superuser")

    page = client.get(url)
    if role in ("anonymous", "reader"):
        assert page.status_code == 302
    else:
        assert page.status_code == 200  # curators see it, read-only
    data = {"name": "Xinhua News Agency", "slug": claimant.slug, "kind": ClaimantKind.PUBLICATION}
    if may:
        data = inline_post(client, url, data)
    client.post(url, data)

    claimant.refresh_from_db()
    assert (claimant.name == "Xinhua News Agency") == may
    if may:
        assert list(claimant.aliases.values_list("name", flat=True)) == ["Xinhua"]


@pytest.mark.parametrize("role", ROLES)
def test_deleting_a_claimant_by_role(client, role):
    unused = ClaimantFactory(name="Nobody's claims")
    used = ClaimFactory(claimant="Xinhua").claimant
    login(client, role)

    for claimant in (unused, used):
        client.post(reverse("admin:claims_claimant_delete", args=[claimant.pk]), {"post": "yes"})

    # Only superusers delete, and only a claimant no claim names (the others are merged).
    assert Claimant.objects.filter(pk=unused.pk).exists() == (role != "superuser")
    assert Claimant.objects.filter(pk=used.pk).exists()
