from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from workbench.bulk import create_tracked
from workbench.fields import field_defaults
from workbench.locking import next_version
from workbench.slugs import unique_slug, unique_slugs

from .choices import SourceKind
from .models import Outlet, Source, normalize_url
from .selectors import MERGE_REASON, merge_of, source_references, survivor_id
from .signals import sources_changed

MERGE_NEEDS_TWO = "Choose at least two sources: the one to keep and a duplicate of it."
NO_SUCH_MERGE = "No merge of source #{duplicate} is recorded."
RATING_NEEDS_CURATOR = (
    "Only source curators rate a source's reliability; the rating was not changed."
)
RATING_NEEDS_NEW_NOTE = "Say why the rating changed: the old note explained the old rating."
SOURCE_NOT_MERGED_AWAY = (
    "Source #{duplicate} is in the registry, not merged away: there is no merge to undo."
)
SURVIVOR_GONE = (
    "Source #{survivor}, which #{duplicate} was merged into, is no longer in the registry; "
    "the merge cannot be undone."
)
RELIABILITY_FIELDS = ("reliability", "reliability_note")


def source_key(*, title: str, url: str) -> str:
    """How an import recognises a source already in the registry: by its address, or by its
    exact title when it has none."""
    return f"url:{normalize_url(url)}" if url else f"title:{title}"


def sources_get_or_create(
    *, sources: list[dict[str, str]], by: AbstractBaseUser | None, reason: str
) -> dict[str, int]:
    """The registry's source for each of `sources` (title, url, outlet, kind, published_on),
    created in bulk, with history, when missing. Returns their ids by source_key(). For
    imports: no signals are sent, so the caller refreshes what depends on sources."""
    wanted: dict[str, dict[str, str]] = {}
    for source in sources:
        # A source cited several times may be described more fully in one place than another.
        known = wanted.setdefault(source_key(title=source["title"], url=source["url"]), {})
        known.update((name, value) for name, value in source.items() if value or name not in known)
    urls = [key.removeprefix("url:") for key in wanted if key.startswith("url:")]
    titles = [key.removeprefix("title:") for key in wanted if key.startswith("title:")]
    found = {
        f"url:{url}": pk
        for url, pk in Source.objects.filter(url_normalized__in=urls).values_list(
            "url_normalized", "pk"
        )
    }
    for title, pk in (
        Source.objects.filter(title__in=titles).order_by("-pk").values_list("title", "pk")
    ):
        found[f"title:{title}"] = pk  # the oldest of same-titled sources wins
    missing = [(key, wanted[key]) for key in wanted if key not in found]
    if not missing:
        return found
    names = {source["outlet"] for _, source in missing if source["outlet"]}
    outlets = dict(Outlet.objects.filter(name__in=names).values_list("name", "pk"))
    for name in names - outlets.keys():
        outlets[name] = outlet_get_or_create(name=name).pk
    slugs = unique_slugs(Source, [source["title"] for _, source in missing])
    now = timezone.now()
    created = create_tracked(
        Source,
        [
            {
                "title": source["title"],
                "slug": slug,
                "url": source["url"],
                "url_normalized": normalize_url(source["url"]),
                "outlet_id": outlets.get(source["outlet"]),
                "kind": source["kind"] or SourceKind.OTHER,
                "published_on": source["published_on"] or None,
                "created_at": now,
                "updated_at": now,
                "created_by_id": by.pk if by else None,
            }
            for slug, (_, source) in zip(slugs, missing, strict=True)
        ],
        user_id=by.pk if by else None,
        reason=reason,
    )
    found.update((key, row["id"]) for (key, _), row in zip(missing, created, strict=True))
    return found


@transaction.atomic
def outlet_save(*, outlet: Outlet, by: AbstractBaseUser | None) -> Outlet:
    """Create or update an outlet. Its name and aliases are in the search text of the claims
    citing its sources: those are told, as for a source."""
    if not outlet.slug:
        outlet.slug = unique_slug(Outlet, outlet.name)
    stored = Outlet.objects.filter(pk=outlet.pk).values_list("name", "aliases").first()
    outlet._history_user = by
    outlet.full_clean()
    outlet.save()
    if stored and stored != (outlet.name, outlet.aliases):
        source_ids = list(outlet.sources.values_list("pk", flat=True))
        sources_changed.send(sender=Source, source_ids=source_ids)
    return outlet


@transaction.atomic
def outlet_get_or_create(*, name: str, homepage: str = "") -> Outlet:
    outlet = Outlet.objects.filter(name=name).first()
    if outlet is None:
        outlet = Outlet(name=name, slug=unique_slug(Outlet, name), homepage=homepage)
        outlet.full_clean()
        outlet.save()
    return outlet


def _may_rate(by: AbstractBaseUser | None) -> bool:
    """Only curators rate (commands, with no user, load ratings curators gave)."""
    return by is None or by.has_perm("sources.rate_source")


def rating_needs_new_note(*, old_rating: str, old_note: str, rating: str, note: str) -> bool:
    """Whether a rating change lacks its own reason. Readers see the note beside the rating, so
    a new rating with the note written for the old one (or with none) would misinform them."""
    return rating != old_rating and note.strip() in ("", old_note.strip())


