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


def test_a_facility_is_also_looked_up_under_the_place_it_is_named_after() -> None:
    def names(text: str) -> list[str]:
        return lookup_names(Candidate(0, len(text), text, {"ner"}))

    assert names("Rukban Camp") == ["Rukban Camp", "Rukban"]
    assert names("Sidnaya Military Prison")[-1] == "Sidnaya"
    assert names("Hole Camp") == ["Hole Camp"]  # too short a word to stand for a place
    assert names("Camp Street") == ["Camp Street"]
