"""Grading and approval, the two-person rule: one editor grades a claim, another approves the
grading before readers see it, and a new grading of a published claim is a correction."""

import datetime
import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..choices import ClaimState, CommentKind, Confidence, Verdict
from ..models import Claim, ClaimRelation, Correction, Review, ReviewComment
from .claims import MATERIAL_FIELDS, is_editor
from .common import claim_write, save_as
from .corrections import correction_check, correction_record
from .notifications import notify_approved
from .summaries import claim_summary_refresh, with_partners

NOTHING_TO_PUBLISH = "A claim needs a review with a verdict before it can be published."

SAME_PERSON_APPROVES = (
    "The review was written by {reviewer}; a second person must approve it before it is published."
)

ONLY_DRAFTS_SUBMITTED = "Only a draft can be submitted for review; this claim is {state}."

NOTHING_TO_APPROVE = "There is nothing to approve: this claim is {state} and has no pending review."

PUBLISHED_REVIEW_IS_FINAL = "A published review is part of the verdict history; add a new review."

ONLY_AUTHOR_CHANGES_GRADING = (
    "This grading was written by {reviewer}; only they can change or remove it while it waits "
    "for approval. To disagree, leave it unapproved and tell them why."
)

ONLY_EDITORS_APPROVE = "{user} may not change claims, so cannot approve their gradings."
ONE_GRADING_WAITS = (
    "A grading by {reviewer} already waits on this claim: it is approved or sent back first. "
    "To disagree with it, send it back with a comment from its review screen."
)
SENT_BACK_NOT_APPROVED = (
    "{reviewer}'s grading was sent back and waits for their revision; it can be approved once "
    "they save it again."
)
CHANGED_SINCE_OPENED = (
    "This claim changed while you were reading it ({what}): read it again before approving."
)
APPROVER_EDITED_CLAIM = (
    "You changed this claim after it was graded ({what}), so you cannot also approve it: "
    "another editor must."
)


@transaction.atomic
def review_save(*, review: Review, by: AbstractBaseUser) -> Review:
    """Write or revise a pending grading of a claim. A draft claim moves into review with it;
    a new grading of a published claim must say, in its correction note, why it changes."""
    if review.pk is None:
        review.reviewer = by
        # One grading waits at a time: a second editor approves what he is shown, all of it.
        waiting = review.claim.reviews.pending().select_related("reviewer").first()
        if waiting is not None:
            raise ValidationError(ONE_GRADING_WAITS.format(reviewer=waiting.reviewer))
    else:
        _refuse_change_to_others_grading(review, by)
        if review.sent_back_at is not None:
            # Revised after being sent back: it waits for a second person again, and the
            # thread says so, for whoever approves it.
            review.sent_back_at, review.sent_back_by = None, None
            comment = ReviewComment(
                claim=review.claim,
                review=review,
                kind=CommentKind.REVISED,
                text="Revised the grading and asked for approval again.",
                author=by,
            )
            save_as(comment, by)
    # A new grading of a claim readers see changes the public record: logged when approved.
    correction_check([review.claim], review.correction_note)
    save_as(review, by)
    claim = review.claim
    if claim.state == ClaimState.DRAFT:
        claim.state = ClaimState.IN_REVIEW
        claim_write(claim, by)
    return review


def _refuse_change_to_others_grading(review: Review, by: AbstractBaseUser) -> None:
    """A grading is its author's until a second person approves it; then it is history."""
    stored = Review.objects.filter(pk=review.pk).values("published_at", "reviewer_id").first()
    if stored is None:
        return  # restored from its history: a new grading by whoever restores it
    if stored["published_at"] is not None:
        raise ValidationError(PUBLISHED_REVIEW_IS_FINAL)
    if stored["reviewer_id"] != by.pk:
        raise ValidationError(ONLY_AUTHOR_CHANGES_GRADING.format(reviewer=review.reviewer))


@transaction.atomic
def review_delete(*, review: Review, by: AbstractBaseUser) -> None:
    """Take back a pending grading; a claim left with none goes back to draft."""
    _refuse_change_to_others_grading(review, by)
    claim = review.claim
    # The thread stays with the claim: its comments let go of the grading, each on the record.
    for comment in review.comments.all():
        comment.review = None
        save_as(comment, by)
    review._history_user = by
    review.delete()
    if claim.state == ClaimState.IN_REVIEW and not claim.reviews.exists():
        claim.state = ClaimState.DRAFT
        claim_write(claim, by)


