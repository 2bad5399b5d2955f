"""Editors are emailed when a grading of theirs is sent back or approved, a claim is assigned
to them, or an assigned claim falls due for re-check. The email is a task stored with the
action; the worker sends it. A failed send never loses the action, and anyone can opt out."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from claims import services
from claims.choices import ClaimState
from claims.models import Claim, Review
from tests.factories import ClaimFactory, PublishedClaimFactory

# The real worker runs here, and it closes and reopens its database connection as it would in
# production: the tests commit their data instead of running inside one transaction.
pytestmark = pytest.mark.django_db(transaction=True)

RATIONALE = "The developer's paper states the figure in its main results table."


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0)


def sent_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_sent_back_and_approved_gradings_are_emailed_to_their_author(editor, second_editor):
    claim = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)
    grading = Review.objects.get(claim=claim)
    services.review_send_back(review=grading, comment="Which table?", by=second_editor)
    assert mail.outbox == []  # nothing is sent inside the action
    run_worker()
    (sent_back,) = sent_to(editor)
    assert sent_back.subject == f"[Claim workbench] Sent back: {claim}"
    assert "Which table?" in sent_back.body and str(second_editor) in sent_back.body
    assert f"/admin/claims/claim/{claim.pk}/change/" in sent_back.body

    services.review_save(review=grading, by=editor)
    services.claim_publish(claim=claim, approver=second_editor)
    run_worker()
    approved = sent_to(editor)[-1]
    assert approved.subject == f"[Claim workbench] Approved and published: {claim}"
    assert claim.get_absolute_url() in approved.body
    assert sent_to(second_editor) == []


def test_an_editor_is_emailed_when_a_claim_is_assigned_to_him_by_someone_else(
    editor, second_editor
):
    claim = ClaimFactory()
    claim.assignee = second_editor
    services.claim_save(claim=claim, by=editor)
    claim.assignee = editor
    services.claim_save(claim=claim, by=editor)  # took it himself: nothing to tell
    run_worker()
    assert [m.subject for m in sent_to(second_editor)] == [
        f"[Claim workbench] Assigned to you: {claim}"
    ]
    assert sent_to(editor) == []


def test_an_assignee_is_reminded_once_when_a_claim_falls_due_for_recheck(editor):
    due = PublishedClaimFactory(recheck_due=datetime.date(2026, 1, 1), assignee=editor)
    PublishedClaimFactory(recheck_due=datetime.date(2099, 1, 1), assignee=editor)  # not yet
    ClaimFactory(recheck_due=datetime.date(2026, 1, 1), assignee=editor)  # a draft
    call_command("remind_recheck_due", verbosity=0)
    call_command("remind_recheck_due", verbosity=0)  # run twice: one reminder
    run_worker()
    reminders = [m for m in sent_to(editor) if "re-check" in m.subject]
    assert [m.subject for m in reminders] == [f"[Claim workbench] Due for re-check: {due}"]
    # A new date, a new reminder.
    due.recheck_due = datetime.date(2026, 2, 1)
    services.claim_save(claim=due, by=None)
    call_command("remind_recheck_due", verbosity=0)
    run_worker()
    assert len([m for m in sent_to(editor) if "re-check" in m.subject]) == 2


def test_the_daily_command_only_queues_the_reminders_for_the_worker(editor):
    due = PublishedClaimFactory(recheck_due=datetime.date(2026, 1, 1), assignee=editor)
    out = io.StringIO()
    call_command("remind_recheck_due", stdout=out)
    assert out.getvalue() == "Re-check reminders queued; the task worker sends them.\n"
    due.refresh_from_db()
    assert due.recheck_reminded_for is None and mail.outbox == []
    run_worker()
    due.refresh_from_db()
    assert due.recheck_reminded_for == due.recheck_due
    assert DBTaskResult.objects.get(task_path__endswith="recheck_reminders").return_value == 1


def test_an_editor_who_turned_emails_off_gets_none(client, editor, second_editor):
    client.force_login(editor)
    url = reverse("notification-preferences")
    assert client.get(url).context["form"]["email"].value() is True
    client.post(url, {})  # the box unticked
    assert client.get(url).context["form"]["email"].value() is False
    claim = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)
    services.review_send_back(
        review=Review.objects.get(claim=claim), comment="Again.", by=second_editor
    )
    run_worker()
    assert sent_to(editor) == []
    client.post(url, {"email": "on"})
    assert client.get(url).context["form"]["email"].value() is True


def test_the_preferences_page_is_each_persons_own(client, editor):
    url = reverse("notification-preferences")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(editor)
    assert client.post(url, {"email": "\x00" * 10, "user": "1"}).status_code == 302


def test_a_failed_send_keeps_the_action_and_is_retried(settings, editor, second_editor):
    # A real SMTP attempt to a port nobody listens on: the send fails as it would in production.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    claim = ClaimFactory(state=ClaimState.IN_REVIEW, reviewer=editor, rationale=RATIONALE)
    services.review_send_back(
        review=Review.objects.get(claim=claim), comment="Check the unit.", by=second_editor
    )
    run_worker()
    assert Review.objects.get(claim=claim).sent_back_at is not None  # the action stands
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.return_value == "attempt 1 failed; retrying"
    assert retry.args_kwargs["args"][-1] == 2 and retry.run_after is not None
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_statement_with_a_line_break_still_makes_an_email(editor, second_editor):
    claim = ClaimFactory(
        statement="Line one\r\nline two.",
        state=ClaimState.IN_REVIEW,
        reviewer=editor,
        rationale=RATIONALE,
    )
    services.review_send_back(
        review=Review.objects.get(claim=claim), comment="Why?", by=second_editor
    )
    run_worker()
    assert sent_to(editor)[0].subject == "[Claim workbench] Sent back: Line one line two."
