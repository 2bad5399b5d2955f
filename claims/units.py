"""Units of figures: what an editor may type, and the base unit each quantity is compared in.

pint does the conversions. Two things it does not know are added here: the units of AI
training (FLOP, petaFLOP/s-days, parameters, tokens, accelerators) and the scale words of
the trade ("1.75T", "207B", "345M", "380 billion yuan"). Each currency is its own dimension,
so yuan and dollars are never compared unless a figure gives a dated exchange rate.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pint

from .choices import Quantity

DEFINITIONS = [
    "FLOP = [computation] = flop = FLOPs = flops",
    # 1 petaFLOP/s sustained for a day: 1e15 × 86,400 = 8.64e19 FLOP.
    "petaFLOP_per_second_day = 1e15 * FLOP / second * day = PF_s_day",
    "parameter = [parameter_count] = parameters = params = param",
    "token = [token_count] = tokens",
    "accelerator = [accelerator_count] = accelerators = GPU = GPUs = NPU = NPUs = chips",
    "user = [user_count] = users",
    "USD = [currency_usd] = US_dollars",
    "CNY = [currency_cny] = yuan = RMB",
    "EUR = [currency_eur] = euros",
]
CURRENCIES = ("USD", "CNY", "EUR")

BASE_UNITS = {
    Quantity.PARAMETERS: "parameter",
    Quantity.TRAINING_COMPUTE: "FLOP",
    Quantity.TRAINING_TOKENS: "token",
    Quantity.ACCELERATORS: "accelerator",
    Quantity.TRAINING_DURATION: "day",
    Quantity.DATASET_SIZE: "byte",
    Quantity.USERS: "user",
    Quantity.INVESTMENT: "",  # a currency, the figure's own
}
# What an editor is told when a unit is refused.
KNOWN_UNITS = {
    Quantity.PARAMETERS: "parameters",
    Quantity.TRAINING_COMPUTE: "FLOP (also PFLOP, EFLOP, ZFLOP), petaFLOP/s-days (PF/s-day)",
    Quantity.TRAINING_TOKENS: "tokens",
    Quantity.ACCELERATORS: "GPUs, NPUs, chips, accelerators",
    Quantity.TRAINING_DURATION: "minutes, hours, days, weeks, months",
    Quantity.DATASET_SIZE: "bytes, GB, TB",
    Quantity.USERS: "users",
    Quantity.INVESTMENT: ", ".join(CURRENCIES),
}
SCALE_WORDS = "K, M, B, T (thousand, million, billion, trillion)"
# Base units as readers read them beside a number.
UNIT_LABELS = {
    "parameter": "parameters",
    "token": "tokens",
    "accelerator": "accelerators",
    "day": "days",
    "byte": "bytes",
    "user": "users",
}

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
}
_SCALE = re.compile(r"^(?P<word>k|thousand|m|million|bn|b|billion|t|trillion)(?:\s+|$)", re.I)
# Every unit the workbench knows is one word (after the scale word and PF/s-days are read).
_UNIT_NAME = re.compile(r"[A-Za-z_]{0,40}")
_PETAFLOP_DAYS = re.compile(r"^(peta\s*flop|pflop|pf)s?\s*/\s*s[\s-]*days?$", re.I)


class UnknownUnit(ValueError):
    pass


@dataclass(frozen=True)
class Normalised:
    value: float
    unit: str  # the quantity's base unit, or the currency an investment is counted in


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    units = pint.UnitRegistry()
    for definition in DEFINITIONS:
        units.define(definition)
    return units


def known_units(quantity: str) -> str:
    return f"{KNOWN_UNITS[quantity]}; scale words {SCALE_WORDS}"


def split_scale(unit: str) -> tuple[float, str]:
    """("T parameters") → (1e12, "parameters"); ("TB") → (1, "TB"): a scale word stands apart."""
    unit = unit.strip()
    match = _SCALE.match(unit)
    if not match:
        return 1.0, unit
    return _SCALES[match["word"].lower()], unit[match.end() :].strip()


def normalise(
    value: float, unit: str, quantity: str, *, usd_rate: float | None = None
) -> Normalised:
    """`value` `unit` in the quantity's base unit. Raises UnknownUnit, naming the units that
    are known for the quantity, when the unit is not one of them."""
    scale, name = split_scale(unit)
    name = "petaFLOP_per_second_day" if _PETAFLOP_DAYS.match(name) else name
    label = Quantity(quantity).label.lower()
    if not name and quantity == Quantity.INVESTMENT:
        raise UnknownUnit(f"Give the currency of an investment: {known_units(quantity)}.")
    if not _UNIT_NAME.fullmatch(name):
        # pint would evaluate "parameter**9**9**9" or "1/0" as arithmetic: only names pass.
        raise UnknownUnit(
            f"Unknown unit “{unit}”. Known units for {label}: {known_units(quantity)}."
        )
    try:
        amount = registry().Quantity(value * scale, name or BASE_UNITS[quantity])
        if quantity == Quantity.INVESTMENT:
            currency = str(amount.units)
            if currency not in CURRENCIES:
                raise pint.DimensionalityError(currency, "currency")
            if usd_rate is not None and currency != "USD":
                return Normalised(amount.magnitude * usd_rate, "USD")
            return Normalised(amount.magnitude, currency)
        return Normalised(amount.to(BASE_UNITS[quantity]).magnitude, BASE_UNITS[quantity])
    except pint.DimensionalityError as error:
        raise UnknownUnit(
            f"“{unit}” is not a unit of {label}. Known units: {known_units(quantity)}."
        ) from error
    except (
        pint.UndefinedUnitError,
        AttributeError,
        TypeError,
        ValueError,
        ArithmeticError,
    ) as error:
        raise UnknownUnit(
            f"Unknown unit “{unit}”. Known units for {label}: {known_units(quantity)}."
        ) from error


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value: float) -> str:
    """4.1e23 → "4.1 × 10²³"; numbers a reader takes in at a glance stay as they are."""
    if value == 0 or 1e-3 <= abs(value) < 1e6:
        return f"{value:,.4g}"
    power = math.floor(math.log10(abs(value)))
    return f"{value / 10**power:.3g} × 10{str(power).translate(SUPERSCRIPTS)}"


# A statement's numbers as fact-checkers write them: with a scale word ("40 billion", "40B",
# "7-billion-parameter", "2,000 million", "1.75万亿", "2000亿"), in powers of ten ("5.5 × 10²¹",
# "2.3e22") or plain ("796 petaFLOP/s-days"). A number glued to a name ("GLM-130B", "M6-10T",
# "GPT-3") is the name's.
_STATEMENT_SCALES = {**_SCALES, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_STATED_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.,-])(?P<number>\d{1,15}(?:,\d{3})*(?:\.\d{1,15})?)"
    r"(?:[\s-]?(?P<word>thousand|million|billion|trillion|bn|k|m|b|t)(?![A-Za-z])|\s?(?P<han>万亿|亿|万)"
    r"|\s?[×x]\s?10\^?(?P<power>[⁻-]?[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{1,3})|[eE](?P<e>[+-]?\d{1,3})\b)?",
    re.I,
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
# Counts that statements give in scale words; durations, sizes in bytes and numbers of chips
# rarely are, and a statement's "100 billion parameters" says nothing about them.
SCALED_QUANTITIES = (
    Quantity.PARAMETERS,
    Quantity.TRAINING_COMPUTE,
    Quantity.TRAINING_TOKENS,
    Quantity.INVESTMENT,
    Quantity.USERS,
)
# A figure this far from every number its statement gives has lost or gained a scale word.
MISMATCH_FACTOR = 1000
STATEMENT_DISAGREES = (
    "The statement says {stated}, but the figure is {figure}: {factor} apart. Check the value "
    "and its unit (“M” is million, “B” billion, “T” trillion)."
)


@dataclass(frozen=True)
class StatedNumber:
    text: str  # as the statement writes it
    value: float  # scaled: "40 billion" → 4e10
    scaled: bool  # False for a plain number, which may be in any unit


def stated_numbers(statement: str) -> list[StatedNumber]:
    """The numbers a statement gives, in order."""
    numbers = []
    for match in _STATED_NUMBER.finditer(statement[:2000]):
        number = float(match["number"].replace(",", ""))
        if match["word"] or match["han"]:
            number *= _STATEMENT_SCALES[(match["word"] or match["han"]).lower()]
        elif power := match["power"] or match["e"]:
            try:
                number *= 10.0 ** int(power.translate(_SUPERSCRIPT_DIGITS))
            except OverflowError:
                continue  # "1e999" is no figure anyone gives
        scaled = any(match[group] for group in ("word", "han", "power", "e"))
        numbers.append(StatedNumber(match[0], number, scaled))
    return numbers


def statement_disagrees(statement: str, value: float, unit: str, quantity: str) -> str | None:
    """Why a figure (`value` `unit`) seems not to be the number its claim's statement gives, or
    None. It is flagged when the statement gives numbers in scale words or powers of ten, none
    within `MISMATCH_FACTOR` of the figure, and (for a unit without a scale word) does not give
    the value as typed. Only the unit's scale word is applied, so "40 M" against "40 billion" is
    flagged whatever the unit's name."""
    if quantity not in SCALED_QUANTITIES or not isinstance(value, int | float):
        return None
    scale = split_scale(unit or "")[0]
    amount = value * scale
    numbers = stated_numbers(statement)
    scaled = [number for number in numbers if number.scaled and number.value > 0]
    if not scaled or not (0 < amount < math.inf):
        return None
    if scale == 1 and any(not n.scaled and math.isclose(n.value, value) for n in numbers):
        return None  # "796 petaFLOP/s-days" for a figure of 796 petaFLOP/s-days
    nearest = min(scaled, key=lambda number: abs(math.log(number.value / amount)))
    factor = max(nearest.value, amount) / min(nearest.value, amount)
    if factor < MISMATCH_FACTOR:
        return None
    return STATEMENT_DISAGREES.format(
        stated=f"“{nearest.text}”",
        figure=f"{format_number(value)} {unit}".strip(),
        factor=f"{format_number(round(factor))} times",
    )


_TYPED_NUMBER = re.compile(r"(?P<number>[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?P<han>万亿|亿|万)?")


def typed_number(text: str) -> float:
    """A number as an editor may type it: "1.75", "1,750", full-width "１７５", or with a
    Chinese scale, "1.75万亿", "3000万", "2000亿". Raises ValueError for anything else."""
    plain = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    match = _TYPED_NUMBER.fullmatch(plain)
    if match is None:
        raise ValueError(f"not a number: {text[:40]!r}")
    return float(match["number"]) * (_STATEMENT_SCALES[match["han"]] if match["han"] else 1)
