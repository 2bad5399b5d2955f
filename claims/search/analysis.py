"""Text as search sees it: the same terms for what is stored and for what a reader types, in
Python, so that SQLite and PostgreSQL index and match exactly the same words.

- Full-width forms are read as their ordinary ones (NFKC), traditional Chinese characters as
  simplified ones (OpenCC), accents are dropped ("NÜWA" is "nuwa") and Greek letters spelled
  ("PanGu-α" is "pangu alpha").
- Chinese is cut into words (jieba); English words are reduced to their stems (Snowball), and
  the commonest function words are left out ("no" and "not" stay: they carry claims).
- A name written in one piece is also split where its case or its digits change, and its parts
  are also kept joined: "WuDao2.0", "Wu Dao 2.0" and "wudao-2.0" share the terms "wu dao 2d0",
  and "WuDao" also gives "wudao". Joined forms go after the field's words, so that the words keep
  their order for phrases.
- A decimal point inside a number is written "d" ("2.0" is "2d0"), thousands separators go."""

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import jieba
import opencc
import snowballstemmer

jieba.setLogLevel(logging.WARNING)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAS_CJK = re.compile(f"[{_CJK}]")
# A run of Chinese, or a chunk of letters and digits that separators (- . · ') hold together.
_LETTER = rf"[^\W_{_CJK}]"
_CHUNK = re.compile(rf"([{_CJK}]+)|((?:{_LETTER}|(?<={_LETTER})[-.·'’](?={_LETTER}))+)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# Inside a chunk: numbers (with their decimals) and runs of letters split where the case turns.
# An acronym's plural ("GPUs") is the acronym, not two words ("GP", "Us").
_PART = re.compile(
    r"\d+(?:\.\d+)?|[A-Z]{2,}(?=s(?![a-z]))|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[^\W\d_]+"
)
_PLURAL_S = re.compile(r"(?<=[A-Z]{2})s(?![a-z])")
# "1.75T" is 1.75 trillion: the scale word is indexed beside the number.
SCALE_WORDS = {"k": "thousand", "m": "million", "b": "billion", "bn": "billion", "t": "trillion"}
_SEGMENT_SEPARATOR = re.compile(r"[-·'’]|(?<!\d)\.|\.(?!\d)")
_GREEK = str.maketrans(
    {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Α": "alpha", "Β": "beta"}
)
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    }
)
_to_simplified = opencc.OpenCC("t2s")
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word) if word.isascii() and word.isalpha() and len(word) > 3 else word


def normalised(text: str) -> str:
    """Full-width as ordinary, traditional as simplified, Greek letters spelled out."""
    text = unicodedata.normalize("NFKC", text).translate(_GREEK)
    if HAS_CJK.search(text):
        text = _to_simplified.convert(text)
    return _THOUSANDS.sub("", text)


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _term(part: str) -> str:
    part = part.lower()
    return part.replace(".", "d") if part[:1].isdigit() else _stem(part)


@dataclass(frozen=True)
class Chunk:
    """What one chunk of text gives: its terms in order, the joined forms of its names, and
    the words as written (for suggestions)."""

    terms: tuple[str, ...]
    joined: tuple[str, ...]
    words: tuple[str, ...]
    scaled: tuple[str, ...] = ()  # "1.75T": ("1d75", "trillion")
    # Each word with the term it is indexed under, for words_of(): worked out once per chunk
    # (chunks are cached), not once per text that holds it.
    suggestions: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = (
            zip(self.words, self.terms, strict=True) if len(self.terms) == len(self.words) else ()
        )
        object.__setattr__(self, "suggestions", (*pairs, *((j, j) for j in self.joined)))


def chunks(text: str, *, for_query: bool = False) -> list[Chunk]:
    found = []
    for match in _CHUNK.finditer(normalised(text)):
        chinese, piece = match.groups()
        if chinese:
            found += _chinese(chinese, for_query)
        elif (chunk := _latin(piece)) is not None:
            found.append(chunk)
    return found


# Texts repeat the same words: each is analysed once per process.
@lru_cache(maxsize=200_000)
def _latin(piece: str) -> Chunk | None:
    if not piece.isascii():
        piece = _unaccented(piece)
    if piece.lower() in STOP_WORDS:
        return None
    segments = [_PLURAL_S.sub("", s) for s in _SEGMENT_SEPARATOR.split(piece) if s]
    parts = [_PART.findall(segment) for segment in segments]
    terms = tuple(_term(p) for segment in parts for p in segment)
    if not terms:
        return None
    joined = {
        "".join(p.lower().replace(".", "d") for p in segment)
        for segment in (parts if len(parts) > 1 else []) + [sum(parts, [])]
        if len(segment) > 1
    }
    words = tuple(p.lower() for segment in parts for p in segment)
    scaled = ()
    if len(terms) == 2 and terms[0][:1].isdigit() and terms[1] in SCALE_WORDS:
        scaled = (terms[0], SCALE_WORDS[terms[1]])
    return Chunk(terms, tuple(sorted(joined - set(terms))), words, scaled)


@lru_cache(maxsize=20_000)
def _chinese(run: str, for_query: bool) -> tuple[Chunk, ...]:
    cut = jieba.lcut(run) if for_query else jieba.lcut_for_search(run)
    return tuple(Chunk((word,), (), (word,)) for word in cut)


def terms(text: str) -> str:
    """The stored form of a field: its terms in order, then the joined forms of its names."""
    return terms_of(chunks(text))


# PostgreSQL refuses a word over 2,046 bytes and a tsvector over 1 MB: no real word is that
# long, and a field's first hundred thousand characters of terms are what is searched.
LONGEST_TERM = 100
MOST_TERM_CHARACTERS = 100_000


def terms_of(found: list[Chunk]) -> str:
    ordered = [term for chunk in found for term in chunk.terms]
    joined = [term for chunk in found for term in (*chunk.joined, *chunk.scaled[1:])]
    kept = " ".join(term for term in ordered + joined if len(term) <= LONGEST_TERM)
    return (
        kept[:MOST_TERM_CHARACTERS].rsplit(" ", 1)[0] if len(kept) > MOST_TERM_CHARACTERS else kept
    )


def words_of(found: list[Chunk]) -> dict[str, str]:
    """The words as readers write them, each with the term it is indexed under: what "Did you
    mean …" chooses from."""
    words = {}
    for chunk in found:
        words.update(chunk.suggestions)
    return words


def key(name: str) -> str:
    """A name folded for looking it up whatever its spelling: "WuDao 2.0", "wudao-2.0" and
    "WUDAO2.0" are all "wudao20"."""
    return "".join(_unaccented(c) for c in normalised(name).casefold() if c.isalnum())


def spans(text: str, forms: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where in `text`, as written, the words are of each search form (a word, a name, a
    number with its scale) the text holds whole: what a search highlights. A form only partly
    there ("US-China AGI race" when the text says only "US") marks nothing."""
    written = []
    for match in _CHUNK.finditer(text):  # the text as written, not normalised
        chinese, piece = match.groups()
        if chinese:
            at = match.start()
            for word in jieba.lcut(chinese):
                written.append((at, at + len(word), {normalised(word)}))
                at += len(word)
        else:
            found = chunks(piece)
            written.append((*match.span(), {t for c in found for t in c.terms + c.joined}))
    present = set().union(*(terms for *_, terms in written))
    wanted = {term for form in forms if set(form) <= present for term in form}
    return [(start, end) for start, end, terms in written if terms & wanted]
