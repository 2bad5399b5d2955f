"""Outside attack on issue 17's capped admin lists: "select all" past the cap."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory
from workbench.pagination import CappedPaginator

pytestmark = pytest.mark.django_db

URL = reverse("admin:claims_claim_changelist")


def test_select_all_past_the_cap_does_not_name_a_count_it_did_not_make(client, editor, monkeypatch):
    """Past the cap the list says "more than"; the actions bar's "Select all N claims" must
    not offer the capped figure, since the action then runs on every claim that matches
    (at a million claims: a million, while the button said 10001)."""
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    monkeypatch.setattr("claims.admin.claims.ClaimAdmin.list_per_page", 2)
    for n in range(5):
        ClaimFactory(statement=f"Claim number {n} about Ascend processors.")
    client.force_login(editor)

    text = client.get(URL).content.decode()

    assert "More than 3 claims" in text
    assert "Select all 4 claims" not in text


@pytest.mark.parametrize(
    ("user", "url", "lookup"),
    [
        ("editor", "admin:claims_claim_changelist", "statement__regex"),
        ("editor", "admin:claims_evidence_changelist", "excerpt__iregex"),
        ("curator", "admin:sources_source_changelist", "title__regex"),
    ],
)
def test_a_lookup_typed_into_an_admin_list_address_is_no_server_error(
    client, request, user, url, lookup
):
    """Django's admin accepts any lookup on a list's own fields from the address
    (?statement__regex=...): a regular expression the database cannot compile fails the
    query, and every such lookup scans the whole table at a million rows."""
    ClaimFactory(statement="Claim about Ascend processors.")
    client.force_login(request.getfixturevalue(user))

    response = client.get(reverse(url), {lookup: "("})

    assert response.status_code < 500


def test_an_action_on_every_matching_claim_past_the_cap_is_refused(client, editor, monkeypatch):
    """A forged "select across" past the cap does nothing, and says why."""
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    claims = [
        ClaimFactory(statement=f"Claim number {n} about Ascend processors.") for n in range(5)
    ]
    client.force_login(editor)

    response = client.post(
        URL,
        {
            "action": "submit_for_review",
            "select_across": "1",
            "index": "0",
            "_selected_action": [claims[0].pk],
        },
        follow=True,
    )

    assert "More than 3 items match" in response.content.decode()
    assert {claim.state for claim in type(claims[0]).objects.all()} == {claims[0].state}
