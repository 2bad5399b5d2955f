"""Write workflows for claims. Admin, commands and forms all go through here.

Every write saves model instances one by one, so each leaves a history record; nothing here uses
QuerySet.update() or bulk_update() on a tracked model. The one bulk writer, claims_import(),
writes rows and their history records together through workbench.bulk.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import IO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from sources.models import Source
from sources.services import source_key, sources_get_or_create
from workbench.bulk import allocate_ids, batches, create_tracked, insert_rows
from workbench.cache import bump_version
from workbench.fields import field_defaults
from workbench.locking import next_version
from workbench.slugs import unique_slug, unique_slugs

from .choices import (
    PUBLIC_STATES,
    STANCES_AGAINST,
    STANCES_FOR,
    ClaimKind,
    ClaimState,
    Confidence,
    RelationKind,
    Verdict,
)
from .interchange import (
    FormatError,
    figure_from_record,
    read_records,
    record_problems,
    unreadable_parts,
    unshowable_fields,
)
from .models import Claim, ClaimRelation, ClaimSummary, Correction, Evidence, Review, Topic
from .querysets import SEARCH_CONFIG, SEARCH_VECTOR

NOTHING_TO_PUBLISH = "A claim needs a review with a verdict before it can be published."
SAME_PERSON_APPROVES = (
    "The review was written by {reviewer}; a second person must approve it before it is published."
)
ONLY_DRAFTS_SUBMITTED = "Only a draft can be submitted for review; this claim is {state}."
NOTHING_TO_APPROVE = "There is nothing to approve: this claim is {state} and has no pending review."
PUBLISHED_REVIEW_IS_FINAL = "A published review is part of the verdict history; add a new review."
CORRECTION_NEEDED = (
    "This claim is published, so the change is public: write a correction note saying what "
    "changed and why."
)
ONLY_PUBLISHED_WITHDRAWN = "Only a published claim can be withdrawn; this claim is {state}."
WITHDRAWAL_NEEDS_REASON = "Say why the claim is withdrawn; readers see the reason."
PART_STAYS_WITH_CLAIM = (
    "{part} stays with the claim it was added to: remove it there (with a correction note if "
    "that claim is published) and add it to the other claim."
)
WORKFLOW_NOT_EDITABLE = (
    "A claim's {fields} change only through grading, approval and withdrawal, never by editing "
    "or reverting the claim."
)
ONLY_AUTHOR_CHANGES_GRADING = (
    "This grading was written by {reviewer}; only they can change or remove it while it waits "
    "for approval. To disagree, leave it unapproved and tell them why."
)
APPROVER_EDITED_CLAIM = (
    "You changed this claim after it was graded ({what}), so you cannot also approve it: "
    "another editor must."
)

# Edits to these change what a published claim says, so they are corrections.
MATERIAL_FIELDS = (
    "statement",
    "claimant",
    "kind",
    "context",
    "first_appeared_in_id",
    "first_appeared_locator",
    "first_appeared_on",
)
EVIDENCE_FIELDS = ("source_id", "stance", "excerpt", "locator", "note")
RELATION_FIELDS = ("from_claim_id", "to_claim_id", "kind", "note")
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


SUMMARY_FIELDS = [
    "is_contested",
    "evidence_for",
    "evidence_against",
    "statement",
    "claimant",
    "body",
]


def claim_summary_refresh(*, claim_ids: Iterable[int], batch_size: int = 2000) -> None:
    """Rebuild the summaries (contested flag, evidence counts, search text and vector) of these
    claims from their current rows. Runs after every write that could change them."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        texts = defaultdict(list)
        evidence = Evidence.objects.filter(claim_id__in=batch).order_by("claim_id", "id")
        for claim_id, excerpt, title in evidence.values_list(
            "claim_id", "excerpt", "source__title"
        ):
            texts[claim_id] += [excerpt, title]
        published = Review.objects.published().filter(claim_id__in=batch).order_by("id")
        for claim_id, rationale in published.values_list("claim_id", "rationale"):
            texts[claim_id].append(rationale)
        claims = (
            Claim.objects.filter(pk__in=batch)
            .with_contested()
            .annotate(
                n_for=Count("evidence", filter=Q(evidence__stance__in=STANCES_FOR)),
                n_against=Count("evidence", filter=Q(evidence__stance__in=STANCES_AGAINST)),
            )
            .values_list(
                "pk", "is_contested", "n_for", "n_against", "statement", "claimant", "context"
            )
        )
        ClaimSummary.objects.bulk_create(
            [
                ClaimSummary(
                    claim_id=pk,
                    is_contested=contested,
                    evidence_for=n_for,
                    evidence_against=n_against,
                    statement=statement,
                    claimant=claimant,
                    body="\n".join(filter(None, [context, *texts[pk]])),
                )
                for pk, contested, n_for, n_against, statement, claimant, context in claims
            ],
            update_conflicts=True,
            unique_fields=["claim"],
            update_fields=SUMMARY_FIELDS,
        )
        if connection.vendor == "postgresql":
            ClaimSummary.objects.filter(pk__in=batch).update(search_vector=SEARCH_VECTOR)


