"""Importing claims from an exchange file: all or nothing, in bulk, with a history record
for every row written."""

import datetime
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from itertools import groupby
from typing import IO, Protocol

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from claims.choices import ClaimKind, ClaimState, Confidence, RelationKind, SubjectKind
from claims.models import (
    Claim,
    ClaimRelation,
    Correction,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    Topic,
    normalised_name,
)
from claims.services import (
    SUMMARY_BATCH_SIZE,
    approval_refused,
    claim_summaries_build,
    claim_summary_refresh,
    claimant_get_or_create,
    conflict_explain,
    correction_needed,
    correction_record,
    correction_text,
    figure_save,
    subject_get_or_create,
    topic_get_or_create,
)
from documents.services import check_quotes_of_source
from sources.models import Source
from sources.services import source_key, sources_get_or_create
from workbench.bulk import allocate_ids, batches, create_tracked, insert_rows, sizes_recount
from workbench.cache import bump_version
from workbench.slugs import unique_slugs

from .read import FormatError, read_records
from .records import QUOTE_FIELDS, Report
from .validate import PUBLISHED_STATES, figure_from_record, file_problems, graded_at

IMPORT_BATCH_SIZE = 1000
IMPORT_REASON = "Imported from {name}"
# The reason is kept in each history record, in a field of 100 characters.
NAME_IN_REASON_MAX_LENGTH = 80
DEFAULT_LANGUAGE = "en"  # what a file that says nothing of languages is written in
ONLY_EDITORS_IMPORT = "{user} may not add claims, so cannot import them."
SAME_PERSON_IMPORTS_AND_APPROVES = (
    "The gradings in the file are recorded as {user}'s; a second person must approve them."
)


@dataclass
class ImportReport(Report):
    claims: int = 0
    published: int = 0
    evidence: int = 0
    relations: int = 0
    sources: int = 0
    figures: int = 0
    explanations: int = 0
    unchanged: int = 0  # claims already in the workbench, left as they are
    relations_skipped: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.failure:
            return f"Nothing was imported: {self.failure}"
        if self.problems:
            return self.refusal
        text = (
            f"Imported {self.claims:,} claims ({self.published:,} published), "
            f"{self.evidence:,} evidence items, {self.relations:,} relations and "
            f"{self.sources:,} new sources; {self.unchanged:,} claims were already in the "
            "workbench and were left unchanged."
        )
        if self.figures:
            text += f" {self.figures:,} claims carry figures."
        if self.explanations:
            text += f" {self.explanations:,} disagreements between figures were explained."
        if self.relations_skipped:
            text += f" {len(self.relations_skipped):,} relations to unknown claims were skipped."
        return text


class ImportProgress(Protocol):
    """Whoever follows an import as it goes (a job in the admin, exchange/jobs.py)."""

    def checking(self, claims: int, problems: list[str]) -> None:
        """After each claim of the first pass: how many were checked, the problems so far."""

    def writing(self, claims: int, total: int) -> None:
        """After each batch written, inside the import's transaction."""

    def indexing(self, claims: int, total: int) -> None:
        """After each batch of the new claims' summaries (their search terms) is built: the
        import's last long step, inside its transaction."""

    def imported(self, report: ImportReport) -> None:
        """The import's last step inside its transaction: committed with it, or not at all."""


