from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Outlet, Source

MERGE_NEEDS_TWO = "Choose at least two sources: the one to keep and a duplicate of it."


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 80) -> str:
    """A slug for `text` that no row of `model` has yet: "title", then "title-2", "title-3", …"""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return slug


@transaction.atomic
def outlet_get_or_create(*, name: str, homepage: str = "") -> Outlet:
    outlet = Outlet.objects.filter(name=name).first()
    if outlet is None:
        outlet = Outlet(name=name, slug=unique_slug(Outlet, name), homepage=homepage)
        outlet.full_clean()
        outlet.save()
    return outlet


@transaction.atomic
def source_save(*, source: Source, by: AbstractBaseUser | None) -> Source:
    """Create or update a source; a changed reliability rating records who rated it and when."""
    if not source.slug:
        source.slug = unique_slug(Source, source.title)
    if source.pk is None:
        source.created_by = by
        rating_changed = True
    else:
        previous = Source.objects.only("reliability", "reliability_note").get(pk=source.pk)
        rating_changed = (previous.reliability, previous.reliability_note) != (
            source.reliability,
            source.reliability_note,
        )
    if rating_changed:
        source.reliability_rated_by = by
        source.reliability_rated_at = timezone.now()
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def source_merge(*, survivor: Source, duplicates: list[Source], by: AbstractBaseUser) -> Source:
    """Fold duplicate sources into `survivor`: every row that points at a duplicate is moved to
    the survivor, blank fields are filled from the duplicates, and what differs is kept in the
    survivor's notes. Works through the model's relations, so it knows nothing of claims."""
    duplicates = [source for source in duplicates if source.pk != survivor.pk]
    if not duplicates:
        raise ValidationError(MERGE_NEEDS_TWO)
    relations = [rel for rel in Source._meta.related_objects if rel.one_to_many and not rel.hidden]
    fillable = ["url", "outlet", "authors", "published_on", "archive_url"]
    merged_notes = []
    for duplicate in duplicates:
        for rel in relations:
            rel.related_model._default_manager.filter(**{rel.field.name: duplicate}).update(
                **{rel.field.name: survivor}
            )
        for field in fillable:
            if not getattr(survivor, field) and getattr(duplicate, field):
                setattr(survivor, field, getattr(duplicate, field))
        merged_notes.append(
            f"Merged from “{duplicate.title}” by {by} on {timezone.localdate():%Y-%m-%d}"
            + (f" ({duplicate.url})" if duplicate.url else "")
            + (f": {duplicate.notes}" if duplicate.notes else "")
        )
        duplicate.delete()
    survivor.notes = "\n".join(filter(None, [survivor.notes, *merged_notes]))
    survivor.full_clean()
    survivor.save()
    return survivor
