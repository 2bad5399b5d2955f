"""The demo's documents: the seed texts (../shared/seeds/, outside the repository) kept as
snapshots of the registry's sources, and the demo's evidence anchored to the passages it
refers to.

The repository holds no sentence of the seeds, only where to look (exchange/demo/documents.json):
which source each seed is a copy of, and for each anchored evidence item a few words its passage
contains, names and figures such as "PanGu-α" and "207B". The passage itself is read from the copy
when the demo is loaded."""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from claims.models import QUOTE_MAX_LENGTH, Claim
from documents.anchors import Quote, quote_of
from documents.checkworthy import sentences
from documents.models import Snapshot
from documents.services import snapshot_take
from sources.models import Source

DOCUMENTS_FILE = Path(__file__).resolve().parent / "demo" / "documents.json"
# A passage may run over a few sentences when its words are spread over them.
MOST_SENTENCES = 3


@dataclass
class DemoDocuments:
    """What attaching the seeds did, for load_demo to report."""

    taken: int = 0
    kept_already: int = 0
    missing: list[str] = field(default_factory=list)
    anchored: int = 0
    not_found: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.taken} copies taken ({self.kept_already} kept already), "
            f"{self.anchored} quotes anchored"
            + (f"; seeds missing: {', '.join(self.missing)}" if self.missing else "")
            + (f"; passages not found: {'; '.join(self.not_found)}" if self.not_found else "")
        )


def demo_plan() -> dict[str, Any]:
    with DOCUMENTS_FILE.open(encoding="utf-8") as file:
        return json.load(file)


class _Text:
    """A paragraph's text, as documents.anchors.quote_of() takes it."""

    def __init__(self, text: str):
        self.text = text


def passage(paragraphs: Sequence[str], near: Sequence[str]) -> Quote | None:
    """The first passage of one to three sentences, in one paragraph, holding every word of
    `near` (letter case aside), as a quote with its context; None when there is none short
    enough to quote."""
    wanted = [word.casefold() for word in near]
    for text in paragraphs:
        folded = text.casefold()
        if not all(word in folded for word in wanted):
            continue
        spans = sentences(text)
        for length in range(1, MOST_SENTENCES + 1):
            for first in range(len(spans) - length + 1):
                start, end = spans[first][0], spans[first + length - 1][1]
                if end - start <= QUOTE_MAX_LENGTH and all(
                    word in folded[start:end] for word in wanted
                ):
                    return quote_of(_Text(text), start, end)
    return None


def seeds_attach(
    *, seeds: Path, by: AbstractBaseUser, report: DemoDocuments
) -> dict[str, Snapshot]:
    """Keep each seed present in `seeds` as a copy of the sources it is the document of, once:
    a copy of the same bytes already kept is left as it is. Returns the copies by source slug."""
    copies = {}
    for document in demo_plan()["documents"]:
        path = seeds / document["file"]
        if not path.is_file():
            report.missing.append(document["file"])
            continue
        content = path.read_bytes()
        for slug in document["sources"]:
            source = Source.objects.get(slug=slug)
            newest = source.snapshots.order_by("-taken_at", "-pk").first()
            if newest is not None and newest.original_name == document["file"]:
                report.kept_already += 1
                copies[slug] = newest
                continue
            copies[slug] = snapshot_take(
                source=source, name=document["file"], content=content, by=by
            )
            report.taken += 1
    return copies


def records_anchor(
    records: list[dict[str, Any]], copies: dict[str, Snapshot], report: DemoDocuments
) -> None:
    """Give the demo's evidence items the quotes documents.json points to, in the copies kept."""
    by_slug = {record["slug"]: record for record in records}
    # A claim loaded before keeps its evidence as it is (the import leaves it unchanged).
    loaded = set(Claim.objects.filter(slug__in=by_slug).values_list("slug", flat=True))
    titles = dict(Source.objects.filter(slug__in=copies).values_list("slug", "title"))
    paragraphs = {
        slug: list(copy.paragraphs.order_by("number").values_list("text", flat=True))
        for slug, copy in copies.items()
    }
    for anchor in demo_plan()["anchors"]:
        if anchor["source"] not in copies or anchor["claim"] in loaded:
            continue
        where = f"{anchor['claim']} in {anchor['source']}"
        item = next(
            (
                item
                for item in by_slug[anchor["claim"]]["evidence"]
                if item["source"]["title"] == titles[anchor["source"]]
                and item["locator"] == anchor.get("locator", item["locator"])
            ),
            None,
        )
        quote = passage(paragraphs[anchor["source"]], anchor["near"])
        if item is None or quote is None:
            report.not_found.append(where)
            continue
        item.update(
            quote=quote.exact,
            quote_prefix=quote.prefix,
            quote_suffix=quote.suffix,
            quote_copy=copies[anchor["source"]].sha256,
        )
        report.anchored += 1
