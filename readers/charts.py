"""A scatter of figures against release dates on a log scale, laid out in Python and drawn as
SVG by the template: no script, no network, readable without colour (each point carries its
verdict's icon) and with the data table beside it as the text alternative."""

import datetime
import math
from dataclasses import dataclass

from claims.choices import VERDICT_SCALE
from claims.models import Figure, FigureConflict
from claims.units import SUPERSCRIPTS, UNIT_LABELS

WIDTH, HEIGHT = 880, 460
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 36, 48
SPREAD = 14  # pixels between figures for the same model, which share a release date


@dataclass
class Point:
    x: float
    y: float
    figure: Figure
    icon: str


@dataclass
class Tick:
    at: float
    label: str


@dataclass
class Chart:
    points: list[Point]
    lines: list[tuple[Point, Point, FigureConflict]]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    unit: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _days(day: datetime.date) -> int:
    return day.toordinal()


def scatter(figures: list[Figure], conflicts: list[FigureConflict]) -> Chart | None:
    """None when there is nothing to plot. Figures must have positive values and subjects
    with release dates (selectors.chart_figures)."""
    figures = [figure for figure in figures if figure.normalised > 0]
    if not figures:
        return None
    first = min(_days(f.subject.released_on) for f in figures) - 30
    last = max(_days(f.subject.released_on) for f in figures) + 30
    low = math.floor(min(math.log10(f.normalised) for f in figures))
    high = max(math.ceil(max(math.log10(f.normalised) for f in figures)), low + 1)

    def x(day: datetime.date) -> float:
        return LEFT + (_days(day) - first) / (last - first) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - (math.log10(value) - low) / (high - low) * (HEIGHT - TOP - BOTTOM)

    siblings: dict[int, list[Figure]] = {}
    for figure in figures:
        siblings.setdefault(figure.subject_id, []).append(figure)
    points = {}
    for same_model in siblings.values():
        for i, figure in enumerate(same_model):
            offset = (i - (len(same_model) - 1) / 2) * SPREAD
            points[figure.pk] = Point(
                round(x(figure.subject.released_on) + offset, 1),
                round(y(figure.normalised), 1),
                figure,
                VERDICT_SCALE[figure.claim.verdict].icon if figure.claim.verdict else "•",
            )
    lines = [
        (points[c.figure_id], points[c.other_id], c)
        for c in conflicts
        if c.figure_id in points and c.other_id in points
    ]
    years = range(
        datetime.date.fromordinal(first).year + 1, datetime.date.fromordinal(last).year + 1
    )
    x_ticks = [Tick(round(x(datetime.date(year, 1, 1)), 1), str(year)) for year in years]
    y_ticks = [
        Tick(round(y(10.0**power), 1), f"10{str(power).translate(SUPERSCRIPTS)}")
        for power in range(low, high + 1)
    ]
    unit = UNIT_LABELS.get(figures[0].normalised_unit, figures[0].normalised_unit + "s")
    ordered = [points[figure.pk] for figure in figures]  # the table's order
    return Chart(ordered, lines, x_ticks, y_ticks, unit)
