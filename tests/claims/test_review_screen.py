"""The review screen: a second editor reads a pending grading as readers would see the claim,
then approves it, or sends it back with a comment that goes on the editors' thread. The
approver cannot change the grading; a change after he opened the screen refuses approval."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.choices import ClaimState, CommentKind, RelationKind, Stance, Verdict
from claims.models import Claim, Review, ReviewComment
from tests.admin_forms import inline_post
from tests.factories import ClaimFactory, PublishedClaimFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

RATIONALE = "The paper gives this number in its own table, and two reviews agree with it."


def screen(claim: Claim) -> str:
    return reverse("admin:claims_claim_review", args=[claim.pk])


def opened(client, claim: Claim) -> dict:
    page = client.get(screen(claim))
    assert page.status_code == 200
    return {"seen_at": page.context["form"]["seen_at"].value()}


@pytest.fixture
def graded(editor):
    return ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)


def test_the_screen_shows_the_claim_the_proposed_verdict_and_who_graded_it(
    client, graded, editor, second_editor
):
    client.force_login(second_editor)
    page = client.get(screen(graded))
    text = page.content.decode()
    assert graded.statement in text
    assert "Proposed" in text and "Accurate" in text
    assert f"Graded by <strong>{editor}</strong>" in text
    assert RATIONALE in text
    assert 'name="approve"' in text and 'name="send_back"' in text


def test_a_second_editor_approves_from_the_screen_and_readers_see_it(client, graded, second_editor):
    client.force_login(second_editor)
    done = client.post(screen(graded), {**opened(client, graded), "approve": "1"})
    assert done.status_code == 302
    graded.refresh_from_db()
    assert graded.state == ClaimState.PUBLISHED
    assert client.get(graded.get_absolute_url()).status_code == 200


def test_the_author_cannot_approve_or_send_back_his_own_grading(client, graded, editor):
    client.force_login(editor)
    page = client.get(screen(graded))
    assert 'name="approve"' not in page.content.decode()
    refused = client.post(screen(graded), {**opened(client, graded), "approve": "1"})
    assert "a second person must approve it" in refused.content.decode()
    refused = client.post(
        screen(graded), {**opened(client, graded), "send_back": "1", "comment": "Mine."}
    )
    assert "your own grading" in refused.content.decode()
    graded.refresh_from_db()
    assert graded.state == ClaimState.IN_REVIEW
    assert not ReviewComment.objects.exists()


def test_sending_back_needs_a_comment(client, graded, second_editor):
    client.force_login(second_editor)
    refused = client.post(
        screen(graded), {**opened(client, graded), "send_back": "1", "comment": "   "}
    )
    assert "Say what should change" in refused.content.decode()
    assert Review.objects.get(claim=graded).sent_back_at is None
    assert not ReviewComment.objects.exists()


def test_sent_back_then_revised_then_approved(client, graded, editor, second_editor):
    client.force_login(second_editor)
    client.post(
        screen(graded),
        {**opened(client, graded), "send_back": "1", "comment": "Cite the table's page."},
    )
    grading = Review.objects.get(claim=graded)
    assert grading.sent_back_by == second_editor
    assert Claim.objects.desk_queue("sent_back", editor).get() == graded
    assert not Claim.objects.desk_queue("approve", second_editor).exists()
    # Not approvable until its author revises it.
    refused = client.post(screen(graded), {**opened(client, graded), "approve": "1"})
    assert "waits for their revision" in refused.content.decode()

    grading.rationale = RATIONALE + " The table is on page 4."
    services.review_save(review=grading, by=editor)
    assert not Claim.objects.desk_queue("sent_back", editor).exists()
    assert Claim.objects.desk_queue("approve", second_editor).get() == graded

    client.post(screen(graded), {**opened(client, graded), "approve": "1"})
    graded.refresh_from_db()
    assert graded.state == ClaimState.PUBLISHED
    revised = ReviewComment.objects.get(kind=CommentKind.REVISED)
    assert revised.author == editor  # the approver sees that it changed since
    comment = ReviewComment.objects.get(kind=CommentKind.SENT_BACK)
    assert (comment.kind, comment.author, comment.text) == (
        CommentKind.SENT_BACK,
        second_editor,
        "Cite the table's page.",
    )
    assert comment.history.count() == 1


def test_the_thread_is_for_editors_only(client, graded, second_editor):
    services.comment_add(claim=graded, text="Internal: check the date.", by=second_editor)
    services.claim_publish(claim=graded, approver=second_editor)
    page = client.get(graded.get_absolute_url())
    assert "Internal: check the date." not in page.content.decode()


def test_approval_is_refused_when_the_claim_changed_after_the_screen_was_opened(
    client, graded, editor, second_editor
):
    client.force_login(second_editor)
    seen = opened(client, graded)
    grading = Review.objects.get(claim=graded)
    grading.verdict = Verdict.INACCURATE
    services.review_save(review=grading, by=editor)
    refused = client.post(screen(graded), {**seen, "approve": "1"})
    assert "changed while you were reading it (review)" in refused.content.decode()
    assert Claim.objects.get(pk=graded.pk).verdict == ""
    graded.refresh_from_db()
    assert graded.state == ClaimState.IN_REVIEW
    # Read again, then approved.
    client.post(screen(graded), {**opened(client, graded), "approve": "1"})
    graded.refresh_from_db()
    assert (graded.state, graded.verdict) == (ClaimState.PUBLISHED, Verdict.INACCURATE)


@pytest.mark.parametrize(
    "seen_at",
    ["", "yesterday", "2026-13-45T99:00", "\x00", "9" * 5000, "2999-01-01T00:00:00"],
)
def test_a_malformed_or_future_opening_time_changes_nothing(client, graded, second_editor, seen_at):
    client.force_login(second_editor)
    page = client.post(screen(graded), {"seen_at": seen_at, "approve": "1"})
    assert page.status_code == 200
    assert "out of date" in page.content.decode()
    graded.refresh_from_db()
    assert graded.state == ClaimState.IN_REVIEW


@pytest.mark.parametrize("comment", ["\x00 null", "x" * 2001])
def test_a_bad_comment_changes_nothing(client, graded, second_editor, comment):
    client.force_login(second_editor)
    page = client.post(
        screen(graded), {**opened(client, graded), "send_back": "1", "comment": comment}
    )
    assert page.status_code == 200
    assert page.context["form"].errors
    assert not ReviewComment.objects.exists()
    assert Review.objects.get(claim=graded).sent_back_at is None


@pytest.mark.parametrize("key", ["0", "abc", "99999999999999999999999", "1%00"])
def test_no_such_claim_is_not_found(client, second_editor, key):
    client.force_login(second_editor)
    # A null character is refused before any view (400); the rest are not found.
    assert client.get(f"/admin/claims/claim/{key}/review/").status_code in (400, 404)


def test_who_may_use_the_screen(client, graded, curator, superuser):
    url = screen(graded)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    reader = UserFactory(username="reader", is_staff=False)
    client.force_login(reader)
    assert client.get(url).status_code == 302
    client.force_login(curator)  # may view claims, not change them
    assert client.get(url).status_code == 403
    assert client.post(url, {"approve": "1"}).status_code == 403
    client.force_login(superuser)
    assert client.get(url).status_code == 200
    graded.refresh_from_db()
    assert graded.state == ClaimState.IN_REVIEW


def test_a_regrading_of_a_published_claim_is_in_the_queue_and_not_public(
    client, editor, second_editor
):
    claim = PublishedClaimFactory(verdict=Verdict.ACCURATE)
    services.review_submit(
        claim=claim,
        verdict=Verdict.INACCURATE,
        rationale=RATIONALE,
        correction_note="A later paper gives a smaller number.",
        by=editor,
    )
    assert Claim.objects.desk_queue("approve", second_editor).get() == claim
    public = client.get(claim.get_absolute_url()).content.decode()
    assert RATIONALE not in public and "A later paper" not in public
    client.force_login(second_editor)
    text = client.get(screen(claim)).content.decode()
    assert "Current verdict" in text and "A later paper gives a smaller number." in text


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_screen_runs_a_fixed_number_of_queries(client, graded, second_editor):
    client.force_login(second_editor)
    few = queries_of(client, screen(graded))
    for n in range(3):
        services.evidence_add(
            claim=graded,
            source=SourceFactory(),
            stance=Stance.REFUTES,
            locator=f"p. {n}",
            by=second_editor,
        )
        services.comment_add(claim=graded, text=f"Note {n}", by=second_editor)
        services.relation_add(
            from_claim=graded, to_claim=ClaimFactory(), kind=RelationKind.COUNTER_CLAIM, by=None
        )
    assert queries_of(client, screen(graded)) == few


def test_a_regrading_without_its_note_is_refused_beside_the_grading_keeping_what_was_typed(
    client, editor
):
    claim = PublishedClaimFactory()
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = inline_post(
        client,
        url,
        {},
        {"reviews": [{"verdict": Verdict.OUTDATED, "rationale": RATIONALE, "correction_note": ""}]},
    )
    page = client.post(url, data)
    assert page.status_code == 200
    grading = page.context["inline_admin_formsets"]
    errors = [f.errors for s in grading if s.formset.prefix == "reviews" for f in s.formset.forms]
    assert any("correction_note" in e for e in errors)
    assert RATIONALE in page.content.decode()  # what he typed is still there
    assert not Review.objects.filter(claim=claim, published_at__isnull=True).exists()


def test_asking_for_approval_again_without_changing_the_grading(
    client, graded, editor, second_editor
):
    services.review_send_back(
        review=Review.objects.get(claim=graded), comment="Add the table.", by=second_editor
    )
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[graded.pk])
    page = client.get(url).content.decode()
    assert "Add the table." in page and "Ask for approval again" in page
    assert client.post(url, inline_post(client, url, {})).status_code == 302
    assert Claim.objects.desk_queue("sent_back", editor).exists()  # saved, not resubmitted
    data = inline_post(client, url, {})
    data["reviews-0-resubmit"] = "on"
    assert client.post(url, data).status_code == 302
    assert not Claim.objects.desk_queue("sent_back", editor).exists()
    assert Claim.objects.desk_queue("approve", second_editor).get() == graded


def test_an_editor_is_told_at_once_when_his_graded_claim_cannot_be_published(client, editor):
    claim = ClaimFactory(located_evidence=False)
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = inline_post(
        client,
        url,
        {},
        {"reviews": [{"verdict": Verdict.ACCURATE, "confidence": "high", "rationale": RATIONALE}]},
    )
    page = client.post(url, data, follow=True).content.decode()
    assert "a second editor cannot publish it yet: Nothing is published without evidence" in page


def test_no_empty_second_grading_form_beside_a_waiting_one(client, graded, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_change", args=[graded.pk]))
    reviews = [s for s in page.context["inline_admin_formsets"] if s.formset.prefix == "reviews"]
    assert len(reviews[0].formset.forms) == 1


def test_one_grading_waits_at_a_time(graded, editor, second_editor):
    with pytest.raises(ValidationError, match="A grading by editor already waits"):
        services.review_submit(
            claim=graded, verdict=Verdict.MIXED, rationale=RATIONALE, by=second_editor
        )
    assert Review.objects.filter(claim=graded).count() == 1


def test_an_invisible_rationale_is_too_short(second_editor):
    claim = ClaimFactory(state=ClaimState.IN_REVIEW, rationale="\u200b" * 30 + " ok ")
    with pytest.raises(ValidationError, match="at least 25 characters"):
        services.claim_publish(claim=claim, approver=second_editor)
