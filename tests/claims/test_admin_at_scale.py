"""The admin's claim list at a million claims: counted up to a cap, newest first in the order
of an index, never sorted by a column without one, filtered by topic without DISTINCT."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ClaimFactory, EvidenceFactory, TopicFactory
from workbench.pagination import CappedPaginator

pytestmark = pytest.mark.django_db

URL = reverse("admin:claims_claim_changelist")


def listed(client, **params) -> list[str]:
    page = client.get(URL, params)
    assert page.status_code == 200
    return [claim.statement for claim in page.context["cl"].result_list]


def test_past_the_cap_the_list_says_more_than(client, editor, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    for n in range(5):
        ClaimFactory(statement=f"Claim number {n} about Ascend processors.")
    client.force_login(editor)

    text = client.get(URL).content.decode()

    assert "More than 3 claims" in text
    assert "5 claims" not in text


def test_past_the_cap_the_search_line_says_more_than_and_thousands_are_separated(
    client, editor, monkeypatch
):
    monkeypatch.setattr(CappedPaginator, "cap", 3000)
    for n in range(3):
        ClaimFactory(statement=f"Claim number {n} on Ascend processors.")
    client.force_login(editor)
    text = client.get(URL, {"q": "ascend"}).content.decode()
    assert "3 results" in text
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    text = client.get(URL, {"q": "ascend"}).content.decode()
    assert "More than 2 results" in text and "3 results" not in text
    monkeypatch.setattr(CappedPaginator, "cap", 2000)
    monkeypatch.setattr(CappedPaginator, "is_capped", True)
    assert "More than 2,000 claims" in client.get(URL).content.decode()


def test_no_filter_counts_every_row_for_its_choices(client, editor):
    ClaimFactory()
    client.force_login(editor)
    counts = []
    for params in [{}, {"_facets": "True"}]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(URL, params)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert "Show counts" not in page.content.decode()


def test_the_list_is_newest_first_whatever_column_the_address_asks_to_sort_by(client, editor):
    for statement in ["Beta was logged first.", "Alpha was logged second.", "Gamma came last."]:
        ClaimFactory(statement=statement)
    client.force_login(editor)
    newest_first = ["Gamma came last.", "Alpha was logged second.", "Beta was logged first."]

    assert listed(client) == newest_first
    for order in ["1", "-1", "2", "1.2", "x", "99", "1" * 5000]:
        assert listed(client, o=order) == newest_first
    # No column offers a sort link that would sort a million rows.
    assert "sortable" not in client.get(URL).content.decode()


def test_the_topic_filter_lists_the_claims_on_it_once_each(client, editor):
    policy, models = TopicFactory(name="Policy"), TopicFactory(name="Models")
    both = ClaimFactory(statement="On both topics.")
    both.topics.set([policy, models])
    ClaimFactory(statement="On no topic.").topics.set([])
    client.force_login(editor)

    assert listed(client, topic=policy.pk) == ["On both topics."]
    assert len(listed(client)) == 2
    for bad in ["abc", "9" * 40, "1" * 5000]:
        assert len(listed(client, topic=bad)) == 2
    # A null byte is refused before any view, with a message (workbench/unstorable.py).
    assert client.get(URL, {"topic": "1\x00"}).status_code == 400


@pytest.mark.parametrize("n", [3, 60])
def test_the_claim_list_runs_a_fixed_number_of_queries(client, editor, n):
    topic = TopicFactory()
    for i in range(n):
        ClaimFactory(statement=f"Claim {i} on the cost of training runs.").topics.set([topic])
    client.force_login(editor)
    counts = []
    for params in [{}, {"topic": topic.pk}, {"q": "training"}]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        counts.append(len(queries))
    # session, user, permissions, the filters' options (editors, topics), count, page with
    # the pending gradings; a search adds its look-ups
    assert counts[:2] == [8, 8], counts
    assert counts[2] <= 17, counts


def test_a_claims_change_form_runs_the_same_queries_however_much_evidence_it_has(client, editor):
    """Each evidence row's source is read with the rows, not by its autocomplete widget."""
    few, many = ClaimFactory(), ClaimFactory()
    EvidenceFactory(claim=few)
    for _ in range(8):
        EvidenceFactory(claim=many)
    client.force_login(editor)

    def queries(claim) -> tuple[int, str]:
        url = reverse("admin:claims_claim_change", args=[claim.pk])
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url)
        assert page.status_code == 200
        return len(captured), page.content.decode()

    queries(few)  # the first page of a session also caches the user's permissions
    few_queries, _ = queries(few)
    many_queries, page = queries(many)

    assert many_queries == few_queries
    for evidence in many.evidence.select_related("source"):
        # the chosen source is shown, selected, in its row's widget
        assert f'<option value="{evidence.source_id}" selected>{evidence.source}' in page
