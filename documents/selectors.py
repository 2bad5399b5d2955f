from django.db.models import Prefetch, QuerySet

from .models import Paragraph, Snapshot


def snapshot_for_reading() -> QuerySet[Snapshot]:
    """A snapshot with its source and paragraphs in order: the reading view's reads."""
    return Snapshot.objects.select_related("source__outlet", "taken_by").prefetch_related(
        Prefetch("paragraphs", queryset=Paragraph.objects.order_by("number"))
    )
