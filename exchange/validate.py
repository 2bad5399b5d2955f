"""What is wrong with a file or a record, in words an editor can act on: the same rules as the
admin forms, taken from the models' own fields, all found before anything is written."""

import datetime
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import IO, Any, NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import Truncator

from claims.choices import Bound, ClaimKind, ClaimState, Confidence, Rank, SubjectKind
from claims.models import (
    NORMALISED_FIELDS,
    QUOTE_NEEDS_COPY,
    Claim,
    Claimant,
    ClaimRelation,
    Evidence,
    Figure,
    FigureConflict,
    Review,
    Subject,
    Topic,
)
from claims.models.claimant import NAME_TOO_LONG, NORMALISED_MAX_LENGTH, normalised_name
from claims.services import publication_refused
from claims.units import typed_number
from sources.choices import SourceKind
from sources.models import Outlet, Source
from workbench.unstorable import unshowable_problem

from .read import read_records, unreadable_parts
from .records import IMPORTED_STATES, QUOTE_FIELDS


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


def _typed(text: str) -> float | str | None:
    """A figure's number as a file may write it ("1.75万亿" too); what is not one is left for
    the model's own check to refuse by name."""
    try:
        return typed_number(text) if text else None
    except ValueError:
        return text


def figure_from_record(figure: dict[str, str]) -> Figure:
    """An unsaved figure (without claim and subject) from a record's figure; what the record
    leaves empty takes the model's default. Checked with figure_problems()."""
    fields = {
        "quantity": figure["quantity"],
        "value": _typed(figure["value"]),
        "lower": _typed(figure["lower"]),
        "upper": _typed(figure["upper"]),
        "unit": figure["unit"],
        "bound": figure["qualifier"] or Bound.EXACT,
        "scope": figure["scope"],
        "method": figure["method"],
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
            _problem(
                Subject, "kind", figure["subject_kind"] or SubjectKind.MODEL, "figure subject"
            ),
            _problem(Subject, "developers", figure["subject_developers"], "figure subject"),
        ]
        if problem and figure["subject"]
    ]
    explanations = figure["explanations"]
    if len(explanations) > MAX_EXPLANATIONS:
        problems.append(f"figure explanations: at most {MAX_EXPLANATIONS} per figure")
    elif any(not item["claim"] or not item["explanation"] for item in explanations):
        problems.append(
            "figure explanations: each names the other figure's claim (its slug) and explains "
            "the disagreement"
        )
    else:
        problems += [
            _problem(FigureConflict, "explanation", item["explanation"], "figure explanation")
            for item in explanations
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
        (Claimant, "name", record["claimant"], "claimant"),
        (Claim, "kind", record["kind"] or ClaimKind.FACT, "kind"),
        (Claim, "first_appeared_locator", record["first_appeared_locator"], "locator"),
        (Claim, "first_appeared_on", record["first_appeared_on"], "first_appeared_on"),
        (Claim, "recheck_due", record["recheck_due"], "recheck_due"),
        (Claim, "context", record["context"], "context"),
        (Claim, "language", record["language"] or "en", "language"),
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
            (Evidence, "language", item["language"] or "en", f"{label} language"),
            *((Evidence, name, item[name], f"{label} {name}") for name in QUOTE_FIELDS),
        ]
    for relation in record["relations"]:
        checks.append((ClaimRelation, "kind", relation["kind"], f"relation to {relation['claim']}"))
    problems = [_problem(*check) for check in checks]
    if len(normalised_name(record["claimant"])) > NORMALISED_MAX_LENGTH:
        problems.append(f"claimant: {NAME_TOO_LONG}")
    if not record["verdict"] and (record["rationale"] or record["confidence"]):
        problems.append("rationale and confidence need a verdict")
    problems += _workflow_problems(record)
    for relation in record["relations"]:
        if not relation["claim"]:
            problems.append("a relation needs the other claim's short name (its slug)")
        elif relation["claim"] == record["slug"]:
            problems.append("a claim cannot be related to itself")
    for number, item in enumerate(record["evidence"], start=1):
        if bool(item["quote"]) != bool(item["quote_copy"]):
            problems.append(f"evidence {number}: {QUOTE_NEEDS_COPY}")
        if item["source"] is None:
            problems.append(f"evidence {number}: a source needs a title")
        else:
            problems += _source_problems(item["source"], f"evidence {number} source")
    if record["first_appeared_in"]:
        problems += _source_problems(record["first_appeared_in"], "first source")
    if record["figure"]:
        problems += figure_problems(record["figure"])
    return [problem for problem in problems if problem]


