"""The exchange format for claims: the CSV and JSON that `import_claims` reads and
`export_claims` and the public download links write, and the ClaimReview export.

A claim travels as a record: its own fields, its first appearance, its current verdict with the
rationale, its relations (by the other claim's short name) and its evidence, each with the
source it cites. JSON holds a list of records; CSV holds one row per evidence item, with the
claim's columns repeated on each of its rows (a claim without evidence has one row). Export and
import use the same record, so an export imported into an empty workbench exports identically.
"""

from dataclasses import dataclass, field
from typing import Any

from claims.choices import ClaimState
from claims.models import Claim, Figure
from sources.models import Source

FORMATS = ("csv", "json")

EXPORT_FORMATS = (*FORMATS, "claimreview")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "claimreview": "application/ld+json",
}

CLAIM_COLUMNS = [
    "slug",
    "statement",
    "language",
    "kind",
    "claimant",
    "topics",
    "context",
    "first_source",
    "first_source_url",
    "first_appeared_locator",
    "first_appeared_on",
    "recheck_due",
    "state",
    "verdict",
    "confidence",
    "rationale",
    "graded_at",
    "withdrawn_reason",
    "relations",
]

# An evidence item's text-quote anchor into a kept copy of its source (the copy by its SHA-256).
# Kept as given, spaces included: the context on each side is part of the anchor.
QUOTE_FIELDS = ["quote", "quote_prefix", "quote_suffix", "quote_copy"]

EVIDENCE_COLUMNS = [
    "source",
    "source_url",
    "source_outlet",
    "source_kind",
    "source_published_on",
    "stance",
    "excerpt",
    "locator",
    "evidence_note",
    "evidence_language",
    *QUOTE_FIELDS,
]

# A claim's figure (figures app), when it states a number: as the editor entered it.
FIGURE_FIELDS = [
    "subject",
    "subject_released_on",
    "subject_kind",
    "subject_developers",
    "quantity",
    "value",
    "lower",
    "upper",
    "unit",
    "qualifier",
    "scope",
    "method",
    "refers_to",
    "rank",
    "rank_reason",
    "usd_rate",
    "usd_rate_on",
]

FIGURE_NUMBERS = ("value", "lower", "upper", "usd_rate")

# Editors' explanations of the disagreements between this figure and others, by the other
# figure's claim; in CSV one "other-claim-slug: explanation" per line of the cell.
FIGURE_COLUMNS = [f"figure_{name}" for name in FIGURE_FIELDS] + ["figure_explanations"]

CSV_COLUMNS = CLAIM_COLUMNS + FIGURE_COLUMNS + EVIDENCE_COLUMNS

# Several topics or relations share one cell: "Compute; Chips", "counter_claim:other-claim".
LIST_SEPARATOR = "; "

# The claim's columns that hold one text each, as they are; the others are lists or a source.
CLAIM_TEXT_FIELDS = [
    name
    for name in CLAIM_COLUMNS
    if name not in ("topics", "first_source", "first_source_url", "relations")
]
# How far through the workflow a claim in a file has come: a draft has no verdict; a graded
# claim is "in_review" until a second person approves it, then "published", and may since
# have been "withdrawn" (with its reason). Files that say nothing mean published when graded.
IMPORTED_STATES = (
    ClaimState.DRAFT,
    ClaimState.IN_REVIEW,
    ClaimState.PUBLISHED,
    ClaimState.WITHDRAWN,
)

SOURCE_FIELDS = ["title", "url", "outlet", "kind", "published_on"]

EVIDENCE_FIELDS = ["stance", "excerpt", "locator", "note", "language", *QUOTE_FIELDS]

RELATION_FIELDS = ["kind", "claim", "note"]


@dataclass
class Report:
    """What an import did, or, when `problems` is not empty, why it did nothing: the file's
    problems, or the `failure` of an import of a sound file (another editor's write at the
    same time, the importer's rights), which running it again may get past."""

    problems: list[str] = field(default_factory=list)
    failure: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.failure

    @property
    def refusal(self) -> str:
        return f"Nothing was imported: {len(self.problems)} problem(s) in the file."


class FormatError(Exception):
    """The file cannot be read as the format at all (not CSV with our header, not JSON)."""


def _date(value) -> str:
    return value.isoformat() if value else ""


def source_record(source: Source) -> dict[str, str]:
    return {
        "title": source.title,
        "url": source.url,
        "outlet": source.outlet.name if source.outlet else "",
        "kind": source.kind,
        "published_on": _date(source.published_on),
    }


