"""The registry as an exchange file: what claims come from and what they are about.

A JSON object with two lists: "sources", each with everything curators keep about it (outlet,
authors, dates and their precision, kind, language, reliability rating and its reason, archive
copy, notes), and "subjects", the models and organisations figures are about (kind, release
date, developers). Claims files cite sources by title and address and subjects by name; a
registry file loaded first gives those sources their ratings and lists subjects no figure
mentions yet.
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

from claims.models import Subject
from claims.services import subject_get_or_create
from sources.models import Source, normalize_url
from sources.services import outlet_get_or_create, source_save
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
SUBJECT_FIELDS = ["name", "kind", "released_on", "developers"]


def _date(value) -> str:
    return value.isoformat() if value else ""


def source_record(source: Source) -> dict[str, str]:
    """A source (with its outlet loaded) as a registry record."""
    record = {name: getattr(source, name) for name in SOURCE_FIELDS}
    record["outlet"] = source.outlet.name if source.outlet else ""
    record["published_on"] = _date(source.published_on)
    return record


def subject_record(subject: Subject) -> dict[str, str]:
    return {
        "name": subject.name,
        "kind": subject.kind,
        "released_on": _date(subject.released_on),
        "developers": subject.developers,
    }


def registry_export(sources: Iterable[Source], subjects: Iterable[Subject]) -> str:
    registry = {
        "sources": [source_record(source) for source in sources],
        "subjects": [subject_record(subject) for subject in subjects],
    }
    return json.dumps(registry, ensure_ascii=False, indent=1) + "\n"


@dataclass
class RegistryReport(Report):
    sources: int = 0
    subjects: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        if self.problems:
            return self.refusal
        return (
            f"Imported {self.sources} sources and {self.subjects} subjects; {self.unchanged} "
            "were already in the registry and were left unchanged."
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
            values[name] = as_text(item.get(name)) or _default(model, name)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from error
        if problem := unshowable_problem(values[name]):
            raise ValueError(f"{name}: {problem}")
    return values


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
        sources, source_problems = _read(file, "sources", SOURCE_FIELDS, Source)
        subjects, subject_problems = _read(file, "subjects", SUBJECT_FIELDS, Subject)
    except FormatError as error:
        return RegistryReport(problems=[str(error)])
    report = RegistryReport(problems=source_problems + subject_problems)
    if report.problems:
        return report
    with transaction.atomic():
        for number, record in sources:
            _write(report, f"sources {number}", lambda r=record: _add_source(r, by, report))
        for number, record in subjects:
            _write(report, f"subjects {number}", lambda r=record: _add_subject(r, report))
        if report.problems:
            transaction.set_rollback(True)
            report.sources = report.subjects = 0
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
            elif prefix in ("sources", "subjects") and not event.startswith("end_"):
                shapes.add((prefix, event))
    except JSON_ERRORS as error:
        raise FormatError(f"The file is not valid JSON ({error}).") from error
    file.seek(0)
    lists = all(event == "start_array" for _, event in shapes)
    return bool(keys) and keys <= {"sources", "subjects"} and lists


ONLY_CURATORS_ADD = "{user} may not add sources to the registry."
NOT_A_REGISTRY = 'A registry file is a JSON object: {"sources": [{…}, …], "subjects": [{…}, …]}.'


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


def _add_subject(record: dict[str, str], report: RegistryReport) -> None:
    if Subject.objects.filter(name=record["name"]).exists():
        report.unchanged += 1
        return
    subject_get_or_create(**{**record, "released_on": record["released_on"] or None})
    report.subjects += 1
