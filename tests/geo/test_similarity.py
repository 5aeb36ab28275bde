"""The cached spelling ratio is exactly difflib's."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo.similarity import ratio

LETTERS = st.text(alphabet="abcdehiklmnorsuy -'", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(LETTERS, LETTERS)
def test_same_as_difflib(a: str, b: str) -> None:
    assert ratio(a, b) == SequenceMatcher(None, a, b).ratio()
    assert ratio(a, b, autojunk=False) == SequenceMatcher(None, a, b, autojunk=False).ratio()


def test_same_as_difflib_on_long_and_repetitive_strings() -> None:
    rng = random.Random(4)
    for _ in range(300):
        n, m = rng.randint(0, 400), rng.randint(0, 400)
        a = "".join(rng.choice("aab ") for _ in range(n))
        b = "".join(rng.choice("abb ") for _ in range(m))
        assert ratio(a, b) == SequenceMatcher(None, a, b).ratio()
        assert ratio(a, b, False) == SequenceMatcher(None, a, b, autojunk=False).ratio()


def test_place_names() -> None:
    pairs = [("deirezzor", "dayralzawr"), ("mayadin", "almayadin"), ("", ""), ("hajin", "")]
    for a, b in pairs:
        assert ratio(a, b) == SequenceMatcher(None, a, b).ratio()


def test_short_strings_take_the_blocks_difflib_takes() -> None:
    """Small alphabets make many blocks of equal length: the earliest in ``a``, then in
    ``b``, must win, as in difflib, at every step of the recursion (another block would
    leave other characters to match on either side)."""
    from frontlines.geo.similarity import _matched_short

    rng = random.Random(11)
    for _ in range(3000):
        a = "".join(rng.choice("ab ") for _ in range(rng.randint(0, 20)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 20)))
        blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        assert _matched_short(a, b) == sum(block.size for block in blocks)
