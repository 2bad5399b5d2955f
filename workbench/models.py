from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class ContentVersion(models.Model):
    """One row whose number goes up on every write to claims or sources. Cached public pages
    are stored under the number they were rendered at, so a change shows on the very next
    request in every worker process, at the cost of reading one row. The number and the time
    it moved are also the pages' ETag and Last-Modified."""

    value = models.BigIntegerField(default=0)
    # The database's clock, which every process and machine shares.
    changed_at = models.DateTimeField(db_default=Now())

    def __str__(self) -> str:
        return str(self.value)


class NotificationPreference(models.Model):
    """Whether someone wants the workbench's emails. No row means yes: editors learn of
    sent-back gradings and assignments by email unless they turn it off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.BooleanField(
        "send me emails",
        default=True,
        help_text="Gradings sent back or approved, claims assigned to you, re-checks falling due.",
    )

    def __str__(self) -> str:
        return f"Notifications for {self.user}"