# claim_summary_refresh() in one statement per range of ids, for claims that have no summary yet
# (bulk loads): the same rules, written in SQL. A test holds the two to the same results.
SUMMARY_SQL = """
INSERT INTO claims_claimsummary
    (claim_id, is_contested, evidence_for, evidence_against, statement, claimant, body,
     search_vector)
SELECT *,
       setweight(to_tsvector(%(config)s::regconfig, statement), 'A')
       || setweight(to_tsvector(%(config)s::regconfig, claimant), 'B')
       || setweight(to_tsvector(%(config)s::regconfig, body), 'C')
FROM (
    SELECT c.id,
           (COALESCE(e.n_for, 0) > 0 AND COALESCE(e.n_against, 0) > 0) OR EXISTS (
               SELECT 1 FROM claims_claimrelation r
               JOIN claims_claim o ON o.id = CASE WHEN r.from_claim_id = c.id
                                                  THEN r.to_claim_id ELSE r.from_claim_id END
               WHERE r.kind = %(counter)s AND o.state = %(published)s
                 AND (r.from_claim_id = c.id OR r.to_claim_id = c.id)),
           COALESCE(e.n_for, 0), COALESCE(e.n_against, 0), c.statement, c.claimant,
           concat_ws(E'\\n', NULLIF(c.context, ''), e.body, rv.body)
    FROM claims_claim c
    LEFT JOIN (
        SELECT ev.claim_id,
               count(*) FILTER (WHERE ev.stance = ANY(%(for)s)) AS n_for,
               count(*) FILTER (WHERE ev.stance = ANY(%(against)s)) AS n_against,
               string_agg(concat_ws(E'\\n', NULLIF(ev.excerpt, ''), s.title), E'\\n'
                          ORDER BY ev.id) AS body
        FROM claims_evidence ev JOIN sources_source s ON s.id = ev.source_id
        WHERE ev.claim_id BETWEEN %(low)s AND %(high)s
        GROUP BY ev.claim_id
    ) e ON e.claim_id = c.id
    LEFT JOIN (
        SELECT claim_id, string_agg(rationale, E'\\n' ORDER BY id) AS body
        FROM claims_review
        WHERE published_at IS NOT NULL AND claim_id BETWEEN %(low)s AND %(high)s
        GROUP BY claim_id
    ) rv ON rv.claim_id = c.id
    WHERE c.id BETWEEN %(low)s AND %(high)s
) AS summary (claim_id, is_contested, evidence_for, evidence_against, statement, claimant, body)
ON CONFLICT (claim_id) DO NOTHING
"""


def claim_summaries_build(*, low: int, high: int, step: int = 100_000) -> None:
    """Summaries for the claims with ids from `low` to `high` that have none yet."""
    if connection.vendor != "postgresql":
        ids = Claim.objects.filter(pk__range=(low, high), summary__isnull=True)
        claim_summary_refresh(claim_ids=ids.values_list("pk", flat=True))
        return
    with connection.cursor() as cursor:
        for start in range(low, high + 1, step):
            params = {
                "low": start,
                "high": min(start + step - 1, high),
                "for": [str(stance) for stance in STANCES_FOR],
                "against": [str(stance) for stance in STANCES_AGAINST],
                "counter": RelationKind.COUNTER_CLAIM.value,
                "published": ClaimState.PUBLISHED.value,
                "config": SEARCH_CONFIG,
            }
            cursor.execute(SUMMARY_SQL, params)


