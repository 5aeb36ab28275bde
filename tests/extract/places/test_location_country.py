"""The text's country and the reading of a bare name, on hand-written sentences:
inherited bracket places, generic units, admin units abroad and organisations."""

from __future__ import annotations

from frontlines.extract.places.admin_context import find_chains, resolve_chain
from frontlines.extract.places.admin_hint import organisation_country
from frontlines.extract.places.location import choose_location, text_country
from frontlines.records import Mention, Place

from ..helpers import memory_lookup, toponym

_OWN = Place("c:1", "Kirnagar", 27.0, 85.0, "P.PPL", "AA", "02", population=200000)
_UNIT_ABROAD = Place("c:2", "Dolwa", 11.0, 10.0, "P.PPL", "BB", "05", population=8000)
_ISLET = Place("c:3", "Sarnabi", 26.2, 50.5, "P.PPL", "CC", "01", population=6000)
_CAPITAL_ABROAD = Place("c:4", "Capital", 55.7, 12.5, "A.ADM1", "DD", "17", population=2000000)
_CAPITAL_HOME = Place("c:5", "Capital", 26.2, 50.6, "A.ADM1", "CC", "01", population=500000)
_REGION_ABROAD = Place("c:6", "Barrow", 10.0, 49.0, "A.ADM1", "EE", "03", population=400000)
_CITY = Place("c:7", "Barrow", 41.1, 16.9, "P.PPL", "FF", "13", population=320000)
_CITY_HOME = Place("c:8", "Lecton", 40.3, 18.1, "P.PPL", "FF", "13", population=90000)
_TOWN_IN_REGION = Place("c:9", "Bosra", 11.3, 49.2, "P.PPL", "EE", "03", population=60000)


def test_a_name_inheriting_its_bracket_unit_does_not_count_for_the_country() -> None:
    # "Ramtola" was given the place of the unit qualifying it: only the unit counts
    text = "Kirnagar traders left Kirnagar and marched in Ramtola town (Dolwa district)."
    mentions = [
        toponym("Kirnagar", text, _OWN),
        toponym("Kirnagar", text, _OWN, nth=1),
        toponym("Ramtola", text, _UNIT_ABROAD),
        toponym("Dolwa", text, _UNIT_ABROAD),
    ]
    assert text_country(text, mentions) == "AA"


def test_a_place_named_as_itself_still_counts() -> None:
    text = "Crowds met in Dolwa (Dolwa district) and in Kirnagar."
    mentions = [
        toponym("Dolwa", text, _UNIT_ABROAD),
        toponym("Dolwa", text, _UNIT_ABROAD, nth=1),
        toponym("Kirnagar", text, _OWN),
    ]
    assert text_country(text, mentions) == "BB"


def test_a_generic_unit_abroad_does_not_stand_in_for_a_known_head() -> None:
    chain = find_chains("Youths gathered in Sarnabi (Capital) at night.")[0]
    resolved = resolve_chain(chain, memory_lookup([_ISLET, _CAPITAL_ABROAD]), "CC")
    assert resolved is None or resolved.place.country == "CC"


def test_a_generic_unit_in_the_heads_country_still_qualifies_it() -> None:
    chain = find_chains("Youths gathered in Sarnabi (Capital) at night.")[0]
    resolved = resolve_chain(chain, memory_lookup([_ISLET, _CAPITAL_ABROAD, _CAPITAL_HOME]), "CC")
    assert resolved is not None and resolved.place.id == "c:3"


def _choose(text: str, mentions: list[Mention]) -> Place:
    chosen = choose_location(text, mentions, 0, len(text), len(text) - 1, (0, len(text)))
    assert chosen is not None
    return chosen.place


def test_bare_name_of_a_region_abroad_is_read_as_the_great_city() -> None:
    text = "Shop owners gathered outside the tax office in Barrow to protest."
    mention = toponym("Barrow", text, _REGION_ABROAD, _REGION_ABROAD, _CITY)
    assert _choose(text, [mention]).id == "c:7"


def test_region_named_as_such_or_beside_its_towns_is_kept() -> None:
    text = "Clan militia clashed in Barrow region overnight."
    mention = toponym("Barrow", text, _REGION_ABROAD, _REGION_ABROAD, _CITY)
    assert _choose(text, [mention]).id == "c:6"
    text = "Clan militia clashed in Barrow after leaving Bosra."
    mentions = [
        toponym("Barrow", text, _REGION_ABROAD, _REGION_ABROAD, _CITY),
        toponym("Bosra", text, _TOWN_IN_REGION),
    ]
    assert _choose(text, mentions).id == "c:6"


def test_parties_and_unions_of_one_country_name_it() -> None:
    assert organisation_country("Supporters of the Nepali Congress and the CPN (UML) met.") == "NP"
    assert organisation_country("Members of Vox rallied outside the town hall.") == "ES"
    assert organisation_country("The PCF called a march against the pension reform.") == "FR"
    # a union found in several countries says nothing by itself
    assert organisation_country("CGT members blocked the depot.") == ""
    # nor does a movement or a party active in several countries
    assert organisation_country("Extinction Rebellion activists blocked a bridge.") == ""
    assert organisation_country("Jamaat-e-Islami workers held a rally.") == ""


_QUARTER_ABROAD = Place("c:10", "Elmora", 36.7, 29.9, "P.PPL", "GG", "07", population=16000)
_GREAT_HOME = Place("c:11", "Almora", 43.2, 76.9, "P.PPL", "HH", "02", population=2000000)


def test_a_district_read_abroad_gives_way_to_the_city_it_is_part_of() -> None:
    text = "Residents protested in Almori district of Almora city on Sunday."
    mentions = [
        toponym("Almori", text, _QUARTER_ABROAD),
        toponym("Almora", text, _GREAT_HOME),
    ]
    trigger = text.index("protested")
    chosen = choose_location(text, mentions, 0, len(text), trigger, (0, len(text)))
    assert chosen is not None and chosen.place.id == "c:11"
