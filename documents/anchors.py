"""Text-quote anchors: the exact words of a passage with a little context on each side, as
the W3C Web Annotation text-quote selector, made from a sentence of a kept copy and found again
in any copy: exactly, then approximately."""

from dataclasses import dataclass

from rapidfuzz import fuzz

from claims.models import QUOTE_CONTEXT

from .models import Paragraph

# How alike a passage must be to count as the quote, changed (rapidfuzz's partial ratio).
CHANGED_BUT_THERE = 85


@dataclass(frozen=True)
class Quote:
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Found:
    paragraph: Paragraph
    start: int
    end: int
    exact: bool  # the same words; otherwise a passage alike enough


def quote_of(paragraph: Paragraph, start: int, end: int) -> Quote:
    return Quote(
        exact=paragraph.text[start:end],
        prefix=paragraph.text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=paragraph.text[end : end + QUOTE_CONTEXT],
    )


def locator_of(paragraph: Paragraph) -> str:
    return f"p. {paragraph.page}, ¶{paragraph.number}" if paragraph.page else f"¶{paragraph.number}"


def find(quote: Quote, paragraphs: list[Paragraph]) -> Found | None:
    """Where `quote` is in a copy's paragraphs: the exact words (the occurrence whose context
    fits best, when they occur more than once), else the most alike passage if alike enough."""
    exact = []
    for paragraph in paragraphs:
        at = paragraph.text.find(quote.exact)
        while at != -1 and quote.exact:
            fit = paragraph.text[:at].endswith(quote.prefix[-20:]) + paragraph.text[
                at + len(quote.exact) :
            ].startswith(quote.suffix[:20])
            exact.append((fit, paragraph, at))
            at = paragraph.text.find(quote.exact, at + 1)
    if exact:
        _, paragraph, at = max(exact, key=lambda item: item[0])
        return Found(paragraph, at, at + len(quote.exact), exact=True)
    best = None
    for paragraph in paragraphs:
        alignment = fuzz.partial_ratio_alignment(quote.exact, paragraph.text)
        if (
            alignment
            and alignment.score >= CHANGED_BUT_THERE
            and (best is None or alignment.score > best[0])
        ):
            best = (alignment.score, paragraph, alignment.dest_start, alignment.dest_end)
    if best is None:
        return None
    _, paragraph, start, end = best
    return Found(paragraph, start, end, exact=False)
