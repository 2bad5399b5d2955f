"""Precision and recall of check-worthiness and of the figure guessed, on a labelled set."""

import math
from dataclasses import dataclass

from claims.figure_text import figure_in

from .checkworthy import reasons


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> "Scores":
        return cls(
            tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn
        )


def measure(labelled: list) -> dict[str, Scores]:
    """Check-worthy: a sentence marked for any reason. Figure: a figure guessed with the right
    quantity and a value within 1% (a wrong figure counts against precision and recall)."""
    worthy = {"tp": 0, "fp": 0, "fn": 0}
    figure = {"tp": 0, "fp": 0, "fn": 0}
    for sentence, is_worthy, expected in labelled:
        marked = bool(reasons(sentence))
        if marked:
            worthy["tp" if is_worthy else "fp"] += 1
        elif is_worthy:
            worthy["fn"] += 1
        guess = figure_in(sentence)
        if _same(guess, expected):
            figure["tp"] += 1
            continue
        figure["fp"] += guess is not None
        figure["fn"] += expected is not None
    return {
        "check-worthy": Scores.of(**worthy),
        "figure": Scores.of(**figure),
    }


def _same(guess, expected) -> bool:
    if guess is None or expected is None:
        return False
    quantity, value = expected
    return guess.quantity == quantity and math.isclose(guess.counted, value, rel_tol=0.01)
