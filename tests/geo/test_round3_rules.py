"""Round-3 rules: a division's main town, "X region" meaning the division, a capital's
alternate name beating a same-named division, names whose tail is a small town."""

from __future__ import annotations

from typing import Any

from frontlines.geo import Geoparser, MemoryGazetteer, SqliteGazetteer
from frontlines.records import Place

OBLAST = Place("gn:1", "Donetsk", 48.0, 37.5, "A.ADM1", "UA", "05", population=4_000_000)
SEAT = Place("gn:2", "Donetsk", 48.02, 37.8, "P.PPL", "UA", "05", population=900_000)
BIGGER = Place("gn:3", "Mariupol", 47.1, 37.5, "P.PPL", "UA", "05", population=1_000_000)
SMALL = Place("gn:4", "Avdiivka", 48.14, 37.75, "P.PPL", "UA", "05", population=30_000)
OTHER = Place("gn:5", "Bila", 49.8, 30.1, "P.PPL", "UA", "13", population=200_000)
KYIV_OBLAST = Place("gn:6", "Kyivska", 50.3, 30.6, "A.ADM1", "UA", "13", population=1_500_000)
FAR_TOWN = Place("gn:7", "Donetsk", 48.3, 39.9, "P.PPL", "RU", "61", population=50_000)
PLACES = [OBLAST, SEAT, BIGGER, SMALL, OTHER, KYIV_OBLAST, FAR_TOWN]


def test_main_town_prefers_the_seat_named_like_the_division() -> None:
    gaz = MemoryGazetteer(PLACES)
    assert gaz.main_town("UA", "05") == SEAT
    assert gaz.main_town("ua", "Donetsk") == SEAT  # by name, any case of country code


def test_main_town_falls_back_to_the_largest_town() -> None:
    gaz = MemoryGazetteer(PLACES)
    assert gaz.main_town("UA", "13") == OTHER
    assert gaz.main_town("UA", "Kyivska oblast") == OTHER
    assert gaz.main_town("UA", "99") is None
    assert gaz.main_town("XX", "Nowhere") is None


def test_main_town_in_the_index(gazetteer: SqliteGazetteer) -> None:
    town = gazetteer.main_town("UA", "05")
    assert town is not None and town.name == "Donetsk" and town.country == "UA"
    borno = gazetteer.main_town("NG", "Borno")
    assert borno is not None and borno.name == "Maiduguri"


def _no_nlp(text: str) -> Any:
    raise AssertionError("resolve mode must not run NER")


def test_name_region_means_the_division_not_a_foreign_namesake() -> None:
    text = "Russian forces shelled Avdiivka in Donetsk region."
    start = text.index("Donetsk")
    gaz = MemoryGazetteer(PLACES)
    out = Geoparser(gaz, nlp=_no_nlp).resolve_spans(text, [(start, start + 7)])
    assert out[0].place == OBLAST


def _places(parser: Geoparser, text: str) -> dict[str, Place | None]:
    return {m.text: m.place for m in parser.parse(text)}


def test_kiev_is_the_capital_even_when_ner_calls_it_a_person(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Russian forces struck Kiev on Monday.")
    assert found["Kiev"] is not None and found["Kiev"].feature == "P.PPLC"
    listed = _places(geoparser, "Shelling was reported in Kiev and Kharkiv.")
    assert listed["Kiev"] is not None and listed["Kiev"].feature == "P.PPLC"


def test_kiev_region_is_the_oblast(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Shelling was reported in Kiev region on Monday.")
    assert found["Kiev"] is not None and found["Kiev"].feature == "A.ADM1"


def test_an_organisation_ending_in_a_small_town_name_is_no_place(geoparser: Geoparser) -> None:
    assert "Haram" not in _places(geoparser, "Suspected Boko Haram militants attacked them.")
    assert "Haram" not in _places(geoparser, "Boko Haram")
    found = _places(geoparser, "Boko Haram militants raided Gwoza on Monday.")
    assert found["Gwoza"] is not None and found["Gwoza"].country == "NG"


def test_a_prominent_place_after_a_capitalised_word_is_kept(geoparser: Geoparser) -> None:
    found = _places(geoparser, "The Associated Press WASHINGTON reported it.")
    assert found.get("WASHINGTON") is not None
