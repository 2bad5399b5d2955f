from django.conf import settings
from django.db import models


def field_defaults(model: type[models.Model], names) -> dict:
    """The values a new row of `model` starts with in the fields `names`."""
    return {name: model._meta.get_field(name).get_default() for name in names}


def acting_user(*, on_delete=models.SET_NULL, verbose_name: str | None = None) -> models.ForeignKey:
    """Who did something to a row (created, added, rated, approved), set by the services and
    never typed into a form. A deleted account leaves the row but not the name."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=verbose_name,
    )
