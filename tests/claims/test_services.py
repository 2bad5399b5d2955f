import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.choices import ClaimState, Confidence, Stance, Verdict
from claims.models import Claim
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_logging_a_claim_gives_it_a_slug_from_its_statement(editor):
    claim = services.claim_log(
        statement="WuDao 2.0 has 1.75 trillion parameters.", claimant="BAAI", by=editor
    )
    again = services.claim_log(
        statement="WuDao 2.0 has 1.75 trillion parameters.", claimant="Press", by=editor
    )

    assert claim.slug == "wudao-20-has-175-trillion-parameters"
    assert again.slug == "wudao-20-has-175-trillion-parameters-2"
    assert claim.state == ClaimState.DRAFT
    assert claim.created_by == editor


def test_an_over_long_statement_is_refused_with_the_limit_named(editor):
    with pytest.raises(ValidationError) as error:
        services.claim_log(statement="x" * 301, claimant="Someone", by=editor)

    assert "at most 300 characters" in str(error.value)
    assert not Claim.objects.exists()


def test_evidence_needs_a_locator(editor):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as error:
        services.evidence_add(
            claim=claim, source=SourceFactory(), stance=Stance.SUPPORTS, locator="", by=editor
        )
    assert "locator" in error.value.message_dict


def test_submitting_a_review_moves_a_draft_into_review(editor):
    claim = ClaimFactory()
    services.review_submit(
        claim=claim, verdict=Verdict.MIXED, rationale="Both sides have a point here.", by=editor
    )
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW
    assert claim.verdict == ""  # not graded in public until approved


def test_publishing_needs_a_second_person(editor):
    claim = ClaimFactory()
    services.review_submit(
        claim=claim, verdict=Verdict.MIXED, rationale="Both sides have a point here.", by=editor
    )
    claim.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        services.claim_publish(claim=claim, approver=editor)

    assert "second person" in error.value.messages[0]
    claim.refresh_from_db()
    assert claim.state == ClaimState.IN_REVIEW


def test_one_person_teams_can_relax_the_two_person_rule(editor, settings):
    settings.WORKBENCH_REQUIRE_SECOND_PERSON = False
    claim = ClaimFactory()
    services.review_submit(
        claim=claim, verdict=Verdict.MIXED, rationale="Both sides have a point here.", by=editor
    )
    claim.refresh_from_db()
    services.claim_publish(claim=claim, approver=editor)
    assert claim.state == ClaimState.PUBLISHED


def test_publishing_without_a_review_is_refused(editor, second_editor):
    claim = services.claim_submit(claim=ClaimFactory(), by=editor)
    with pytest.raises(ValidationError, match="needs a review"):
        services.claim_publish(claim=claim, approver=second_editor)


def test_a_draft_cannot_be_published_directly(second_editor):
    with pytest.raises(ValidationError, match="nothing to approve"):
        services.claim_publish(claim=ClaimFactory(), approver=second_editor)


def test_current_verdict_is_the_newest_published_review(editor, second_editor):
    claim = PublishedClaimFactory(
        rationale="A first look at the paper.", reviewer=editor, approver=second_editor
    )
    services.review_submit(
        claim=claim,
        verdict=Verdict.OUTDATED,
        rationale="Overtaken by newer figures.",
        confidence=Confidence.HIGH,
        correction_note="Newer figures.",
        by=editor,
    )
    claim.refresh_from_db()
    assert claim.verdict == Verdict.ACCURATE  # the regrading is not public until approved

    services.claim_publish(claim=claim, approver=second_editor)
    claim.refresh_from_db()

    assert (claim.verdict, claim.confidence) == (Verdict.OUTDATED, Confidence.HIGH)
    assert [r.verdict for r in claim.reviews.published()] == [Verdict.OUTDATED, Verdict.ACCURATE]


def test_a_published_review_cannot_be_rewritten(editor, second_editor):
    claim = PublishedClaimFactory(
        rationale="A first look at the paper.", reviewer=editor, approver=second_editor
    )
    review = claim.reviews.get()
    review.verdict = Verdict.INACCURATE
    with pytest.raises(ValidationError, match="verdict history"):
        services.review_save(review=review, by=editor)
    assert claim.reviews.get().verdict == Verdict.ACCURATE


def test_relation_to_itself_is_refused(editor):
    claim = ClaimFactory()
    with pytest.raises(ValidationError):
        services.relation_add(from_claim=claim, to_claim=claim, by=editor)
