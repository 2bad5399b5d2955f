"""A source's document, as it read on a given day: the copy the evidence quotes."""

from django.db import models
from simple_history.models import HistoricalRecords

from sources.models import Source
from workbench.fields import acting_user

from .choices import SnapshotKind


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
