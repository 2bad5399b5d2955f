"""Claimants: who makes claims, under one name and any number of aliases. A name (or alias)
leads to one claimant at most, as normalised_name() reads it; a merge folds duplicates into
one, keeping their names as aliases."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from workbench.slugs import unique_slug
from workbench.unstorable import refuse_unshowable

from ..models import Claim, Claimant, ClaimantAlias, normalised_name
from ..models.claimant import slug_text
from .common import claim_write, save_as
from .summaries import claim_summary_refresh

NAME_TAKEN = "“{name}” is already a name of the claimant “{claimant}”; merge the two instead."
NAME_NEEDED = "Give the claimant a name."
MERGE_NEEDS_TWO = "Choose at least two claimants: the one to keep and a duplicate of it."
# Every claim and alias a merge moves carries this in its history.
MERGE_REASON = "Merged claimant #{duplicate} into #{survivor}"
CLAIMANT_HAS_CLAIMS = (
    "Claims name “{claimant}”, so it stays; to fold a duplicate into another claimant, merge them."
)
RENAME_REASON = "The claimant's name changed"


def claimant_find(name: str) -> Claimant | None:
    """The claimant known by `name` or one of its aliases, in any spelling that
    normalised_name() folds together; two indexed look-ups."""
    key = normalised_name(name)
    return (
        Claimant.objects.filter(normalised=key).first()
        or Claimant.objects.filter(aliases__normalised=key).order_by("pk").first()
    )


def claimant_name_taken(name: str, claimant_id: int | None) -> str | None:
    """Why `name` cannot be a name of the claimant `claimant_id` (None for a new one), or None:
    a name leads to one claimant only. For forms, which check before anything is saved."""
    other = claimant_find(name)
    if other is not None and other.pk != claimant_id:
        return NAME_TAKEN.format(name=name.strip(), claimant=other)
    return None


def _refuse_taken(name: str, claimant_id: int | None) -> None:
    if problem := claimant_name_taken(name, claimant_id):
        raise ValidationError({"name": problem}, code="taken")


def _checked_name(name: str) -> str:
    """A name as stored: trimmed, and refused when empty or holding what no page can show
    (forms refuse it first; imports and commands come here directly)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": NAME_NEEDED})
    try:
        refuse_unshowable(name)
    except ValidationError as error:
        raise ValidationError({"name": error.messages}) from error
    return name


def _refresh_summaries(claimant: Claimant) -> None:
    """The claimant's names are part of the search text of its claims."""
    claim_summary_refresh(claim_ids=claimant.claims.values_list("pk", flat=True))


@transaction.atomic
def claimant_save(*, claimant: Claimant, by: AbstractBaseUser | None) -> Claimant:
    """Create or update a claimant. A new one gets its slug from its name; a renamed one keeps
    its old name as an alias, so that imports and searches under it still find it. The name
    readers see on its claims changes with it, without a correction: the claims still say who
    they said, only the spelling of the name changed (see claimant_merge())."""
    claimant.name = _checked_name(claimant.name)
    claimant.full_clean(exclude=["slug", "normalised"])  # the name's length first
    _refuse_taken(claimant.name, claimant.pk)
    stored = Claimant.objects.filter(pk=claimant.pk).values_list("name", flat=True).first()
    if not claimant.slug:
        claimant.slug = unique_slug(Claimant, slug_text(claimant.name))
    save_as(claimant, by)
    if stored is not None and stored != claimant.name:
        if not claimant.aliases.filter(name=stored).exists():
            alias = ClaimantAlias(claimant=claimant, name=stored)
            alias._change_reason = RENAME_REASON
            save_as(alias, by)
        _refresh_summaries(claimant)
    return claimant


@transaction.atomic
def claimant_get_or_create(*, name: str, by: AbstractBaseUser | None = None) -> Claimant:
    """The claimant known by `name` (or an alias, in any spelling folded together), made when
    there is none: for imports, the demo and claims logged by name."""
    name = _checked_name(name)  # before the look-up: PostgreSQL refuses a null character
    return claimant_find(name) or claimant_save(claimant=Claimant(name=name), by=by)


@transaction.atomic
def claimant_alias_save(*, alias: ClaimantAlias, by: AbstractBaseUser | None) -> ClaimantAlias:
    """Add or change another name of a claimant; refused if it names another claimant."""
    alias.name = _checked_name(alias.name)
    alias.full_clean(exclude=["normalised"])
    _refuse_taken(alias.name, alias.claimant_id)
    save_as(alias, by)
    _refresh_summaries(alias.claimant)
    return alias


@transaction.atomic
def claimant_alias_delete(*, alias: ClaimantAlias, by: AbstractBaseUser | None) -> None:
    alias._history_user = by
    claimant = alias.claimant
    alias.delete()
    _refresh_summaries(claimant)


@transaction.atomic
def claimant_delete(*, claimant: Claimant, by: AbstractBaseUser | None) -> None:
    """Delete a claimant no claim names (merge a duplicate instead: its names are kept)."""
    if claimant.claims.exists():
        raise ValidationError(CLAIMANT_HAS_CLAIMS.format(claimant=claimant))
    for alias in claimant.aliases.all():
        claimant_alias_delete(alias=alias, by=by)
    claimant._history_user = by
    claimant.delete()


@transaction.atomic
def claimant_merge(
    *, survivor: Claimant, duplicates: list[Claimant], by: AbstractBaseUser
) -> Claimant:
    """Fold duplicate claimants into `survivor`: their claims move to it, their names and
    aliases become its aliases, and they are deleted. Each moved row is saved on its own,
    tagged in its history with the merge.

    A published claim whose claimant is merged shows the survivor's name from then on, and no
    correction is logged: a merge joins two records of the same person, organisation or
    publication, so what the claim says (who said it) does not change, only how the name is
    spelled. Merging two different claimants is a mistake to undo, not a correction to log."""
    duplicates = [claimant for claimant in duplicates if claimant.pk != survivor.pk]
    if not duplicates:
        raise ValidationError(MERGE_NEEDS_TWO)
    for duplicate in duplicates:
        reason = MERGE_REASON.format(duplicate=duplicate.pk, survivor=survivor.pk)
        for claim in Claim.objects.filter(claimant=duplicate).order_by("pk"):
            claim.claimant = survivor
            claim._change_reason = reason
            claim_write(claim, by)
        names = [duplicate.name, *duplicate.aliases.values_list("name", flat=True)]
        for alias in duplicate.aliases.all():
            alias._change_reason = reason
            alias._history_user = by
            alias.delete()
        duplicate._change_reason = reason
        duplicate._history_user = by
        duplicate.delete()
        kept = set(survivor.aliases.values_list("name", flat=True)) | {survivor.name}
        for name in dict.fromkeys(names):
            if name not in kept:
                alias = ClaimantAlias(claimant=survivor, name=name)
                alias._change_reason = reason
                save_as(alias, by)
    _refresh_summaries(survivor)
    return survivor
