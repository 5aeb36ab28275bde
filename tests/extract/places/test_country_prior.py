"""The country prior: a text's organisations and units say which country's namesake of
a place is meant."""

from __future__ import annotations

import datetime as dt

from frontlines.extract import EventExtractor
from frontlines.extract.places.admin_hint import organisation_country
from frontlines.extract.places.country_prior import (
    organisations_capital,
    prior_country_location,
    weak_reading,
)
from frontlines.extract.places.location import Location
from frontlines.geo import MemoryGazetteer
from frontlines.records import Mention, Place

from ..helpers import memory_lookup

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


def test_extractor_looks_past_a_foreign_misreading_to_the_clue_country() -> None:
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


_KATHMANDU = Place("np:1", "Kathmandu", 27.7, 85.3, "P.PPLC", "NP", "03", population=1_400_000)
_STATE = Place("us:1", "North Carolina", 35.5, -79.4, "A.ADM1", "US", "NC", population=10_000_000)
_SOUTH = Place("au:1", "South Dunmore", -37.6, 145.0, "P.PPL", "AU", "07", population=25_000)


def test_a_weak_reading_abroad_yields_to_the_organisations_country() -> None:
    lookup = memory_lookup([_KATHMANDU, _STATE, _SOUTH])
    text = "Cadres of CPN-UML and NC clashed at a polling station."
    start = text.index("NC")
    abbreviation = Location(_STATE.name, _STATE, 3, Mention("NC", start, start + 2, place=_STATE))
    moved = organisations_capital(abbreviation, organisation_country(text), lookup)
    assert moved is not None
    assert (moved.place.id, moved.precision) == ("np:1", 3)
    assert "organisations" in moved.warnings[-1]
    partial = _location(_SOUTH, (), "Dunmore")
    assert weak_reading(partial)
    clue = organisation_country("CPN-UML cadres met in Dunmore.")
    assert organisations_capital(partial, clue, lookup).place.id == "np:1"


def test_an_exact_reading_abroad_keeps_its_place() -> None:
    lookup = memory_lookup([_KATHMANDU, _EAST])
    exact = _location(_EAST, ())
    assert not weak_reading(exact)
    assert (
        organisations_capital(
            exact, organisation_country("CPN-UML cadres protested in Dunmore."), lookup
        )
        is exact
    )
    no_clue = _location(_SOUTH, (), "Dunmore")
    assert (
        organisations_capital(no_clue, organisation_country("Cadres protested in Dunmore."), lookup)
        is no_clue
    )
