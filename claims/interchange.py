"""The exchange format for claims: the CSV and JSON that `import_claims` reads and
`export_claims` and the public download links write, and the ClaimReview export.

A claim travels as a record: its own fields, its first appearance, its current verdict with the
rationale, its relations (by the other claim's short name) and its evidence, each with the
source it cites. JSON holds a list of records; CSV holds one row per evidence item, with the
claim's columns repeated on each of its rows (a claim without evidence has one row). Export and
import use the same record, so an export imported into an empty workbench exports identically.
"""

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, Any

import ijson
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model

from figures.choices import Bound, Method, Rank
from figures.models import NORMALISED_FIELDS, Figure, Subject
from sources.choices import SourceKind
from sources.models import Outlet, Source
from workbench.unstorable import might_be_unshowable, unshowable_problem

from .choices import ClaimKind, Confidence
from .claimreview import claim_review
from .models import Claim, ClaimRelation, Evidence, Review, Topic

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
    "kind",
    "claimant",
    "topics",
    "context",
    "first_source",
    "first_source_url",
    "first_appeared_locator",
    "first_appeared_on",
    "recheck_due",
    "verdict",
    "confidence",
    "rationale",
    "relations",
]
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
]
# A claim's figure (figures app), when it states a number: as the editor entered it.
FIGURE_FIELDS = [
    "subject",
    "subject_released_on",
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
FIGURE_COLUMNS = [f"figure_{name}" for name in FIGURE_FIELDS]
CSV_COLUMNS = CLAIM_COLUMNS + FIGURE_COLUMNS + EVIDENCE_COLUMNS
# Several topics or relations share one cell: "Compute; Chips", "counter_claim:other-claim".
LIST_SEPARATOR = "; "

CLAIM_TEXT_FIELDS = [
    "slug",
    "statement",
    "kind",
    "claimant",
    "context",
    "first_appeared_locator",
    "first_appeared_on",
    "recheck_due",
    "verdict",
    "confidence",
    "rationale",
]
SOURCE_FIELDS = ["title", "url", "outlet", "kind", "published_on"]
EVIDENCE_FIELDS = ["stance", "excerpt", "locator", "note"]
RELATION_FIELDS = ["kind", "claim", "note"]


class FormatError(Exception):
    """The file cannot be read as the format at all (not CSV with our header, not JSON)."""


# -- export ----------------------------------------------------------------------------------


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
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim loaded by selectors.claim_export() as an exchange record."""
    current = claim.verdict_history[0] if claim.verdict_history else None
    return {
        "slug": claim.slug,
        "statement": claim.statement,
        "kind": claim.kind,
        "claimant": claim.claimant,
        "topics": [topic.name for topic in claim.topics.all()],
        "context": claim.context,
        "first_appeared_in": (
            source_record(claim.first_appeared_in) if claim.first_appeared_in else None
        ),
        "first_appeared_locator": claim.first_appeared_locator,
        "first_appeared_on": _date(claim.first_appeared_on),
        "recheck_due": _date(claim.recheck_due),
        "verdict": claim.verdict,
        "confidence": claim.confidence if claim.verdict else "",
        "rationale": current.rationale if current else "",
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
            }
            for item in claim.evidence.all()
        ],
    }


def _cell(value: Any) -> str:
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
        **{f"figure_{name}": _cell((record["figure"] or {}).get(name)) for name in FIGURE_FIELDS},
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
        }
        for item in record["evidence"]
    ]


def export_chunks(claims: Iterable[Claim], format: str) -> Iterator[str]:
    """The export of `claims` piece by piece, so that a large one streams."""
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for claim in claims:
            writer.writerows(csv_rows(claim_record(claim)))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()
        return
    build = claim_record if format == "json" else claim_review
    separator = "[\n"
    for claim in claims:
        yield separator + json.dumps(build(claim), ensure_ascii=False, indent=1)
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


# -- import ----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {json.dumps(value, default=str)[:40]}")
    return value.strip()


def _source_from_json(value: Any) -> dict[str, str] | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise ValueError("a source must be an object with a title")
    return {name: _text(value.get(name)) for name in SOURCE_FIELDS}


def _figure_from_json(value: Any) -> dict[str, str] | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise ValueError("a figure must be an object with a subject and a value")
    return {
        name: _cell(value.get(name)) if name in FIGURE_NUMBERS else _text(value.get(name))
        for name in FIGURE_FIELDS
    }


def record_from_json(item: Any) -> dict[str, Any]:
    """A record from one element of a JSON file, with every field present and stripped.
    Raises ValueError when the element does not have the record's shape."""
    if not isinstance(item, dict):
        raise ValueError("each claim must be a JSON object")
    topics, relations, evidence = (
        [] if item.get(name) is None else item[name] for name in ("topics", "relations", "evidence")
    )
    if not all(isinstance(value, list) for value in (topics, relations, evidence)):
        raise ValueError("topics, relations and evidence must be lists")
    if not all(isinstance(value, dict) for value in [*relations, *evidence]):
        raise ValueError("each relation and each evidence item must be an object")
    return {
        **{name: _text(item.get(name)) for name in CLAIM_TEXT_FIELDS},
        "topics": [_text(topic) for topic in topics],
        "first_appeared_in": _source_from_json(item.get("first_appeared_in")),
        "figure": _figure_from_json(item.get("figure")),
        "relations": [{name: _text(r.get(name)) for name in RELATION_FIELDS} for r in relations],
        "evidence": [
            {
                "source": _source_from_json(e.get("source")),
                **{name: _text(e.get(name)) for name in EVIDENCE_FIELDS},
            }
            for e in evidence
        ],
    }


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _record_from_csv_rows(rows: list[dict[str, str]]) -> dict[str, Any]:
    first = rows[0]
    relations = []
    for row in rows:
        for entry in _split(row["relations"]):
            kind, _, slug = entry.partition(":")
            relation = {"kind": kind.strip(), "claim": slug.strip(), "note": ""}
            if relation not in relations:
                relations.append(relation)
    return {
        **{name: first[name] for name in CLAIM_TEXT_FIELDS},
        "topics": _split(first["topics"]),
        "first_appeared_in": (
            {"title": first["first_source"], "url": first["first_source_url"]}
            | {"outlet": "", "kind": "", "published_on": ""}
            if first["first_source"] or first["first_source_url"]
            else None
        ),
        "relations": relations,
        "figure": (
            {name: first[f"figure_{name}"] for name in FIGURE_FIELDS}
            if any(first[column] for column in FIGURE_COLUMNS)
            else None
        ),
        "evidence": [
            {
                "source": {
                    "title": row["source"],
                    "url": row["source_url"],
                    "outlet": row["source_outlet"],
                    "kind": row["source_kind"],
                    "published_on": row["source_published_on"],
                },
                "stance": row["stance"],
                "excerpt": row["excerpt"],
                "locator": row["locator"],
                "note": row["evidence_note"],
            }
            for row in rows
            if any(row[name] for name in EVIDENCE_COLUMNS)
        ],
    }


def _claim_key(row: dict[str, str]) -> str:
    return row["slug"] or row["statement"]


def _read_csv(file: IO[bytes]) -> Iterator[tuple[str, dict | None, list[str]]]:
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in ("statement", "claimant") if name not in header]
        unknown = [name for name in header if name not in CSV_COLUMNS]
        if missing or unknown:
            raise FormatError(
                "The CSV header must name the columns of the import format"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                + f". The columns are: {', '.join(CSV_COLUMNS)}."
            )
        group: list[dict[str, str]] = []
        group_start = 0
        seen: set[str] = set()
        blank = dict.fromkeys(CSV_COLUMNS, "")  # columns the file leaves out
        for cells in reader:
            line = reader.line_num
            if not cells:
                continue
            if len(cells) > len(header):
                yield f"line {line}", None, ["has more cells than the header has columns"]
                continue
            row = blank | dict(zip(header, map(str.strip, cells), strict=False))
            if group and _claim_key(row) == _claim_key(group[0]):
                differing = [
                    name
                    for name in CLAIM_COLUMNS + FIGURE_COLUMNS
                    if name != "relations" and row[name] and row[name] != group[0][name]
                ]
                group.append(row)
                if differing:
                    yield (
                        f"line {line}",
                        None,
                        [
                            f"{', '.join(differing)} differ from line {group_start}, the claim's "
                            "first row; give a claim's columns once or repeat them unchanged"
                        ],
                    )
                continue
            if group:
                yield f"line {group_start}", _record_from_csv_rows(group), []
            if _claim_key(row) in seen:
                yield (
                    f"line {line}",
                    None,
                    ["this claim's rows must follow one another; it already appeared above"],
                )
            seen.add(_claim_key(row))
            group, group_start = [row], line
        if group:
            yield f"line {group_start}", _record_from_csv_rows(group), []
    except (UnicodeDecodeError, csv.Error) as error:
        raise FormatError(f"The file is not readable as UTF-8 CSV: {error}") from error
    finally:
        text.detach()  # the caller owns the file and reads it again


