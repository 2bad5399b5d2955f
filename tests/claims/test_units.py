"""Units and scale words, as editors type them and as figures are compared."""

import pytest

from claims.choices import Quantity
from claims.units import (
    UnknownUnit,
    format_number,
    normalise,
    stated_numbers,
    statement_disagrees,
)
from readers.templatetags.readers_extras import times


@pytest.mark.parametrize(
    "value, unit, quantity, expected",
    [
        (1.75, "T", Quantity.PARAMETERS, 1.75e12),
        (207, "B", Quantity.PARAMETERS, 207e9),
        (345, "M", Quantity.PARAMETERS, 345e6),
        (14.5, "trillion", Quantity.PARAMETERS, 14.5e12),
        (130, "billion parameters", Quantity.PARAMETERS, 130e9),
        (5, "", Quantity.PARAMETERS, 5),
        (1, "petaFLOP/s-day", Quantity.TRAINING_COMPUTE, 8.64e19),
        (4095, "petaFLOP/s-days", Quantity.TRAINING_COMPUTE, 4095 * 8.64e19),
        (796, "PF/s-days", Quantity.TRAINING_COMPUTE, 796 * 8.64e19),
        (4.1e23, "FLOP", Quantity.TRAINING_COMPUTE, 4.1e23),
        (3, "EFLOP", Quantity.TRAINING_COMPUTE, 3e18),
        (2, "weeks", Quantity.TRAINING_DURATION, 14),
        (100, "hours", Quantity.TRAINING_DURATION, 100 / 24),
        (375, "B tokens", Quantity.TRAINING_TOKENS, 375e9),
        (2048, "NPUs", Quantity.ACCELERATORS, 2048),
        (2.3, "TB", Quantity.DATASET_SIZE, 2.3e12),
        (100, "million", Quantity.USERS, 100e6),
    ],
)
def test_values_are_normalised_to_the_quantitys_base_unit(value, unit, quantity, expected):
    assert normalise(value, unit, quantity).value == pytest.approx(expected)


def test_one_petaflop_second_day_is_8_64e19_flop():
    assert normalise(1, "PF/s-day", Quantity.TRAINING_COMPUTE).value == pytest.approx(8.64e19)


def test_currencies_are_kept_apart_unless_a_dated_rate_is_given():
    yuan = normalise(380, "billion CNY", Quantity.INVESTMENT)
    dollars = normalise(53, "billion USD", Quantity.INVESTMENT)
    converted = normalise(380, "billion yuan", Quantity.INVESTMENT, usd_rate=0.14)

    assert (yuan.value, yuan.unit) == (380e9, "CNY")
    assert dollars.unit == "USD"
    assert (converted.value, converted.unit) == (pytest.approx(53.2e9), "USD")


@pytest.mark.parametrize(
    "unit, quantity, message",
    [
        ("flurbs", Quantity.PARAMETERS, "Unknown unit “flurbs”. Known units for parameters: "),
        ("days", Quantity.TRAINING_COMPUTE, "“days” is not a unit of training compute."),
        ("", Quantity.INVESTMENT, "Give the currency of an investment: USD, CNY, EUR"),
        ("kg", Quantity.INVESTMENT, "“kg” is not a unit of investment."),
    ],
)
def test_an_unknown_or_wrong_unit_is_refused_with_the_known_ones(unit, quantity, message):
    with pytest.raises(UnknownUnit) as refused:
        normalise(1, unit, quantity)

    assert message in str(refused.value)
    assert "scale words K, M, B, T" in str(refused.value)


def test_a_scale_word_must_stand_apart_so_terabytes_stay_terabytes():
    assert normalise(2, "TB", Quantity.DATASET_SIZE).value == 2e12
    assert normalise(2, "T B", Quantity.DATASET_SIZE).value == 2e12  # trillion bytes, the same


@pytest.mark.parametrize(
    "value, text",
    [(4.1e23, "4.1 × 10²³"), (2.25e22, "2.25 × 10²²"), (2048, "2,048"), (14.5, "14.5"), (0, "0")],
)
def test_numbers_are_written_for_readers(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    "ratio, text", [(1.159, "×1.16"), (12.07, "×12.1"), (99.4, "×99.4"), (9375.0, "×9,375")]
)
def test_ratios_are_written_for_readers(ratio, text):
    assert times(ratio) == text


@pytest.mark.parametrize(
    "statement, expected",
    [
        ("WuDao 2.0 has 1.75 trillion parameters.", [1.75e12]),
        ("A 40-billion-parameter model", [40e9]),
        ("PanGu-α comes in 2.6B, 13B and 200B", [2.6e9, 13e9, 200e9]),
        ("It cost 2,000 million yuan", [2e9]),
        ("悟道2.0的参数规模达到1.75万亿，训练数据2000亿", [1.75e12, 2e11]),
        ("Training took 5.5 × 10²¹ FLOPs, or 2.3e22 by another count", [5.5e21, 2.3e22]),
    ],
)
def test_a_statements_scaled_numbers_are_read(statement, expected):
    read = [number.value for number in stated_numbers(statement) if number.scaled]
    assert read == pytest.approx(expected)


def test_numbers_in_names_are_the_names_not_figures():
    assert stated_numbers("GLM-130B beat M6-10T and GPT-3") == []


@pytest.mark.parametrize(
    "statement, value, unit, quantity",
    [
        ("A 40-billion-parameter model", 40, "M", Quantity.PARAMETERS),
        ("WuDao 2.0 has 1.75 trillion parameters.", 1.75, "", Quantity.PARAMETERS),
        ("悟道2.0的参数规模达到1.75万亿", 1.75, "B", Quantity.PARAMETERS),
        ("Trained on 375 billion tokens", 375, "thousand", Quantity.TRAINING_TOKENS),
    ],
)
def test_a_figure_a_thousand_times_off_its_statement_is_flagged(statement, value, unit, quantity):
    problem = statement_disagrees(statement, value, unit, quantity)
    assert problem and "times apart" in problem


@pytest.mark.parametrize(
    "statement, value, unit, quantity",
    [
        ("A 40-billion-parameter model", 40, "B", Quantity.PARAMETERS),
        ("WuDao 2.0 has 1.75 trillion parameters.", 1750, "billion", Quantity.PARAMETERS),
        ("Training took 5.5 × 10²¹ FLOPs", 5.5e21, "FLOP", Quantity.TRAINING_COMPUTE),
        # The statement's plain number in the figure's own unit.
        (
            "Stopped after 40 billion tokens, 796 petaFLOP/s-days",
            796,
            "PF/s-days",
            "training_compute",
        ),
        # A figure the statement gives no scaled number for, or not counted in scale words.
        ("GLM-130B is open", 130, "", Quantity.PARAMETERS),
        ("A 100 billion parameter model on 2,048 GPUs", 2048, "GPUs", Quantity.ACCELERATORS),
        # Out of range values have their own errors from the figure.
        ("A 40-billion-parameter model", 1e308, "T", Quantity.PARAMETERS),
        ("A 40-billion-parameter model", -40, "B", Quantity.PARAMETERS),
        ("A 40-billion-parameter model", "40", "M", Quantity.PARAMETERS),
    ],
)
def test_a_figure_its_statement_gives_is_not_flagged(statement, value, unit, quantity):
    assert statement_disagrees(statement, value, unit, quantity) is None


def test_huge_and_odd_statements_are_read_quickly_and_safely():
    statement = "9" * 100_000 + " billion \x00" + "1.5 trillion " * 10_000
    assert isinstance(statement_disagrees(statement, 1.5, "T", Quantity.PARAMETERS), type(None))