@transaction.atomic
def source_save(
    *, source: Source, by: AbstractBaseUser | None, expected_version: int | None = None
) -> Source:
    """Create or update a source; a changed reliability rating records who rated it and when."""
    if not source.slug:
        source.slug = unique_slug(Source, source.title)
    stored = None
    if source.pk is not None:
        stored = Source.objects.filter(pk=source.pk).values(*RELIABILITY_FIELDS, "title").first()
    if stored is None:  # new, or restored from its history
        source.created_by = source.created_by or by
    before = stored or field_defaults(Source, RELIABILITY_FIELDS)
    rating_changed = any(getattr(source, f) != before[f] for f in RELIABILITY_FIELDS)
    retitled = stored is not None and stored["title"] != source.title
    if rating_changed and not _may_rate(by):
        raise ValidationError(RATING_NEEDS_CURATOR, code="rating")
    if rating_needs_new_note(
        old_rating=before["reliability"],
        old_note=before["reliability_note"],
        rating=source.reliability,
        note=source.reliability_note,
    ):
        raise ValidationError({"reliability_note": RATING_NEEDS_NEW_NOTE}, code="rating_note")
    if rating_changed:
        source.reliability_rated_by = by
        source.reliability_rated_at = timezone.now()
    source.version = next_version(source, expected_version)
    source.full_clean()
    source._history_user = by
    source.save()
    if retitled:
        sources_changed.send(sender=Source, source_ids=[source.pk])
    return source


def _rows_pointing_at(source: Source):
    """Every row of every model that refers to `source`."""
    for rel in source_references():
        for row in rel.related_model._default_manager.filter(**{rel.field.name: source}):
            yield row, rel.field.name


def _save_tagged(row: models.Model, reason: str, by: AbstractBaseUser) -> None:
    if hasattr(row, "version"):
        row.version += 1
    row._change_reason = reason
    row._history_user = by
    row.save()


@transaction.atomic
def source_merge(*, survivor: Source, duplicates: list[Source], by: AbstractBaseUser) -> Source:
    """Fold duplicate sources into `survivor`: every row that points at a duplicate is moved to
    the survivor, blank fields are filled from the duplicates, and what differs is kept in the
    survivor's notes. Works through the model's relations, so it knows nothing of claims. Each
    row is saved on its own, tagged in its history, so source_merge_undo() can take it back."""
    duplicates = [source for source in duplicates if source.pk != survivor.pk]
    if not duplicates:
        raise ValidationError(MERGE_NEEDS_TWO)
    fillable = ["url", "outlet", "authors", "published_on", "archive_url"]
    for duplicate in duplicates:
        reason = MERGE_REASON.format(duplicate=duplicate.pk, survivor=survivor.pk)
        for row, field in list(_rows_pointing_at(duplicate)):
            setattr(row, field, survivor)
            _save_tagged(row, reason, by)
        for field in fillable:
            if not getattr(survivor, field) and getattr(duplicate, field):
                setattr(survivor, field, getattr(duplicate, field))
        note = (
            f"Merged from “{duplicate.title}” by {by} on {timezone.localdate():%Y-%m-%d}"
            + (f" ({duplicate.url})" if duplicate.url else "")
            + (f": {duplicate.notes}" if duplicate.notes else "")
        )
        survivor.notes = "\n".join(filter(None, [survivor.notes, note]))
        duplicate._change_reason = reason
        duplicate._history_user = by
        duplicate.delete()
        survivor.full_clean()
        _save_tagged(survivor, reason, by)
    sources_changed.send(sender=Source, source_ids=[survivor.pk])
    return survivor


def merge_to_undo(duplicate_id: int):
    """The history record of the merge that folded source #duplicate_id away; refused, saying
    why, when there is none to undo or nothing to undo it from."""
    deletion = merge_of(duplicate_id)
    if deletion is None:
        back = Source.objects.filter(pk=duplicate_id).exists()
        refusal = SOURCE_NOT_MERGED_AWAY if back else NO_SUCH_MERGE
        raise ValidationError(refusal.format(duplicate=duplicate_id))
    if not Source.objects.filter(pk=survivor_id(deletion)).exists():
        raise ValidationError(
            SURVIVOR_GONE.format(survivor=survivor_id(deletion), duplicate=duplicate_id)
        )
    return deletion


@transaction.atomic
def source_merge_undo(*, duplicate_id: int, by: AbstractBaseUser) -> Source:
    """Restore a merged-away source from its history, move back every row the merge moved, and
    put the survivor's fields back as they were before the merge."""
    deletion = merge_to_undo(duplicate_id)
    reason = deletion.history_change_reason
    survivor = Source.objects.select_for_update().get(pk=survivor_id(deletion))
    undo_reason = f"Undone: {reason}"

    # The survivor first gives back what it took (an address it had filled from the duplicate
    # would otherwise clash with the duplicate's own).
    merged = Source.history.filter(id=survivor.pk, history_change_reason=reason).earliest(
        "history_date"
    )
    before = merged.prev_record.instance
    for field in ["url", "outlet_id", "authors", "published_on", "archive_url", "notes"]:
        setattr(survivor, field, getattr(before, field))
    survivor.full_clean()
    _save_tagged(survivor, undo_reason, by)

    restored = deletion.instance
    restored.full_clean()  # its address or short name may have been given to another since
    restored._change_reason = undo_reason
    restored._history_user = by
    restored.save(force_insert=True)

    for rel in source_references():
        model = rel.related_model
        moved_ids = model.history.filter(history_change_reason=reason).values_list(
            model._meta.pk.attname, flat=True
        )
        for row in model._default_manager.filter(pk__in=set(moved_ids)):
            setattr(row, rel.field.name, restored)
            _save_tagged(row, undo_reason, by)
    sources_changed.send(sender=Source, source_ids=[survivor.pk, restored.pk])
    return restored
