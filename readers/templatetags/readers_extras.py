"""Filters and tags of the reader pages: search highlights, ClaimReview markup, amounts, what
makes a claim contested."""

from dataclasses import dataclass

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from claims.models import ClaimSummary
from claims.search.analysis import spans
from claims.units import UNIT_LABELS, format_number
from exchange.claimreview import claim_review, json_ld_script

register = template.Library()


@register.simple_tag
def highlight(text: str, forms: list[tuple[str, ...]] | None) -> str:
    """`text`, escaped, with the words a search matched marked: whatever their letter case,
    form or script ("models" for "model", 華為 for 华为)."""
    if not forms:
        return text
    pieces, last = [], 0
    for start, end in spans(text, forms):
        pieces += [escape(text[last:start]), f"<mark>{escape(text[start:end])}</mark>"]
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


@register.simple_tag
def claim_review_markup(claim) -> str:
    """The claim's ClaimReview JSON-LD, or nothing for a claim that is not a current
    fact-check (a withdrawn one)."""
    review = claim_review(claim)
    return json_ld_script(review) if review else ""


@register.filter
def amount(value: float | None, unit: str = "") -> str:
    """1.75e12, "parameter" → "1.75 × 10¹² parameters"; small numbers as they are."""
    if value is None:
        return "no upper limit"
    return f"{format_number(value)} {UNIT_LABELS.get(unit, unit)}".strip()


@register.filter
def times(ratio: float) -> str:
    """How many times larger: 1.159 → "×1.16", 12.07 → "×12.1", 9375 → "×9,375"."""
    return "×" + (f"{ratio:.3g}" if ratio < 100 else f"{ratio:,.0f}")


@dataclass(frozen=True)
class ContestedReason:
    text: str
    section: str  # the claim page's section that shows it


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@register.filter
def contested_reasons(summary: ClaimSummary | None) -> list[ContestedReason]:
    """What makes a claim contested, in a reader's words, from its stored summary: no query."""
    if summary is None or not summary.is_contested:
        return []
    reasons = []
    if summary.evidence_for and summary.evidence_against:
        supports = _count(summary.evidence_for, "source supports", "sources support")
        refutes = _count(summary.evidence_against, "refutes", "refute")
        reasons.append(ContestedReason(f"{supports} it, {refutes} it", "evidence"))
    if summary.has_counter_claim:
        reasons.append(ContestedReason("a published counter-claim", "related"))
    if summary.figure_disagrees:
        reasons.append(ContestedReason("another claim gives a different figure", "figures"))
    return reasons