def claim_summaries_refresh_for_sources(*, source_ids: list[int], **_) -> None:
    """A source's title is part of the search text of every claim that cites it."""
    cited = Evidence.objects.filter(source_id__in=source_ids).values_list("claim_id", flat=True)
    first = Claim.objects.filter(first_appeared_in_id__in=source_ids).values_list("pk", flat=True)
    claim_summary_refresh(claim_ids=[*cited, *first])


def _with_partners(claim: Claim) -> set[int]:
    """The claim and every claim related to it: whether those are contested depends on it."""
    related = ClaimRelation.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
    ids = {claim.pk}
    for pair in related.values_list("from_claim_id", "to_claim_id"):
        ids.update(pair)
    return ids


@transaction.atomic
def topic_get_or_create(*, name: str) -> Topic:
    topic = Topic.objects.filter(name=name).first()
    if topic is None:
        topic = Topic(name=name, slug=unique_slug(Topic, name))
        topic.full_clean()
        topic.save()
    return topic


def correction_record(*, claim: Claim, note: str, by: AbstractBaseUser | None) -> Correction:
    """Log a public correction; one admin save that touches a claim and its evidence under one
    note logs it once."""
    correction = Correction.objects.filter(claim=claim, note=note.strip()).first()
    if correction is None:
        correction = Correction(claim=claim, note=note.strip(), created_by=by)
        _save(correction, by)
    return correction


def _save(obj, by: AbstractBaseUser | None) -> None:
    """Save with the acting user recorded in the history, whether or not a request is behind it."""
    obj._history_user = by
    obj.full_clean()
    obj.save()


def _require_correction(note: str) -> None:
    if not note.strip():
        raise ValidationError({"correction_note": CORRECTION_NEEDED})


def _refuse_workflow_changes(claim: Claim, stored: dict | None) -> None:
    """State and verdict are the two-person rule's: only its workflows may set them."""
    expected = stored or field_defaults(Claim, WORKFLOW_FIELDS)
    changed = [f for f in WORKFLOW_FIELDS if getattr(claim, f) != expected[f]]
    if changed:
        names = ", ".join(str(Claim._meta.get_field(f).verbose_name) for f in changed)
        raise ValidationError(WORKFLOW_NOT_EDITABLE.format(fields=names), code="workflow")


def _write(claim: Claim, by: AbstractBaseUser | None, expected_version: int | None = None) -> Claim:
    claim.version = next_version(claim, expected_version)
    _save(claim, by)
    return claim


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
            Claim.objects.filter(pk=claim.pk).values(*MATERIAL_FIELDS, *WORKFLOW_FIELDS).first()
        )
    _refuse_workflow_changes(claim, stored)
    if stored is None:
        claim.created_by = claim.created_by or by
        if not claim.slug:
            claim.slug = unique_slug(Claim, claim.statement)
        _write(claim, by)
        claim_summary_refresh(claim_ids=[claim.pk])
        return claim
    changed = stored is not None and any(
        getattr(claim, field) != stored[field] for field in MATERIAL_FIELDS
    )
    if changed and stored["state"] in PUBLIC_STATES:
        _require_correction(correction_note)
    _write(claim, by, expected_version)
    if changed and stored["state"] in PUBLIC_STATES:
        correction_record(claim=claim, note=correction_note, by=by)
    claim_summary_refresh(claim_ids=[claim.pk])
    return claim