def graded_at(text: str) -> datetime.datetime | None:
    """A record's grading time, in UTC, or None when the text is not a date and time that
    exists (the parser takes "2025-13-45T99:00" for one until it tries to build it)."""
    try:
        moment = parse_datetime(text)
        if moment is None:
            return None
        if timezone.is_naive(moment):
            return moment.replace(tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


EARLIEST_GRADING = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# A figure explains its disagreements with a few others, not thousands.
MAX_EXPLANATIONS = 20


def _workflow_problems(record: dict[str, Any]) -> list[str]:
    state, verdict = record["state"], record["verdict"]
    if state and state not in IMPORTED_STATES:
        names = ", ".join(IMPORTED_STATES)
        return [f"state: a claim is imported as one of {names}, or with no state"]
    problems = []
    if state == ClaimState.DRAFT and verdict:
        problems.append("state: a draft has no verdict yet; say in_review or published")
    if state in (ClaimState.IN_REVIEW, ClaimState.PUBLISHED, ClaimState.WITHDRAWN) and not verdict:
        problems.append(f"state: a claim {state.replace('_', ' ')} needs a verdict")
    if (state == ClaimState.WITHDRAWN) != bool(record["withdrawn_reason"]):
        problems.append("withdrawn_reason: a withdrawn claim says why, and only a withdrawn one")
    if record["graded_at"]:
        if not verdict:
            problems.append("graded_at needs a verdict")
        elif (moment := graded_at(record["graded_at"])) is None:
            problems.append("graded_at: give a date and time such as 2025-06-30T09:00:00+00:00")
        elif not EARLIEST_GRADING <= moment <= timezone.now():
            problems.append("graded_at: a grading is dated between 2000 and now")
    return problems


# A graded record in these states is published when a second person approves the file.
PUBLISHED_STATES = ("", ClaimState.PUBLISHED, ClaimState.WITHDRAWN)
WITHDRAWN_NEEDS_APPROVER = (
    "state: a withdrawn claim was published first, which takes a second person: import it "
    "with one approving the file's gradings (import_claims --approved-by)"
)


class FileCheck(NamedTuple):
    problems: list[str]
    slugs: set[str]  # the slugs the file gives its claims
    claims: int  # how many claims it holds


def file_problems(
    file: IO[bytes],
    format: str,
    approved: bool,
    checked: Callable[[int, list[str]], None] | None = None,
) -> FileCheck:
    """Every problem in the file, found before anything is written. `checked` is told after
    each claim how many claims were checked and the problems found so far."""
    unreadable = unreadable_parts(file, format)
    if unreadable:
        return FileCheck(unreadable, set(), 0)
    problems, slugs, statements = [], set(), set()
    claims = 0
    for claims, (where, record, shape_problems) in enumerate(read_records(file, format), 1):
        found = shape_problems + (record_problems(record) if record else [])
        if record and record["state"] == ClaimState.WITHDRAWN and not approved:
            found.append(WITHDRAWN_NEEDS_APPROVER)
        if record and approved and record["verdict"] and record["state"] in PUBLISHED_STATES:
            found += publication_refused(
                located_evidence=any(item["locator"] for item in record["evidence"]),
                rationales=[record["rationale"]],
            )
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
        # A message may quote the value it refuses, which may be megabytes long.
        problems += [f"{where}: {Truncator(problem).chars(500)}" for problem in found]
        if checked:
            checked(claims, problems)
    return FileCheck(problems, slugs, claims)
