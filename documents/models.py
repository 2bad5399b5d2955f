"""A source's document, as it read on a given day: the copy the evidence quotes."""

from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import Bound, Quantity
from claims.models import Claim, Evidence
from claims.units import format_number
from sources.models import Source
from workbench.fields import acting_user

from .choices import MatchKind, QuoteStatus, SnapshotKind


def original_path(snapshot: "Snapshot", filename: str) -> str:
    # Named by content, never by the uploader's file name: nothing of it reaches a path.
    return f"snapshots/{snapshot.sha256[:2]}/{snapshot.sha256}"


class Snapshot(models.Model):
    """The text of a source's document on the day it was taken. A snapshot never changes; a
    new upload is a new copy beside it."""

    # Copies are told apart by when they were taken: a merge of two sources brings their
    # copies together, and a per-source number would clash.
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="snapshots")
    kind = models.CharField(max_length=10, choices=SnapshotKind.choices, editable=False)
    taken_at = models.DateTimeField(auto_now_add=True)
    taken_by = acting_user()
    # Of the original bytes: readers can check a copy they hold against it.
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    original = models.FileField(upload_to=original_path, blank=True, editable=False)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    size = models.PositiveIntegerField("size in bytes", editable=False)
    pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Set by the task worker once the check-worthy sentences are found and matched.
    sentences_marked_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "-taken_at", "-pk"]
        indexes = [models.Index(fields=["source", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.source} — copy of {self.taken_at:%Y-%m-%d %H:%M}"


class Paragraph(models.Model):
    """One numbered paragraph of a snapshot's main text, on a page for a PDF."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField()
    page = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["snapshot", "number"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "number"], name="paragraph_number_unique")
        ]

    def __str__(self) -> str:
        return f"¶{self.number}"


class Sentence(models.Model):
    """A check-worthy sentence of a paragraph, found when the copy was taken: why it is worth
    checking, the figure it gives, and the claim already logged that it makes, if any."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="sentences")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    reasons = models.CharField(max_length=60)  # space-separated: checkworthy.REASON_LABELS
    quantity = models.CharField(max_length=20, choices=Quantity.choices, blank=True)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    bound = models.CharField(max_length=12, choices=Bound.choices, blank=True)
    # Already in the workbench: a claim worded alike, or with the same figure.
    matched_claim = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    matched_by = models.CharField(max_length=10, choices=MatchKind.choices, blank=True)

    class Meta:
        ordering = ["paragraph", "start"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def figure(self) -> str:
        """The figure it gives, as readers would read it: "parameters: 1.75 × 10¹² parameters"."""
        if not self.quantity:
            return ""
        amount = f"{format_number(self.value)} {self.unit}".strip()
        return f"{self.get_quantity_display().lower()}: {amount}"


class QuoteCheck(models.Model):
    """What became of an evidence item's quote: whether its words are in the copy it names,
    and in the newest copy of its source. Written only by documents.services.quote_check(), with
    its history: when a quote was found, changed or lost."""

    evidence = models.OneToOneField(Evidence, on_delete=models.CASCADE, related_name="quote_check")
    # The copy the quote names, when it is kept; its date is what readers are shown.
    quoted_copy = models.ForeignKey(
        Snapshot, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    in_quoted_copy = models.BooleanField(default=False)
    newest_copy = models.ForeignKey(
        Snapshot, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=QuoteStatus.choices)
    paragraph_number = models.PositiveIntegerField(null=True, blank=True)
    now_reads = models.TextField(blank=True)  # the passage found in its place, when changed
    checked_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"Quote of evidence {self.evidence_id}: {self.get_status_display()}"