def _read_json(file: IO[bytes]) -> Iterator[tuple[str, dict | None, list[str]]]:
    start = file.read(4096).lstrip()
    file.seek(0)
    if not start.startswith(b"["):
        raise FormatError("The file must be a JSON list of claims: [{…}, {…}].")
    try:
        for number, item in enumerate(ijson.items(file, "item", use_float=True), start=1):
            try:
                yield f"claim {number}", record_from_json(item), []
            except ValueError as error:
                yield f"claim {number}", None, [str(error)]
    except ijson.JSONError as error:
        raise FormatError(
            f"The file is not valid JSON ({error}); it must be a list of claims."
        ) from error


def read_records(file: IO[bytes], format: str) -> Iterator[tuple[str, dict | None, list[str]]]:
    """Each claim in the file as (where it is, its record, problems with the file's shape
    there), read as a stream. A record is None where its shape is wrong."""
    file.seek(0)
    if file.read(1) == b"":
        raise FormatError("The file is empty.")
    file.seek(0)
    yield from (_read_csv if format == "csv" else _read_json)(file)


# A claim in JSON nests a few levels deep (claims, evidence, a source); a file nested far deeper
# is no claims file, and parsing it would take the parser time that grows with the square of
# its depth.
JSON_MAX_DEPTH = 10


