"""Units of figures: what an editor may type, and the base unit each quantity is compared in.

pint does the conversions. Two things it does not know are added here: the units of AI
training (FLOP, petaFLOP/s-days, parameters, tokens, accelerators) and the scale words of
the trade ("1.75T", "207B", "345M", "380 billion yuan"). Each currency is its own dimension,
so yuan and dollars are never compared unless a figure gives a dated exchange rate.
"""

import math
import re
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
