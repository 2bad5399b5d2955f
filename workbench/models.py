from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up on every write to claims or sources. Cached public pages
    are stored under the number they were rendered at, so a change shows on the very next
    request in every worker process, at the cost of reading one integer."""

    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)
