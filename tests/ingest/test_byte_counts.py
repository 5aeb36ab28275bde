"""The byte and letter counts of the input checks, made with ``bytes.translate`` and an
early stop, count what the plain per-byte definitions count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.ingest import checks, decode, language


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_control_bytes_are_those_below_space_not_allowed_and_del(sample: bytes) -> None:
    plain = sum(1 for b in sample if (b < 0x20 and b not in checks._ALLOWED_CONTROLS) or b == 0x7F)
    assert len(sample) - len(sample.translate(None, checks._CONTROLS)) == plain


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_printable_bytes_are_ascii_text_and_whitespace(sample: bytes) -> None:
    plain = sum(1 for b in sample if 0x20 <= b < 0x7F or b in b"\t\n\r")
    assert len(sample) - len(sample.translate(None, decode._PRINTABLE)) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aé1 _.Жx\n", max_size=60))
def test_enough_letters_counts_as_findall_does(sample: str) -> None:
    plain = len(language._LETTERS.findall(sample)) >= language.MIN_LETTERS
    assert language._enough_letters(sample) == plain
