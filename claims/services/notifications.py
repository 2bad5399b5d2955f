"""Who is told what by email: the author of a grading sent back or approved, the editor a
claim is assigned to, and the assignee of a claim falling due for re-check. Each call queues
the email in the caller's transaction (workbench.mail.notify)."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from workbench.mail import notify
from workbench.site import absolute

from ..choices import ClaimState
from ..models import Claim, Review, ReviewComment


def _admin_link(claim: Claim, page: str = "change") -> str:
    return absolute(reverse(f"admin:claims_claim_{page}", args=[claim.pk]))


def notify_sent_back(*, review: Review, comment: ReviewComment) -> None:
    notify(
        review.reviewer,
        subject=f"Sent back: {review.claim}",
        template="claims/email/sent_back.txt",
        context={"review": review, "comment": comment, "link": _admin_link(review.claim)},
    )


def notify_approved(*, claim: Claim, reviews: list[Review], approver: AbstractBaseUser) -> None:
    for reviewer in {review.reviewer for review in reviews}:
        notify(
            reviewer,
            subject=f"Approved and published: {claim}",
            template="claims/email/approved.txt",
            context={
                "claim": claim,
                "approver": approver,
                "link": absolute(claim.get_absolute_url()),
            },
        )


def notify_assigned(*, claim: Claim, by: AbstractBaseUser | None) -> None:
    if claim.assignee_id is None or claim.assignee_id == getattr(by, "pk", None):
        return  # nobody to tell, or they did it themselves
    notify(
        claim.assignee,
        subject=f"Assigned to you: {claim}",
        template="claims/email/assigned.txt",
        context={"claim": claim, "by": by, "link": _admin_link(claim)},
    )


@task()
def recheck_reminders() -> int:
    """The day's re-check reminders, as the task worker sends them: what `manage.py
    remind_recheck_due` (or any scheduler) queues, so that the scan of the claims due runs
    beside the other background work, not in the scheduler's process."""
    return recheck_reminders_send()


@transaction.atomic
def recheck_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind the assignees of published claims whose re-check date has come, once per date;
    run daily (`manage.py remind_recheck_due`). Returns how many claims were reminded of."""
    today = today or timezone.localdate()
    due = (
        Claim.objects.select_for_update()
        .filter(state=ClaimState.PUBLISHED, assignee__isnull=False, recheck_due__lte=today)
        .exclude(recheck_reminded_for=F("recheck_due"))
        .select_related("assignee")
        .order_by("recheck_due", "pk")
    )
    reminded = 0
    for claim in due:
        notify(
            claim.assignee,
            subject=f"Due for re-check: {claim}",
            template="claims/email/recheck_due.txt",
            context={"claim": claim, "link": _admin_link(claim)},
        )
        # Bookkeeping, not content: no new version, so an editor's open form stays current.
        claim.recheck_reminded_for = claim.recheck_due
        claim.save(update_fields=["recheck_reminded_for"])
        reminded += 1
    return reminded
