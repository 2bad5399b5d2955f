"""A verdict's label wherever it is shown, explaining itself: its definition from the scale
(claims/choices.py), on hover, on focus and on a tap, linked to the methodology's entry."""

from django import template

from ..choices import VERDICT_SCALE, Verdict

register = template.Library()


@register.inclusion_tag("includes/verdict_label.html")
def verdict_label(verdict: str, count: int | None = None) -> dict:
    """`count`: a number of claims with this verdict, shown in the label ("3 misleading")."""
    meaning = VERDICT_SCALE[verdict]
    return {
        "verdict": Verdict(verdict),
        "label": Verdict(verdict).label,
        "meaning": meaning,
        "count": count,
    }