def review_submit(
    *,
    claim: Claim,
    verdict: str,
    rationale: str,
    by: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
    correction_note: str = "",
) -> Review:
    return review_save(
        review=Review(
            claim=claim,
            verdict=verdict,
            rationale=rationale,
            confidence=confidence,
            correction_note=correction_note,
        ),
        by=by,
    )


@transaction.atomic
def claim_submit(*, claim: Claim, by: AbstractBaseUser | None) -> Claim:
    if claim.state != ClaimState.DRAFT:
        raise ValidationError(ONLY_DRAFTS_SUBMITTED.format(state=claim.get_state_display().lower()))
    claim.state = ClaimState.IN_REVIEW
    return claim_write(claim, by)


# Readers are told why a verdict holds: a sentence, not "No reason."
RATIONALE_MIN_LENGTH = 25
PUBLISH_NEEDS_EVIDENCE = (
    "Nothing is published without evidence: add at least one item citing a source, with a "
    "locator saying where in it."
)
PUBLISH_NEEDS_RATIONALE = (
    "The rationale is what readers are told: say why the verdict holds in at least "
    f"{RATIONALE_MIN_LENGTH} characters."
)


def publication_refused(*, located_evidence: bool, rationales: list[str]) -> list[str]:
    """What keeps gradings from being published, whatever the entry point (approval, import),
    each in words an editor can act on; empty when nothing does."""
    refused = [] if located_evidence else [PUBLISH_NEEDS_EVIDENCE]
    if any(visible_length(rationale) < RATIONALE_MIN_LENGTH for rationale in rationales):
        refused.append(PUBLISH_NEEDS_RATIONALE)
    return refused


def visible_length(text: str) -> int:
    """How long a text reads: without zero-width and other format characters, nor the spaces
    around it; a Chinese character says about as much as two letters, and counts as two."""
    shown = "".join(c for c in text if unicodedata.category(c) != "Cf").strip()
    return len(shown) + sum(1 for c in shown if "\u3400" <= c <= "\u9fff")


def publication_missing(claim: Claim) -> list[str]:
    """What keeps the gradings waiting on `claim` from being published, as it stands now;
    empty when nothing does or none waits."""
    waiting = list(claim.reviews.awaiting_approval().values_list("rationale", flat=True))
    if not waiting:
        return []
    return publication_refused(located_evidence=_has_located_evidence(claim), rationales=waiting)


def _has_located_evidence(claim: Claim) -> bool:
    return claim.evidence.exclude(locator="").exists()


def approval_refused(approver: AbstractBaseUser) -> str | None:
    """Why `approver` may not approve gradings at all, or None: approving is an editor's
    whatever the entry point."""
    if is_editor(approver):
        return None
    return ONLY_EDITORS_APPROVE.format(user=approver)


