from django.conf import settings
from django.core.validators import RegexValidator
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


# A BCP 47 language tag as pages and feeds write it: "en", "zh-Hans", "zh-Hant-TW".
LANGUAGE_TAG = RegexValidator(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
    "Give a BCP 47 language tag, such as en, zh-Hans or zh-Hant.",
)


def language(*, help_text: str = "") -> models.CharField:
    """The language a text is written in, which readers' pages declare (lang) so that browsers
    pick the right glyphs and screen readers the right voice."""
    return models.CharField(
        max_length=35,
        default="en",
        validators=[LANGUAGE_TAG],
        help_text=help_text or "BCP 47 tag: en, zh-Hans (simplified Chinese), zh-Hant, …",
    )
