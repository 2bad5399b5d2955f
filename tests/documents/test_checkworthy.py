"""Check-worthy sentences and the figures they give, measured on two labelled sets: one
written beside the rules, one written by a second person who never saw them."""

import pytest

from claims.choices import Bound, Quantity
from claims.figure_text import figure_in
from documents.checkworthy import COMPARISON, FIGURE, reasons, sentences
from documents.measure import measure

from .heldout import HELDOUT
from .labelled import LABELLED

# Floors a little under what BENCHMARKS.md reports, so a rule change that costs accuracy fails.
FLOORS = {"check-worthy": (0.95, 0.95), "figure": (0.9, 0.9)}


@pytest.mark.parametrize("name, labelled", [("labelled", LABELLED), ("held out", HELDOUT)])
def test_precision_and_recall_stay_above_their_floors(name, labelled):
    scores = measure(labelled)
    for kind, (precision, recall) in FLOORS.items():
        assert scores[kind].precision >= precision, (name, kind, scores[kind])
        assert scores[kind].recall >= recall, (name, kind, scores[kind])


@pytest.mark.parametrize(
    "sentence, quantity, value, unit, bound",
    [
        (
            "The model has 1.75 trillion parameters.",
            Quantity.PARAMETERS,
            1.75,
            "trillion parameters",
            Bound.EXACT,
        ),
        (
            "It took 4,095 petaFLOP/s-days.",
            Quantity.TRAINING_COMPUTE,
            4095,
            "petaFLOP/s-days",
            Bound.EXACT,
        ),
        ("They used 2,048 V100 GPUs.", Quantity.ACCELERATORS, 2048, "GPUs", Bound.EXACT),
        ("该模型拥有1.75万亿参数。", Quantity.PARAMETERS, 1.75e12, "parameters", Bound.EXACT),
        ("用户超过3000万。", Quantity.USERS, 3e7, "users", Bound.AT_LEAST),
        ("It raised more than $1.2bn.", Quantity.INVESTMENT, 1.2, "billion USD", Bound.AT_LEAST),
    ],
)
def test_the_figure_a_sentence_gives(sentence, quantity, value, unit, bound):
    guess = figure_in(sentence)
    assert (guess.quantity, guess.value, guess.unit, guess.bound) == (quantity, value, unit, bound)


def test_numbers_that_count_nothing_are_no_figure():
    for sentence in ["GPT-3 came out in 2020.", "See Table 2 on page 14.", "GLM-130B is open."]:
        assert figure_in(sentence) is None
        assert FIGURE not in reasons(sentence)


def test_sentences_split_in_english_and_chinese_but_not_at_abbreviations():
    paragraph = "Dr. Li said it was the largest. It has 7B parameters! 它是第一个。真的吗？"
    found = [paragraph[start:end] for start, end in sentences(paragraph)]
    assert found == [
        "Dr. Li said it was the largest.",
        "It has 7B parameters!",
        "它是第一个。",
        "真的吗？",
    ]
    assert COMPARISON in reasons(found[0])
