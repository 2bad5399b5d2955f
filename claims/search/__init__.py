"""Search over claims, in English and Chinese, the same on SQLite and PostgreSQL: analysis.py
makes the terms, index.py keeps and looks them up, query.py reads what a reader asks for,
ranking.py orders what is found, and find() here puts them together, offering a correction
when a search finds little."""

from dataclasses import dataclass, field, replace

from django.db import connection, transaction
from django.db.models import QuerySet
from rapidfuzz import fuzz, process

from ..models import SearchWord
from ..models.claim import names_in
from .analysis import chunks, key, spans
from .query import Group, Search, parsed
from .ranking import FEW, Found, ranked

# How alike a known word must be to a word that finds nothing to be offered instead.
ALIKE = 75
TRIGRAM_THRESHOLD = 0.2


@dataclass
class Results:
    text: str
    found: list[Found] = field(default_factory=list)
    corrected_from: str = ""  # the search as typed, when `text` is the correction shown
    search: Search | None = None
    more: bool = False  # there may be more matches than the best ones found (CANDIDATES)

    @property
    def ids(self) -> list[int]:
        return [item.claim_id for item in self.found]

    @property
    def where(self) -> dict[int, str]:
        return {item.claim_id: item.where for item in self.found}


def other_names() -> dict[str, tuple[str, ...]]:
    """Every name and alias of the registry's subjects, topics and outlets that have aliases,
    by its key, with all the names of what it names."""
    from sources.models import Outlet

    from ..models import Subject, Topic

    having = [
        model.objects.exclude(aliases="").values_list("name", "aliases").order_by()
        for model in (Subject, Topic, Outlet)
    ]
    gathered: dict[str, tuple[str, ...]] = {}
    for name, aliases in having[0].union(*having[1:], all=True):  # one query
        every = tuple(dict.fromkeys((name, *names_in(aliases))))
        for one in every:
            if not (folded := key(one)):
                continue  # an alias of punctuation alone names nothing
            # Every name of one thing shares one tuple; two things under one name, both.
            shared = gathered.get(folded)
            gathered[folded] = every if shared is None else tuple(dict.fromkeys(shared + every))
    return gathered


def find(text: str, within: QuerySet, *, correct: bool = True) -> Results:
    """The claims of `within` that `text` finds, best first; when a spelling correction finds
    claims holding more of the words (or more claims, where the search finds few), the
    corrected search's, unless `correct` is False."""
    names = other_names()
    search = parsed(text, names)
    known = known_terms(search)
    search = with_split_words(search, known)
    # A search none of whose words the index holds finds nothing but through a figure.
    findable = search.figures or any(
        set(form) <= known for group in search.groups for form in group.forms
    )
    found, more = ranked(search, within) if findable else ([], False)
    results = Results(text=text, found=found, search=search, more=more)
    correction = corrected(search, known) if correct else None
    if correction and correction.casefold() != text.casefold():
        search = parsed(correction, names)
        search = with_split_words(search, known_terms(search))
        better, more = ranked(search, within)
        # The correction when it finds claims holding more of the words, or more claims.
        if _best(better) > _best(results.found) or len(better) > len(results.found) < FEW:
            return Results(correction, better, corrected_from=text, search=search, more=more)
    return results


def _splittable(term: str) -> bool:
    return 4 <= len(term) <= 30 and term.isascii() and term.isalpha()


def _halves(term: str) -> list[tuple[str, str]]:
    return [(term[:at], term[at:]) for at in range(2, len(term) - 1)]


def _pairs(search: Search) -> list[tuple[Group, Group]]:
    """Neighbouring one-word groups, which the claims may write as one word ("Wu Dao")."""
    groups = search.groups
    return [
        (a, b)
        for a, b in zip(groups, groups[1:], strict=False)
        if len(a.forms[0]) == len(b.forms[0]) == 1
        and a.forms[0][0].isascii()
        and a.forms[0][0].isalpha()
        and b.forms[0][0].isascii()
        and b.forms[0][0].isalnum()
    ]