def figure_record(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "subject": figure.subject.name,
        "subject_released_on": _date(figure.subject.released_on),
        "subject_kind": figure.subject.kind,
        "subject_developers": figure.subject.developers,
        "quantity": figure.quantity,
        "value": figure.value,
        "lower": figure.lower,
        "upper": figure.upper,
        "unit": figure.unit,
        "qualifier": figure.bound,
        "scope": figure.scope,
        "method": figure.method,
        "refers_to": _date(figure.refers_to),
        "rank": figure.rank,
        "rank_reason": figure.rank_reason,
        "usd_rate": figure.usd_rate,
        "usd_rate_on": _date(figure.usd_rate_on),
        # Each explained pair travels once, with the figure entered first.
        "explanations": [
            {"claim": conflict.other.claim.slug, "explanation": conflict.explanation}
            for conflict in figure.conflicts_as_first.all()
            if conflict.explanation
        ],
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim loaded by selectors.claim_export() as an exchange record. A claim in review
    carries the grading that waits for approval."""
    published = [review for review in claim.verdict_history if review.published_at]
    pending = [review for review in claim.verdict_history if not review.published_at]
    grading = published[0] if published else None
    verdict, confidence = claim.verdict, claim.confidence if claim.verdict else ""
    if claim.state == ClaimState.IN_REVIEW and pending:
        grading = pending[0]
        verdict, confidence = grading.verdict, grading.confidence
    return {
        "slug": claim.slug,
        "statement": claim.statement,
        "language": claim.language,
        "kind": claim.kind,
        "claimant": claim.claimant.name,
        "topics": [topic.name for topic in claim.topics.all()],
        "context": claim.context,
        "first_appeared_in": (
            source_record(claim.first_appeared_in) if claim.first_appeared_in else None
        ),
        "first_appeared_locator": claim.first_appeared_locator,
        "first_appeared_on": _date(claim.first_appeared_on),
        "recheck_due": _date(claim.recheck_due),
        "state": claim.state,
        "verdict": verdict,
        "confidence": confidence,
        "rationale": grading.rationale if grading else "",
        "graded_at": claim.graded_at.isoformat() if claim.graded_at else "",
        "withdrawn_reason": claim.withdrawn_reason,
        # Each relation travels once, with the claim it starts from.
        "relations": [
            {"kind": relation.kind, "claim": relation.to_claim.slug, "note": relation.note}
            for relation in claim.relations_out.all()
        ],
        # claim_export() brings the figure; a missing one-to-one raises AttributeError.
        "figure": figure_record(getattr(claim, "figure", None)),
        "evidence": [
            {
                "source": source_record(item.source),
                "stance": item.stance,
                "excerpt": item.excerpt,
                "locator": item.locator,
                "note": item.note,
                "language": item.language,
                **{name: getattr(item, name) for name in QUOTE_FIELDS},
            }
            for item in claim.evidence.all()
        ],
    }


def cell_text(value: Any) -> str:
    """A value as CSV text; floats exactly (repr), so that they survive a round trip."""
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def csv_rows(record: dict[str, Any]) -> list[dict[str, str]]:
    first = record["first_appeared_in"] or {}
    claim_columns = {
        **{name: record[name] for name in CLAIM_TEXT_FIELDS},
        "topics": LIST_SEPARATOR.join(record["topics"]),
        "first_source": first.get("title", ""),
        "first_source_url": first.get("url", ""),
        "relations": LIST_SEPARATOR.join(
            f"{relation['kind']}:{relation['claim']}" for relation in record["relations"]
        ),
        **{
            f"figure_{name}": cell_text((record["figure"] or {}).get(name))
            for name in FIGURE_FIELDS
        },
        "figure_explanations": "\n".join(
            f"{item['claim']}: {item['explanation']}"
            for item in (record["figure"] or {}).get("explanations", [])
        ),
    }
    if not record["evidence"]:
        return [{**claim_columns, **dict.fromkeys(EVIDENCE_COLUMNS, "")}]
    return [
        {
            **claim_columns,
            "source": item["source"]["title"],
            "source_url": item["source"]["url"],
            "source_outlet": item["source"]["outlet"],
            "source_kind": item["source"]["kind"],
            "source_published_on": item["source"]["published_on"],
            "stance": item["stance"],
            "excerpt": item["excerpt"],
            "locator": item["locator"],
            "evidence_note": item["note"],
            "evidence_language": item["language"],
            **{name: item[name] for name in QUOTE_FIELDS},
        }
        for item in record["evidence"]
    ]
