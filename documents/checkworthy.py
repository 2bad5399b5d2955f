"""Which sentences of a document are worth checking (the figure a sentence gives is read by
claims/figure_text.py).

A sentence is check-worthy when it gives a figure (a number with a scale word or a unit:
"1.75 trillion parameters", "4,095 petaFLOP/s-days", "2,048 V100 GPUs", "1.75万亿参数"), makes
a comparison or a superlative ("ten times", "the first", "the largest", "最大"), or attributes a
statement to someone ("the lab said", "according to", "表示"). Rules, not a model: every mark
can be explained to the editor, and the labelled set in tests/documents/labelled.py measures
them (BENCHMARKS.md)."""

import re

from claims.figure_text import figure_in

FIGURE, COMPARISON, ATTRIBUTION = "figure", "comparison", "attribution"
REASON_LABELS = {
    FIGURE: "gives a figure",
    COMPARISON: "compares or ranks",
    ATTRIBUTION: "attributes a statement",
}

# A sentence ends at . ! ? followed by a space and a capital, quote or digit, or at 。！？；.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(A-Z0-9\u4e00-\u9fff])|(?<=[。！？；])")
# "Dr.", "e.g.", "U.S." and initials do not end sentences.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Ms|Mrs|Prof|St|No|vs|etc|e\.g|i\.e|Fig|approx)|\b[A-Z])\.$"
)

_COMPARISON = re.compile(
    r"\b(?:\w+\s+times\s+(?:more|larger|bigger|faster|as)|\d+(?:\.\d+)?[x×]\s|"
    r"the\s+(?:first|only|largest|biggest|most|fastest|best|highest|lowest|leading|strongest)|"
    r"\w+est\s+(?:ever|in\s+the\s+world|of\s+all)|more\s+than|fewer\s+than|less\s+than|"
    r"larger\s+than|bigger\s+than|outperform\w*|surpass\w*|exceed\w*|rival\w*|ahead\s+of|"
    r"behind|no\s+\w+\s+race|not\s+racing|catch(?:ing)?\s+up|compared\s+(?:with|to)|"
    r"(?:lower|higher|cheaper|better|worse|faster|slower|smaller|stronger|weaker)\s+than)\b"
    r"|倍|第一|首个|首款|最大|最强|最多|最先进|超过|超越|领先|落后|榜首|比\S{1,8}(?:更|还)",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|stated|states|claimed|claims|announced|announces|reported|"
    r"reports|wrote|writes|according\s+to|argued|argues|insisted|estimated|estimates|"
    r"boasted|touted|described|believes?|believed|expects?|expected|warned|warns)\b"
    r"|表示|称|宣布|指出|认为|据\S{0,10}(?:报道|称|介绍|消息)|介绍说|透露|声称",
    re.I,
)


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.start()
        if _ABBREVIATION.search(paragraph[start:end].rstrip('"”’)')):
            continue
        if paragraph[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph)))
    return [(s + len(paragraph[s:e]) - len(paragraph[s:e].lstrip()), e) for s, e in spans]


def reasons(sentence: str) -> list[str]:
    """Why a sentence is worth checking, or [] when it is not."""
    found = []
    if figure_in(sentence):
        found.append(FIGURE)
    if _COMPARISON.search(sentence):
        found.append(COMPARISON)
    if _ATTRIBUTION.search(sentence):
        found.append(ATTRIBUTION)
    return found