def known_terms(search: Search) -> set[str]:
    """Which of the search's terms, of the halves of its words and of its neighbouring words
    joined, the index holds: one query."""
    wanted = set(search.terms)
    for term in search.terms:
        if _splittable(term):
            wanted.update(half for pair in _halves(term) for half in pair)
    wanted.update(a.forms[0][0] + b.forms[0][0] for a, b in _pairs(search))
    return set(SearchWord.objects.filter(term__in=wanted).values_list("term", flat=True))


def with_split_words(search: Search, known: set[str]) -> Search:
    """A word the claims may write as two ("wudao" for "Wu Dao") is also looked for as those
    two, and two words as one, when the index holds them."""
    joined = {a: b for a, b in _pairs(search) if a.forms[0][0] + b.forms[0][0] in known}
    groups, skip = [], None
    for group in search.groups:
        if group is skip:
            continue
        forms = list(group.forms)
        for form in group.forms:
            for at, term in enumerate(form):
                if _splittable(term):
                    forms += [
                        form[:at] + pair + form[at + 1 :]
                        for pair in _halves(term)
                        if set(pair) <= known
                    ]
        if (after := joined.get(group)) is not None:
            forms = [form + after.forms[0] for form in forms]
            forms.append((group.forms[0][0] + after.forms[0][0],))
            group = replace(
                group, text=f"{group.text} {after.text}", words=group.words + after.words
            )
            skip = after
        groups.append(replace(group, forms=tuple(dict.fromkeys(forms))))
    return replace(search, groups=groups)


def _best(found: list[Found]) -> float:
    return found[0].score if found else 0.0


def corrected(search: Search, known: set[str]) -> str | None:
    """The search with each word the index does not hold (`known` holds the others) replaced
    by the known word most like it (trigram similarity on PostgreSQL, the same idea over words
    of the same first letter on SQLite); None when there is nothing to correct."""
    text = search.text
    changed = False
    for group in search.groups:
        if any(set(form) <= known for form in group.forms) or not group.words:
            continue
        for word in group.words:
            if len(word) < 3 or not word.isascii() or not word.isalpha():
                continue
            better = _alike(word)
            if better and better != word:
                text = _replace(text, word, better)
                changed = True
    return text if changed else None


def _alike(word: str) -> str | None:
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            # Lower than pg_trgm's 0.3: a short word with two letters swapped ("huwaei") shares
            # few trigrams with itself spelt right; rapidfuzz below makes the choice. For this
            # transaction only: the connection serves other requests after.
            cursor.execute("SET LOCAL pg_trgm.similarity_threshold = %s", [TRIGRAM_THRESHOLD])
            cursor.execute(
                "SELECT word FROM claims_searchword WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC LIMIT 20",
                [word, word],
            )
            choices = [row[0] for row in cursor.fetchall()]
    else:
        nearby = SearchWord.objects.filter(word__gte=word[0], word__lt=chr(ord(word[0]) + 1))
        choices = [w for w in nearby.values_list("word", flat=True) if abs(len(w) - len(word)) <= 2]
    best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=ALIKE)
    return best[0] if best else None


def _replace(text: str, word: str, better: str) -> str:
    """`text` with the chunk written as `word` (letter case aside) replaced by `better`."""
    for chunk_text in text.split():
        if [c for c in chunks(chunk_text, for_query=True) if word in c.words]:
            return text.replace(chunk_text, chunk_text.lower().replace(word, better), 1)
    return text


PASSAGE_LENGTH = 240


def passage(text: str, forms: list[tuple[str, ...]]) -> str:
    """The line of `text` (a claim's evidence, context and rationales) holding most of the
    search's words, cut to a readable length around its first match: shown under a result
    that matched there and not in its statement."""
    best, best_count = "", 0
    for line in text.splitlines():
        count = len(spans(line, forms))
        if count > best_count:
            best, best_count = line, count
    if len(best) <= PASSAGE_LENGTH:
        return best
    first = spans(best, forms)[0][0]
    start = max(0, min(first - PASSAGE_LENGTH // 3, len(best) - PASSAGE_LENGTH))
    cut = best[start : start + PASSAGE_LENGTH]
    return ("…" if start else "") + cut + ("…" if start + PASSAGE_LENGTH < len(best) else "")
