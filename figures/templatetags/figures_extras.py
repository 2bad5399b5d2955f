from django import template

from figures.units import UNIT_LABELS, format_number

register = template.Library()


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
