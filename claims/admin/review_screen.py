"""The review screen: one claim as a second editor reads it before approving, with the
grading proposed for it, and the three things he can do: approve and publish, send the grading
back with a comment, or add to the editors' thread."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from workbench.unstorable import is_key

from .. import services
from ..choices import DeskQueue
from ..models import COMMENT_MAX_LENGTH, Claim
from ..selectors import claim_review_screen, evidence_by_side, relations_of

APPROVE, SEND_BACK, COMMENT = "approve", "send_back", "comment"
STALE_PAGE = "This page is out of date: reload it and read the claim again."


class ApprovalForm(forms.Form):
    """When the approver opened the page he approves from: a change after it refuses."""

    seen_at = forms.DateTimeField(
        widget=forms.HiddenInput, error_messages={"invalid": STALE_PAGE, "required": STALE_PAGE}
    )

    def clean_seen_at(self) -> datetime.datetime:
        seen_at = self.cleaned_data["seen_at"]
        if seen_at > timezone.now():
            raise ValidationError(STALE_PAGE)
        return seen_at


def opened_now() -> dict:
    return {"seen_at": timezone.now().isoformat()}


class ReviewScreenForm(ApprovalForm):
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text="Required to send the grading back; editors only ever see it.",
    )


def review_screen(model_admin, request, object_id: str):
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    # Taken before the claim is read: a change saved while the page is built counts as unseen.
    opened = opened_now()
    claim = (
        claim_review_screen().filter(pk=object_id).first()
        if is_key(Claim._meta.pk, object_id)
        else None
    )
    if claim is None:
        raise Http404("No such claim.")
    grading = _grading_awaiting(claim)
    # Read before any decision: approving refreshes the claim and its prefetched parts.
    shown = {
        "claim": claim,
        "grading": grading,
        "history": [r for r in claim.verdict_history if r.is_published],
        "comments": list(claim.review_comments.all()),
        "evidence": evidence_by_side(claim),
        "relations": relations_of(claim),
        "may_decide": (
            grading is not None
            and grading.sent_back_at is None
            and grading.reviewer_id != request.user.pk
        ),
    }
    form = ReviewScreenForm(
        request.POST if request.method == "POST" else None,
        initial=opened,
    )
    if request.method == "POST" and form.is_valid():
        decision = next((d for d in (APPROVE, SEND_BACK, COMMENT) if d in request.POST), None)
        try:
            done = _decide(request, claim, grading, decision, form.cleaned_data)
        except ValidationError as error:
            for text in error.messages:
                form.add_error(None, text)
        else:
            messages.success(request, done)
            if decision == APPROVE:
                return HttpResponseRedirect(
                    reverse("admin:claims_claim_changelist") + f"?desk={DeskQueue.TO_APPROVE}"
                )
            return HttpResponseRedirect(request.path)
    return TemplateResponse(
        request,
        "admin/claims/claim/review_screen.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Claim._meta,
            "title": f"Review: {claim}",
            "editing": True,
            "form": form,
            **shown,
        },
    )


def _grading_awaiting(claim: Claim):
    """The newest grading not yet published, from the prefetched verdict history."""
    pending = [review for review in claim.verdict_history if not review.is_published]
    return max(pending, key=lambda review: (review.created_at, review.pk), default=None)


def _decide(request, claim: Claim, grading, decision: str | None, data: dict) -> str:
    if decision == APPROVE:
        services.claim_publish(claim=claim, approver=request.user, seen_at=data["seen_at"])
        return f"“{claim}” is published as {claim.get_verdict_display()}."
    if decision == SEND_BACK:
        if grading is None:
            raise ValidationError("No grading waits for approval, so there is none to send back.")
        services.review_send_back(review=grading, comment=data["comment"], by=request.user)
        return f"The grading went back to {grading.reviewer} with your comment."
    if decision == COMMENT:
        services.comment_add(claim=claim, text=data["comment"], by=request.user, review=grading)
        return "Your comment is on the thread."
    raise ValidationError("Choose what to do: approve, send back or comment.")
