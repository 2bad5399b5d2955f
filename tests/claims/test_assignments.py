"""A claim can be assigned to an editor, and reassigned; lists filter by assignee. Only an
editor can be assigned, whatever the entry point."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_an_editor_is_assigned_and_reassigned_with_history(editor, second_editor):
    claim = ClaimFactory()
    claim.assignee = editor
    services.claim_save(claim=claim, by=second_editor)
    claim.assignee = second_editor
    services.claim_save(claim=claim, by=editor)

    assignees = [record.assignee_id for record in claim.history.order_by("history_date")]
    assert assignees[-2:] == [editor.pk, second_editor.pk]


def test_only_an_editor_can_be_assigned(editor, curator):
    claim = ClaimFactory()
    claim.assignee = curator

    with pytest.raises(ValidationError) as refused:
        services.claim_save(claim=claim, by=editor)

    assert refused.value.message_dict == {
        "assignee": [f"{curator} is not an editor, so cannot be assigned claims."]
    }
    claim.refresh_from_db()
    assert claim.assignee is None


@pytest.mark.parametrize("assignee", ["curator", "abc", "99999", "1\x00"])
def test_the_claim_form_refuses_anyone_but_an_editor(client, editor, curator, assignee):
    claim = ClaimFactory()
    value = str(curator.pk) if assignee == "curator" else assignee
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])

    response = client.post(url, inline_post(client, url, {"assignee": value}))

    assert response.status_code in (200, 400)
    claim.refresh_from_db()
    assert claim.assignee is None


def test_editors_find_the_claims_assigned_to_them(client, editor, second_editor):
    mine = ClaimFactory(statement="Mine about Yuan.")
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[mine.pk])
    client.post(url, inline_post(client, url, {"assignee": str(editor.pk)}))
    ClaimFactory(statement="Nobody's about Yuan.")
    theirs = ClaimFactory(statement="Theirs about Yuan.")
    theirs.assignee = second_editor
    services.claim_save(claim=theirs, by=second_editor)

    listed = client.get(reverse("admin:claims_claim_changelist"), {"desk": "assigned"})

    assert [claim.statement for claim in listed.context["cl"].result_list] == ["Mine about Yuan."]
    nobody = client.get(reverse("admin:claims_claim_changelist"), {"desk": "unassigned"})
    assert [claim.statement for claim in nobody.context["cl"].result_list] == [
        "Nobody's about Yuan."
    ]
