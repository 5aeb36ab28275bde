"""Places the geoparser did not see: a name after a locative word, a well-known place
named bare."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.places.unseen import bare_location, unseen_location
from frontlines.geo import MemoryGazetteer
from frontlines.records import Place

from ..helpers import (
    ARV_PLACES,
    BIG,
    FORD,
    LAND,
    NORTH,
    PROVINCE_PLACES,
    memory_lookup,
    mention_of,
)

_lookup = memory_lookup(PROVINCE_PLACES)


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


_arv_lookup = memory_lookup(ARV_PLACES)
_arv_mention = mention_of


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


_DARAA = Place("u:3", "Daraa", 32.62, 36.1, "P.PPL", "SY", "05", population=97_000)


def test_a_towns_arabic_named_quarter_stands_for_the_town() -> None:
    def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
        return {n: [(_DARAA, 1.0)] for n in names if n == "Daraa"}

    text = "Regime forces clashed with local gunmen in Daraa al-Balad on Thursday."
    found = unseen_location(text, 0, len(text), lookup, "SY")
    assert found is not None and found.place.id == "u:3"
    assert unseen_location("Gunmen clashed in Daraa Valley.", 0, 31, lookup, "SY") is None
