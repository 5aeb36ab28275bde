"""Division names written bare ("Plateau" for Plateau State) and the candidate cap."""

from __future__ import annotations

from frontlines.geo.gazetteer import (
    ALTERNATE,
    EXACT,
    MAX_CANDIDATES,
    Match,
    MemoryGazetteer,
    unit_named,
)
from frontlines.records import Place


def test_bare_division_name_matches_its_unit_named_division_fully() -> None:
    state = Place("s", "Highmoor State", 9.0, 8.0, "A.ADM1", "AA", "04")
    assert unit_named(Match(state, ALTERNATE), "Highmoor").quality == EXACT


def test_a_town_or_another_name_is_left_as_it_matched() -> None:
    town = Place("t", "Highmoor City", 9.0, 8.0, "P.PPL", "AA", "04")
    other = Place("o", "Lowmoor State", 9.0, 8.0, "A.ADM1", "AA", "05")
    assert unit_named(Match(town, ALTERNATE), "Highmoor").quality == ALTERNATE
    assert unit_named(Match(other, ALTERNATE), "Highmoor").quality == ALTERNATE


def test_a_province_is_kept_beyond_the_candidate_cap() -> None:
    villages = [
        Place(f"v{i}", "Santa Brava", 1.0, float(i), "P.PPL", "AA", "01", population=100 + i)
        for i in range(MAX_CANDIDATES + 5)
    ]
    province = Place("p", "Santa Brava Department", 5.0, 5.0, "A.ADM1", "BB", "03")
    gazetteer = MemoryGazetteer([*villages, province], {"p": ["Santa Brava"]})
    found = gazetteer.lookup_many(["Santa Brava"])["Santa Brava"]
    assert len(found) == MAX_CANDIDATES + 1
    assert found[-1].place.id == "p"
