"""The names looked up for a candidate: unit words stripped, dashed parts split."""

from __future__ import annotations

from frontlines.geo.names import lookup_names
from frontlines.geo.recognize import Candidate


def test_lookup_names_strip_units_and_split_dashed_parts() -> None:
    names = lookup_names(Candidate(0, 19, "Seoul City - Jongno", {"cue"}))
    assert names[:3] == ["Seoul City - Jongno", "Jongno", "Seoul City"]
    assert "Seoul" in names
    assert "Busan" in lookup_names(Candidate(0, 15, "Busan City Hall", {"ner"}))
    assert lookup_names(Candidate(0, 5, "Homs", {"ner"})) == ["Homs"]
