"""Relations between claims: counter-claims, and claims that repeat or refine others."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ..choices import RelationKind
from ..models import Claim, ClaimRelation
from .common import save_as
from .corrections import correction_require
from .summaries import claim_summary_refresh

RELATION_FIELDS = ("from_claim_id", "to_claim_id", "kind", "note")


def _relation_correction(
    pairs: Iterable[tuple[int, int]], note: str, by: AbstractBaseUser | None
) -> None:
    """A relation shows on the pages of both claims it links (and may make them contested)."""
    for pair in set(pairs):
        ends = Claim.objects.filter(pk__in=pair)
        correction_require(claims=ends, note=note, by=by, link=True)


@transaction.atomic
def relation_save(
    *, relation: ClaimRelation, by: AbstractBaseUser | None, correction_note: str = ""
) -> ClaimRelation:
    ends = [(relation.from_claim_id, relation.to_claim_id)]
    if relation.pk is None:
        relation.created_by = by
        changed = True
    else:
        stored = ClaimRelation.objects.filter(pk=relation.pk).values(*RELATION_FIELDS).first() or {}
        changed = any(getattr(relation, field) != stored.get(field) for field in RELATION_FIELDS)
        if stored:  # a repointed relation changes the pages it left too
            ends.append((stored["from_claim_id"], stored["to_claim_id"]))
    if changed:
        _relation_correction(ends, correction_note, by)
    save_as(relation, by)
    claim_summary_refresh(claim_ids=[claim_id for pair in ends for claim_id in pair])
    return relation


@transaction.atomic
def relation_delete(
    *, relation: ClaimRelation, by: AbstractBaseUser | None, correction_note: str = ""
) -> None:
    ends = (relation.from_claim_id, relation.to_claim_id)
    _relation_correction([ends], correction_note, by)
    relation._history_user = by
    relation.delete()
    claim_summary_refresh(claim_ids=ends)


def relation_add(
    *,
    from_claim: Claim,
    to_claim: Claim,
    kind: str = RelationKind.COUNTER_CLAIM,
    by: AbstractBaseUser | None,
    note: str = "",
    correction_note: str = "",
) -> ClaimRelation:
    return relation_save(
        relation=ClaimRelation(from_claim=from_claim, to_claim=to_claim, kind=kind, note=note),
        by=by,
        correction_note=correction_note,
    )
