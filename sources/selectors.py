"""Reads of the registry as the public API and pages show it, and as its curators check it."""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count, ManyToOneRel, QuerySet
from django.utils.text import capfirst

from .models import Source


def source_list_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet").order_by("title", "pk")


def source_detail_public() -> QuerySet[Source]:
    return Source.objects.select_related("outlet")


def source_references() -> list[ManyToOneRel]:
    """The relations through which other models point at a source (history tables' references
    are hidden): what a merge moves and its undo moves back, and what the curators' pages count
    as citing a source, all without naming the models of the apps above."""
    return [rel for rel in Source._meta.related_objects if rel.one_to_many and not rel.hidden]


# -- Duplicates and merges -----------------------------------------------------------------------

# Every row a merge touches carries this in its history, so the merge can be traced and undone.
MERGE_REASON = "Merged source #{duplicate} into #{survivor}"
MERGE_REASON_PATTERN = re.compile(r"^Merged source #(?P<duplicate>\d+) into #(?P<survivor>\d+)$")

SAME_ADDRESS = "the same address"
SAME_TITLE = "the same title"
NEAR_TITLE = "nearly the same title"
_REASON_ORDER = [SAME_ADDRESS, SAME_TITLE, NEAR_TITLE]
# How many titles on from each one, in sorted order, are compared with it.
NEAR_TITLE_WINDOW = 3

# Copies of one page under another host or path: mobile and AMP editions, an explicit index page.
_COPY_HOSTS = ("m.", "mobile.", "amp.")
_COPY_PATH_ENDINGS = ("/amp", "/index.html", "/index.htm", "/index.php")


def address_key(url_normalized: str) -> str:
    """A normalised address as the duplicate finder compares it. normalize_url() already folds
    scheme, "www.", case of host, default port, trailing slash, fragment and tracking
    parameters, and the registry refuses a second source with the same normalised address;
    this also folds the mobile and AMP copies of a page and explicit index pages."""
    address, mark, query = url_normalized.removeprefix("https://").partition("?")
    host, _, path = address.partition("/")
    for prefix in _COPY_HOSTS:
        host = host.removeprefix(prefix)
    path = f"/{path}"
    for ending in _COPY_PATH_ENDINGS:
        path = path.removesuffix(ending)
    return f"{host}{path.rstrip('/')}{mark}{query}" if host else ""


@cache
def _title_noise() -> re.Pattern:
    """Punctuation of every script (dashes, quotes, brackets…) and runs of white space. Built on
    first use: unicodedata knows which characters are punctuation, `re` does not."""
    marks = (chr(c) for c in range(0x10000) if unicodedata.category(chr(c)).startswith("P"))
    return re.compile(f"[{re.escape(''.join(marks))}\\s]+")


