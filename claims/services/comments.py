"""The editors' thread on a claim, and sending a grading back: a second editor who disagrees
does not edit the grading, he says why and it goes back to its author."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..choices import CommentKind
from ..models import Claim, Review, ReviewComment
from .claims import is_editor
from .common import save_as
from .notifications import notify_sent_back

ONLY_EDITORS_COMMENT = "{user} may not change claims, so cannot comment on their gradings."
COMMENT_NEEDS_TEXT = "Write the comment: an empty one tells nobody anything."
SEND_BACK_NEEDS_COMMENT = "Say what should change: the editor who graded it reads your comment."
OWN_GRADING_NOT_SENT_BACK = "This is your own grading: revise it or take it back instead."
ONLY_WAITING_SENT_BACK = (
    "Only a grading waiting for approval can be sent back; this one is {state}."
)


@transaction.atomic
def comment_add(
    *,
    claim: Claim,
    text: str,
    by: AbstractBaseUser,
    review: Review | None = None,
    kind: str = CommentKind.COMMENT,
) -> ReviewComment:
    if not is_editor(by):
        raise ValidationError(ONLY_EDITORS_COMMENT.format(user=by))
    if not text.strip():
        raise ValidationError(
            SEND_BACK_NEEDS_COMMENT if kind == CommentKind.SENT_BACK else COMMENT_NEEDS_TEXT
        )
    comment = ReviewComment(claim=claim, review=review, kind=kind, text=text.strip(), author=by)
    save_as(comment, by)
    return comment


@transaction.atomic
def review_send_back(*, review: Review, comment: str, by: AbstractBaseUser) -> ReviewComment:
    """Return a grading to its author with a comment; it leaves the approval queue until he
    revises it (review_save) or takes it back."""
    review = (
        Review.objects.select_for_update().select_related("claim", "reviewer").get(pk=review.pk)
    )
    if review.published_at is not None or review.sent_back_at is not None:
        state = "published" if review.published_at else "already sent back"
        raise ValidationError(ONLY_WAITING_SENT_BACK.format(state=state))
    if review.reviewer_id == by.pk:
        raise ValidationError(OWN_GRADING_NOT_SENT_BACK)
    sent_back = comment_add(
        claim=review.claim, text=comment, by=by, review=review, kind=CommentKind.SENT_BACK
    )
    review.sent_back_at = timezone.now()
    review.sent_back_by = by
    save_as(review, by)
    notify_sent_back(review=review, comment=sent_back)
    return sent_back
