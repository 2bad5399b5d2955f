"""Evidence: the passages of sources that assert, support or refute a claim."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Source

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
) -> Evidence:
    return evidence_save(
        evidence=Evidence(
            claim=claim, source=source, stance=stance, locator=locator, excerpt=excerpt, note=note
        ),
        by=by,
        correction_note=correction_note,
    )
