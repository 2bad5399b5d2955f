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
from dataclasses import dataclass, field
from typing import IO, Any

import ijson
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from claims.choices import SubjectKind
from claims.models import Subject
from claims.services import subject_get_or_create
from sources.choices import DatePrecision, Reliability, SourceKind
from sources.models import Source, normalize_url
from sources.services import outlet_get_or_create, source_save
from workbench.unstorable import unshowable_problem

from .read import FormatError, unreadable_parts

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
# Left out of a file, a field takes the registry's default, as in the admin's form.
DEFAULTS = {
    "date_precision": DatePrecision.DAY,
    "kind": SourceKind.OTHER,
    "reliability": Reliability.UNRATED,
}


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
class RegistryReport:
    problems: list[str] = field(default_factory=list)
    sources: int = 0
    subjects: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.problems:
            return f"Nothing was imported: {len(self.problems)} problem(s) in the file."
        return (
            f"Imported {self.sources} sources and {self.subjects} subjects; {self.unchanged} "
            "were already in the registry and were left unchanged."
        )


def _record(item: Any, names: list[str], defaults: dict[str, str]) -> dict[str, str]:
    if not isinstance(item, dict):
        raise ValueError("each entry must be a JSON object")
    values = {}
    for name in names:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{name}: expected text")
        values[name] = (value or "").strip() or defaults.get(name, "")
        if problem := unshowable_problem(values[name]):
            raise ValueError(f"{name}: {problem}")
    return values


def _read(file: IO[bytes], part: str, names: list[str], defaults: dict) -> tuple[list, list]:
    """The records of one list of the file, each with its number, and what is wrong with it."""
    records, problems = [], []
    file.seek(0)
    try:
        for number, item in enumerate(ijson.items(file, f"{part}.item"), start=1):
            try:
                records.append((number, _record(item, names, defaults)))
            except ValueError as error:
                problems.append(f"{part} {number}: {error}")
    except ijson.JSONError as error:
        raise FormatError(f"The file is not valid JSON ({error}).") from error
    return records, problems


def registry_import(*, file: IO[bytes], by: AbstractBaseUser | None) -> RegistryReport:
    """Add the file's sources and subjects to the registry, all or nothing, through the
    services (so a rating needs a curator). What is already there (a source with the same
    slug, or the same title and address; a subject of the same name) is left as it is, so a
    file imported twice changes nothing."""
    problems = unreadable_parts(file, "json")
    if problems:
        return RegistryReport(problems=problems)
    file.seek(0)
    start = file.read(4096).lstrip()
    if not start:
        return RegistryReport(problems=["The file is empty."])
    if not start.startswith(b"{"):
        return RegistryReport(problems=[NOT_A_REGISTRY])
    try:
        sources, source_problems = _read(file, "sources", SOURCE_FIELDS, DEFAULTS)
        subjects, subject_problems = _read(
            file, "subjects", SUBJECT_FIELDS, {"kind": SubjectKind.MODEL}
        )
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


def _in_registry(record: dict[str, str]) -> bool:
    """The same slug, or what an import of claims takes for the same source (source_key())."""
    if record["slug"] and Source.objects.filter(slug=record["slug"]).exists():
        return True
    if record["url"]:
        return Source.objects.filter(url_normalized=normalize_url(record["url"])).exists()
    return Source.objects.filter(title=record["title"]).exists()


def _add_source(record: dict[str, str], by, report: RegistryReport) -> None:
    if _in_registry(record):
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
