import pytest
from django.urls import reverse

from claims.choices import ClaimState, RelationKind, Stance, Verdict
from sources.choices import Reliability
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublishedClaimFactory,
    RelationFactory,
    ReviewFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_home_counts_published_claims_by_verdict_and_lists_contested(client):
    contested = PublishedClaimFactory(
        statement="BaGuaLu has 174 trillion parameters.", verdict=Verdict.MISLEADING
    )
    EvidenceFactory(claim=contested, stance=Stance.ASSERTS)
    EvidenceFactory(claim=contested, stance=Stance.REFUTES)
    PublishedClaimFactory(verdict=Verdict.ACCURATE)
    ClaimFactory(statement="A secret draft about Yuan 1.0.", state=ClaimState.DRAFT)

    response = client.get(reverse("home"))

    counts = {row["verdict"]: row["count"] for row in response.context["verdict_counts"]}
    assert counts[Verdict.MISLEADING] == 1 and counts[Verdict.ACCURATE] == 1
    assert sum(counts.values()) == 2
    assert list(response.context["most_contested"]) == [contested]
    assert "BaGuaLu has 174 trillion parameters." in response.content.decode()
    assert "secret draft" not in response.content.decode()


@pytest.mark.parametrize("state", [ClaimState.DRAFT, ClaimState.IN_REVIEW])
def test_unpublished_claims_are_hidden_from_readers(client, state):
    hidden = ClaimFactory(
        statement="Hidden claim about PanGu.", state=state, verdict=Verdict.ACCURATE
    )
    PublishedClaimFactory(statement="Public claim about PanGu.")

    assert client.get(hidden.get_absolute_url()).status_code == 404
    listing = client.get(reverse("claims:list"), {"q": "PanGu"}).content.decode()
    assert "Public claim about <mark>PanGu</mark>." in listing
    assert "Hidden claim" not in listing
    assert "1 claim" in listing


def test_claim_page_shows_evidence_for_and_against_with_reliability_and_locator(client):
    essay = SourceFactory(title="The essay", reliability=Reliability.MIXED)
    # Published with its first appearance as evidence: the essay, section 2.
    claim = PublishedClaimFactory(
        statement="China cannot buy GPUs.",
        first_appeared_in=essay,
        first_appeared_locator="section 2",
    )
    EvidenceFactory(
        claim=claim,
        source=essay,
        stance=Stance.REFUTES,
        locator="footnote 2",
        excerpt="H800 on sale.",
    )

    response = client.get(claim.get_absolute_url())

    evidence = response.context["evidence"]
    assert [e.locator for e in evidence["for"]] == ["section 2"]
    assert [e.locator for e in evidence["against"]] == ["footnote 2"]
    assert evidence["asserted"] == []  # the essay is where the claim first appeared
    other = EvidenceFactory(claim=claim, stance=Stance.ASSERTS, locator="p. 4")
    assert client.get(claim.get_absolute_url()).context["evidence"]["asserted"] == [other]
    page = response.content.decode()
    assert "footnote 2" in page and "H800 on sale." in page
    assert "Mixed record" in page
    assert response.context["claim"].summary.is_contested


def test_counter_claim_shows_on_both_pages_and_relations_to_drafts_are_hidden(client):
    relation = RelationFactory(kind=RelationKind.COUNTER_CLAIM)
    draft = ClaimFactory(statement="A draft sub-claim.", state=ClaimState.DRAFT)
    RelationFactory(from_claim=draft, to_claim=relation.to_claim, kind=RelationKind.PART_OF)

    forward = client.get(relation.from_claim.get_absolute_url())
    backward = client.get(relation.to_claim.get_absolute_url())

    assert [r["claim"] for r in forward.context["relations"]] == [relation.to_claim]
    assert [r["claim"] for r in backward.context["relations"]] == [relation.from_claim]
    assert backward.context["relations"][0]["label"] == "Counter-claim"
    assert "A draft sub-claim." not in backward.content.decode()