def unreadable_parts(file: IO[bytes], format: str) -> list[str]:
    """What keeps the file from being read at all, found before parsing it: lines that are not
    UTF-8 or hold characters no page can show (by line, not by byte offset), JSON nested too
    deeply. The file is scanned in large chunks; lines are counted only when something is
    wrong, so that a good file costs little."""
    file.seek(0)
    found = []
    if _has_unreadable_text(file):
        file.seek(0)
        found = list(_unreadable_lines(file))
    file.seek(0)
    if format == "json" and not found and _nested_too_deeply(file):
        found.append(f"The file nests JSON more than {JSON_MAX_DEPTH} levels deep.")
    file.seek(0)
    return found


def _nested_too_deeply(file: IO[bytes]) -> bool:
    depth = 0
    try:
        for event, _ in ijson.basic_parse(file):
            depth += event in ("start_map", "start_array")
            depth -= event in ("end_map", "end_array")
            if depth > JSON_MAX_DEPTH:
                return True
    except ijson.JSONError:
        pass  # reported, with its reason, when the file is read
    return False


def _has_unreadable_text(file: IO[bytes], chunk_size: int = 1 << 20) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    tail = b""  # a character's bytes may straddle two chunks
    try:
        while chunk := file.read(chunk_size):
            decoder.decode(chunk)
            if might_be_unshowable(tail + chunk):
                return True
            tail = chunk[-3:]
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return True
    return False


def _unreadable_lines(file: IO[bytes]) -> Iterator[str]:
    for number, line in enumerate(file, start=1):
        try:
            problem = unshowable_problem(line.decode("utf-8"))
        except UnicodeDecodeError as error:
            problem = (
                f"is not valid UTF-8 (byte {error.start + 1} of the line); save the file as "
                "UTF-8 and import it again"
            )
        if problem:
            yield f"line {number}: {problem}"


def _messages(model: type[Model], name: str, value: str) -> tuple[str, ...]:
    """What the model field itself says of `value`: the same rules as the admin forms."""
    field = model._meta.get_field(name)
    if not value and field.blank:
        return ()  # what clean() would conclude, without its cost on every empty cell
    try:
        field.clean(value if value or not field.null else None, None)
    except ValidationError as error:
        return tuple(error.messages)
    return ()


# Files repeat the same few choices and sources on row after row: check each once.
_choice_messages = lru_cache(maxsize=1024)(_messages)


def _problem(model: type[Model], name: str, value: str, label: str) -> str | None:
    check = _choice_messages if model._meta.get_field(name).choices else _messages
    messages = check(model, name, value)
    return f"{label}: {' '.join(messages)}" if messages else None


def _source_problems(source: dict[str, str], label: str) -> list[str]:
    problems = _unlabelled_source_problems(
        source["title"], source["url"], source["outlet"], source["kind"], source["published_on"]
    )
    return [f"{label}{problem}" for problem in problems]


@lru_cache(maxsize=16_384)
def _unlabelled_source_problems(
    title: str, url: str, outlet: str, kind: str, published_on: str
) -> tuple[str, ...]:
    if not title:
        return (": a source needs a title",)
    checks = [
        ("title", title),
        ("url", url),
        ("kind", kind or SourceKind.OTHER),
        ("published_on", published_on),
    ]
    problems = [_problem(Source, name, value, f" {name}") for name, value in checks]
    if outlet:
        problems.append(_problem(Outlet, "name", outlet, " outlet"))
    return tuple(problem for problem in problems if problem)


