"""Places qualified by their admin units: "Village (District, Province)", "Town, Province"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from frontlines.extract import EventExtractor
from frontlines.extract.admin_context import find_chains, qualified_location, resolve_chain
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

PLACES = [
    Place("t:1", "Stonebridge", 10.0, 20.0, "P.PPL", "AA", "01", population=500),
    Place("t:2", "Stonebridge", 40.0, -5.0, "P.PPL", "BB", "07", population=90000),
    Place("t:3", "Redvale", 10.3, 20.1, "A.ADM2", "AA", "01"),
    Place("t:4", "Highmoor", 10.5, 20.5, "A.ADM1", "AA", "01"),
    Place("t:5", "Highmoor", 41.0, -4.0, "P.PPL", "BB", "07", population=300000),
    Place("t:6", "Lowfield", 12.0, 22.0, "A.ADM1", "AA", "02"),
    Place("t:7", "Portmere", 11.0, 21.0, "P.PPL", "AA", "01", population=70000),
    Place("t:8", "Eastgate", 11.02, 21.03, "P.PPL", "CC", "03", population=8000),
]


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(PLACES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def test_bracketed_units_are_found_with_their_offsets() -> None:
    text = "Rebels raided Stonebridge village (Redvale district, Highmoor) at dawn."
    chains = find_chains(text)
    assert [c.names for c in chains] == [("Stonebridge", "Redvale", "Highmoor")]
    assert text[chains[0].starts[1] :].startswith("Redvale")


def test_comma_units_and_coded_to_are_found() -> None:
    text = "Shelling hit Stonebridge, Highmoor; the area (coded to Portmere, Highmoor) burned."
    chains = find_chains(text)
    assert ("Stonebridge", "Highmoor") in [c.names for c in chains]
    coded = [c for c in chains if c.coded]
    assert coded and coded[0].names == ("Portmere", "Highmoor")


def test_city_quarter_is_read_as_a_quarter_inside_the_city() -> None:
    chains = find_chains("Crowds marched in Portmere - Eastgate (Highmoor) on Sunday.")
    assert chains[0].names == ("Eastgate", "Portmere", "Highmoor")


def test_namesake_inside_the_units_beats_a_larger_homonym() -> None:
    chain = find_chains("Gunmen attacked Stonebridge (Redvale, Highmoor).")[0]
    resolved = resolve_chain(chain, _lookup)
    assert resolved is not None
    assert (resolved.place.id, resolved.level) == ("t:1", 0)


def test_unknown_village_falls_back_to_its_most_specific_known_unit() -> None:
    text = "Militia burned Mossy Hollow (Redvale, Highmoor) overnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:3", 2)
    assert found.warnings


def test_only_a_province_known_gives_region_precision() -> None:
    text = "Clashes were reported in Mossy Hollow, Lowfield after midnight."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert (found.place.id, found.precision) == ("t:6", 3)


def test_quarter_not_inside_the_city_gives_way_to_the_city() -> None:
    text = "Students rallied in Portmere - Eastgate (Highmoor) for lower fees."
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None
    assert found.place.id == "t:7"


def test_acronym_is_not_read_as_a_town() -> None:
    text = "Members of the Union of Stone Cutters (PORTMERE) met in a hall."
    assert qualified_location(text, 0, len(text), None, _lookup) is None


def test_chosen_mention_is_reread_through_its_units() -> None:
    text = "Troops shelled Stonebridge, Highmoor at noon."
    start = text.index("Stonebridge")
    wrong = Mention("Stonebridge", start, start + 11, place=PLACES[1], candidates=(PLACES[1],))
    from frontlines.extract.location import choose_location

    chosen = choose_location(text, [wrong], 0, len(text), 7, (0, len(text)))
    found = qualified_location(text, 0, len(text), chosen, _lookup, "BB", [wrong])
    assert found is not None
    assert found.place.id == "t:1"


def test_extractor_uses_the_given_gazetteer() -> None:
    text = "On 3 May 2024, armed men attacked farmers in Mossy Hollow (Redvale, Highmoor)."
    extractor = EventExtractor(gazetteer=MemoryGazetteer(PLACES))
    events = extractor.extract_text(text, dt.date(2024, 5, 4), [])
    assert events
    assert events[0].place_id == "t:3"
    assert events[0].country != ""
