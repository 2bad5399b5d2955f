"""The figure a piece of text gives: "1.75 trillion parameters", "4,095 petaFLOP/s-days",
"2,048 V100 GPUs", "1.75万亿参数", with what it counts and the unit as written. Read from the
sentences of a kept copy (documents/) and from a reader's search."""

import re
from dataclasses import dataclass

from .choices import Bound, Quantity
from .units import split_scale, stated_numbers

# What a number counts, by the words after it (English within a few words, Chinese glued).
_UNITS = [
    (
        Quantity.TRAINING_COMPUTE,
        r"peta\s*flop/?s?[\s-]*days?|pf/?s[\s-]*days?|(?:[kmgtpez]?flops?)\b|次浮点运算",
    ),
    (Quantity.PARAMETERS, r"parameters?\b|params?\b|个?参数|(?:的\S{0,6})?(?:模型|model\b)"),
    (Quantity.TRAINING_TOKENS, r"tokens?\b|词元|个?token"),
    (
        Quantity.ACCELERATORS,
        r"(?:[A-Z]?\d{2,4}\s+)?(?:gpus?|npus?|tpus?|chips?|accelerators?)\b"
        r"|[块张台颗]\S{0,8}?(?:图形处理器|显卡|芯片|GPU|NPU|加速卡)|(?:图形处理器|显卡|芯片|GPU|NPU)",
    ),
    (Quantity.DATASET_SIZE, r"(?:[kmgtp]b|terabytes?|gigabytes?|petabytes?)\b|TB|GB"),
    (Quantity.USERS, r"users?\b|个?用户|名?用户"),
    (Quantity.INVESTMENT, r"(?:us\s*)?dollars?\b|usd\b|yuan\b|rmb\b|cny\b|美元|元|人民币"),
    (Quantity.TRAINING_DURATION, r"days?\b|weeks?\b|months?\b|天|周|个月"),
]
_UNIT_AFTER = [
    (quantity, re.compile(r"^[\s-]*(?:\w+[\s-]+){0,2}?(?:" + pattern + ")", re.I))
    for quantity, pattern in _UNITS
]
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|¥|￥|€)\s?$")
# Chinese often names what is counted before the number: "参数规模达到1.75万亿", "用户超过3000万".
_NAMED_BEFORE = [
    (Quantity.PARAMETERS, re.compile(r"参数(?:规模|量|总量)?\S{0,6}$")),
    (Quantity.USERS, re.compile(r"用户(?:数|数量)?\S{0,6}$")),
    (Quantity.TRAINING_TOKENS, re.compile(r"(?:token|词元)(?:数|数量)?\S{0,6}$", re.I)),
]
_BASE_UNIT = {
    Quantity.TRAINING_COMPUTE: "",  # decided by the words: FLOP or petaFLOP/s-days
    Quantity.PARAMETERS: "parameters",
    Quantity.TRAINING_TOKENS: "tokens",
    Quantity.ACCELERATORS: "GPUs",
    Quantity.USERS: "users",
}


@dataclass(frozen=True)
class FigureGuess:
    """A figure as the sentence gives it: "175 billion parameters" is 175 "billion parameters"
    (a Chinese scale, 万 or 亿, is applied: the figure's units have no such word)."""

    quantity: str
    value: float
    unit: str
    bound: str
    text: str  # the words it was read from

    @property
    def counted(self) -> float:
        """In the quantity's counting unit: 1.75e11 for 175 billion parameters."""
        return self.value * split_scale(self.unit)[0]


_WRITTEN = re.compile(
    r"^(?P<number>[\d,]+(?:\.\d+)?)[\s-]?(?P<word>thousand|million|billion|trillion|bn|k|m|b|t)$",
    re.I,
)
_SCALE_WORDS = {"k": "thousand", "m": "million", "b": "billion", "bn": "billion", "t": "trillion"}


def _as_given(number, unit: str) -> tuple[float, str]:
    """The number and unit as the sentence writes them, the scale word moved into the unit."""
    written = _WRITTEN.match(number.text)
    if not written or not unit:
        return number.value, unit
    word = written["word"].lower()
    return float(written["number"].replace(",", "")), f"{_SCALE_WORDS.get(word, word)} {unit}"


def figure_in(sentence: str) -> FigureGuess | None:
    """The first number in `sentence` that counts something we know, with what it counts."""
    for number in stated_numbers(sentence):
        at = sentence.find(number.text)
        after = sentence[at + len(number.text) : at + len(number.text) + 60]
        before = sentence[max(0, at - 4) : at]
        found = None
        if _CURRENCY_BEFORE.search(before):
            found = Quantity.INVESTMENT, "USD" if "$" in before else "CNY", number.text
        for quantity, pattern in [] if found else _UNIT_AFTER:
            if quantity == Quantity.PARAMETERS and not number.scaled and "参数" not in after:
                continue  # "a 3 model": only "7B model", "70亿参数" count parameters this way
            if match := pattern.match(after):
                found = quantity, _unit(quantity, match[0]), number.text + match[0]
                break
        for quantity, pattern in [] if found else _NAMED_BEFORE:
            if number.scaled and pattern.search(sentence[max(0, at - 16) : at]):
                found = quantity, _BASE_UNIT[quantity], number.text
                break
        if found:
            quantity, unit, text = found
            value, unit = _as_given(number, unit)
            return FigureGuess(quantity, value, unit, _bound(sentence, at), text)
    return None


def _unit(quantity: str, words: str) -> str:
    words = words.lower()
    if quantity == Quantity.TRAINING_COMPUTE:
        return "petaFLOP/s-days" if "day" in words else "FLOP"
    if quantity == Quantity.INVESTMENT:
        return "USD" if ("dollar" in words or "usd" in words or "美元" in words) else "CNY"
    if quantity == Quantity.DATASET_SIZE:
        return next((u for u in ("TB", "GB", "PB", "KB", "MB") if u.lower() in words), "bytes")
    if quantity == Quantity.TRAINING_DURATION:
        return (
            "months"
            if ("month" in words or "月" in words)
            else ("weeks" if ("week" in words or "周" in words) else "days")
        )
    return _BASE_UNIT[quantity]


_AT_LEAST = re.compile(r"(?:more\s+than|over|at\s+least|超过|逾|以上)\s*$", re.I)
_AT_MOST = re.compile(r"(?:less\s+than|under|at\s+most|up\s+to|不到|最多)\s*$", re.I)
_ABOUT = re.compile(
    r"(?:about|around|roughly|nearly|almost|some|approximately|约|大约|近)\s*$", re.I
)


def _bound(sentence: str, at: int) -> str:
    before = re.sub(r"US\$|[$¥￥€]", "", sentence[max(0, at - 20) : at])
    if _AT_LEAST.search(before):
        return Bound.AT_LEAST
    if _AT_MOST.search(before):
        return Bound.AT_MOST
    if _ABOUT.search(before):
        return Bound.APPROXIMATE
    return Bound.EXACT