def figure_from_record(figure: dict[str, str]) -> Figure:
    """An unsaved figure (without claim and subject) from a record's figure; what the record
    leaves empty takes the model's default. Checked with figure_problems()."""
    fields = {
        "quantity": figure["quantity"],
        "value": figure["value"] or None,
        "lower": figure["lower"] or None,
        "upper": figure["upper"] or None,
        "unit": figure["unit"],
        "bound": figure["qualifier"] or Bound.EXACT,
        "scope": figure["scope"],
        "method": figure["method"] or Method.STATED,
        "refers_to": figure["refers_to"] or None,
        "rank": figure["rank"] or Rank.NORMAL,
        "rank_reason": figure["rank_reason"],
        "usd_rate": figure["usd_rate"] or None,
        "usd_rate_on": figure["usd_rate_on"] or None,
    }
    return Figure(**fields)


def figure_problems(figure: dict[str, str]) -> list[str]:
    """What the figure model itself says of a record's figure, its unit included."""
    problems = [] if figure["subject"] else ["figure: a figure needs its subject"]
    problems += [
        problem
        for problem in [
            _problem(Subject, "name", figure["subject"], "figure subject"),
            _problem(Subject, "released_on", figure["subject_released_on"], "figure subject"),
        ]
        if problem and figure["subject"]
    ]
    try:
        figure_from_record(figure).full_clean(exclude=["claim", "subject", *NORMALISED_FIELDS])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            field = "" if name == NON_FIELD_ERRORS else {"bound": "qualifier"}.get(name, name)
            problems.append(f"figure {field}".rstrip() + f": {' '.join(messages)}")
    return problems


def unshowable_fields(value: Any, name: str = "") -> Iterator[str]:
    """Each value of a record holding a character that cannot be stored or shown: in JSON they
    may arrive escaped (\\u0000), where a scan of the file's text does not see them."""
    if isinstance(value, str):
        problem = unshowable_problem(value)
        if problem:
            yield f"{name or 'a value'}: {problem}"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from unshowable_fields(item, f"{name} {key}".strip())
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from unshowable_fields(item, f"{name} {number}".strip())


def record_problems(record: dict[str, Any]) -> list[str]:
    """Everything wrong with a record, each in words an editor can act on."""
    checks: list[tuple[type[Model], str, str, str]] = [
        (Claim, "statement", record["statement"], "statement"),
        (Claim, "claimant", record["claimant"], "claimant"),
        (Claim, "kind", record["kind"] or ClaimKind.FACT, "kind"),
        (Claim, "first_appeared_locator", record["first_appeared_locator"], "locator"),
        (Claim, "first_appeared_on", record["first_appeared_on"], "first_appeared_on"),
        (Claim, "recheck_due", record["recheck_due"], "recheck_due"),
        (Claim, "context", record["context"], "context"),
    ]
    if record["slug"]:
        checks.append((Claim, "slug", record["slug"], "slug"))
    if record["verdict"]:
        checks += [
            (Review, "verdict", record["verdict"], "verdict"),
            (Review, "confidence", record["confidence"] or Confidence.MEDIUM, "confidence"),
            (Review, "rationale", record["rationale"], "rationale"),
        ]
    checks += [(Topic, "name", topic, "topic") for topic in record["topics"]]
    for number, item in enumerate(record["evidence"], start=1):
        label = f"evidence {number}"
        checks += [
            (Evidence, "stance", item["stance"], f"{label} stance"),
            (Evidence, "excerpt", item["excerpt"], f"{label} excerpt"),
            (Evidence, "locator", item["locator"], f"{label} locator"),
        ]
    for relation in record["relations"]:
        checks.append((ClaimRelation, "kind", relation["kind"], f"relation to {relation['claim']}"))
    problems = [_problem(*check) for check in checks]
    if not record["verdict"] and (record["rationale"] or record["confidence"]):
        problems.append("rationale and confidence need a verdict")
    for relation in record["relations"]:
        if not relation["claim"]:
            problems.append("a relation needs the other claim's short name (its slug)")
        elif relation["claim"] == record["slug"]:
            problems.append("a claim cannot be related to itself")
    for number, item in enumerate(record["evidence"], start=1):
        if item["source"] is None:
            problems.append(f"evidence {number}: a source needs a title")
        else:
            problems += _source_problems(item["source"], f"evidence {number} source")
    if record["first_appeared_in"]:
        problems += _source_problems(record["first_appeared_in"], "first source")
    if record["figure"]:
        problems += figure_problems(record["figure"])
    return [problem for problem in problems if problem]
