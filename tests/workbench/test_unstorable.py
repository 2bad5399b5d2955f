"""The characters no page can show, and the quick byte test imports rely on to skip good files."""

import pytest

from workbench.unstorable import UNSHOWABLE, might_be_unshowable, unshowable_problem

UNSHOWABLE_CHARACTERS = [
    *map(chr, [*range(0, 9), 11, 12, *range(14, 32), *range(127, 160), *range(0xFDD0, 0xFDF0)]),
    *(chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)),
]


@pytest.mark.parametrize("character", UNSHOWABLE_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_unshowable_character_is_refused_and_flagged_by_the_byte_test(character):
    text = f"WuDao{character}2.0"
    assert unshowable_problem(text)
    assert might_be_unshowable(text.encode())


@pytest.mark.parametrize("text", ["Tab\tnew\nline\r", "悟道 2.0, 智源", "U+3FFF \u3fff", "é · ©"])
def test_ordinary_text_passes(text):
    assert UNSHOWABLE.search(text) is None
