"""A verdict's label wherever it is shown, explaining itself: its definition from the scale
(claims/choices.py), on hover, on focus and on a tap, linked to the methodology's entry."""

from functools import cache

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..choices import VERDICT_SCALE, Verdict

register = template.Library()


@cache
def _methodology() -> str:
    return reverse("methodology")  # once per process: a list shows a label on every row


@register.simple_tag
def verdict_label(verdict: str, count: int | None = None) -> str:
    """`count`: a number of claims with this verdict, shown in the label ("3 misleading")."""
    meaning = VERDICT_SCALE[verdict]
    label = Verdict(verdict).label
    return format_html(
        '<details class="verdict-term"><summary><span class="verdict verdict-{}">'
        '<span aria-hidden="true">{}</span> {}</span></summary><span class="verdict-definition">'
        '<strong>{}</strong>, rated {} of 5: {} <a href="{}#verdict-{}">How we grade</a>'
        "</span></details>",
        verdict,
        meaning.icon,
        label if count is None else f"{count} {label.lower()}",
        label,
        meaning.rating,
        meaning.explanation,
        _methodology(),
        verdict,
    )
