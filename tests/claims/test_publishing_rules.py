"""Nothing is published without located evidence and a stated rationale, whatever the entry
point: approval in the admin, the service, an import approved by a second person."""

import io
import json

import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.choices import ClaimState, Verdict
from claims.services.reviews import PUBLISH_NEEDS_EVIDENCE, PUBLISH_NEEDS_RATIONALE
from exchange.importer import claims_import
from tests.admin_forms import approve
from tests.factories import ClaimFactory, PublishedClaimFactory

pytestmark = pytest.mark.django_db

GOOD_RATIONALE = "The paper gives 245 billion parameters in its main table."


def graded(editor, *, rationale=GOOD_RATIONALE, **fields):
    claim = ClaimFactory(**fields)
    services.review_submit(claim=claim, verdict=Verdict.ACCURATE, rationale=rationale, by=editor)
    claim.refresh_from_db()
    return claim


def test_a_claim_without_evidence_is_not_published_and_told_why(editor, second_editor):
    claim = graded(editor, located_evidence=False)

    with pytest.raises(ValidationError) as refused:
        services.claim_publish(claim=claim, approver=second_editor)

    assert refused.value.messages == [PUBLISH_NEEDS_EVIDENCE]
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW and not claim.reviews.published().exists()


def test_a_rationale_of_a_few_words_is_not_published(editor, second_editor):
    claim = graded(editor, rationale="No reason.", located_evidence=False)

    with pytest.raises(ValidationError) as refused:
        services.claim_publish(claim=claim, approver=second_editor)

    assert refused.value.messages == [PUBLISH_NEEDS_EVIDENCE, PUBLISH_NEEDS_RATIONALE]


def test_a_regrading_needs_a_stated_rationale_too(editor, second_editor):
    claim = PublishedClaimFactory(reviewer=editor, approver=second_editor)
    services.review_submit(
        claim=claim,
        verdict=Verdict.OUTDATED,
        rationale="Old.",
        correction_note="Newer figures.",
        by=editor,
    )
    with pytest.raises(ValidationError, match="at least 25 characters"):
        services.claim_publish(claim=claim, approver=second_editor)
    claim.refresh_from_db()
    assert claim.verdict == Verdict.ACCURATE


def test_the_admin_approval_says_what_is_missing_and_publishes_nothing(
    client, editor, second_editor
):
    claim = graded(editor, rationale="No reason.", located_evidence=False)
    client.force_login(second_editor)

    page = approve(client, claim).content.decode()

    assert "Nothing is published without evidence" in page
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW


def load(records, editor, approver=None):
    text = json.dumps(records).encode()
    return claims_import(
        file=io.BytesIO(text), format="json", name="f.json", by=editor, approver=approver
    )


def test_an_approved_import_holds_every_claim_it_publishes_to_the_same_rules(editor, second_editor):
    bare = {"statement": "Yuan 1.0 has 245B.", "claimant": "Inspur", "verdict": "accurate"}
    bare["rationale"] = "Yes."

    refused = load([bare], editor, approver=second_editor)
    assert refused.problems == [
        f"claim 1: {PUBLISH_NEEDS_EVIDENCE}",
        f"claim 1: {PUBLISH_NEEDS_RATIONALE}",
    ]
    # Without a second person the grading waits in review, where the rules apply at approval.
    assert load([bare], editor).ok
