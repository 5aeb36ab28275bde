"""Places the geoparser did not see: a name after a locative word, a well-known place
named bare."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.unseen import bare_location, unseen_location
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


_CITY = Place("u:1", "Kerrowan", 47.0, 37.5, "P.PPL", "UA", "05", population=430000)


_SMALL = Place("u:2", "Tessaly", 42.9, 20.9, "P.PPL", "XK", "07", population=60000)


def _city_lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    table = {"Kerrowan": [(_CITY, 1.0)], "Tessaly": [(_SMALL, 1.0)]}
    return {n: table[n] for n in names if n in table}


def test_a_side_of_a_town_stands_for_the_town() -> None:
    text = "Mourners rallied in North Tessaly on Sunday."
    found = unseen_location(text, 0, len(text), _city_lookup, "XK")
    assert found is not None and found.place.id == "u:2"


def test_a_great_city_named_bare_counts_outside_the_text_country() -> None:
    text = "Troops shelled Kerrowan with heavy weapons all day."
    found = bare_location(text, 0, len(text), _city_lookup, "RU")
    assert found is not None and found.place.id == "u:1"
    small = "Troops shelled Tessaly with heavy weapons all day."
    assert bare_location(small, 0, len(small), _city_lookup, "RU") is None


# Arvenia: a country, its provinces, homonyms and twins
LAND = Place("r:1", "Arvenia", 45.0, 10.0, "A.PCLI", "AR", population=9_000_000)
FORD = Place("r:2", "Kelford", 45.2, 10.3, "P.PPL", "AR", "01", population=4000)
NORTH = Place("r:3", "Norland", 46.0, 11.0, "A.ADM1", "AR", "01")
FORD_FAR = Place("r:4", "Kelford", 48.0, 16.0, "P.PPL", "AR", "05", population=900)
SOUTH = Place("r:5", "Sudmark", 48.1, 16.1, "A.ADM1", "AR", "05")
EAST_REGION = Place("r:6", "East", 4.0, 13.0, "A.ADM1", "QQ", "09")
TWIN_STATE = Place("r:7", "Vessa", 9.0, 6.0, "A.ADM1", "VV", "11")
TWIN_LAND = Place("r:8", "Vessa", 17.0, 9.0, "A.PCLI", "VS", population=20_000_000)
BIG = Place("r:9", "Marlow", 52.0, 17.0, "P.PPL", "ZZ", "02", population=500_000)
ARV_SMALL = Place("r:10", "Marlow", 50.0, 26.0, "P.PPL", "AR", "03", population=1200)
CAPITAL = Place("r:11", "Harrow", 9.1, 6.1, "P.PPL", "VV", "11", population=300_000)
ZONE_TOWN = Place("r:12", "Ostrel", 45.4, 10.5, "P.PPL", "AR", "01", population=20_000)
ARV_PLACES = [LAND, FORD, NORTH, FORD_FAR, SOUTH, EAST_REGION, TWIN_STATE, TWIN_LAND, CAPITAL]
ARV_PLACES += [ZONE_TOWN]


def _arv_lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    found = MemoryGazetteer(ARV_PLACES).lookup_many(names)
    return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}


def _arv_mention(text: str, name: str, place: Place | None, *cands: Place) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), place=place, candidates=cands)


def test_unseen_city_quarter_is_placed_at_its_city() -> None:
    text = "Crowds protested in Kelford - Upper Weir on Sunday."
    found = unseen_location(text, 0, len(text), _arv_lookup, "AR")
    assert found is not None and found.place.id == FORD.id


def test_unseen_great_city_abroad_is_taken_but_a_village_abroad_is_not() -> None:
    hamlet = Place("r:19", "Brindle", 52.0, 17.0, "P.PPL", "ZZ", "02", population=300)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([BIG, hamlet, LAND]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    text = "Hundreds rallied in Marlow against the war in Arvenia."
    found = unseen_location(text, 0, len(text), lookup, "AR")
    assert found is not None and found.place.id == BIG.id
    text = "Hundreds rallied in Brindle against the war."
    assert unseen_location(text, 0, len(text), lookup, "AR") is None


def test_well_known_place_named_without_a_cue_is_found() -> None:
    city = Place("r:20", "Varn", 45.5, 10.5, "P.PPL", "AR", "01", population=800_000)
    hamlet = Place("r:21", "Oskel", 45.6, 10.6, "P.PPL", "AR", "01", population=200)

    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        found = MemoryGazetteer([city, hamlet, NORTH]).lookup_many(names)
        return {name: [(m.place, m.quality) for m in ms] for name, ms in found.items()}

    text = "Artillery kept shelling Varn overnight."
    found = bare_location(text, 0, len(text), lookup, "AR")
    assert found is not None and (found.place.id, found.precision) == (city.id, 1)
    text = "Artillery kept shelling Oskel overnight."
    assert bare_location(text, 0, len(text), lookup, "AR") is None
    assert bare_location("Artillery hit Varn.", 0, 19, lookup, "") is None
