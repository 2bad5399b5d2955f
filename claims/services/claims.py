"""Logging and editing claims, and withdrawing them. State and verdict are not written here:
grading and approval (reviews.py) set them."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources.models import Source
from workbench.fields import field_defaults
from workbench.slugs import unique_slug

from ..choices import ClaimKind, ClaimState
from ..models import Claim, Claimant, Topic
from .claimants import claimant_get_or_create
from .common import claim_write
from .corrections import correction_record, correction_require
from .notifications import notify_assigned
from .summaries import claim_summary_refresh, with_partners

ONLY_EDITORS_ASSIGNED = "{user} is not an editor, so cannot be assigned claims."
ONLY_PUBLISHED_WITHDRAWN = "Only a published claim can be withdrawn; this claim is {state}."

WITHDRAWAL_NEEDS_REASON = "Say why the claim is withdrawn; readers see the reason."

WORKFLOW_NOT_EDITABLE = (
    "A claim's {fields} change only through grading, approval and withdrawal, never by editing "
    "or reverting the claim."
)

# Edits to these change what a published claim says, so they are corrections.
MATERIAL_FIELDS = (
    "statement",
    "claimant_id",
    "kind",
    "context",
    "first_appeared_in_id",
    "first_appeared_locator",
    "first_appeared_on",
)

# These change only through the grading, approval and withdrawal workflows below.
WORKFLOW_FIELDS = (
    "state",
    "verdict",
    "confidence",
    "graded_at",
    "published_at",
    "withdrawn_at",
    "withdrawn_reason",
)


@transaction.atomic
def topic_save(*, topic: Topic, by: AbstractBaseUser | None) -> Topic:
    """Create or update a topic; its names (and aliases) are part of its claims' search text."""
    if not topic.slug:
        topic.slug = unique_slug(Topic, topic.name)
    stored = Topic.objects.filter(pk=topic.pk).values_list("name", "aliases").first()
    topic._history_user = by
    topic.full_clean()
    topic.save()
    if stored and stored != (topic.name, topic.aliases):
        claim_summary_refresh(claim_ids=topic.claims.values_list("pk", flat=True))
    return topic


@transaction.atomic
def topic_get_or_create(*, name: str) -> Topic:
    topic = Topic.objects.filter(name=name).first()
    if topic is None:
        topic = Topic(name=name, slug=unique_slug(Topic, name))
        topic.full_clean()
        topic.save()
    return topic


def is_editor(user: AbstractBaseUser) -> bool:
    """Who may look after, grade and approve claims: an active account that may change them."""
    return user.has_perm("claims.change_claim")  # False for an inactive account


def assignment_refused(assignee) -> str | None:
    """Why `assignee` cannot look after claims, or None: only an editor can."""
    if assignee is None or is_editor(assignee):
        return None
    return ONLY_EDITORS_ASSIGNED.format(user=assignee)


def _refuse_workflow_changes(claim: Claim, stored: dict | None) -> None:
    """State and verdict are the two-person rule's: only its workflows may set them."""
    expected = stored or field_defaults(Claim, WORKFLOW_FIELDS)
    changed = [f for f in WORKFLOW_FIELDS if getattr(claim, f) != expected[f]]
    if changed:
        names = ", ".join(str(Claim._meta.get_field(f).verbose_name) for f in changed)
        raise ValidationError(WORKFLOW_NOT_EDITABLE.format(fields=names), code="workflow")


@transaction.atomic
def claim_save(
    *,
    claim: Claim,
    by: AbstractBaseUser | None,
    expected_version: int | None = None,
    correction_note: str = "",
) -> Claim:
    """Create or update a claim. A new claim gets its slug from the statement; a material edit
    to a published claim needs a correction note; a save based on an outdated version is refused.
    The workflow fields (state, verdict, …) are never written here, whatever the caller sends: a
    new or restored claim starts as a draft."""
    stored = None
    if claim.pk is not None:
        stored = (
            Claim.objects.filter(pk=claim.pk)
            .values(*MATERIAL_FIELDS, *WORKFLOW_FIELDS, "assignee_id")
            .first()
        )
    _refuse_workflow_changes(claim, stored)
    if claim.assignee_id and (refusal := assignment_refused(claim.assignee)):
        raise ValidationError({"assignee": refusal})
    if stored is None:
        claim.created_by = claim.created_by or by
        if not claim.slug:
            claim.slug = unique_slug(Claim, claim.statement)
        claim_write(claim, by)
        claim_summary_refresh(claim_ids=[claim.pk])
        notify_assigned(claim=claim, by=by)
        return claim
    changed = any(getattr(claim, field) != stored[field] for field in MATERIAL_FIELDS)
    if changed:
        # claim.state is the stored one: workflow fields were refused above.
        correction_require(claims=[claim], note=correction_note, by=by)
    claim_write(claim, by, expected_version)
    claim_summary_refresh(claim_ids=[claim.pk])
    if claim.assignee_id != stored["assignee_id"]:
        notify_assigned(claim=claim, by=by)
    return claim


@transaction.atomic
def claim_log(
    *,
    statement: str,
    claimant: Claimant | str,
    by: AbstractBaseUser | None,
    kind: str = ClaimKind.FACT,
    first_appeared_in: Source | None = None,
    first_appeared_locator: str = "",
    first_appeared_on: datetime.date | None = None,
    context: str = "",
    topics: list[Topic] | tuple[Topic, ...] = (),
    recheck_due: datetime.date | None = None,
    slug: str = "",
) -> Claim:
    """Log a new claim as a draft; `claimant` may be given by name (or alias)."""
    if isinstance(claimant, str):
        claimant = claimant_get_or_create(name=claimant, by=by)
    claim = claim_save(
        claim=Claim(
            statement=statement,
            claimant=claimant,
            kind=kind,
            first_appeared_in=first_appeared_in,
            first_appeared_locator=first_appeared_locator,
            first_appeared_on=first_appeared_on,
            context=context,
            recheck_due=recheck_due,
            slug=slug,
        ),
        by=by,
    )
    claim.topics.set(topics)
    return claim


@transaction.atomic
def claim_withdraw(*, claim: Claim, by: AbstractBaseUser, reason: str) -> Claim:
    """Take a published claim out of lists and counts; its page stays, with the reason."""
    if claim.state != ClaimState.PUBLISHED:
        raise ValidationError(
            ONLY_PUBLISHED_WITHDRAWN.format(state=claim.get_state_display().lower())
        )
    if not reason.strip():
        raise ValidationError(WITHDRAWAL_NEEDS_REASON)
    claim.state = ClaimState.WITHDRAWN
    claim.withdrawn_at = timezone.now()
    claim.withdrawn_reason = reason.strip()
    claim_write(claim, by)
    claim_summary_refresh(claim_ids=with_partners(claim))
    correction_record(claim=claim, what="Withdrawn", note=reason, by=by)
    return claim
