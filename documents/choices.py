from django.db import models


class SnapshotKind(models.TextChoices):
    """What a snapshot was taken from."""

    HTML = "html", "HTML page"
    PDF = "pdf", "PDF"
    TEXT = "text", "Text file"
    PASTED = "pasted", "Pasted text"


class MatchKind(models.TextChoices):
    """How a sentence was found to make a claim already logged."""

    TEXT = "text", "worded alike"
    FIGURE = "figure", "same figure"


class QuoteStatus(models.TextChoices):
    """Whether a quote's words are still in the newest copy of its source."""

    FOUND = "found", "still there"
    CHANGED = "changed", "changed"
    LOST = "lost", "gone"
