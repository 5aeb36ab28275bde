"""Counting a text's country clues once gives what rescanning the masked text gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.extract.places.admin_hint import admin_country, masked_hint, organisation_country

_PIECES = st.sampled_from(
    ["Durango", "Castilla y Leon", "Kerala", "Punjab", "KCTU", "IG Metall", "Ontario",
     "Gomez Palacio,", "the army", "in", " ", "\n", "Hajin", "Deir ez-Zor", "Bavaria",
     "Nord-Kivu", "Jammu and Kashmir", "(", ")", "Texas", "Sindh", "said."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=400), st.data())
def test_masked_hint_equals_the_hint_of_the_masked_text(
    pieces: list[str], data: st.DataObject
) -> None:
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 30)))
    masked = text[:start] + " " + text[end:]
    assert masked_hint(text, start, end, admin=False) == organisation_country(masked)
    assert masked_hint(text, start, end) == (organisation_country(masked) or admin_country(masked))
