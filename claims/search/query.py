"""What a reader's search asks for: each word, name or number in every form it may take, the
other names of the models, organisations, outlets and topics it names, and the figures it
gives."""

import math
from dataclasses import dataclass, field

import jieba

from ..choices import Quantity
from ..figure_text import figure_in
from ..units import UnknownUnit, normalise, stated_numbers
from .analysis import HAS_CJK, Chunk, chunks, key

QUERY_MAX_LENGTH = 200
# Names of up to this many words are looked up among the aliases.
LONGEST_NAME = 4
# A search's first words: more would make the index's work grow for no reader's benefit.
MOST_GROUPS = 12
# A number with a scale word but nothing said of what it counts is most likely one of these.
COUNTED = (Quantity.PARAMETERS, Quantity.TRAINING_TOKENS, Quantity.ACCELERATORS, Quantity.USERS)


@dataclass(frozen=True)
class Group:
    """One thing the reader asked for, and the forms in which a claim may hold it: each form
    is a sequence of terms that must all be there."""

    text: str
    forms: tuple[tuple[str, ...], ...]
    words: tuple[str, ...] = ()
    in_figure: bool = False  # part of a figure the search gives, which a figure may satisfy

    @property
    def terms(self) -> set[str]:
        return {term for form in self.forms for term in form}


@dataclass(frozen=True)
class FigureSought:
    quantities: tuple[str, ...]
    value: float  # in the quantity's own unit (Figure.normalised)


@dataclass
class Search:
    text: str
    groups: list[Group] = field(default_factory=list)
    figures: list[FigureSought] = field(default_factory=list)

    @property
    def terms(self) -> set[str]:
        return {term for group in self.groups for term in group.terms}

    @property
    def forms(self) -> list[tuple[str, ...]]:
        return [form for group in self.groups for form in group.forms]

    @property
    def in_chinese(self) -> bool:
        return bool(HAS_CJK.search(self.text))


def _pieces(text: str) -> list[str]:
    """The query's words as a reader wrote them; Chinese, written without spaces, is cut."""
    pieces = []
    for token in text.split():
        if HAS_CJK.search(token):
            pieces += [word for word in jieba.lcut(token) if word.strip()]
        else:
            pieces.append(token)
    return pieces


def _group(text: str, found: list[Chunk]) -> Group | None:
    """A piece of the query as a group: one chunk may also be held joined ("wudao") or, for
    Chinese, cut finer; several chunks ("petaFLOP/s-days") must all be there."""
    whole = tuple(term for chunk in found for term in chunk.terms)
    if not whole:
        return None
    forms = dict.fromkeys([whole])
    if len(found) == 1:
        [chunk] = found
        forms.update(dict.fromkeys((joined,) for joined in chunk.joined))
        if chunk.scaled:
            forms[chunk.scaled] = None
        if len(whole) == 1 and HAS_CJK.search(whole[0]) and len(whole[0]) > 2:
            finer = tuple(word for word in jieba.lcut_for_search(whole[0]) if word != whole[0])
            if finer:
                forms[finer] = None
    words = tuple(word for chunk in found for word in chunk.words)
    return Group(text=text, forms=tuple(forms), words=words)


def parsed(text: str, names: dict[str, tuple[str, ...]]) -> Search:
    """The search `text` asks for; `names` holds every alias by its key (analysis.key()) with
    all the names of what it names."""
    text = text[:QUERY_MAX_LENGTH]
    search = Search(text=text, figures=_figures(text))
    in_figures = " ".join(_figure_texts(text))
    pieces = _pieces(text)
    at = 0
    while at < len(pieces):
        for length in range(min(LONGEST_NAME, len(pieces) - at), 0, -1):
            window = pieces[at : at + length]
            other_names = names.get(key(" ".join(window)))
            if other_names or length == 1:
                break
        written = " ".join(window)
        group = _group(written, [c for piece in window for c in chunks(piece, for_query=True)])
        if other_names:
            also = [_terms_of(name) for name in other_names]
            forms = dict.fromkeys([*(group.forms if group else ()), *(f for f in also if f)])
            if not forms:
                at += length
                continue  # a name all of whose words are too common to search for
            group = Group(written, tuple(forms), group.words if group else ())
        if group and group.forms and len(search.groups) < MOST_GROUPS:
            in_figure = bool(search.figures) and all(
                word in in_figures.lower() for word in written.lower().split()
            )
            search.groups.append(Group(group.text, group.forms, group.words, in_figure=in_figure))
        at += length
    return search


def _terms_of(name: str) -> tuple[str, ...]:
    return tuple(term for chunk in chunks(name, for_query=True) for term in chunk.terms)


def _figure_texts(text: str) -> list[str]:
    found = [number.text for number in stated_numbers(text) if number.scaled]
    if guess := figure_in(text):
        found.append(guess.text)
    return found


def _figures(text: str) -> list[FigureSought]:
    sought = []
    if (guess := figure_in(text)) is not None:
        try:
            value = normalise(guess.value, guess.unit, guess.quantity).value
            sought.append(FigureSought((guess.quantity,), value))
        except (UnknownUnit, ValueError):
            pass
    for number in stated_numbers(text):
        usable = number.scaled and math.isfinite(number.value) and number.value > 0
        if usable and not any(math.isclose(s.value, number.value, rel_tol=1e-9) for s in sought):
            sought.append(FigureSought(COUNTED, number.value))
    return sought