def title_key(title: str) -> str:
    """A title as the duplicate finder compares it: compatibility forms unified (full-width
    letters, ligatures), case folded, punctuation and dashes as spaces, white space collapsed.
    Letters, digits and accents are kept: "Report 2022" and "Report 2023" stay apart."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(_title_noise().sub(" ", text).split())


_NUMBERS = re.compile(r"\d+")


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common start of `a` and `b`, by halving: string slices are
    compared in C, so this stays fast however long the titles."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _nearly_the_same(a: str, b: str) -> bool:
    """Two title keys that are one retyped: the same but for one stretch of at most a tenth of
    the longer (three characters at least): a typo, a plural, an article, a word dropped.
    Numbers must agree: years, versions and parts tell documents apart."""
    shorter, longer = sorted((len(a), len(b)))
    allowed = max(3, longer // 10)
    if longer - shorter > allowed:
        return False
    start = _common_prefix(a, b)
    # What differs must end where a common ending of `needed` characters starts.
    needed = longer - start - allowed
    if needed > 0 and (needed > shorter - start or a[-needed:] != b[-needed:]):
        return False
    return _NUMBERS.findall(a) == _NUMBERS.findall(b)


@dataclass
class DuplicateGroup:
    """Sources that are likely one: their ids, oldest first, and why they were grouped."""

    ids: list[int]
    reasons: set[str] = field(default_factory=set)
    sources: list[Source] = field(default_factory=list)

    @property
    def reasons_display(self) -> str:
        return capfirst(" and ".join(sorted(self.reasons, key=_REASON_ORDER.index)))


def duplicate_groups() -> list[DuplicateGroup]:
    """Groups of sources that are likely the same, in one query and one pass over the registry.

    Catches: the same address once folded by address_key(); the same title once folded by
    title_key(); and titles that differ in one short stretch (_nearly_the_same(): a typo, a
    plural, an article), found by comparing each title only with the next few in alphabetical
    order, and again in the order of the reversed titles, so a difference near the start is
    seen too. That is O(n log n), where comparing every pair would be O(n²) and too slow for a
    registry of tens of thousands of sources.
    Misses: titles reworded, shortened, translated or with a site name added ("… | Reuters"),
    retyped in two places, or kept apart in both orders by more than NEAR_TITLE_WINDOW other
    titles; and the same document at unrelated addresses (a preprint and its journal
    version). A curator still decides: grouped is not merged."""
    return _grouped(Source.objects.order_by("pk").values_list("pk", "title", "url_normalized"))


def _grouped(rows) -> list[DuplicateGroup]:
    rows = list(rows)
    parent = {pk: pk for pk, _, _ in rows}
    reasons: dict[tuple[int, int], str] = {}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    def join(a: int, b: int, reason: str) -> None:
        reasons[(a, b)] = reason
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_address: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    for pk, title, url in rows:
        key = address_key(url)
        if key:
            by_address[key].append(pk)
        key = title_key(title)
        if key:  # a title of punctuation only says nothing
            by_title[key].append(pk)
    for keyed, reason in ((by_address, SAME_ADDRESS), (by_title, SAME_TITLE)):
        for ids in keyed.values():
            for other in ids[1:]:
                join(ids[0], other, reason)
    titles = list(by_title)
    for order in (sorted(titles), sorted(titles, key=lambda title: title[::-1])):
        for i, a in enumerate(order):
            for b in order[i + 1 : i + 1 + NEAR_TITLE_WINDOW]:
                if _nearly_the_same(a, b):
                    join(by_title[a][0], by_title[b][0], NEAR_TITLE)

    members: dict[int, list[int]] = defaultdict(list)
    for (a, b), _ in reasons.items():
        members[root(a)] += [a, b]
    groups = {first: DuplicateGroup(ids=sorted(set(ids))) for first, ids in members.items()}
    for (a, _), reason in reasons.items():
        groups[root(a)].reasons.add(reason)
    return sorted(groups.values(), key=lambda group: group.ids[0])


def with_candidates(groups: list[DuplicateGroup]) -> list[DuplicateGroup]:
    """`groups` with their sources as merge_candidates() gives them, for one page of groups:
    a fixed number of queries however many groups and sources."""
    found = {source.pk: source for source in merge_candidates([i for g in groups for i in g.ids])}
    for group in groups:
        group.sources = [found[pk] for pk in group.ids if pk in found]
    return groups


def _label(rel: ManyToOneRel) -> str:
    """What the rows of a relation are called on the curators' pages: its related name
    ("Evidence", "First appearances"), so sources need not know the models above them."""
    return capfirst(rel.get_accessor_name().replace("_", " "))


def merge_candidates(ids: list[int]) -> list[Source]:
    """The sources with these ids, oldest first, each with `citations`: how many rows of each
    kind cite it, as [(label, count)]. One query for the sources and one per kind of row that
    can cite a source, whatever the number of sources."""
    sources = list(Source.objects.filter(pk__in=ids).select_related("outlet").order_by("pk"))
    counts: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for rel in source_references():
        cited = (
            rel.related_model._default_manager.filter(**{f"{rel.field.attname}__in": ids})
            .values_list(rel.field.attname)
            .annotate(total=Count("pk"))
            .order_by()
        )
        for source_id, total in cited:
            counts[source_id].append((_label(rel), total))
    for source in sources:
        source.citations = counts[source.pk]
    return sources


def _merged_away():
    """Deletions by a merge of sources not back in the registry, newest first."""
    return (
        Source.history.filter(history_type="-")
        .exclude(id__in=Source.objects.values("pk"))
        .select_related("history_user")
        .order_by("-history_date")
    )


def _by_merge(record) -> bool:
    return bool(record and MERGE_REASON_PATTERN.match(record.history_change_reason or ""))


def survivor_id(merge) -> int:
    """The id of the source a merge (the record of a duplicate's deletion) folded it into."""
    return int(MERGE_REASON_PATTERN.match(merge.history_change_reason)["survivor"])


def merge_of(duplicate_id: int):
    """The history record of the merge that folded source #duplicate_id away, or None when it
    is not merged away: never merged, back in the registry, or deleted by hand since."""
    record = _merged_away().filter(id=duplicate_id).first()
    return record if _by_merge(record) else None


def merges_into(source: Source) -> list:
    """The merges that folded other sources into `source` and are not undone, as the history
    records of the merged-away sources' deletions, newest first. One query."""
    folded = Source.history.filter(
        history_type="-", history_change_reason__endswith=f" into #{source.pk}"
    ).values("id")
    latest = {}
    for record in _merged_away().filter(id__in=folded):
        latest.setdefault(record.id, record)  # a source merged, restored and merged again
    return [
        record
        for record in latest.values()
        if _by_merge(record) and survivor_id(record) == source.pk
    ]


def rows_moved_by(reason: str) -> list[tuple[str, int]]:
    """How many rows of each kind a merge moved (those tagged with its reason): what its undo
    moves back. One query per kind of row that can cite a source."""
    moved = []
    for rel in source_references():
        model = rel.related_model
        total = (
            model.history.filter(history_change_reason=reason)
            .values(model._meta.pk.attname)
            .distinct()
            .count()
        )
        if total:
            moved.append((_label(rel), total))
    return moved
