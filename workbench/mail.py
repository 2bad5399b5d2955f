"""Email to the people who work here. Nothing is sent inside the request that caused it: the
request stores a task in the same transaction as its action, and the task worker sends it. A
failed send is retried later and never undoes the action."""

import datetime
import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from .models import NotificationPreference

SEND_ATTEMPTS = 5
RETRY_AFTER = datetime.timedelta(minutes=5)


def wants_email(user: AbstractBaseUser) -> bool:
    """Whether `user` gets emails: an active account with an address that did not opt out."""
    if not (user.is_active and user.email):
        return False
    return not NotificationPreference.objects.filter(user=user, email=False).exists()


def notify(user: AbstractBaseUser | None, *, subject: str, template: str, context: dict) -> None:
    """Queue an email to `user`, unless they turned emails off or have no address. Call it
    inside the transaction of the action it reports: both are stored, or neither."""
    if user is None or not wants_email(user):
        return
    body = render_to_string(template, {**context, "user": user})
    # A statement may hold a line break; a subject line may not.
    subject = " ".join(subject.split())[:200]
    send_notification.enqueue(user.pk, subject, body)


@task()
def send_notification(user_id: int, subject: str, body: str, attempt: int = 1) -> str:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not wants_email(user):
        return "not sent: the account is gone, inactive, without an address or opted out"
    try:
        send_mail(f"[Claim workbench] {subject}", body, None, [user.email])
    except (smtplib.SMTPException, OSError):
        if attempt >= SEND_ATTEMPTS:
            raise
        retry = send_notification.using(run_after=timezone.now() + RETRY_AFTER * attempt)
        retry.enqueue(user_id, subject, body, attempt + 1)
        return f"attempt {attempt} failed; retrying"
    return "sent"


@transaction.atomic
def notification_preference_save(*, user: AbstractBaseUser, email: bool) -> None:
    NotificationPreference.objects.update_or_create(user=user, defaults={"email": email})
