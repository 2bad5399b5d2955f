"""Taking a snapshot of a source's document. Snapshots are only ever added: a new copy of a
document is a new copy beside the old ones."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from sources.models import Source

from .extract import extract
from .models import Paragraph, Snapshot

SAME_AS_LATEST = (
    "This is the same document as the copy of {date} (same SHA-256): nothing new to keep."
)


@transaction.atomic
def snapshot_take(
    *, source: Source, name: str, content: bytes, by: AbstractBaseUser | None, pasted: bool = False
) -> Snapshot:
    """Keep a copy of `source`'s document: its bytes, their SHA-256 and its main text as
    numbered paragraphs. All or nothing: a refused file leaves nothing behind."""
    extracted = extract(name, content, pasted=pasted)
    # Two editors uploading the same file at once keep one copy.
    Source.objects.select_for_update().filter(pk=source.pk).values("pk").first()
    latest = source.snapshots.order_by("-taken_at", "-pk").first()
    if latest is not None and latest.sha256 == extracted.sha256:
        raise ValidationError(SAME_AS_LATEST.format(date=f"{latest.taken_at:%Y-%m-%d %H:%M}"))
    snapshot = Snapshot(
        source=source,
        kind=extracted.kind,
        sha256=extracted.sha256,
        size=extracted.size,
        pages=extracted.pages,
        original_name="" if pasted else name[:255],
        taken_by=by,
    )
    if not pasted:
        snapshot.original.save(name, ContentFile(content), save=False)
    try:
        snapshot._history_user = by
        snapshot.save()
        Paragraph.objects.bulk_create(
            Paragraph(snapshot=snapshot, number=number, page=page, text=text)
            for number, (page, text) in enumerate(extracted.paragraphs, start=1)
        )
    except Exception:
        if snapshot.original:
            snapshot.original.delete(save=False)
        raise
    return snapshot
