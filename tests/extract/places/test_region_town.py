"""A province or a whole country standing for its town: the province's namesake or main
town, the country's capital."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.places.location import Location
from frontlines.extract.places.region_town import country_capital, region_town
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

from ..helpers import PROVINCE_PLACES, memory_lookup

SWEDEN = Place("c:1", "Sweden", 62.0, 15.0, "A.PCLI", "SE", population=10_000_000)
STOCKHOLM = Place("c:2", "Stockholm", 59.33, 18.07, "P.PPLC", "SE", "26", population=1_500_000)
ELSEWHERE = Place("c:3", "Stockholm", 44.0, -70.0, "P.PPL", "US", "ME", population=300)
BORDER = Place("c:4", "Brenmark", 25.7, 85.9, "A.ADM1", "IN", "34", population=12_000_000)
NAMED_AFTER = Place("c:5", "Brenmark Sharif", 25.2, 85.5, "P.PPL", "IN", "34", population=297_000)
SEAT = Place("c:6", "Palton", 25.6, 85.1, "P.PPL", "IN", "34", population=1_680_000)
PLACES = [SWEDEN, STOCKHOLM, ELSEWHERE, BORDER, NAMED_AFTER, SEAT]
ALIASES = {NAMED_AFTER.id: ["Brenmark"]}


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(PLACES, ALIASES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def _at(text: str, name: str, place: Place, precision: int, warnings: list[str]) -> Location:
    start = text.index(name)
    mention = Mention(name, start, start + len(name), place=place, precision=precision)
    return Location(place.name, place, precision, mention, warnings)


def test_a_whole_country_is_placed_at_its_capital() -> None:
    text = "About 9,000 refugees arrived in Sweden last week."
    moved = country_capital(_at(text, "Sweden", SWEDEN, 3, []), _lookup)
    assert (moved.place.id, moved.precision) == (STOCKHOLM.id, 3)


def test_a_town_is_not_moved_to_the_capital() -> None:
    text = "Protesters gathered in Stockholm."
    location = _at(text, "Stockholm", STOCKHOLM, 1, [])
    assert country_capital(location, _lookup) is location


def test_a_town_named_after_the_province_is_not_its_namesake() -> None:
    # "Bihar Sharif" is not Bihar's seat: the main town the gazetteer gives is
    text = "Two groups clashed in Brenmark state during the festival."
    location = _at(text, "Brenmark", BORDER, 3, [])
    moved = region_town(location, text, 0, _lookup, lambda country, admin1: SEAT)
    assert (moved.place.id, moved.precision) == (SEAT.id, 3)


def test_a_province_standing_in_for_an_unknown_place_keeps_its_precision() -> None:
    # "shelled Hollowmere, Brenmark": the source names a particular place (precision 1);
    # the province's town only stands in for it
    text = "Troops shelled Hollowmere, Brenmark overnight."
    warning = ["'Hollowmere' is not in the gazetteer; placed at Brenmark"]
    location = _at(text, "Brenmark", BORDER, 1, warning)
    moved = region_town(location, text, 0, _lookup, lambda country, admin1: SEAT)
    assert (moved.place.id, moved.precision) == (SEAT.id, 1)
    assert moved.warnings == warning


_province_lookup = memory_lookup(PROVINCE_PLACES)


def _province(text: str, name: str, place_id: str, precision: int = 3) -> Location:
    start = text.index(name)
    place = next(p for p in PROVINCE_PLACES if p.id == place_id)
    mention = Mention(name, start, start + len(name), place=place, precision=precision)
    return Location(place.name, place, precision, mention)


def test_a_province_named_like_its_town_means_the_town() -> None:
    text = "Nurses went on strike in Varnhold over unpaid wages."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _province_lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 1)


def test_a_named_region_keeps_precision_three_at_its_town() -> None:
    text = "Drones struck targets across Varnhold region overnight."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _province_lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 3)


def test_near_a_province_town_is_precision_two() -> None:
    text = "Shots were fired near Varnhold late on Friday."
    moved = region_town(_province(text, "Varnhold", "r:1"), text, 0, _province_lookup)
    assert (moved.place.id, moved.precision) == ("r:2", 2)


def test_a_province_without_namesake_goes_to_the_given_capital() -> None:
    text = "Farmers blocked roads in Kesterland Region on Tuesday."
    location = _province(text, "Kesterland Region", "r:3")
    capitals = {("AA", "06"): PROVINCE_PLACES[3]}
    moved = region_town(location, text, 0, _province_lookup, lambda c, a: capitals.get((c, a)))
    assert (moved.name, moved.precision) == ("Ostrava Nueva", 3)
    assert region_town(location, text, 0, _province_lookup).place.id == "r:3"


def test_a_town_is_left_alone() -> None:
    text = "A rally took place in Tollmere."
    place = PROVINCE_PLACES[6]
    location = Location("Tollmere", place, 1, Mention("Tollmere", 22, 30, place=place))
    assert region_town(location, text, 0, _province_lookup) is location


def test_a_province_qualifying_an_unknown_place_keeps_the_wording() -> None:
    # "near Sasabe (Arizona)": the source names a town; the province's town stands in
    for text, precision in (
        ("Patrols met migrants near Hollowmere (Brenmark) at dawn.", 2),
        ("Patrols met migrants in Hollowmere (Brenmark) at dawn.", 1),
    ):
        location = _at(text, "Brenmark", BORDER, 3, [])
        moved = region_town(location, text, 0, _lookup, lambda country, admin1: SEAT)
        assert (moved.place.id, moved.precision) == (SEAT.id, precision), text
