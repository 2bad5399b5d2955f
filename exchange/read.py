"""Reading import files as a stream of records: CSV (a claim's rows one after another) or a
JSON list; and the scan, before any parsing, for what keeps a file from being read at all."""

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

import ijson

from workbench.unstorable import might_be_unshowable, unshowable_problem

from .records import (
    CLAIM_COLUMNS,
    CLAIM_TEXT_FIELDS,
    CSV_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_FIELDS,
    FIGURE_COLUMNS,
    FIGURE_FIELDS,
    FIGURE_NUMBERS,
    QUOTE_FIELDS,
    RELATION_FIELDS,
    SOURCE_FIELDS,
    FormatError,
    cell_text,
)


def as_text(value: Any, *, strip: bool = True) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {json.dumps(value, default=str)[:40]}")
    return value.strip() if strip else value


def _source_from_json(value: Any) -> dict[str, str] | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise ValueError("a source must be an object with a title")
    return {name: as_text(value.get(name)) for name in SOURCE_FIELDS}


def _figure_from_json(value: Any) -> dict[str, Any] | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise ValueError("a figure must be an object with a subject and a value")
    explanations = value.get("explanations") or []
    if not isinstance(explanations, list) or not all(
        isinstance(item, dict) for item in explanations
    ):
        raise ValueError("a figure's explanations must be a list of objects")
    return {
        **{
            name: cell_text(value.get(name)) if name in FIGURE_NUMBERS else as_text(value.get(name))
            for name in FIGURE_FIELDS
        },
        "explanations": [
            {
                "claim": as_text(item.get("claim")),
                "explanation": as_text(item.get("explanation")),
            }
            for item in explanations
        ],
    }


def _explanations_from_cell(cell: str) -> list[dict[str, str]]:
    explanations = []
    for line in cell.splitlines():
        slug, _, explanation = line.partition(":")
        if line.strip():
            explanations.append({"claim": slug.strip(), "explanation": explanation.strip()})
    return explanations


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
        **{name: as_text(item.get(name)) for name in CLAIM_TEXT_FIELDS},
        "topics": [as_text(topic) for topic in topics],
        "first_appeared_in": _source_from_json(item.get("first_appeared_in")),
        "figure": _figure_from_json(item.get("figure")),
        "relations": [{name: as_text(r.get(name)) for name in RELATION_FIELDS} for r in relations],
        "evidence": [
            {
                "source": _source_from_json(e.get("source")),
                **{
                    name: as_text(e.get(name), strip=name not in QUOTE_FIELDS)
                    for name in EVIDENCE_FIELDS
                },
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
            | {"explanations": _explanations_from_cell(first["figure_explanations"])}
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
                "language": row["evidence_language"],
                **{name: row[name] for name in QUOTE_FIELDS},
            }
            for row in rows
            if any(row[name] for name in EVIDENCE_COLUMNS)
        ],
    }


def _claim_key(row: dict[str, str]) -> str:
    return row["slug"] or row["statement"]


def _header_problem(header: list[str]) -> str | None:
    missing = [name for name in ("statement", "claimant") if name not in header]
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if not (missing or unknown):
        return None
    return (
        "The CSV header must name the columns of the import format"
        + (f"; missing: {', '.join(missing)}" if missing else "")
        + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        + f". The columns are: {', '.join(CSV_COLUMNS)}."
    )


def _read_csv(file: IO[bytes]) -> Iterator[tuple[str, dict | None, list[str]]]:
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [name.strip() for name in next(reader, [])]
        if problem := _header_problem(header):
            raise FormatError(problem)
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
            row = blank | {
                name: cell if name in QUOTE_FIELDS else cell.strip()
                for name, cell in zip(header, cells, strict=False)
            }
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


# Numbers are read as floats: yajl then refuses an integer of thousands of digits cleanly, where
# building a Python int of it fails inside the C parser and leaves the interpreter broken.
JSON_ERRORS = (ijson.JSONError, UnicodeDecodeError)
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
BYTE_ORDER_MARK_FOUND = (
    "The file starts with a byte-order mark; save it as UTF-8 without one and upload it again."
)


