import json
import re
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.relevance.vocabulary import _word, vocabulary, word_set


def _raw() -> dict:  # type: ignore[type-arg]
    data = resources.files("frontlines.relevance").joinpath("data/senses.json")
    return json.loads(data.read_text("utf-8"))  # type: ignore[no-any-return]


def _shipped_sets() -> dict[str, list[str]]:
    raw = _raw()
    sets = {"needs": raw["needs_participants"], "conflict": raw["conflict"]}
    sets.update(raw["participants"])
    sets.update(raw["families"])
    return sets


def _plain(words: list[str]) -> re.Pattern[str]:
    """The set as one plain alternation, longest first (what the grouping must equal)."""
    alternatives = sorted({_word(w) for w in words}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)


_SETS = _shipped_sets()
_WORDS = sorted({w.rstrip("*").replace("?", "") for ws in _SETS.values() for w in ws})
_SEPARATORS = [" ", "  ", "-", ", ", "s ", "ed ", "\n", "x", "ſ", "\u212a", "\u0130", "\u0131", "."]


def _odd_letters(text: str) -> str:
    """Letters that re.IGNORECASE reads as s, k and i (the long s, the Kelvin sign, the
    dotted and dotless I)."""
    return (
        text.replace("s", "ſ").replace("K", "\u212a").replace("I", "\u0130").replace("i", "\u0131")
    )


def test_a_set_is_grouped_by_first_letter_behind_case_sensitive_classes():
    pattern = word_set("t", ["shell*", "Sniper", "kill*"]).pattern.pattern
    assert "(?-i:[kK\u212a])(?:ill[\\w-]*)" in pattern
    assert "(?-i:[sSſ])(?:hell[\\w-]*|niper)" in pattern


def test_a_word_with_an_optional_first_letter_keeps_the_look_ahead_grouping():
    words = ["e?mail", "spam"]
    wanted = _plain(words)
    got = word_set("t", words)
    for text in ("Email me", "mail it", "an E-mail", "spammer spam"):
        assert got.found(text) == [m.group(0).lower() for m in wanted.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
    st.lists(st.sampled_from(_SEPARATORS), min_size=12, max_size=12),
    st.sampled_from([str, str.upper, str.title, str.swapcase, _odd_letters]),
)
def test_every_shipped_set_finds_what_its_plain_alternation_finds(words, seps, case):
    text = case("".join(w + s for w, s in zip(words, seps, strict=False)))
    for name, listed in _SETS.items():
        shipped = word_set(name, listed)
        wanted = [m.group(0).lower() for m in _plain(listed).finditer(text)]
        assert shipped.found(text) == wanted, name


def test_the_loaded_vocabulary_uses_the_grouping():
    assert "(?-i:[" in vocabulary().conflict.pattern.pattern
