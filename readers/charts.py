"""A scatter of figures against release dates on a log scale, laid out in Python and drawn as
SVG by the template: no script, no network, readable without colour (each point carries its
verdict's icon) and with the data table beside it as the text alternative. A figure the chart
cannot place is listed under it with the reason, never dropped in silence."""

import datetime
import math
from dataclasses import dataclass

from claims.choices import VERDICT_SCALE, ClaimState
from claims.models import Claim, Figure, FigureConflict
from claims.selectors import CHART_QUANTITIES
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
class LeftOut:
    figure: Figure
    reason: str


def why_left_out(figure: Figure) -> str:
    """Why the chart cannot place this figure, or "" when it can."""
    if figure.subject.released_on is None:
        name = figure.subject.name
        return f"no release date is recorded for {name}, so it has no place on the time axis"
    if figure.normalised <= 0:
        return "a logarithmic scale cannot show zero"
    return ""


@dataclass
class ChartPlace:
    """Where a claim's figure stands on the chart of its quantity."""

    quantity: str
    left_out_because: str


def chart_place(claim: Claim, figure: Figure | None) -> ChartPlace | None:
    """None when the chart never shows this figure: no figure, a quantity not charted, or a
    claim not published."""
    if claim.state != ClaimState.PUBLISHED or figure is None:
        return None
    if figure.quantity not in CHART_QUANTITIES:
        return None
    return ChartPlace(figure.quantity, why_left_out(figure))


def plottable(figures: list[Figure]) -> tuple[list[Figure], list[LeftOut]]:
    """The figures the chart can place, and the others with the reason for each."""
    plotted, left_out = [], []
    for figure in figures:
        if reason := why_left_out(figure):
            left_out.append(LeftOut(figure, reason))
        else:
            plotted.append(figure)
    return plotted, left_out


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
    # The plot scrolls sideways on a narrow screen under its value axis, drawn apart.
    plot_width: int = WIDTH - LEFT


def _days(day: datetime.date) -> int:
    return day.toordinal()


def scatter(figures: list[Figure], conflicts: list[FigureConflict]) -> Chart | None:
    """None when there is nothing to plot. Figures must be plottable()."""
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
