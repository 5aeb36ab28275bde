import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.extract.types import crowds, event_patterns
from frontlines.regex_gate import (
    GatedPattern,
    folded,
    gated,
    grouped_alternation,
    ignorecase_chars,
    needles,
)

_EVERY_CHAR = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("letter", string.ascii_lowercase)
def test_folded_writes_every_character_ignorecase_matches_with_a_letter_as_that_letter(letter):
    matched = re.findall(letter, _EVERY_CHAR, re.I)
    assert len(matched) >= 2  # the letter and its capital at least
    for char in matched:
        assert folded(char) == letter, hex(ord(char))
        assert folded(f"x{char}y") == f"x{letter}y"


@pytest.mark.parametrize("char", string.ascii_letters + string.digits + "-'")
def test_ignorecase_chars_are_every_character_ignorecase_matches(char):
    assert sorted(ignorecase_chars(char)) == sorted(re.findall(re.escape(char), _EVERY_CHAR, re.I))


def test_needles_of_an_alternation_are_the_literal_words_of_each_branch():
    pattern = re.compile(r"\b(?:kill\w*|shot dead|gunned down)\b", re.I)
    assert needles(pattern) == {"kill", "shot dead", "gunned down"}


def test_needles_are_lower_cased_and_drop_the_words_that_hold_another():
    pattern = re.compile(r"(?:Killed|KILL|(?-i:IEDs?))", re.I)
    assert needles(pattern) == {"kill", "ied"}


def test_the_longest_literal_of_a_sequence_is_taken():
    pattern = re.compile(r"\b(?:a|an|the)\s+(?:car )?bomb(?:ing)?\b")
    assert needles(pattern) == {"bomb"}


def test_a_repeat_taken_at_least_once_needs_its_words():
    assert needles(re.compile(r"(?:ab)+[0-9]")) == {"ab"}
    assert needles(re.compile(r"(?:abc){2,}")) == {"abc"}


@pytest.mark.parametrize(
    "source",
    [r"(?:ab)?", r"\w+", r"[abc]d?", r"(?:kill|\d+)", r"(?=kill)\w+", r"(?:kill|)", "a*"],
)
def test_no_needles_where_a_match_needs_no_literal_text(source):
    assert needles(re.compile(source)) is None
    assert GatedPattern(re.compile(source)).may_match("nothing here")


def test_a_gated_pattern_skips_a_text_without_its_words_and_finds_the_same_elsewhere():
    pattern = gated(r"\bshell(?:ed|ing)\b", re.I)
    assert pattern.search("Troops moved in.") is None
    assert list(pattern.finditer("Troops moved in.")) == []
    text = "Artillery SHELLED the town; shelling went on."
    assert pattern.search(text).group(0) == "SHELLED"
    assert [m.span() for m in pattern.finditer(text)] == [
        m.span() for m in re.finditer(r"\bshell(?:ed|ing)\b", text, re.I)
    ]
    assert pattern.search(text, 17).group(0) == "shelling"


def test_a_letter_ignorecase_reads_in_another_script_still_opens_the_gate():
    # "ſ" (long s) matches "s" under re.IGNORECASE: the gate must not hide the match
    pattern = gated(r"\bshot\b", re.I)
    assert pattern.search("he was ſhot") is not None
    assert pattern.search("he was \u0130shot") is None  # no word boundary: no match either
    assert gated("kill", re.I).search("\u212aILL") is not None


def _shipped() -> list[GatedPattern]:
    found: list[GatedPattern] = []
    for module in (event_patterns, crowds):
        for value in vars(module).values():
            if isinstance(value, GatedPattern):
                found.append(value)
            elif isinstance(value, tuple):
                found.extend(p for item in value if isinstance(item, tuple)
                             for p in item if isinstance(p, GatedPattern))  # fmt: skip
    return found


def test_the_trigger_tables_are_gated():
    shipped = _shipped()
    assert len(shipped) > 40
    assert sum(p.needles is not None for p in shipped) > 0.8 * len(shipped)


def _pieces() -> list[str]:
    words = {n.strip() for p in _shipped() if p.needles for n in p.needles}
    words |= {"the", "of", "in", "were", "was", "a", "troops", "town", "IEDs", "Ambush", "dead"}
    return sorted(w for w in words if w)


_WORDS = _pieces()


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", ", ", "-", "ed ", "s ", "ing "]), min_size=14, max_size=14),
    st.booleans(),
)
def test_every_shipped_gate_finds_what_its_plain_pattern_finds(words, seps, upper):
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    text = text.upper() if upper else text
    for pattern in _shipped():
        assert _span(pattern.search(text)) == _span(pattern.compiled.search(text))
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in pattern.compiled.finditer(text)
        ]


_NAME_PIECES = [
    "SDF",
    "Sdf",
    "sdf",
    "SD",
    "S",
    "s",
    "YPG",
    "ypg",
    "Syrian Democratic Forces",
    "syrian",
    "Y",
    "(UML)",
    "CPN (UML)",
    "K",
    "ki",
    "Ki",
    "ſdf",
    "\u212ai",
    "iS",
    "\u0130S",
    "a.b",
    "a-b",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=8, unique=True),
    st.lists(st.sampled_from(_NAME_PIECES), min_size=0, max_size=8, unique=True),
    st.lists(st.sampled_from([*_NAME_PIECES, " ", "-", ", ", "x"]), min_size=1, max_size=20),
)
def test_a_grouped_alternation_matches_as_the_plain_one(exact, ignorecase, pieces):
    grouped = grouped_alternation(exact, ignorecase)
    if not all(w[:1].isascii() for w in [*exact, *ignorecase]):
        assert grouped is None
        return
    assert grouped is not None
    names = "|".join(re.escape(w) for w in ignorecase) or "(?!)"
    plain = f"(?-i:{'|'.join(re.escape(w) for w in exact) or '(?!)'})|(?i:{names})"
    text = "".join(pieces)
    for frame in (r"(?<![\w-])(?:{})(?![\w-])", "{}", "(?i:{})"):
        want = [(m.span(), m.group()) for m in re.finditer(frame.format(plain), text)]
        assert [(m.span(), m.group()) for m in re.finditer(frame.format(grouped), text)] == want
