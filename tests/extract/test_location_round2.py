"""Round 2 of event placing: provinces moved to their town, places the geoparser missed,
"coded to" chains with bracketed units, asides and joined names."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.admin_context import find_chains, qualified_location, resolve_chain
from frontlines.extract.location import Location
from frontlines.extract.region_town import region_town
from frontlines.extract.unseen import unseen_location
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

PLACES = [
    Place("r:1", "Varnhold", 30.0, 40.0, "A.ADM1", "AA", "05", population=900000),
    Place("r:2", "Varnhold", 30.4, 40.2, "P.PPL", "AA", "05", population=120000),
    Place("r:3", "Kesterland Region", 31.0, 42.0, "A.ADM1", "AA", "06", population=500000),
    Place("r:4", "Ostrava Nueva", 31.2, 42.3, "P.PPL", "AA", "06", population=80000),
    Place("r:5", "Brindleford", 12.0, 8.0, "P.PPL", "AA", "05", population=4000),
    Place("r:6", "Brindleford", 50.0, 1.0, "P.PPL", "BB", "02", population=60000),
    Place("r:7", "Tollmere", 48.0, 2.0, "P.PPL", "BB", "02", population=9000),
    Place("r:8", "San Pietro di Mora", 44.0, 11.0, "P.PPL", "IT", "09", population=3000),
    Place("r:9", "San Pietro", 38.0, 15.0, "P.PPL", "IT", "15", population=20000),
    Place("r:10", "Lagunaria", 44.3, 11.4, "A.ADM1", "IT", "09", population=400000),
    Place("r:11", "Duskwater", 30.1, 40.1, "P.PPL", "AA", "05", population=700),
    Place("r:12", "Duskwater", 60.0, 5.0, "P.PPL", "BB", "03", population=90000),
]


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(PLACES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def _province(text: str, name: str, place_id: str, precision: int = 3) -> Location:
    start = text.index(name)
    place = next(p for p in PLACES if p.id == place_id)
    mention = Mention(name, start, start + len(name), place=place, precision=precision)
    return Location(place.name, place, precision, mention)


def test_a_province_named_like_its_town_means_the_town() -> None:
    text = "Nurses went on strike in Varnhold over unpaid wages."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 1)


def test_a_named_region_keeps_precision_three_at_its_town() -> None:
    text = "Drones struck targets across Varnhold region overnight."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 3)


def test_near_a_province_town_is_precision_two() -> None:
    text = "Shots were fired near Varnhold late on Friday."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 2)


def test_a_province_without_namesake_goes_to_the_given_capital() -> None:
    text = "Farmers blocked roads in Kesterland Region on Tuesday."
    location = _province(text, "Kesterland Region", "r:3")
    capitals = {("AA", "06"): PLACES[3]}
    moved = region_town(location, text, 0, _lookup, lambda c, a: capitals.get((c, a)))
    assert (moved.name, moved.precision) == ("Ostrava Nueva", 3)
    assert region_town(location, text, 0, _lookup).place.id == "r:3"


def test_a_town_is_left_alone() -> None:
    text = "A rally took place in Tollmere."
    place = PLACES[6]
    location = Location("Tollmere", place, 1, Mention("Tollmere", 22, 30, place=place))
    assert region_town(location, text, 0, _lookup) is location


def test_unseen_name_after_in_is_looked_up_in_the_texts_country() -> None:
    text = "Teachers rallied in Brindleford after the CGT call."
    found = unseen_location(text, 0, len(text), _lookup, "AA")
    assert found is not None and found.place.id == "r:5" and found.precision == 1


def test_unseen_name_skips_acronyms_and_foreign_only_names() -> None:
    text = "Workers met at the call of UNISON in Tollmere to protest."
    assert unseen_location(text, 0, len(text), _lookup, "AA") is None
    found = unseen_location(text, 0, len(text), _lookup, "BB")
    assert found is not None and found.place.id == "r:7"


def test_unseen_name_near_is_precision_two_and_drops_city_word() -> None:
    text = "Police dispersed a sit-in near Brindleford city on Sunday."
    found = unseen_location(text, 0, len(text), _lookup)
    assert found is not None and found.place.id == "r:6" and found.precision == 2


def test_coded_to_reads_the_bracketed_units_after_it() -> None:
    text = "Fighting hit a hamlet (coded to Duskwater) (Varnhold) in the morning."
    coded = [c for c in find_chains(text) if c.coded]
    assert coded and coded[0].names == ("Duskwater", "Varnhold")
    resolved = resolve_chain(coded[0], _lookup)
    assert resolved is not None and resolved.place.id == "r:11"


def test_an_aside_between_place_and_units_is_skipped() -> None:
    text = "Jets bombed Duskwater (coded to district level) (Varnhold) at noon."
    chains = find_chains(text)
    assert chains and chains[0].names == ("Duskwater", "Varnhold")


def test_a_misread_hint_does_not_block_a_coded_chain() -> None:
    text = "Militants killed two herders at a camp, coded to Duskwater (Varnhold)."
    wrong = PLACES[6]
    hint = Location("Tollmere", wrong, 1, Mention("Tollmere", 0, 8, place=wrong))
    found = qualified_location(text, 0, len(text), hint, _lookup)
    assert found is not None and found.place.id == "r:11"


def test_joined_names_with_di_are_kept_whole() -> None:
    text = "Staff protested in San Pietro di Mora (Lagunaria) against layoffs."
    chains = find_chains(text)
    assert chains[0].names[0] == "San Pietro di Mora"
    found = qualified_location(text, 0, len(text), None, _lookup)
    assert found is not None and found.place.id == "r:8"
