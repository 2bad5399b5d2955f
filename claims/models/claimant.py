"""Who makes claims: people, organisations and publications, each under one name, with the
other names (spellings, translations, names in other scripts) they are also known by."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from workbench.slugs import slug_url

from ..choices import ClaimantKind
from ..querysets import ClaimantQuerySet

NAME_MAX_LENGTH = 200
# NFKC may lengthen a name (a ligature becomes several letters); far beyond any real name.
NORMALISED_MAX_LENGTH = 600
NAME_TOO_LONG = "This name is too long once written out in plain letters."
# Unicode's dashes (category Pd: hyphen, en and em dash, the wave dash, …) and the minus sign.
_DASH = re.compile(
    "[\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead]"
)
_AROUND_DASH = re.compile(r"\s*-\s*")


def normalised_name(name: str) -> str:
    """The form under which two spellings of a name are the same claimant: compatibility
    characters written out (NFKC), case folded, every dash a hyphen, spaces collapsed (none
    around a dash). "US–China", "us-china " and "US - China" are all "us-china"."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = " ".join(_DASH.sub("-", text).split())
    return _AROUND_DASH.sub("-", text)


def slug_text(name: str) -> str:
    """What a claimant's slug is made from: the normalised name, so that a dash stays a dash
    ("US–China" is us-china, not uschina); "claimant" for a name with no letter slugs keep
    (a name in another script)."""
    key = normalised_name(name)
    return key if slugify(key) else "claimant"


class Claimant(models.Model):
    name = models.CharField(
        max_length=NAME_MAX_LENGTH, help_text="The name readers see on claims and lists."
    )
    normalised = models.CharField(max_length=NORMALISED_MAX_LENGTH, unique=True, editable=False)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(
        max_length=15, choices=ClaimantKind.choices, blank=True, help_text="Blank until known."
    )
    description = models.TextField(blank=True, help_text="Who they are, in a sentence or two.")
    link = models.URLField(blank=True, help_text="Their own site or a page about them.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("claimants:detail", self.slug)

    def clean(self) -> None:
        self.normalised = normalised_name(self.name)
        if len(self.normalised) > NORMALISED_MAX_LENGTH:
            raise ValidationError({"name": NAME_TOO_LONG})


class ClaimantAlias(models.Model):
    """Another name of a claimant: a spelling, a translation, the name in another script.
    Spellings that differ from the name only in dashes, case or spacing are kept too, so that
    no spelling the claims ever used is lost; claimant_save() sees to it that a name leads to
    one claimant at most."""

    claimant = models.ForeignKey(Claimant, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    normalised = models.CharField(max_length=NORMALISED_MAX_LENGTH, db_index=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "claimant aliases"
        ordering = ["claimant", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["claimant", "name"], name="claimant_alias_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.normalised = normalised_name(self.name)
        if len(self.normalised) > NORMALISED_MAX_LENGTH:
            raise ValidationError({"name": NAME_TOO_LONG})