def claims_import(
    *,
    file: IO[bytes],
    format: str,
    name: str,
    by: AbstractBaseUser,
    approver: AbstractBaseUser | None = None,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import claims with their evidence, sources, relations and gradings from a CSV or JSON
    file (exchange/records.py), all or nothing.

    The whole file is checked first; one problem anywhere and nothing is written. Claims
    already in the workbench (same slug, or same statement when the file gives none) are left
    as they are, so importing a file twice changes nothing. Gradings are recorded as `by`'s
    reviews: with an `approver` (a second person) they are published, unless the file says a
    claim is still in review; without one they wait for approval like any other. A grading
    keeps the date the file gives it. The file is read as a stream, twice, and written in
    batches, in bulk but with a history record for every row. `progress` is told how far
    it has come."""
    if not by.has_perm("claims.add_claim"):
        return ImportReport(failure=ONLY_EDITORS_IMPORT.format(user=by))
    if approver and approver.pk == by.pk and settings.WORKBENCH_REQUIRE_SECOND_PERSON:
        return ImportReport(problems=[SAME_PERSON_IMPORTS_AND_APPROVES.format(user=by)])
    if approver and (refusal := approval_refused(approver)):
        return ImportReport(problems=[refusal])
    try:
        checked = file_problems(
            file, format, approved=approver is not None, checked=progress and progress.checking
        )
        if checked.problems:
            return ImportReport(problems=checked.problems)
        importer = _ClaimImporter(
            by=by,
            approver=approver,
            reason=IMPORT_REASON.format(name=Truncator(name).chars(NAME_IN_REASON_MAX_LENGTH)),
            reserved_slugs=checked.slugs,
        )
        if progress:
            progress.writing(0, checked.claims)  # outside the transaction: seen on SQLite too
        records = (record for _, record, _ in read_records(file, format))
        # Closed here, while the caller's file is still open, if a batch fails.
        with transaction.atomic(), closing(records):
            written = 0
            for batch in batches(records, IMPORT_BATCH_SIZE):
                importer.add(batch)
                written += len(batch)
                if progress:
                    progress.writing(written, checked.claims)
            importer.finish(progress)
            if progress:
                progress.imported(importer.report)
    except FormatError as error:
        return ImportReport(problems=[str(error)])
    except IntegrityError as error:
        # Another editor wrote a conflicting row meanwhile; the import was rolled back whole.
        return ImportReport(failure=f"The import conflicts with the workbench: {error}")
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
        self.claimants: dict[str, int] = {}  # by normalised name
        self.relations: list[tuple[int, dict[str, str]]] = []
        self.explanations: list[tuple[Figure, dict[str, str]]] = []
        self.new_claim_ids: list[int] = []
        # Comparing a figure summarises its claim before the claim's relations are written.
        self.figured_claim_ids: set[int] = set()
        self.source_ids: dict[str, int] = {}
        self.quoted_sources: set[int] = set()

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
            publish = self._published(record)
            state = ClaimState.DRAFT
            if record["verdict"]:
                state = ClaimState.PUBLISHED if publish else ClaimState.IN_REVIEW
            graded_at = self._graded_at(record) if publish else None
            withdrawn = publish and record["state"] == ClaimState.WITHDRAWN
            if withdrawn:
                state = ClaimState.WITHDRAWN
            rows.append(
                {
                    "slug": record["slug"] or next(slugs),
                    "statement": record["statement"],
                    "language": record["language"] or DEFAULT_LANGUAGE,
                    "kind": record["kind"] or ClaimKind.FACT,
                    "claimant_id": self._claimant_id(record["claimant"]),
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
                    "graded_at": graded_at,
                    "published_at": graded_at,
                    "withdrawn_at": self.now if withdrawn else None,
                    "withdrawn_reason": record["withdrawn_reason"] if withdrawn else "",
                    "created_at": self.now,
                    "updated_at": self.now,
                    "created_by_id": self.by.pk,
                }
            )
            self.report.published += publish
        claims = self._create(Claim, rows)
        self._create(
            Correction,
            [
                {
                    "claim_id": claim["id"],
                    "note": correction_text("Withdrawn", claim["withdrawn_reason"]),
                    "created_at": self.now,
                    "created_by_id": self.by.pk,
                }
                for claim in claims
                if claim["state"] == ClaimState.WITHDRAWN
            ],
        )
        self.report.claims += len(claims)
        self.new_claim_ids += [claim["id"] for claim in claims]
        return claims

    def _claimant_id(self, name: str) -> int:
        """The claimant the file names, by name or alias in any spelling folded together, made
        when the workbench has none; looked up once per import."""
        key = normalised_name(name)
        if key not in self.claimants:
            self.claimants[key] = claimant_get_or_create(name=name, by=self.by).pk
        return self.claimants[key]

    def _published(self, record: dict) -> bool:
        wanted = record["state"] in PUBLISHED_STATES
        return bool(record["verdict"]) and wanted and self.approver is not None

    def _graded_at(self, record: dict) -> datetime.datetime:
        return (record["graded_at"] and graded_at(record["graded_at"])) or self.now

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
                "language": item["language"] or DEFAULT_LANGUAGE,
                **{name: item[name] for name in QUOTE_FIELDS},
                "added_by_id": self.by.pk,
                "added_at": self.now,
            }
            for record, claim in zip(records, claims, strict=True)
            for item in record["evidence"]
        ]
        self.report.evidence += len(self._create(Evidence, rows))
        self.quoted_sources |= {row["source_id"] for row in rows if row["quote"]}

    def _reviews(self, records: list[dict], claims: list[dict]) -> None:
        rows = []
        for record, claim in zip(records, claims, strict=True):
            if not record["verdict"]:
                continue
            publish = self._published(record)
            rows.append(
                {
                    "claim_id": claim["id"],
                    "verdict": record["verdict"],
                    "confidence": record["confidence"] or Confidence.MEDIUM,
                    "rationale": record["rationale"],
                    "reviewer_id": self.by.pk,
                    "created_at": self._graded_at(record) if publish else self.now,
                    "published_at": claim["published_at"],
                    "approved_by_id": self.approver.pk if publish else None,
                    "correction_note": "",
                }
            )
        self._create(Review, rows)

    def _figures(self, records: list[dict], claims: list[dict]) -> None:
        """Figures one by one, through figure_save(): each is normalised and compared with
        the figures already in the workbench, as if an editor had entered it."""

        for record, claim in zip(records, claims, strict=True):
            if not record["figure"]:
                continue
            figure = figure_from_record(record["figure"])
            figure.claim_id = claim["id"]
            figure.subject = subject_get_or_create(
                name=record["figure"]["subject"],
                released_on=record["figure"]["subject_released_on"] or None,
                kind=record["figure"]["subject_kind"] or SubjectKind.MODEL,
                developers=record["figure"]["subject_developers"],
            )
            figure._change_reason = self.reason
            figure_save(figure=figure, by=self.by, summarise=False)
            self.figured_claim_ids.add(claim["id"])
            self.report.figures += 1
            self.explanations += [(figure, item) for item in record["figure"]["explanations"]]

    def _correct_linked(self, rows: list[dict], existing: set[int]) -> None:
        """A link from a new claim to one readers already see changes that claim's page: by
        the correction rule, a public correction there, with the import as its reason."""
        if not existing:
            return
        linked = [row for row in rows if row["to_claim_id"] in existing]
        claims = Claim.objects.in_bulk(
            {row["from_claim_id"] for row in linked} | {row["to_claim_id"] for row in linked}
        )
        for row in linked:
            new, shown = claims[row["from_claim_id"]], claims[row["to_claim_id"]]
            if correction_needed([new, shown], link=True):
                label = RelationKind(row["kind"]).label.lower()
                correction_record(
                    claim=shown,
                    what=f"Linked to a new claim, “{new.statement}” ({label})",
                    note=self.reason,
                    by=self.by,
                )

    def _explain(self) -> None:
        """Explanations, once every figure they may concern exists; a pair the detector does
        not find in disagreement has nothing to explain."""
        for figure, item in self.explanations:
            other = Figure.objects.filter(claim__slug=item["claim"]).first()
            if other is None:
                continue
            first, second = sorted([figure, other], key=lambda f: f.pk)
            conflict = FigureConflict.objects.filter(figure=first, other=second).first()
            if conflict and not conflict.explanation:
                conflict_explain(conflict=conflict, explanation=item["explanation"], by=self.by)
                self.report.explanations += 1

    def finish(self, progress: ImportProgress | None = None) -> None:
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
        # What the summaries read, now that it is written.
        sizes_recount(Claim, Evidence, Review, ClaimRelation, Source, Claim.topics.through)
        self._correct_linked(rows, partners - set(self.new_claim_ids))
        self._explain()
        indexed = 0  # told after each of the summaries' own batches
        for low, high in _runs(self.new_claim_ids):
            for start in range(low, high + 1, SUMMARY_BATCH_SIZE):
                end = min(high, start + SUMMARY_BATCH_SIZE - 1)
                claim_summaries_build(low=start, high=end)
                indexed += end - start + 1
                if progress:
                    progress.indexing(indexed, len(self.new_claim_ids))
        claim_summary_refresh(
            claim_ids=(partners - set(self.new_claim_ids)) | self.figured_claim_ids
        )
        if self.new_claim_ids:
            bump_version()  # bulk writes send no signals; public pages must still see them
        for source_id in sorted(self.quoted_sources):
            # Bulk writes send no signals: the quotes are looked for in the kept copies here.
            check_quotes_of_source.enqueue(source_id)


def _key_fields(source: dict[str, str]) -> dict[str, str]:
    return {"title": source["title"], "url": source["url"]}


def _runs(ids: list[int]) -> Iterable[tuple[int, int]]:
    """Runs of consecutive ids as (first, last): new rows' ids, which are mostly one run."""
    for _, run in groupby(enumerate(sorted(ids)), key=lambda pair: pair[1] - pair[0]):
        pks = [pk for _, pk in run]
        yield pks[0], pks[-1]
