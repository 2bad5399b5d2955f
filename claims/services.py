"""Write workflows for claims. Admin, commands and (later) forms and the API all go through here."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources.models import Source
from sources.services import unique_slug

from .choices import ClaimKind, ClaimState, Confidence, RelationKind, Verdict
from .models import Claim, ClaimRelation, Evidence, Review, Topic

NOTHING_TO_PUBLISH = "A claim needs a review with a verdict before it can be published."
SAME_PERSON_APPROVES = (
    "The review was written by {reviewer}; a second person must approve it before it is published."
)
ONLY_DRAFTS_SUBMITTED = "Only a draft can be submitted for review; this claim is {state}."
NOTHING_TO_APPROVE = "There is nothing to approve: this claim is {state} and has no pending review."
PUBLISHED_REVIEW_IS_FINAL = "A published review is part of the verdict history; add a new review."


@transaction.atomic
def topic_get_or_create(*, name: str) -> Topic:
    topic = Topic.objects.filter(name=name).first()
    if topic is None:
        topic = Topic(name=name, slug=unique_slug(Topic, name))
        topic.full_clean()
        topic.save()
    return topic


@transaction.atomic
def claim_save(*, claim: Claim, by: AbstractBaseUser | None) -> Claim:
    """Create or update a claim; a new claim gets its slug from the statement."""
    if claim.pk is None:
        claim.created_by = by
        if not claim.slug:
            claim.slug = unique_slug(Claim, claim.statement)
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def claim_log(
    *,
    statement: str,
    claimant: str,
    by: AbstractBaseUser | None,
    kind: str = ClaimKind.FACT,
    first_appeared_in: Source | None = None,
    first_appeared_locator: str = "",
    first_appeared_on: datetime.date | None = None,
    context: str = "",
    topics: list[Topic] | tuple[Topic, ...] = (),
    recheck_due: datetime.date | None = None,
    slug: str = "",
) -> Claim:
    claim = claim_save(
        claim=Claim(
            statement=statement,
            claimant=claimant,
            kind=kind,
            first_appeared_in=first_appeared_in,
            first_appeared_locator=first_appeared_locator,
            first_appeared_on=first_appeared_on,
            context=context,
            recheck_due=recheck_due,
            slug=slug,
        ),
        by=by,
    )
    claim.topics.set(topics)
    return claim


@transaction.atomic
def evidence_save(*, evidence: Evidence, by: AbstractBaseUser | None) -> Evidence:
    if evidence.pk is None:
        evidence.added_by = by
    evidence.full_clean()
    evidence.save()
    return evidence


def evidence_add(
    *,
    claim: Claim,
    source: Source,
    stance: str,
    locator: str,
    by: AbstractBaseUser | None,
    excerpt: str = "",
    note: str = "",
) -> Evidence:
    return evidence_save(
        evidence=Evidence(
            claim=claim, source=source, stance=stance, locator=locator, excerpt=excerpt, note=note
        ),
        by=by,
    )


@transaction.atomic
def relation_save(*, relation: ClaimRelation, by: AbstractBaseUser | None) -> ClaimRelation:
    if relation.pk is None:
        relation.created_by = by
    relation.full_clean()
    relation.save()
    return relation


def relation_add(
    *,
    from_claim: Claim,
    to_claim: Claim,
    kind: str = RelationKind.COUNTER_CLAIM,
    by: AbstractBaseUser | None,
    note: str = "",
) -> ClaimRelation:
    return relation_save(
        relation=ClaimRelation(from_claim=from_claim, to_claim=to_claim, kind=kind, note=note),
        by=by,
    )


@transaction.atomic
def review_save(*, review: Review, by: AbstractBaseUser) -> Review:
    """Write or revise a pending grading of a claim. A draft claim moves into review with it."""
    if review.pk is not None and Review.objects.published().filter(pk=review.pk).exists():
        raise ValidationError(PUBLISHED_REVIEW_IS_FINAL)
    if review.pk is None:
        review.reviewer = by
    review.full_clean()
    review.save()
    claim = review.claim
    if claim.state == ClaimState.DRAFT:
        claim.state = ClaimState.IN_REVIEW
        claim.save(update_fields=["state", "updated_at"])
    return review


def review_submit(
    *,
    claim: Claim,
    verdict: str,
    rationale: str,
    by: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
) -> Review:
    return review_save(
        review=Review(claim=claim, verdict=verdict, rationale=rationale, confidence=confidence),
        by=by,
    )


@transaction.atomic
def claim_submit(*, claim: Claim) -> Claim:
    if claim.state != ClaimState.DRAFT:
        raise ValidationError(ONLY_DRAFTS_SUBMITTED.format(state=claim.get_state_display().lower()))
    claim.state = ClaimState.IN_REVIEW
    claim.save(update_fields=["state", "updated_at"])
    return claim


@transaction.atomic
def claim_publish(*, claim: Claim, approver: AbstractBaseUser) -> Claim:
    """Approve a claim in review, or a new grading of a published one: its pending reviews are
    published, oldest first, and the newest becomes the current verdict. The approver may not
    have written them."""
    pending = list(claim.reviews.filter(published_at__isnull=True).order_by("created_at"))
    regrading = claim.state == ClaimState.PUBLISHED and pending
    if claim.state != ClaimState.IN_REVIEW and not regrading:
        raise ValidationError(NOTHING_TO_APPROVE.format(state=claim.get_state_display().lower()))
    if not pending and not claim.verdict:
        raise ValidationError(NOTHING_TO_PUBLISH)
    if settings.WORKBENCH_REQUIRE_SECOND_PERSON:
        for review in pending:
            if review.reviewer_id == approver.pk:
                raise ValidationError(SAME_PERSON_APPROVES.format(reviewer=review.reviewer))
    now = timezone.now()
    for review in pending:
        review.published_at = now
        review.approved_by = approver
        review.save(update_fields=["published_at", "approved_by"])
    if pending:
        newest = pending[-1]
        claim.verdict, claim.confidence, claim.graded_at = newest.verdict, newest.confidence, now
    claim.state = ClaimState.PUBLISHED
    claim.published_at = claim.published_at or now
    claim.save()
    return claim


def claim_grade_and_publish(
    *,
    claim: Claim,
    verdict: Verdict | str,
    rationale: str,
    reviewer: AbstractBaseUser,
    approver: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
) -> Claim:
    """The whole path from a graded draft to a public claim, as two people take it."""
    review_submit(
        claim=claim, verdict=verdict, rationale=rationale, confidence=confidence, by=reviewer
    )
    claim.refresh_from_db()
    return claim_publish(claim=claim, approver=approver)