@transaction.atomic
def claim_log(
    *,
    statement: str,
    claimant: str,
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


def _evidence_correction(evidence: Evidence, note: str, by: AbstractBaseUser | None) -> None:
    """Evidence of a published claim is part of what readers were shown."""
    if evidence.claim.is_public:
        _require_correction(note)
        correction_record(claim=evidence.claim, note=note, by=by)


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
        _evidence_correction(evidence, correction_note, by)
    _save(evidence, by)  # validates; a refused save rolls the correction back with it
    claim_summary_refresh(claim_ids=[evidence.claim_id])
    return evidence


@transaction.atomic
def evidence_delete(
    *, evidence: Evidence, by: AbstractBaseUser | None, correction_note: str = ""
) -> None:
    _evidence_correction(evidence, correction_note, by)
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


def _relation_correction(
    pairs: Iterable[tuple[int, int]], note: str, by: AbstractBaseUser | None
) -> None:
    """A relation between two published claims shows on both pages (and may make them
    contested): changing it is a correction, logged on both."""
    for pair in set(pairs):
        shown = list(Claim.objects.filter(pk__in=pair, state=ClaimState.PUBLISHED))
        if len(shown) == 2:
            _require_correction(note)
            for claim in shown:
                correction_record(claim=claim, note=note, by=by)


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
    _save(relation, by)
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


@transaction.atomic
def review_save(*, review: Review, by: AbstractBaseUser) -> Review:
    """Write or revise a pending grading of a claim. A draft claim moves into review with it;
    a new grading of a published claim must say, in its correction note, why it changes."""
    if review.pk is None:
        review.reviewer = by
    else:
        _refuse_change_to_others_grading(review, by)
    _save(review, by)
    claim = review.claim
    if claim.state == ClaimState.DRAFT:
        claim.state = ClaimState.IN_REVIEW
        _write(claim, by)
    return review


def _refuse_change_to_others_grading(review: Review, by: AbstractBaseUser) -> None:
    """A grading is its author's until a second person approves it; then it is history."""
    stored = Review.objects.filter(pk=review.pk).values("published_at", "reviewer_id").first()
    if stored is None:
        return  # restored from its history: a new grading by whoever restores it
    if stored["published_at"] is not None:
        raise ValidationError(PUBLISHED_REVIEW_IS_FINAL)
    if stored["reviewer_id"] != by.pk:
        raise ValidationError(ONLY_AUTHOR_CHANGES_GRADING.format(reviewer=review.reviewer))


@transaction.atomic
def review_delete(*, review: Review, by: AbstractBaseUser) -> None:
    """Take back a pending grading; a claim left with none goes back to draft."""
    _refuse_change_to_others_grading(review, by)
    claim = review.claim
    review._history_user = by
    review.delete()
    if claim.state == ClaimState.IN_REVIEW and not claim.reviews.exists():
        claim.state = ClaimState.DRAFT
        _write(claim, by)


def review_submit(
    *,
    claim: Claim,
    verdict: str,
    rationale: str,
    by: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
    correction_note: str = "",
) -> Review:
    return review_save(
        review=Review(
            claim=claim,
            verdict=verdict,
            rationale=rationale,
            confidence=confidence,
            correction_note=correction_note,
        ),
        by=by,
    )


@transaction.atomic
def claim_submit(*, claim: Claim, by: AbstractBaseUser | None) -> Claim:
    if claim.state != ClaimState.DRAFT:
        raise ValidationError(ONLY_DRAFTS_SUBMITTED.format(state=claim.get_state_display().lower()))
    claim.state = ClaimState.IN_REVIEW
    return _write(claim, by)


@transaction.atomic
def claim_publish(*, claim: Claim, approver: AbstractBaseUser) -> Claim:
    """Approve a claim in review, or a new grading of a published one: its pending reviews are
    published, oldest first, and the newest becomes the current verdict. The approver may not
    have written them. A changed verdict on a published claim is logged as a correction."""
    pending = list(claim.reviews.filter(published_at__isnull=True).order_by("created_at"))
    regrading = claim.state == ClaimState.PUBLISHED and bool(pending)
    if claim.state != ClaimState.IN_REVIEW and not regrading:
        raise ValidationError(NOTHING_TO_APPROVE.format(state=claim.get_state_display().lower()))
    if not pending and not claim.verdict:
        raise ValidationError(NOTHING_TO_PUBLISH)
    if settings.WORKBENCH_REQUIRE_SECOND_PERSON:
        for review in pending:
            if review.reviewer_id == approver.pk:
                raise ValidationError(SAME_PERSON_APPROVES.format(reviewer=review.reviewer))
        if pending:
            _refuse_approver_who_edited(claim, approver, since=pending[0].created_at)
    now = timezone.now()
    previous_verdict = claim.get_verdict_display()
    for review in pending:
        review.published_at = now
        review.approved_by = approver
        review._history_user = approver
        review.save(update_fields=["published_at", "approved_by"])
    if pending:
        newest = pending[-1]
        claim.verdict, claim.confidence, claim.graded_at = newest.verdict, newest.confidence, now
    claim.state = ClaimState.PUBLISHED
    claim.published_at = claim.published_at or now
    _write(claim, approver)
    claim_summary_refresh(claim_ids=_with_partners(claim))
    if regrading:
        for review in pending:
            correction_record(
                claim=claim,
                note=f"Verdict changed from {previous_verdict} to "
                f"{review.get_verdict_display()}. {review.correction_note}",
                by=approver,
            )
            previous_verdict = review.get_verdict_display()
    return claim


def _refuse_approver_who_edited(claim: Claim, approver: AbstractBaseUser, since) -> None:
    """What a second person approves must be what the first graded: an approver who changed
    the claim's wording, evidence or figure after the grading would publish his own work."""
    changed = []
    records = list(claim.history.filter(history_date__gte=since).order_by("history_date"))
    for record in records:
        previous = record.prev_record
        if record.history_user_id != approver.pk or previous is None:
            continue
        fields = record.diff_against(previous).changed_fields
        changed += [f for f in fields if f in MATERIAL_FIELDS or f + "_id" in MATERIAL_FIELDS]
    # The claim's own parts (evidence, its figure), wherever their app lives; gradings and
    # corrections are not the claim's content.
    for relation in Claim._meta.related_objects:
        part = relation.related_model
        if relation.field.name != "claim" or part in (Review, Correction):
            continue
        if not hasattr(part, "history"):
            continue
        edits = part.history.filter(
            claim_id=claim.pk, history_date__gte=since, history_user_id=approver.pk
        )
        if edits.exists():
            changed.append(str(part._meta.verbose_name))
    # Counter-claims are shown on the claim's page too; a relation may have been repointed.
    ever_related = ClaimRelation.history.filter(
        Q(from_claim_id=claim.pk) | Q(to_claim_id=claim.pk)
    ).values("id")
    if ClaimRelation.history.filter(
        id__in=ever_related, history_date__gte=since, history_user_id=approver.pk
    ).exists():
        changed.append("relations")
    if changed:
        what = ", ".join(dict.fromkeys(f.replace("_", " ") for f in changed))
        raise ValidationError(APPROVER_EDITED_CLAIM.format(what=what))


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
    _write(claim, by)
    claim_summary_refresh(claim_ids=_with_partners(claim))
    correction_record(claim=claim, note=f"Withdrawn: {reason.strip()}", by=by)
    return claim


def claim_grade_and_publish(
    *,
    claim: Claim,
    verdict: Verdict | str,
    rationale: str,
    reviewer: AbstractBaseUser,
    approver: AbstractBaseUser,
    confidence: str = Confidence.MEDIUM,
    correction_note: str = "",
) -> Claim:
    """The whole path from a graded draft to a public claim, as two people take it."""
    review_submit(
        claim=claim,
        verdict=verdict,
        rationale=rationale,
        confidence=confidence,
        correction_note=correction_note,
        by=reviewer,
    )
    claim.refresh_from_db()
    return claim_publish(claim=claim, approver=approver)


# -- import ----------------------------------------------------------------------------------

IMPORT_BATCH_SIZE = 1000
IMPORT_REASON = "Imported from {name}"
SAME_PERSON_IMPORTS_AND_APPROVES = (
    "The gradings in the file are recorded as {user}'s; a second person must approve them."
)


@dataclass
class ImportReport:
    """What an import did, or, when `problems` is not empty, why it did nothing."""

    problems: list[str] = field(default_factory=list)
    claims: int = 0
    published: int = 0
    evidence: int = 0
    relations: int = 0
    sources: int = 0
    figures: int = 0
    unchanged: int = 0  # claims already in the workbench, left as they are
    relations_skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.problems:
            return f"Nothing was imported: {len(self.problems)} problem(s) in the file."
        text = (
            f"Imported {self.claims} claims ({self.published} published), "
            f"{self.evidence} evidence items, {self.relations} relations and "
            f"{self.sources} new sources; {self.unchanged} claims were already in the "
            "workbench and were left unchanged."
        )
        if self.figures:
            text += f" {self.figures} claims carry figures."
        if self.relations_skipped:
            text += f" {len(self.relations_skipped)} relations to unknown claims were skipped."
        return text


def _import_problems(file: IO[bytes], format: str) -> tuple[list[str], set[str]]:
    """Every problem in the file, found before anything is written; and the slugs it gives."""
    unreadable = unreadable_parts(file, format)
    if unreadable:
        return unreadable, set()
    problems, slugs, statements = [], set(), set()
    for where, record, shape_problems in read_records(file, format):
        found = shape_problems + (record_problems(record) if record else [])
        if record and format == "json":
            found += list(unshowable_fields(record))
        if record and record["slug"]:
            if record["slug"] in slugs:
                found.append(f"the slug “{record['slug']}” is used by another claim above")
            slugs.add(record["slug"])
        elif record:
            if record["statement"] in statements:
                found.append("the same statement appears above; give each claim once")
            statements.add(record["statement"])
        problems += [f"{where}: {problem}" for problem in found]
    return problems, slugs


def claims_import(
    *,
    file: IO[bytes],
    format: str,
    name: str,
    by: AbstractBaseUser,
    approver: AbstractBaseUser | None = None,
) -> ImportReport:
    """Import claims with their evidence, sources, relations and gradings from a CSV or JSON
    file (claims/interchange.py), all or nothing.

    The whole file is checked first; one problem anywhere and nothing is written. Claims
    already in the workbench (same slug, or same statement when the file gives none) are left
    as they are, so importing a file twice changes nothing. Gradings are recorded as `by`'s
    reviews: with an `approver` (a second person) they are published, otherwise they wait for
    approval like any other. The file is read as a stream, twice, and written in batches, in
    bulk but with a history record for every row."""
    if approver and approver.pk == by.pk and settings.WORKBENCH_REQUIRE_SECOND_PERSON:
        return ImportReport(problems=[SAME_PERSON_IMPORTS_AND_APPROVES.format(user=by)])
    try:
        problems, given_slugs = _import_problems(file, format)
        if problems:
            return ImportReport(problems=problems)
        importer = _ClaimImporter(
            by=by,
            approver=approver,
            reason=IMPORT_REASON.format(name=name),
            reserved_slugs=given_slugs,
        )
        with transaction.atomic():
            records = (record for _, record, _ in read_records(file, format))
            for batch in batches(records, IMPORT_BATCH_SIZE):
                importer.add(batch)
            importer.finish()
    except FormatError as error:
        return ImportReport(problems=[str(error)])
    except IntegrityError as error:
        # Another editor wrote a conflicting row meanwhile; the import was rolled back whole.
        return ImportReport(problems=[f"The import conflicts with the workbench: {error}"])
    return importer.report


class _ClaimImporter:
    """The writing half of claims_import(), batch by batch, with rows written in bulk."""

    def __init__(
        self,
        *,
        by: AbstractBaseUser,
        approver: AbstractBaseUser | None,
        reason: str,
        reserved_slugs: set[str],
    ):
        self.by, self.approver, self.reason = by, approver, reason
        # Slugs the file gives its own claims: a slug made for another claim must avoid them.
        self.reserved_slugs = reserved_slugs
        self.now = timezone.now()
        self.report = ImportReport()
        self.topics: dict[str, int] = dict(Topic.objects.values_list("name", "pk"))
        self.relations: list[tuple[int, dict[str, str]]] = []
        self.new_claim_ids: list[int] = []
        self.source_ids: dict[str, int] = {}

    def _create(self, model, rows: list[dict]) -> list[dict]:
        return create_tracked(model, rows, user_id=self.by.pk, reason=self.reason)

    def add(self, records: list[dict]) -> None:
        records = self._without_existing(records)
        if not records:
            return
        source_ids = self._sources(records)
        claims = self._claims(records, source_ids)
        self._topics(records, claims)
        self._evidence(records, claims, source_ids)
        self._reviews(records, claims)
        self._figures(records, claims)
        self.relations += [
            (claim["id"], relation)
            for record, claim in zip(records, claims, strict=True)
            for relation in record["relations"]
        ]

    def _without_existing(self, records: list[dict]) -> list[dict]:
        slugs = {r["slug"] for r in records if r["slug"]}
        statements = {r["statement"] for r in records if not r["slug"]}
        existing = set(Claim.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        existing |= set(
            Claim.objects.filter(statement__in=statements).values_list("statement", flat=True)
        )
        new = [r for r in records if (r["slug"] or r["statement"]) not in existing]
        self.report.unchanged += len(records) - len(new)
        return new

    def _sources(self, records: list[dict]) -> dict[str, int]:
        cited = [item["source"] for record in records for item in record["evidence"]]
        cited += [record["first_appeared_in"] for record in records if record["first_appeared_in"]]
        # Sources recur from batch to batch: look up each once per import.
        unknown = [s for s in cited if source_key(**_key_fields(s)) not in self.source_ids]
        if unknown:
            before = Source.objects.count()
            found = sources_get_or_create(sources=unknown, by=self.by, reason=self.reason)
            self.source_ids |= found
            self.report.sources += Source.objects.count() - before
        return self.source_ids

    def _claims(self, records: list[dict], source_ids: dict[str, int]) -> list[dict]:
        statements = [r["statement"] for r in records if not r["slug"]]
        slugs = iter(unique_slugs(Claim, statements, reserved=self.reserved_slugs))
        rows = []
        for record in records:
            first = record["first_appeared_in"]
            graded = bool(record["verdict"])
            publish = graded and self.approver is not None
            state = ClaimState.DRAFT
            if graded:
                state = ClaimState.PUBLISHED if publish else ClaimState.IN_REVIEW
            rows.append(
                {
                    "slug": record["slug"] or next(slugs),
                    "statement": record["statement"],
                    "kind": record["kind"] or ClaimKind.FACT,
                    "claimant": record["claimant"],
                    "context": record["context"],
                    "first_appeared_in_id": source_ids[source_key(**_key_fields(first))]
                    if first
                    else None,
                    "first_appeared_locator": record["first_appeared_locator"],
                    "first_appeared_on": record["first_appeared_on"] or None,
                    "recheck_due": record["recheck_due"] or None,
                    "state": state,
                    "verdict": record["verdict"] if publish else "",
                    "confidence": (record["confidence"] or Confidence.MEDIUM) if publish else "",
                    "graded_at": self.now if publish else None,
                    "published_at": self.now if publish else None,
                    "created_at": self.now,
                    "updated_at": self.now,
                    "created_by_id": self.by.pk,
                }
            )
            self.report.published += publish
        claims = self._create(Claim, rows)
        self.report.claims += len(claims)
        self.new_claim_ids += [claim["id"] for claim in claims]
        return claims

    def _topics(self, records: list[dict], claims: list[dict]) -> None:
        for name in {name for r in records for name in r["topics"]} - self.topics.keys():
            self.topics[name] = topic_get_or_create(name=name).pk
        links = [
            {"claim_id": claim["id"], "topic_id": self.topics[name], "history": claim["history_id"]}
            for record, claim in zip(records, claims, strict=True)
            for name in dict.fromkeys(record["topics"])
        ]
        through = Claim.topics.through
        for link, pk in zip(links, allocate_ids(through, len(links)), strict=True):
            link["id"] = pk
        insert_rows(through, links)
        # The claims' first history records list their topics, as a save in the admin would.
        topic_history = Claim.history.model.topics.model
        history_ids = allocate_ids(topic_history, len(links))
        insert_rows(
            topic_history,
            (
                {**link, "m2m_history_id": m2m_id, "history_id": link["history"]}
                for link, m2m_id in zip(links, history_ids, strict=True)
            ),
        )

    def _evidence(self, records: list[dict], claims: list[dict], source_ids) -> None:
        rows = [
            {
                "claim_id": claim["id"],
                "source_id": source_ids[source_key(**_key_fields(item["source"]))],
                "stance": item["stance"],
                "excerpt": item["excerpt"],
                "locator": item["locator"],
                "note": item["note"],
                "added_by_id": self.by.pk,
                "added_at": self.now,
            }
            for record, claim in zip(records, claims, strict=True)
            for item in record["evidence"]
        ]
        self.report.evidence += len(self._create(Evidence, rows))

    def _reviews(self, records: list[dict], claims: list[dict]) -> None:
        rows = [
            {
                "claim_id": claim["id"],
                "verdict": record["verdict"],
                "confidence": record["confidence"] or Confidence.MEDIUM,
                "rationale": record["rationale"],
                "reviewer_id": self.by.pk,
                "created_at": self.now,
                "published_at": self.now if self.approver else None,
                "approved_by_id": self.approver.pk if self.approver else None,
                "correction_note": "",
            }
            for record, claim in zip(records, claims, strict=True)
            if record["verdict"]
        ]
        self._create(Review, rows)

    def _figures(self, records: list[dict], claims: list[dict]) -> None:
        """Figures one by one, through figure_save(): each is normalised and compared with
        the figures already in the workbench, as if an editor had entered it."""
        # figures builds on claims (its services record corrections through these), so it is
        # imported where it is used.
        from figures.services import figure_save, subject_get_or_create

        for record, claim in zip(records, claims, strict=True):
            if not record["figure"]:
                continue
            figure = figure_from_record(record["figure"])
            figure.claim_id = claim["id"]
            figure.subject = subject_get_or_create(
                name=record["figure"]["subject"],
                released_on=record["figure"]["subject_released_on"] or None,
            )
            figure._change_reason = self.reason
            figure_save(figure=figure, by=self.by)
            self.report.figures += 1

    def finish(self) -> None:
        """Relations, once every claim they may point to exists; then summaries, once."""
        slugs = sorted({relation["claim"] for _, relation in self.relations})
        ids = {}
        for chunk in batches(slugs, IMPORT_BATCH_SIZE):
            ids.update(Claim.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        rows, partners, seen = [], set(), set()
        for from_id, relation in self.relations:
            to_id = ids.get(relation["claim"])
            if to_id is None or to_id == from_id:
                self.report.relations_skipped.append(relation["claim"])
                continue
            if (from_id, to_id, relation["kind"]) in seen:
                continue  # given twice in the file
            seen.add((from_id, to_id, relation["kind"]))
            rows.append(
                {
                    "from_claim_id": from_id,
                    "to_claim_id": to_id,
                    "kind": relation["kind"],
                    "note": relation["note"],
                    "created_at": self.now,
                    "created_by_id": self.by.pk,
                }
            )
            partners.add(to_id)
        self.report.relations = len(self._create(ClaimRelation, rows))
        for low, high in _runs(self.new_claim_ids):
            claim_summaries_build(low=low, high=high)
        claim_summary_refresh(claim_ids=partners - set(self.new_claim_ids))
        if self.new_claim_ids:
            bump_version()  # bulk writes send no signals; public pages must still see them


def _key_fields(source: dict[str, str]) -> dict[str, str]:
    return {"title": source["title"], "url": source["url"]}


def _runs(ids: list[int]) -> Iterable[tuple[int, int]]:
    """Runs of consecutive ids as (first, last): new rows' ids, which are mostly one run."""
    for _, run in groupby(enumerate(sorted(ids)), key=lambda pair: pair[1] - pair[0]):
        pks = [pk for _, pk in run]
        yield pks[0], pks[-1]
