"""Evidence: the passages of sources that assert, support or refute a claim."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Source

from ..choices import Stance
from ..models import Claim, Evidence
from .common import PART_STAYS_WITH_CLAIM, save_as
from .corrections import correction_require
from .summaries import claim_summary_refresh

EVIDENCE_FIELDS = ("source_id", "stance", "excerpt", "locator", "note")


@transaction.atomic
def evidence_save(
    *, evidence: Evidence, by: AbstractBaseUser | None, correction_note: str = ""
) -> Evidence:
    if evidence.pk is None:
        evidence.added_by = by
        changed = True
    else:
        stored = (
            Evidence.objects.filter(pk=evidence.pk).values(*EVIDENCE_FIELDS, "claim_id").first()
            or {}
        )
        if stored and stored["claim_id"] != evidence.claim_id:
            raise ValidationError({"claim": PART_STAYS_WITH_CLAIM.format(part="Evidence")})
        changed = any(getattr(evidence, field) != stored.get(field) for field in EVIDENCE_FIELDS)
    if changed:
        correction_require(claims=[evidence.claim], note=correction_note, by=by)
    save_as(evidence, by)  # validates; a refused save rolls the correction back with it
    claim_summary_refresh(claim_ids=[evidence.claim_id])
    return evidence


@transaction.atomic
def evidence_delete(
    *, evidence: Evidence, by: AbstractBaseUser | None, correction_note: str = ""
) -> None:
    correction_require(claims=[evidence.claim], note=correction_note, by=by)
    evidence._history_user = by
    claim_id = evidence.claim_id
    evidence.delete()
    claim_summary_refresh(claim_ids=[claim_id])


def evidence_add(
    *,
    claim: Claim,
    source: Source,
    stance: str,
    locator: str,
    by: AbstractBaseUser | None,
    excerpt: str = "",
    note: str = "",
    correction_note: str = "",
    **quote: str,
) -> Evidence:
    """`quote`: quote, quote_prefix, quote_suffix and quote_copy, when it quotes a kept copy."""
    return evidence_save(
        evidence=Evidence(
            claim=claim,
            source=source,
            stance=stance,
            locator=locator,
            excerpt=excerpt,
            note=note,
            **quote,
        ),
        by=by,
        correction_note=correction_note,
    )


def first_appearance_locator(claim: Claim, source: Source | None) -> str:
    """The locator an evidence row citing `source` takes when the editor leaves it empty: the
    first appearance's, when the row cites the source the claim first appeared in. The locator
    is typed once, under the first appearance."""
    if source is not None and source.pk == claim.first_appeared_in_id:
        return claim.first_appeared_locator
    return ""


@transaction.atomic
def first_appearance_cite(
    *,
    claim: Claim,
    by: AbstractBaseUser | None,
    previous_locator: str = "",
    correction_note: str = "",
) -> Evidence | None:
    """The source a claim first appeared in asserts it: when the first appearance is entered
    or changed, it is cited as evidence (stance "asserts", with the first appearance's
    locator) unless an asserting row from that source is there already. A row that carried the
    previous first-appearance locator follows the new one, so the two never disagree. Returns
    the row written, if any."""
    if claim.first_appeared_in_id is None or not claim.first_appeared_locator:
        return None
    rows = list(claim.evidence.filter(source_id=claim.first_appeared_in_id, stance=Stance.ASSERTS))
    if not rows:
        return evidence_add(
            claim=claim,
            source=claim.first_appeared_in,
            stance=Stance.ASSERTS,
            locator=claim.first_appeared_locator,
            by=by,
            correction_note=correction_note,
        )
    if any(row.locator == claim.first_appeared_locator for row in rows):
        return None
    follower = next(
        (row for row in rows if previous_locator and row.locator == previous_locator), None
    )
    if follower is None:
        return None  # cited elsewhere in the source on purpose: the editor's rows stand
    follower.locator = claim.first_appeared_locator
    return evidence_save(evidence=follower, by=by, correction_note=correction_note)