def json_start(file: IO[bytes]) -> bytes:
    """The first non-blank bytes of a JSON file; refuses a byte-order mark, which the JSON
    parser cannot read past."""
    start = file.read(4096)
    file.seek(0)
    if start.startswith(BYTE_ORDER_MARK):
        raise FormatError(BYTE_ORDER_MARK_FOUND)
    return start.lstrip()


def _read_json(file: IO[bytes]) -> Iterator[tuple[str, dict | None, list[str]]]:
    if not json_start(file).startswith(b"["):
        raise FormatError("The file must be a JSON list of claims: [{…}, {…}].")
    try:
        for number, item in enumerate(ijson.items(file, "item", use_float=True), start=1):
            try:
                yield f"claim {number}", record_from_json(item), []
            except ValueError as error:
                yield f"claim {number}", None, [str(error)]
    except JSON_ERRORS as error:
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


# How much of an uploaded file the upload page reads (start_problem); the task worker reads the
# rest. A header row is far shorter.
START_READ = 1 << 16


def start_problem(file: IO[bytes], format: str) -> str | None:
    """What keeps a file from being a claims file, found in its first bytes: an empty file, a
    JSON file that is no list, a CSV file whose first line is not the import format's header.
    Cheap at any size: everything else is found when the whole file is checked."""
    file.seek(0)
    start = file.read(START_READ)
    file.seek(0)
    if not start:
        return "The file is empty."
    try:
        if format == "json":
            if not json_start(file).startswith(b"["):
                return "The file must be a JSON list of claims: [{…}, {…}]."
            return None
        first_line = start.split(b"\n", 1)[0].decode("utf-8-sig")
        if problem := unshowable_problem(first_line):
            return f"line 1: {problem}"
        header = next(csv.reader([first_line]), [])
    except FormatError as error:
        return str(error)
    except (UnicodeDecodeError, csv.Error) as error:
        return f"The first line is not readable as UTF-8 CSV: {error}"
    return _header_problem([name.strip() for name in header])


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
    if format == "json" and not found:
        found = list(_lone_surrogate_lines(file))
        file.seek(0)
    if format == "json" and not found and _nested_too_deeply(file):
        found.append(f"The file nests JSON more than {JSON_MAX_DEPTH} levels deep.")
    file.seek(0)
    return found


# Half of a surrogate pair written as a JSON escape (\ud800 with no \udc00 after it, or the
# other way round) is no character at all; the parser would turn it into "?" or fail on it.
LONE_SURROGATE_ESCAPE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _lone_surrogate_lines(file: IO[bytes]) -> Iterator[str]:
    if not any(LONE_SURROGATE_ESCAPE.search(seen) for _, seen in _chunks(file, overlap=12)):
        return
    file.seek(0)
    for number, line in enumerate(file, start=1):
        if found := LONE_SURROGATE_ESCAPE.search(line):
            escape = found.group().decode()
            yield f"line {number}: {escape} is half of a character pair, not a character; remove it"


def _chunks(file: IO[bytes], *, overlap: int, size: int = 1 << 20) -> Iterator[tuple[bytes, bytes]]:
    """The file in large chunks, each as read and as seen with the last `overlap` bytes of the
    one before, so that a character or an escape split between two is still seen whole."""
    tail = b""
    while chunk := file.read(size):
        yield chunk, tail + chunk
        tail = chunk[-overlap:]


def _nested_too_deeply(file: IO[bytes]) -> bool:
    depth = 0
    try:
        for event, _ in ijson.basic_parse(file, use_float=True):
            depth += event in ("start_map", "start_array")
            depth -= event in ("end_map", "end_array")
            if depth > JSON_MAX_DEPTH:
                return True
    except JSON_ERRORS:
        pass  # reported, with its reason, when the file is read
    return False


def _has_unreadable_text(file: IO[bytes]) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        # A character's bytes (up to four) may straddle two chunks.
        for chunk, seen in _chunks(file, overlap=3):
            decoder.decode(chunk)
            if might_be_unshowable(seen):
                return True
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
