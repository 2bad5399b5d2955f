"""Editors log, link and grade claims in the admin; a second editor approves."""

import pytest
from django.urls import reverse

from claims.admin.review_screen import opened_now
from claims.choices import ClaimState, RelationKind, Stance, Verdict
from claims.models import Claim
from tests.admin_forms import approve, inline_post
from tests.factories import ClaimantFactory, ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:claims_claim_add")


def test_editor_logs_a_claim_with_evidence_a_counter_claim_and_a_grading(client, editor):
    source = SourceFactory(title="Forum essay")
    counter = PublishedClaimFactory(statement="Chinese firms could still buy the H800.")
    client.force_login(editor)
    data = inline_post(
        client,
        ADD_URL,
        {
            "statement": "China can no longer buy data-centre GPUs.",
            "slug": "china-can-no-longer-buy-gpus",
            "kind": "fact",
            "claimant": ClaimantFactory(name="The essay's author").pk,
            "first_appeared_in": source.pk,
            "first_appeared_locator": "section 2",
        },
        {
            "evidence": [{"source": source.pk, "stance": Stance.ASSERTS, "locator": "section 2"}],
            "relations_out": [{"kind": RelationKind.COUNTER_CLAIM, "to_claim": counter.pk}],
            "reviews": [
                {"verdict": Verdict.INACCURATE, "confidence": "high", "rationale": "Footnote 2."}
            ],
        },
    )

    response = client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    claim = Claim.objects.get(slug="china-can-no-longer-buy-gpus")
    assert claim.created_by == editor
    assert claim.state == ClaimState.IN_REVIEW
    assert claim.evidence.get().added_by == editor
    assert claim.relations_out.get().to_claim == counter
    assert claim.reviews.get().reviewer == editor


def test_an_over_long_statement_is_refused_in_admin_with_the_limit(client, editor):
    client.force_login(editor)
    data = inline_post(
        client,
        ADD_URL,
        {
            "statement": "x" * 400,
            "slug": "long",
            "kind": "fact",
            "claimant": ClaimantFactory(name="X").pk,
        },
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "at most 300 characters" in response.content.decode()
    assert not Claim.objects.exists()


def test_the_author_of_a_grading_cannot_approve_it_but_a_second_editor_can(
    client, editor, second_editor
):
    from claims import services

    claim = ClaimFactory()
    services.review_submit(
        claim=claim, verdict=Verdict.MIXED, rationale="Both sides have a point here.", by=editor
    )

    client.force_login(editor)
    refused = approve(client, claim)
    assert "a second person must approve" in refused.content.decode()
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW

    client.force_login(second_editor)
    approve(client, claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.PUBLISHED
    assert claim.verdict == Verdict.MIXED
    assert claim.reviews.get().approved_by == second_editor


def test_published_gradings_are_shown_read_only(client, editor, second_editor):
    claim = PublishedClaimFactory(
        rationale="Checked the main table of the paper.", reviewer=editor, approver=second_editor
    )
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "Checked the main table of the paper." in page
    # No editable copy of a published grading:
    assert "Checked the main table of the paper.</textarea>" not in page


def test_bulk_approval_first_lists_every_claim_with_its_proposed_verdict(
    client, editor, second_editor
):
    from claims import services

    claims = [ClaimFactory(statement=f"Claim {n} about Yuan.") for n in (1, 2)]
    for claim, verdict in zip(claims, (Verdict.MIXED, Verdict.INACCURATE), strict=True):
        services.review_submit(
            claim=claim, verdict=verdict, rationale="Both sides have a point here.", by=editor
        )
    client.force_login(second_editor)
    selected = {"action": "approve_and_publish", "_selected_action": [c.pk for c in claims]}

    page = client.post(reverse("admin:claims_claim_changelist"), selected).content.decode()

    assert "Claim 1 about Yuan. — proposed verdict: Mixed, graded by editor" in page
    assert "Claim 2 about Yuan. — proposed verdict: Inaccurate, graded by editor" in page
    assert {c.state for c in Claim.objects.filter(pk__in=[c.pk for c in claims])} == {
        ClaimState.IN_REVIEW
    }  # nothing published until confirmed
    client.post(
        reverse("admin:claims_claim_changelist"), {**selected, "apply": "1", **opened_now()}
    )
    assert {c.state for c in Claim.objects.filter(pk__in=[c.pk for c in claims])} == {
        ClaimState.PUBLISHED
    }


def test_re_gradings_waiting_for_approval_are_found_and_show_their_proposed_verdict(
    client, editor, second_editor
):
    from claims import services

    regraded = PublishedClaimFactory(statement="Regraded claim about Yuan.")
    services.review_submit(
        claim=regraded,
        verdict=Verdict.OUTDATED,
        rationale="A newer paper gives more detail.",
        correction_note="Newer figures.",
        by=editor,
    )
    waiting = ClaimFactory(statement="New claim about Yuan.", state=ClaimState.IN_REVIEW)
    PublishedClaimFactory(statement="Settled claim about Yuan.")
    ClaimFactory(statement="Draft claim about Yuan.")
    client.force_login(second_editor)

    page = client.get(reverse("admin:claims_claim_changelist"), {"desk": "awaiting"})

    listed = {claim.statement: claim.proposed_verdict for claim in page.context["cl"].result_list}
    assert listed == {regraded.statement: Verdict.OUTDATED, waiting.statement: Verdict.ACCURATE}
    assert "Outdated" in page.content.decode()
