"""The editor's desk: the admin index lists each of an editor's queues with an exact count,
linked to the claim list filtered to it, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, DeskQueue
from claims.models import Review
from tests.factories import ClaimFactory, PublishedClaimFactory, UserFactory
from workbench.pagination import CappedPaginator

pytestmark = pytest.mark.django_db

RATIONALE = "The developer's paper states the figure in its main results table."
LONG_AGO, LATER = datetime.date(2025, 1, 1), datetime.date(2025, 6, 1)


def desk(client) -> dict[str, str]:
    page = client.get(reverse("admin:index"))
    assert page.status_code == 200
    text = page.content.decode()
    counts = {}
    for queue in DeskQueue:
        row = text.split(f'?desk={queue.value}">{queue.label}</a>', 1)[1]
        counts[queue.value] = row.split('class="desk-count">', 1)[1].split("<", 1)[0]
    return counts


def listed(client, queue: str) -> list[str]:
    page = client.get(reverse("admin:claims_claim_changelist"), {"desk": queue})
    assert page.status_code == 200
    return [claim.statement for claim in page.context["cl"].result_list]


@pytest.fixture
def desk_of_two(editor, second_editor):
    """Claims in each queue of `editor`, and some in nobody's."""
    mine = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)
    theirs = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=second_editor, rationale=RATIONALE)
    regraded = PublishedClaimFactory()
    services.review_submit(
        claim=regraded,
        verdict="misleading",
        rationale=RATIONALE,
        correction_note="A newer paper.",
        by=second_editor,
    )
    sent_back = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)
    services.review_send_back(
        review=Review.objects.get(claim=sent_back), comment="Which page?", by=second_editor
    )
    draft = ClaimFactory()
    draft.created_by = editor
    draft.assignee = editor
    services.claim_save(claim=draft, by=editor)
    late = PublishedClaimFactory(recheck_due=LONG_AGO)
    later = PublishedClaimFactory(recheck_due=LATER)
    return {
        "mine": mine,
        "theirs": theirs,
        "regraded": regraded,
        "sent_back": sent_back,
        "draft": draft,
        "late": late,
        "later": later,
    }


def test_the_desk_counts_each_queue_and_lists_it(client, editor, desk_of_two):
    claims = desk_of_two
    client.force_login(editor)
    assert desk(client) == {
        "approve": "2",
        "sent_back": "1",
        "assigned": "1",
        "drafts": "1",
        "recheck": "2",
    }
    # A re-grading of a published claim waits with the new claims; his own grading does not.
    assert set(listed(client, "approve")) == {
        claims["theirs"].statement,
        claims["regraded"].statement,
    }
    assert listed(client, "sent_back") == [claims["sent_back"].statement]
    assert listed(client, "assigned") == [claims["draft"].statement]
    assert listed(client, "drafts") == [claims["draft"].statement]
    # Oldest re-check first.
    assert listed(client, "recheck") == [claims["late"].statement, claims["later"].statement]


def test_past_the_lists_cap_the_desk_says_more_than(client, editor, desk_of_two, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 1)
    client.force_login(editor)
    counts = desk(client)
    assert counts["approve"] == counts["recheck"] == "more than 1"
    assert counts["drafts"] == "1"


def test_each_editor_has_his_own_desk(client, second_editor, desk_of_two):
    client.force_login(second_editor)
    counts = desk(client)
    assert counts["approve"] == "1"  # the editor's grading, not his own two
    assert counts["sent_back"] == counts["drafts"] == counts["assigned"] == "0"


def test_the_desk_is_for_editors(client, curator, desk_of_two):
    client.force_login(curator)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Your desk" not in page
    reader = UserFactory(username="reader", is_staff=False)
    client.force_login(reader)
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("queue", ["\x00", "x" * 5000, "approve'--", "1"])
def test_an_unknown_queue_lists_everything_rather_than_failing(client, editor, queue):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_changelist"), {"desk": queue})
    assert page.status_code in (200, 302, 400)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_desk_and_its_lists_run_a_fixed_number_of_queries(client, editor, desk_of_two):
    client.force_login(editor)
    urls = [reverse("admin:index")] + [
        reverse("admin:claims_claim_changelist") + f"?desk={queue}" for queue in DeskQueue
    ]
    before = [queries(client, url) for url in urls]
    for _ in range(3):
        ClaimFactory(state=ClaimState.IN_REVIEW, rationale=RATIONALE, assignee=editor)
        PublishedClaimFactory(recheck_due=LONG_AGO, assignee=editor)
    assert [queries(client, url) for url in urls] == before
