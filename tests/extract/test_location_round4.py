"""Round 4: the country prior from a text's organisations and units, and quarters
written with their own word ("Colonia X")."""

from __future__ import annotations

from collections.abc import Iterable

from frontlines.extract.country_prior import prior_country_location
from frontlines.extract.location import Location, choose_location
from frontlines.records import Mention, Place

_EAST = Place("p:1", "Dunmore", 50.0, 20.0, "P.PPL", "BB", "03", population=300000)
_WEST = Place("p:2", "Dunmore", 10.0, 5.0, "P.PPL", "AA", "07", population=40000)
_LOOSE = Place("p:3", "Dunmor Vale", 11.0, 6.0, "P.PPL", "AA", "07", population=900000)
_REGION = Place("p:4", "Dunmore", 10.2, 5.1, "A.ADM1", "AA", "07", population=2000000)


def _location(place: Place, candidates: tuple[Place, ...], text: str = "Dunmore") -> Location:
    mention = Mention(text, 10, 10 + len(text), place=place, candidates=candidates)
    return Location(place.name, place, 1, mention)


def test_namesake_in_the_clue_country_is_taken() -> None:
    moved = prior_country_location(_location(_EAST, (_EAST, _WEST)), "AA")
    assert (moved.place.id, moved.mention.place) == ("p:2", _WEST)


def test_no_clue_or_same_country_keeps_the_place() -> None:
    location = _location(_EAST, (_EAST, _WEST))
    assert prior_country_location(location, "").place.id == "p:1"
    assert prior_country_location(location, "BB").place.id == "p:1"


def test_no_namesake_in_the_clue_country_keeps_the_place() -> None:
    assert prior_country_location(_location(_EAST, (_EAST,)), "AA").place.id == "p:1"


def test_an_exact_name_is_not_traded_for_a_loose_one() -> None:
    moved = prior_country_location(_location(_EAST, (_EAST, _LOOSE)), "AA")
    assert moved.place.id == "p:1"


def test_a_populated_namesake_beats_a_bigger_region() -> None:
    moved = prior_country_location(_location(_EAST, (_EAST, _REGION, _WEST)), "AA")
    assert moved.place.id == "p:2"


def test_a_colonia_named_with_its_word_yields_to_the_town() -> None:
    text = "In Tolpan, Veracrez, gunmen shot a man in Colonia Las Flores (drive-by)."
    town = Place("c:1", "Tolpan", 19.0, -99.0, "A.ADM2", "MX", "17", population=2000)
    quarter = Place("c:2", "Colonia Las Flores", 25.0, -100.0, "P.PPL", "MX", "09")
    at = text.index("Colonia")
    mentions = [
        Mention("Tolpan", 3, 9, place=town, candidates=(town,)),
        Mention("Colonia Las Flores", at, at + 18, place=quarter, candidates=(quarter,)),
    ]
    chosen = choose_location(text, mentions, 0, len(text), 30, (0, len(text)), "MX")
    assert chosen is not None and chosen.place.id == "c:1"


def test_extractor_looks_past_a_foreign_misreading_to_the_clue_country() -> None:
    import datetime as dt

    from frontlines.extract import EventExtractor
    from frontlines.geo import MemoryGazetteer

    town = Place("g:1", "Lunaro", 37.4, -5.9, "P.PPL", "ES", "51", population=20000)
    elsewhere = Place("g:2", "Sud", 18.2, -73.7, "A.ADM1", "HT", "12", population=700000)
    text = (
        "On 3 May 2024, teachers of the Sud union demonstrated in Lunaro, "
        "a town of Andalucia, against pay cuts."
    )
    at = text.index("Sud")
    mentions = [Mention("Sud", at, at + 3, place=elsewhere, candidates=(elsewhere,))]
    extractor = EventExtractor(gazetteer=MemoryGazetteer([town, elsewhere]))
    events = extractor.extract_text(text, dt.date(2024, 5, 4), mentions)
    assert events and events[0].location == "Lunaro"
    assert events[0].country == "Spain"


_CITY = Place("u:1", "Kerrowan", 47.0, 37.5, "P.PPL", "UA", "05", population=430000)
_SMALL = Place("u:2", "Tessaly", 42.9, 20.9, "P.PPL", "XK", "07", population=60000)


def _lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
    table = {"Kerrowan": [(_CITY, 1.0)], "Tessaly": [(_SMALL, 1.0)]}
    return {n: table[n] for n in names if n in table}


def test_a_side_of_a_town_stands_for_the_town() -> None:
    from frontlines.extract.unseen import unseen_location

    text = "Mourners rallied in North Tessaly on Sunday."
    found = unseen_location(text, 0, len(text), _lookup, "XK")
    assert found is not None and found.place.id == "u:2"


def test_a_great_city_named_bare_counts_outside_the_text_country() -> None:
    from frontlines.extract.unseen import bare_location

    text = "Troops shelled Kerrowan with heavy weapons all day."
    found = bare_location(text, 0, len(text), _lookup, "RU")
    assert found is not None and found.place.id == "u:1"
    small = "Troops shelled Tessaly with heavy weapons all day."
    assert bare_location(small, 0, len(small), _lookup, "RU") is None
