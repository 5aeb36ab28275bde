"""Choosing the event's place among resolved mentions, on hand-written sentences."""

from __future__ import annotations

from frontlines.extract.actors import country_info
from frontlines.extract.location import choose_location, text_country
from frontlines.records import Mention, Place


def _place(name: str, feature: str, country: str, admin1: str = "") -> Place:
    return Place(
        id=f"t:{name}:{country}",
        name=name,
        lat=1.0,
        lon=2.0,
        feature=feature,
        country=country,
        admin1=admin1,
    )


def _mention(
    text: str, whole: str, place: Place | None, candidates: tuple[Place, ...] = (), nth: int = 0
) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = whole.index(text, start + 1)
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        kind="toponym",
        place=place,
        candidates=candidates or ((place,) if place else ()),
    )


def _choose(text: str, mentions: list[Mention], country: str = "") -> str:
    chosen = choose_location(text, mentions, 0, len(text), len(text) - 1, (0, len(text)), country)
    assert chosen is not None
    return f"{chosen.place.name}/{chosen.place.country}/{chosen.precision}"


def test_headed_town_beats_a_later_neighbourhood() -> None:
    text = "In Bigtown (Eastshire), residents blocked roads in the Smallhill neighbourhood."
    mentions = [
        _mention("Bigtown", text, _place("Bigtown", "P.PPL", "AA", "01")),
        _mention("Eastshire", text, _place("Eastshire", "A.ADM1", "AA", "01")),
        _mention("Smallhill", text, _place("Smallhill", "P.PPL", "BB")),
    ]
    assert _choose(text, mentions, "AA") == "Bigtown/AA/1"


def test_namesake_in_the_qualifying_area_is_preferred() -> None:
    text = "Gunmen attacked a bus in Twinford (Westshire)."
    far = _place("Twinford", "P.PPL", "BB", "09")
    here = _place("Twinford", "P.PPL", "AA", "02")
    mentions = [
        _mention("Twinford", text, far, (far, here)),
        _mention("Westshire", text, _place("Westshire", "A.ADM1", "AA", "02")),
    ]
    assert _choose(text, mentions).startswith("Twinford/AA/")


def test_unknown_village_is_placed_at_its_admin_area_with_wording_precision() -> None:
    text = "Militants abducted a chief in the village of Nowhereville (Eastshire)."
    mentions = [
        _mention("Nowhereville", text, None),
        _mention("Eastshire", text, _place("Eastshire", "A.ADM2", "AA")),
    ]
    chosen = choose_location(text, mentions, 0, len(text), 10, (0, len(text)))
    assert chosen is not None
    assert (chosen.name, chosen.place.name, chosen.precision) == ("Nowhereville", "Eastshire", 1)
    assert chosen.warnings


def test_coded_to_place_wins_with_region_precision() -> None:
    text = "In Eastshire state (coded to Capitalton), farmers protested."
    mentions = [
        _mention("Eastshire", text, _place("Eastshire", "A.ADM1", "AA")),
        _mention("Capitalton", text, _place("Capitalton", "P.PPLA", "AA")),
    ]
    assert _choose(text, mentions) == "Capitalton/AA/3"


def test_text_country_weighs_bracketed_admin_names() -> None:
    text = "Protest at Lakeside (Northshire, Southland)."
    mentions = [
        _mention("Lakeside", text, _place("Lakeside", "P.PPL", "BB")),
        _mention("Northshire", text, _place("Northshire", "A.ADM2", "AA")),
    ]
    assert text_country(text, mentions) == "AA"
    assert text_country("Nothing here.", []) == ""


def test_small_states_have_a_country_name() -> None:
    info = country_info("CV")
    assert info is not None and info.name == "Cape Verde"


def test_named_part_of_a_town_gives_way_to_the_town() -> None:
    text = "Police dispersed a crowd in Hillside neighbourhood of Rivertown parish."
    mentions = [
        _mention("Hillside", text, _place("Hillside", "P.PPL", "AA")),
        _mention("Rivertown", text, _place("Rivertown", "P.PPL", "AA")),
    ]
    assert _choose(text, mentions, "AA").startswith("Rivertown/")