@transaction.atomic
def claim_publish(
    *, claim: Claim, approver: AbstractBaseUser, seen_at: datetime.datetime | None = None
) -> Claim:
    """Approve a claim in review, or a new grading of a published one: its pending reviews are
    published, oldest first, and the newest becomes the current verdict. The approver may not
    have written them. A changed verdict on a published claim is logged as a correction.
    `seen_at`, from a review screen, is when the approver read the claim: a change since then
    (by anyone) refuses the approval, so nobody publishes what he has not read."""
    # One approval at a time: two approvers clicking together publish once.
    Claim.objects.select_for_update().filter(pk=claim.pk).values("pk").first()
    claim.refresh_from_db()
    pending = list(claim.reviews.pending().select_related("reviewer").order_by("created_at", "pk"))
    regrading = claim.state == ClaimState.PUBLISHED and bool(pending)
    if claim.state != ClaimState.IN_REVIEW and not regrading:
        raise ValidationError(NOTHING_TO_APPROVE.format(state=claim.get_state_display().lower()))
    if not pending and not claim.verdict:
        raise ValidationError(NOTHING_TO_PUBLISH)
    if refusal := approval_refused(approver):
        raise ValidationError(refusal)
    for review in pending:
        if review.sent_back_at is not None:
            raise ValidationError(SENT_BACK_NOT_APPROVED.format(reviewer=review.reviewer))
    if seen_at is not None and (changed := claim_changes_since(claim, seen_at, gradings=True)):
        raise ValidationError(CHANGED_SINCE_OPENED.format(what=changed))
    refused = publication_refused(
        located_evidence=_has_located_evidence(claim),
        rationales=[review.rationale for review in pending],
    )
    if refused:
        raise ValidationError(refused)
    if settings.WORKBENCH_REQUIRE_SECOND_PERSON:
        for review in pending:
            if review.reviewer_id == approver.pk:
                raise ValidationError(SAME_PERSON_APPROVES.format(reviewer=review.reviewer))
        if pending and (changed := claim_changes_since(claim, pending[0].created_at, approver)):
            raise ValidationError(APPROVER_EDITED_CLAIM.format(what=changed))
    now = timezone.now()
    previous_verdict = claim.get_verdict_display()
    for review in pending:
        review.published_at = now
        review.approved_by = approver
        review._history_user = approver
        review.save(update_fields=["published_at", "approved_by"])
    if pending:
        newest = pending[-1]
        claim.verdict, claim.confidence, claim.graded_at = newest.verdict, newest.confidence, now
    claim.state = ClaimState.PUBLISHED
    claim.published_at = claim.published_at or now
    claim_write(claim, approver)
    claim_summary_refresh(claim_ids=with_partners(claim))
    if regrading:
        for review in pending:
            correction_record(
                claim=claim,
                what=f"Verdict changed from {previous_verdict} to {review.get_verdict_display()}",
                note=review.correction_note,
                by=approver,
            )
            previous_verdict = review.get_verdict_display()
    notify_approved(claim=claim, reviews=pending, approver=approver)
    return claim


def claim_changes_since(
    claim: Claim,
    since: datetime.datetime,
    by: AbstractBaseUser | None = None,
    gradings: bool = False,
) -> str:
    """What changed in what readers would see of `claim` since `since`, by `by` or by anyone:
    its wording, its parts (evidence, figure), its counter-claims and, with `gradings`, its
    gradings; "" when nothing did. What a second person approves must be what was graded,
    and what he read."""
    changed = []
    records = claim.history.filter(history_date__gte=since).order_by("history_date")
    for record in records:
        previous = record.prev_record
        if previous is None or (by is not None and record.history_user_id != by.pk):
            continue
        fields = record.diff_against(previous).changed_fields
        changed += [f for f in fields if f in MATERIAL_FIELDS or f + "_id" in MATERIAL_FIELDS]
    who = {} if by is None else {"history_user_id": by.pk}
    # The claim's own parts (evidence, its figure), wherever their app lives; corrections and
    # the editors' comments are not the claim's content, gradings only when asked.
    for relation in Claim._meta.related_objects:
        part = relation.related_model
        if relation.field.name != "claim" or not hasattr(part, "history"):
            continue
        if part in (Correction, ReviewComment) or (part is Review and not gradings):
            continue
        if part.history.filter(claim_id=claim.pk, history_date__gte=since, **who).exists():
            changed.append(str(part._meta.verbose_name))
    # Counter-claims are shown on the claim's page too; a relation may have been repointed.
    ever_related = ClaimRelation.history.filter(
        Q(from_claim_id=claim.pk) | Q(to_claim_id=claim.pk)
    ).values("id")
    if ClaimRelation.history.filter(id__in=ever_related, history_date__gte=since, **who).exists():
        changed.append("relations")
    return ", ".join(dict.fromkeys(f.replace("_", " ") for f in changed))


def claim_grade_and_publish(
    *,
    claim: Claim,
    verdict: Verdict | str,
    rationale: str,
    reviewer: AbstractBaseUser,
    approver: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
    correction_note: str = "",
) -> Claim:
    """The whole path from a graded draft to a public claim, as two people take it."""
    review_submit(
        claim=claim,
        verdict=verdict,
        rationale=rationale,
        confidence=confidence,
        correction_note=correction_note,
        by=reviewer,
    )
    claim.refresh_from_db()
    return claim_publish(claim=claim, approver=approver)
