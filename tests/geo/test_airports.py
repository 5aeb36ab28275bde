"""Airports from the airportsdata package: their names as news writes them."""

from __future__ import annotations

from frontlines.geo import Geoparser, SqliteGazetteer
from frontlines.geo.airports import airport_names


def test_the_own_name_after_the_city_is_an_alternate_name() -> None:
    names, derived = airport_names("London Heathrow Airport", "London")
    assert names == ["London Heathrow Airport", "Heathrow"]
    assert derived == ["Heathrow Airport"]


def test_an_airport_named_after_its_city_gets_no_bare_name() -> None:
    names, derived = airport_names("Kabul International Airport", "Kabul")
    assert names == ["Kabul International Airport"] and derived == ["Kabul Airport"]


def test_kind_words_alone_never_become_a_name() -> None:
    names, derived = airport_names("Cascade Locks State Airport", "Cascade Locks")
    assert names == ["Cascade Locks State Airport"] and derived == []
    _, derived = airport_names("Springfield Municipal Airport", "Springfield")
    assert "Municipal" not in derived


def test_a_name_led_by_another_towns_name_is_also_found_without_it() -> None:
    _, derived = airport_names("Toronto Pearson International Airport", "Mississauga")
    assert "Pearson International Airport" in derived
    names, _ = airport_names("Ottawa / Macdonald-Cartier International Airport", "Ottawa")
    assert "Macdonald-Cartier International Airport" in names


def test_heathrow_beside_london_is_the_airport(gazetteer: SqliteGazetteer) -> None:
    text = "Cabin crew at Heathrow will strike, the union in London said."
    start = text.index("Heathrow")
    spans = [(start, start + 8), (text.index("London"), text.index("London") + 6)]
    heathrow, london = Geoparser(gazetteer).resolve_spans(text, spans)
    assert heathrow.place is not None and heathrow.place.feature == "S.AIRP"
    assert heathrow.place.country == "GB" and london.place is not None
