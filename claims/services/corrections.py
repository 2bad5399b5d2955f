"""The correction rule, in one place: once readers have seen a claim (published, or withdrawn
with its page kept), any change to what its page shows (its wording, evidence, figure,
counter-claims or verdict) needs a note saying why, and the note is logged publicly on the
claim. Services, admin forms and imports ask here; nothing else decides it."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from ..choices import ClaimState
from ..models import Claim, Correction
from .common import save_as

CORRECTION_NEEDED = (
    "This claim is published, so the change is public: write a correction note saying what "
    "changed and why."
)


def correction_needed(claims: Iterable[Claim], *, link: bool = False) -> bool:
    """Whether a change to these claims (or, with `link`, to the link between them) is a public
    correction. Readers see links only between two published claims."""
    claims = list(claims)
    if link:
        return len(claims) == 2 and all(claim.state == ClaimState.PUBLISHED for claim in claims)
    return bool(claims) and all(claim.is_public for claim in claims)


def correction_missing(claims: Iterable[Claim], note: str, *, link: bool = False) -> str | None:
    """What to tell an editor who changes these claims with this note, or None when all is
    well: for forms, which check before anything is saved."""
    needed = correction_needed(claims, link=link)
    return CORRECTION_NEEDED if needed and not note.strip() else None


def correction_text(what: str, note: str) -> str:
    """What readers are told: what changed (when the workbench can say it) and the editor's
    why, each once, also when the editor's note already begins by saying what changed."""
    note = note.strip()
    if not what or note.casefold().startswith(what.rstrip(".").casefold()):
        return note
    return f"{what}: {note}" if note else what


def correction_record(
    *, claim: Claim, note: str, by: AbstractBaseUser | None, what: str = ""
) -> Correction:
    """Log a public correction; one admin save that touches a claim and its evidence under one
    note logs it once."""
    text = correction_text(what, note)
    correction = Correction.objects.filter(claim=claim, note=text).first()
    if correction is None:
        correction = Correction(claim=claim, note=text, created_by=by)
        save_as(correction, by)
    return correction


def correction_check(claims: Iterable[Claim], note: str, *, link: bool = False) -> bool:
    """Refuse a change readers would see that comes without a note; True when the change is a
    correction."""
    needed = correction_needed(claims, link=link)
    if needed and not note.strip():
        raise ValidationError({"correction_note": CORRECTION_NEEDED})
    return needed


def correction_require(
    *,
    claims: Iterable[Claim],
    note: str,
    by: AbstractBaseUser | None,
    what: str = "",
    link: bool = False,
) -> None:
    """Apply the rule to a change about to be written: nothing to do for claims readers have
    not seen; refused without a note; otherwise the correction is logged on each claim."""
    claims = list(claims)
    if correction_check(claims, note, link=link):
        for claim in claims:
            correction_record(claim=claim, note=note, by=by, what=what)