def test_verdict_history_lists_only_published_reviews_newest_first(client, editor, second_editor):
    from claims import services

    claim = PublishedClaimFactory(
        verdict=Verdict.ACCURATE,
        rationale="The old view, from the paper.",
        reviewer=editor,
        approver=second_editor,
    )
    services.claim_grade_and_publish(
        claim=claim,
        verdict=Verdict.OUTDATED,
        rationale="The newer view, from the report.",
        correction_note="Newer figures.",
        reviewer=editor,
        approver=second_editor,
    )
    ReviewFactory(claim=claim, verdict=Verdict.INACCURATE, rationale="Unapproved opinion.")

    response = client.get(claim.get_absolute_url())

    history = response.context["claim"].verdict_history
    assert [r.rationale for r in history] == [
        "The newer view, from the report.",
        "The old view, from the paper.",
    ]
    assert "Unapproved opinion." not in response.content.decode()


def test_due_for_recheck_marker(client):
    import datetime

    claim = PublishedClaimFactory(recheck_due=datetime.date(2024, 1, 1))
    assert (
        "Due for re-check since 1 January 2024"
        in client.get(claim.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    "params, problem",
    [
        ({"verdict": "true-ish"}, "Select a valid choice"),
        ({"appeared_after": "2023-13-45"}, "Enter a valid date"),
        ({"page": "two"}, "There is no page “two”"),
        ({"page": "9999"}, "There is no page “9999”"),
    ],
)
def test_bad_input_shows_the_list_with_the_problem_stated(client, params, problem):
    PublishedClaimFactory(statement="Yuan 1.0 has 245 billion parameters.")

    response = client.get(reverse("claims:list"), params)

    assert response.status_code == 200
    page = response.content.decode()
    assert problem in page
    assert "Yuan 1.0 has 245 billion parameters." in page


def test_filter_state_lives_in_the_url_and_survives_pagination(client, settings):
    for _ in range(settings.WORKBENCH_PAGE_SIZE + 1):
        PublishedClaimFactory(verdict=Verdict.MIXED)

    response = client.get(
        reverse("claims:list"), {"verdict": "mixed", "contested": "on", "q": "Model"}
    )

    assert response.status_code == 200
    page2 = client.get(reverse("claims:list"), {"verdict": "mixed", "q": "Model", "page": 2})
    assert len(page2.context["object_list"]) == 1
    # The filters carried over; the page cache puts the parameters in a fixed (sorted) order.
    assert 'href="?page=1&amp;q=Model&amp;verdict=mixed"' in page2.content.decode()


def test_user_text_is_escaped(client):
    claim = PublishedClaimFactory(
        statement="<script>alert(1)</script> is harmless", claimant="<b>Bold</b>"
    )
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page


def test_methodology_explains_every_verdict_with_its_rating(client):
    page = client.get(reverse("methodology")).content.decode()
    for verdict in Verdict:
        assert verdict.label in page
    assert "5 / 5" in page and "1 / 5" in page


def test_editors_get_an_edit_link_readers_and_curators_do_not(client, editor, curator):
    claim = PublishedClaimFactory()
    edit = reverse("admin:claims_claim_change", args=[claim.pk])

    assert edit not in client.get(claim.get_absolute_url()).content.decode()
    client.force_login(curator)
    assert edit not in client.get(claim.get_absolute_url()).content.decode()
    client.force_login(editor)
    assert f'href="{edit}"' in client.get(claim.get_absolute_url()).content.decode()
    client.logout()  # the page an editor saw is never what the cache serves to readers
    assert edit not in client.get(claim.get_absolute_url()).content.decode()


def test_the_admin_search_finds_claims_in_every_state(client, editor):
    ClaimFactory(statement="A draft about Aquila 2.", slug="aquila-draft")
    ClaimFactory(statement="Aquila 2 in review.", slug="aquila-review", state="in_review")
    PublishedClaimFactory(statement="Aquila 2 is open.", slug="aquila-public")
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_changelist"), {"q": "Aquila"})

    found = {claim.slug for claim in page.context["cl"].result_list}
    assert found == {"aquila-draft", "aquila-review", "aquila-public"}
