"""The published verdict is written by one editor and approved by another, whatever the way in."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, Verdict
from claims.models import Review
from tests.admin_forms import approve, inline_post
from tests.factories import ClaimFactory, EvidenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded(editor):
    """A claim `editor` graded "unsubstantiated", waiting for a second editor."""
    claim = ClaimFactory(statement="WuDao 2.0 has 1.75 trillion parameters.")
    services.review_submit(
        claim=claim,
        verdict=Verdict.UNSUBSTANTIATED,
        rationale="No paper describes it yet.",
        by=editor,
    )
    claim.refresh_from_db()
    return claim


def test_the_approver_cannot_rewrite_the_pending_grading_in_the_claim_form(
    client, graded, second_editor
):
    """The attack from outside: change the grading in the form, save, approve."""
    client.force_login(second_editor)
    url = reverse("admin:claims_claim_change", args=[graded.pk])
    review = graded.reviews.get()
    prefix = "reviews-0"
    client.post(
        url,
        inline_post(
            client,
            url,
            {f"{prefix}-verdict": Verdict.ACCURATE, f"{prefix}-rationale": "Looks right to me."},
        ),
    )
    approve(client, graded)

    graded.refresh_from_db()
    review.refresh_from_db()
    assert graded.state == ClaimState.PUBLISHED
    assert graded.verdict == Verdict.UNSUBSTANTIATED  # what the first editor wrote
    assert (review.verdict, review.rationale) == (
        Verdict.UNSUBSTANTIATED,
        "No paper describes it yet.",
    )
    assert review.reviewer.username == "editor" and review.approved_by == second_editor


def test_another_editor_can_still_edit_a_graded_claim_in_the_form(client, graded, second_editor):
    """Others' gradings are shown read-only, not dropped: the claim itself stays editable."""
    client.force_login(second_editor)
    url = reverse("admin:claims_claim_change", args=[graded.pk])
    page = client.get(url).content.decode()
    assert "Written by editor: only they can change or remove it." in page

    response = client.post(url, inline_post(client, url, {"context": "From the BAAI launch."}))

    assert response.status_code == 302
    graded.refresh_from_db()
    assert graded.context == "From the BAAI launch."
    assert graded.reviews.get().verdict == Verdict.UNSUBSTANTIATED


@pytest.mark.parametrize("approver", ["second_editor", "superuser"])
def test_the_approver_cannot_delete_the_pending_grading(client, graded, approver, request):
    client.force_login(request.getfixturevalue(approver))  # a superuser may delete gradings
    url = reverse("admin:claims_claim_change", args=[graded.pk])
    client.post(url, inline_post(client, url, {"reviews-0-DELETE": "on"}))

    assert graded.reviews.filter(published_at__isnull=True).count() == 1


def test_only_the_author_changes_or_removes_a_pending_grading(graded, editor, second_editor):
    review = graded.reviews.get()
    review.verdict = Verdict.ACCURATE
    with pytest.raises(ValidationError, match="only they can change"):
        services.review_save(review=review, by=second_editor)
    with pytest.raises(ValidationError, match="only they can change"):
        services.review_delete(review=Review.objects.get(pk=review.pk), by=second_editor)

    services.review_save(review=review, by=editor)
    services.review_delete(review=review, by=editor)
    graded.refresh_from_db()
    assert graded.state == ClaimState.DRAFT and not graded.reviews.exists()


def test_an_approver_who_reworded_the_graded_claim_cannot_approve_it(graded, editor, second_editor):
    graded.statement = "WuDao 2.0 has 1.75 trillion parameters, ten times GPT-3."
    services.claim_save(claim=graded, by=second_editor)

    with pytest.raises(ValidationError, match="statement"):
        services.claim_publish(claim=graded, approver=second_editor)
    graded.refresh_from_db()
    assert graded.state == ClaimState.IN_REVIEW


def test_an_approver_who_added_evidence_after_the_grading_cannot_approve_it(
    graded, second_editor, superuser
):
    evidence = EvidenceFactory.build(claim=graded, source=graded.first_appeared_in)
    services.evidence_save(evidence=evidence, by=second_editor)

    with pytest.raises(ValidationError, match="evidence"):
        services.claim_publish(claim=graded, approver=second_editor)
    services.claim_publish(claim=graded, approver=superuser)  # a third person may
    graded.refresh_from_db()
    assert graded.state == ClaimState.PUBLISHED


def test_edits_by_the_grader_do_not_stop_a_second_editor(graded, editor, second_editor):
    graded.context = "Announced at the BAAI conference."
    services.claim_save(claim=graded, by=editor)

    services.claim_publish(claim=graded, approver=second_editor)
    graded.refresh_from_db()
    assert graded.state == ClaimState.PUBLISHED


def test_claim_save_never_writes_state_or_verdict(graded, editor):
    graded.state = ClaimState.PUBLISHED
    graded.verdict = Verdict.ACCURATE
    with pytest.raises(ValidationError, match="grading, approval and withdrawal"):
        services.claim_save(claim=graded, by=editor)
    graded.refresh_from_db()
    assert (graded.state, graded.verdict) == (ClaimState.IN_REVIEW, "")


def test_an_approver_who_moved_evidence_away_cannot_approve(graded, second_editor):
    """Evidence and figures stay with their claim: a move is refused outright."""
    evidence = services.evidence_add(
        claim=graded, source=graded.first_appeared_in, stance="asserts", locator="p. 2", by=None
    )
    other = ClaimFactory()
    evidence.claim = other
    with pytest.raises(ValidationError, match="stays with the claim"):
        services.evidence_save(evidence=evidence, by=second_editor)


def test_an_approver_who_added_a_counter_claim_cannot_approve(graded, second_editor):
    services.relation_add(from_claim=ClaimFactory(), to_claim=graded, by=second_editor)
    with pytest.raises(ValidationError, match="relations"):
        services.claim_publish(claim=graded, approver=second_editor)


def test_gradings_are_deleted_only_by_their_author_even_by_a_superuser(client, graded, superuser):
    review = graded.reviews.get()
    client.force_login(superuser)
    delete = reverse("admin:claims_review_delete", args=[review.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:claims_review_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [review.pk]})
    assert Review.objects.filter(pk=review.pk).exists()
