"""The registry as an exchange file: what claims come from and what they are about.

A JSON object of lists: "sources", each with everything curators keep about it (outlet,
authors, dates and their precision, kind, language, reliability rating and its reason, archive
copy, notes); "subjects", the models and organisations figures are about (kind, release date,
developers); and "outlets", "topics" and "claimants" with their other names. Every name may
carry "aliases", a list of other names (translations, spellings, abbreviations), which search
finds it by. Claims files cite sources by title and address, subjects, topics and claimants by
name; a registry file loaded first gives those sources their ratings, lists subjects no figure
mentions yet, and gives everything its other names.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

import ijson
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet

from claims.models import Claimant, ClaimantAlias, Subject, Topic
from claims.models.claim import names_in
from claims.services import (
    claimant_alias_save,
    claimant_find,
    claimant_save,
    subject_save,
    topic_save,
)
from sources.models import Outlet, Source, normalize_url
from sources.services import outlet_get_or_create, outlet_save, source_save
from workbench.unstorable import unshowable_problem

from .read import JSON_ERRORS, FormatError, as_text, json_start, unreadable_parts
from .records import Report

SOURCE_FIELDS = [
    "slug",
    "title",
    "url",
    "outlet",
    "authors",
    "published_on",
    "date_precision",
    "kind",
    "language",
    "reliability",
    "reliability_note",
    "archive_url",
    "notes",
]
SUBJECT_FIELDS = ["name", "kind", "released_on", "developers", "aliases"]
OUTLET_FIELDS = ["name", "homepage", "aliases"]
TOPIC_FIELDS = ["name", "aliases"]
CLAIMANT_FIELDS = ["name", "kind", "aliases"]
# The lists of a registry file, in the order they are loaded: outlets before the sources that
# name them.
PARTS = ("outlets", "sources", "subjects", "topics", "claimants")


def _date(value) -> str:
    return value.isoformat() if value else ""


def source_record(source: Source) -> dict[str, str]:
    """A source (with its outlet loaded) as a registry record."""
    record = {name: getattr(source, name) for name in SOURCE_FIELDS}
    record["outlet"] = source.outlet.name if source.outlet else ""
    record["published_on"] = _date(source.published_on)
    return record


def subject_record(subject: Subject) -> dict[str, Any]:
    return {
        "name": subject.name,
        "kind": subject.kind,
        "released_on": _date(subject.released_on),
        "developers": subject.developers,
        "aliases": names_in(subject.aliases),
    }


def registry_export(
    sources: Iterable[Source],
    subjects: Iterable[Subject],
    outlets: Iterable[Outlet] = (),
    topics: Iterable[Topic] = (),
    claimants: Iterable[Claimant] = (),
) -> str:
    """The registry file; `claimants` with their aliases loaded."""
    registry = {
        "outlets": [
            {"name": o.name, "homepage": o.homepage, "aliases": names_in(o.aliases)}
            for o in outlets
        ],
        "sources": [source_record(source) for source in sources],
        "subjects": [subject_record(subject) for subject in subjects],
        "topics": [{"name": t.name, "aliases": names_in(t.aliases)} for t in topics],
        "claimants": [
            {"name": c.name, "kind": c.kind, "aliases": [a.name for a in c.aliases.all()]}
            for c in claimants
        ],
    }
    return json.dumps(registry, ensure_ascii=False, indent=1) + "\n"


@dataclass
class RegistryReport(Report):
    sources: int = 0
    subjects: int = 0
    names: int = 0  # outlets, topics and claimants
    unchanged: int = 0

    def __str__(self) -> str:
        if self.problems:
            return self.refusal
        return (
            f"Imported {self.sources} sources and {self.subjects} subjects"
            + (f" (and {self.names} outlets, topics and claimants)" if self.names else "")
            + f"; {self.unchanged} were already in the registry and were left unchanged."
        )


def _default(model: type[Model], name: str) -> str:
    """What a field left out of a file holds: the model's default, as in the admin's form."""
    if name == "outlet":
        return ""
    field = model._meta.get_field(name)
    return field.get_default() if field.has_default() else ""


def _record(item: Any, names: list[str], model: type[Model]) -> dict[str, str]:
    if not isinstance(item, dict):
        raise ValueError("each entry must be a JSON object")
    values = {}
    for name in names:
        try:
            values[name] = (
                _aliases(item.get(name))
                if name == "aliases"
                else as_text(item.get(name)) or _default(model, name)
            )
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from error
        if problem := unshowable_problem(values[name]):
            raise ValueError(f"{name}: {problem}")
    return values


ALIASES_AT_MOST = 50


def _aliases(value: Any) -> str:
    """A list of other names, kept one a line."""
    if value is None:
        return ""
    if not isinstance(value, list) or len(value) > ALIASES_AT_MOST:
        raise ValueError(f"a list of at most {ALIASES_AT_MOST} other names")
    names = [as_text(name) for name in value]
    if any(not name or "\n" in name or len(name) > 200 for name in names):
        raise ValueError("each other name is one line of text, at most 200 characters")
    return "\n".join(names)


def _read(file: IO[bytes], part: str, names: list[str], model: type[Model]) -> tuple[list, list]:
    """The records of one list of the file, each with its number, and what is wrong with it."""
    records, problems = [], []
    file.seek(0)
    try:
        for number, item in enumerate(ijson.items(file, f"{part}.item", use_float=True), start=1):
            try:
                records.append((number, _record(item, names, model)))
            except ValueError as error:
                problems.append(f"{part} {number}: {error}")
    except JSON_ERRORS as error:
        raise FormatError(f"The file is not valid JSON ({error}).") from error
    return records, problems


READERS = {
    "outlets": (OUTLET_FIELDS, Outlet),
    "sources": (SOURCE_FIELDS, Source),
    "subjects": (SUBJECT_FIELDS, Subject),
    "topics": (TOPIC_FIELDS, Topic),
    "claimants": (CLAIMANT_FIELDS, Claimant),
}


def registry_import(*, file: IO[bytes], by: AbstractBaseUser | None) -> RegistryReport:
    """Add the file's sources and subjects to the registry, all or nothing, through the
    services (so a rating needs a curator). What is already there (a source with the same
    slug, or the same title and address; a subject of the same name) is left as it is, so a
    file imported twice changes nothing."""
    if by is not None and not by.has_perm("sources.add_source"):
        return RegistryReport(problems=[ONLY_CURATORS_ADD.format(user=by)])
    problems = unreadable_parts(file, "json")
    if problems:
        return RegistryReport(problems=problems)
    try:
        start = json_start(file)
        if not start:
            return RegistryReport(problems=["The file is empty."])
        if not start.startswith(b"{") or not _has_lists(file):
            return RegistryReport(problems=[NOT_A_REGISTRY])
        parts = {part: _read(file, part, *READERS[part]) for part in PARTS}
    except FormatError as error:
        return RegistryReport(problems=[str(error)])
    report = RegistryReport(problems=[p for _, problems in parts.values() for p in problems])
    if report.problems:
        return report
    adders = {
        "outlets": lambda r: _add_outlet(r, by, report),
        "sources": lambda r: _add_source(r, by, report),
        "subjects": lambda r: _add_subject(r, by, report),
        "topics": lambda r: _add_topic(r, by, report),
        "claimants": lambda r: _add_claimant(r, by, report),
    }
    with transaction.atomic():
        for part in PARTS:
            for number, record in parts[part][0]:
                _write(report, f"{part} {number}", lambda r=record, p=part: adders[p](r))
        if report.problems:
            transaction.set_rollback(True)
            report.sources = report.subjects = report.names = 0
    return report


def _has_lists(file: IO[bytes]) -> bool:
    """Whether the object's top level holds "sources" or "subjects", each a list, and nothing
    else: a misspelt key would otherwise import nothing without a word."""
    keys, shapes = set(), set()
    file.seek(0)
    try:
        for prefix, event, value in ijson.parse(file, use_float=True):
            if prefix == "" and event == "map_key":
                keys.add(value)
            elif prefix in PARTS and not event.startswith("end_"):
                shapes.add((prefix, event))
    except JSON_ERRORS as error:
        raise FormatError(f"The file is not valid JSON ({error}).") from error
    file.seek(0)
    lists = all(event == "start_array" for _, event in shapes)
    return bool(keys) and keys <= set(PARTS) and lists


ONLY_CURATORS_ADD = "{user} may not add sources to the registry."
NOT_A_REGISTRY = (
    'A registry file is a JSON object: {"sources": [{…}, …], "subjects": [{…}, …]}, and '
    'optionally "outlets", "topics" and "claimants" lists.'
)


def _write(report: RegistryReport, where: str, add) -> None:
    try:
        with transaction.atomic():
            add()
    except ValidationError as error:
        messages = (
            [f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items()]
            if hasattr(error, "error_dict")
            else error.messages
        )
        report.problems.append(f"{where}: {'; '.join(messages)}")


def _same_source(record: dict[str, str]) -> QuerySet[Source]:
    """What an import of claims takes for the same source (source_key()): the same address, or
    the same title when there is none."""
    if record["url"]:
        return Source.objects.filter(url_normalized=normalize_url(record["url"]))
    return Source.objects.filter(title=record["title"])


def _add_source(record: dict[str, str], by, report: RegistryReport) -> None:
    taken = Source.objects.filter(slug=record["slug"]).first() if record["slug"] else None
    if taken and not _same_source(record).filter(pk=taken.pk).exists():
        raise ValidationError(
            {"slug": f"“{record['slug']}” is already the short name of “{taken.title[:80]}”."}
        )
    if taken or _same_source(record).exists():
        report.unchanged += 1
        return
    outlet = outlet_get_or_create(name=record["outlet"]) if record["outlet"] else None
    fields = {name: value for name, value in record.items() if name != "outlet"}
    fields["published_on"] = fields["published_on"] or None
    source_save(source=Source(outlet=outlet, **fields), by=by)
    report.sources += 1


def _add_subject(record: dict[str, str], by, report: RegistryReport) -> None:
    if Subject.objects.filter(name=record["name"]).exists():
        report.unchanged += 1
        return
    subject_save(subject=Subject(**{**record, "released_on": record["released_on"] or None}), by=by)
    report.subjects += 1


def _add_outlet(record: dict[str, str], by, report: RegistryReport) -> None:
    if Outlet.objects.filter(name=record["name"]).exists():
        report.unchanged += 1
        return
    outlet_save(outlet=Outlet(**record), by=by)
    report.names += 1


def _add_topic(record: dict[str, str], by, report: RegistryReport) -> None:
    if Topic.objects.filter(name=record["name"]).exists():
        report.unchanged += 1
        return
    topic_save(topic=Topic(**record), by=by)
    report.names += 1


def _add_claimant(record: dict[str, str], by, report: RegistryReport) -> None:
    if claimant_find(record["name"]) is not None:
        report.unchanged += 1
        return
    claimant = claimant_save(claimant=Claimant(name=record["name"], kind=record["kind"]), by=by)
    for name in names_in(record["aliases"]):
        claimant_alias_save(alias=ClaimantAlias(claimant=claimant, name=name), by=by)
    report.names += 1
