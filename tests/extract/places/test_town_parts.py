"""A town's parts and its border (frontlines.extract.places.location): a neighbourhood or
an old city written with its town stands at the town, and the country across a border is
not where the event was."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.records import Event, Mention, Place

MOSUL_UNIT = Place("m:1", "Mosul", 36.335, 43.119, "A.ADM2", "IQ", "15", population=1_700_000)
MOSUL = Place("m:2", "Mosul", 36.335, 43.119, "P.PPLA", "IQ", "15", population=1_400_000)
FAR_NAMESAKE = Place("m:3", "Zanjali", 34.74, 44.44, "P.PPL", "IQ", "18")
OLD_CITY = Place("m:4", "Old City", 31.78, 35.23, "P.PPL", "PS", "")
NASSIB = Place("m:5", "Nassib", 32.555, 36.176, "P.PPL", "SY", "05")
JORDAN = Place("m:6", "Jordan", 31.0, 36.0, "A.PCLI", "JO", population=10_000_000)


def _mention(text: str, name: str, place: Place, *cands: Place) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), place=place, candidates=(place, *cands))


def _first(text: str, *mentions: Mention) -> Event:
    events = EventExtractor().extract_text(text, dt.date(2017, 6, 1), mentions=list(mentions))
    assert events
    return events[0]


def test_a_neighbourhood_read_far_from_its_town_stands_at_the_town() -> None:
    text = "Iraqi forces clashed with IS militants in Zanjili neighbourhood in western Mosul."
    event = _first(
        text,
        _mention(text, "Zanjili", FAR_NAMESAKE),
        _mention(text, "Mosul", MOSUL_UNIT, MOSUL),
    )
    assert event.place_id == "m:2"  # the town, not its district or the namesake
    assert event.geo_precision == 1 and event.location == "Zanjili"  # in it, by the report's name


def test_a_towns_old_city_stands_at_the_town() -> None:
    text = "Iraqi forces retook the al-Nuri mosque in Mosul's Old City from IS militants."
    event = _first(
        text, _mention(text, "Mosul", MOSUL_UNIT, MOSUL), _mention(text, "Old City", OLD_CITY)
    )
    assert event.place_id == "m:2" and event.geo_precision == 1


def test_the_country_across_a_border_is_not_the_events_place() -> None:
    text = "Regime forces took control of the Nasib border crossing with Jordan on Friday."
    event = _first(text, _mention(text, "Nasib", NASSIB), _mention(text, "Jordan", JORDAN))
    assert event.place_id == "m:5"
    assert event.actor1.startswith("Military Forces of Syria")


def test_a_name_after_a_border_with_is_the_neighbour_whatever_the_locative() -> None:
    from frontlines.extract.places.location import _excluded

    assert _excluded("IS attacked a post near Al-Qaim on the border with ")
    assert _excluded("troops seized the Nasib border crossing with ")
    assert not _excluded("IS attacked a post near the border in ")


def test_a_place_named_near_after_an_areas_countryside_is_the_events() -> None:
    idlib = Place("m:7", "Idlib", 35.93, 36.63, "P.PPLA", "SY", "12", population=165_000)
    town = Place("m:8", "Abu al-Duhur", 35.74, 37.05, "P.PPL", "SY", "12")
    text = "HTS fighters attacked regime forces in the countryside of Idleb near Abu al-Duhur."
    event = _first(text, _mention(text, "Idleb", idlib), _mention(text, "Abu al-Duhur", town))
    assert event.place_id == "m:8"


HARIR = Place("m:7", "Harir", 36.551, 44.353, "P.PPL", "IQ", "11", population=32_000)
ERBIL = Place("m:8", "Erbil", 36.19, 44.01, "A.ADM1", "IQ", "11", population=1_600_000)
BALAD = Place("m:9", "Balad", 34.01, 44.15, "P.PPL", "IQ", "18", population=80_000)
BAGHDAD = Place("m:10", "Baghdad", 33.34, 44.4, "P.PPLC", "IQ", "07", population=7_000_000)


@pytest.mark.parametrize(
    ("text", "town", "area"),
    [("On 25 October 2023, militants attacked Harir air base in Erbil province with drones.",
      HARIR, ERBIL),
     ("Two rockets struck Balad air base north of Baghdad on Sunday, causing no casualties.",
      BALAD, BAGHDAD)],
)  # fmt: skip
def test_a_base_named_with_its_town_stands_at_the_town_not_the_area_or_city(
    text: str, town: Place, area: Place
) -> None:
    """ "X air base in Y province", "X air base north of Y": the event is at X."""
    event = _first(text, _mention(text, town.name, town), _mention(text, area.name, area))
    assert event.place_id == town.id


def test_where_a_source_is_based_is_no_place_of_the_event() -> None:
    uk = Place("m:11", "United Kingdom", 54.0, -2.0, "A.PCLI", "GB", population=66_000_000)
    text = "Regime shells hit the village of Al-Fatira, the UK-based monitoring group said."
    start = text.index("Al-Fatira")
    unknown = Mention("Al-Fatira", start, start + len("Al-Fatira"))
    event = _first(text, unknown, _mention(text, "UK", uk))
    assert "United Kingdom" not in event.actor1 and event.place_id != "m:11"


def test_a_map_point_near_a_province_keeps_its_place_whatever_its_derived_province() -> None:
    # a map point's province is its nearest town's: Al Adhaim's is Salah ad-Din's, 52 km
    # from Diyala's point, though the town lies in northern Diyala
    adhaim = Place("wp:iq:1", "Al Adhaim", 34.275, 44.538, "P.PPL", "IQ", "18", source="wikipedia")
    diyala = Place("m:15", "Diyala", 34.108, 45.071, "A.ADM1", "IQ", "10", population=600_000)
    text = "Militants attacked an army post near Al-Adhaim in northern Diyala, killing two soldiers."
    event = _first(text, _mention(text, "Al-Adhaim", adhaim), _mention(text, "Diyala", diyala))
    assert event.place_id == "wp:iq:1"


EUPHRATES = Place("ne:1", "Euphrates", 33.47, 43.23, "H.STM", "")
MAYADIN = Place("m:20", "Al Mayadin", 35.02, 40.45, "P.PPL", "SY", "07", population=44_000)
DEIR = Place("m:21", "Deir ez-Zor", 35.33, 40.14, "P.PPLA", "SY", "07", population=240_000)
SARRIN = Place("m:22", "Sarrin", 36.59, 38.3, "P.PPL", "SY", "09")
KOBANI = Place("m:23", "Ayn al Arab", 36.89, 38.35, "P.PPL", "SY", "09", population=44_000)
DAM = Place("m:24", "Tishrin Dam", 36.39, 38.2, "P.PPL", "SY", "09")
MANBIJ = Place("m:25", "Manbij", 36.53, 37.95, "P.PPL", "SY", "09", population=100_000)


def test_a_river_beside_a_town_is_not_the_events_place() -> None:
    text = (
        "Regime forces took full control of Al-Mayadin city on the Euphrates in the "
        "southeastern countryside of Deir ez-Zor."
    )
    event = _first(
        text,
        _mention(text, "Al-Mayadin", MAYADIN),
        _mention(text, "Euphrates", EUPHRATES),
        _mention(text, "Deir ez-Zor", DEIR),
    )
    assert event.place_id == "m:20"


@pytest.mark.parametrize(
    ("text", "near", "far"),
    [
        ("A Turkish drone struck a motorcycle in Sarrin town, south of Kobani, killing one.",
         ("Sarrin", SARRIN), ("Kobani", KOBANI)),
        ("SNA factions attacked SDF positions on the Tishreen Dam axis, southeast of Manbij.",
         ("Tishreen Dam", DAM), ("Manbij", MANBIJ)),
    ],
)  # fmt: skip
def test_a_town_or_axis_written_relative_to_another_is_the_place(
    text: str, near: tuple[str, Place], far: tuple[str, Place]
) -> None:
    event = _first(text, _mention(text, *near), _mention(text, *far))
    assert event.place_id == near[1].id


def test_a_reading_far_from_the_town_the_text_places_it_by_gives_way_to_that_town() -> None:
    far = Place("m:26", "al-Halwanji", 36.79, 37.78, "P.PPL", "SY", "09")  # 54 km off
    text = "A Turkish drone struck a car near the village of Helnj, east of Kobani, killing three."
    event = _first(text, _mention(text, "Helnj", far), _mention(text, "Kobani", KOBANI))
    assert event.place_id == "m:23" and event.location == "Helnj"


def test_a_town_of_size_read_far_from_its_reference_stays_the_place() -> None:
    sanamayn = Place("m:27", "As Sanamayn", 33.07, 36.18, "P.PPL", "SY", "06", population=25_700)
    daraa = Place("m:28", "Daraa", 32.62, 36.1, "P.PPLA", "SY", "06", population=97_900)
    text = "Government forces stormed the town of al-Sanamayn, north of Deraa, and fought rebels."
    event = _first(text, _mention(text, "al-Sanamayn", sanamayn), _mention(text, "Deraa", daraa))
    assert event.place_id == "m:27"


KARAMA_AE = Place("m:29", "Al Karama", 25.25, 55.3, "P.PPL", "AE", "03", population=40_000)
RAQQA = Place("m:30", "Ar Raqqah", 35.95, 39.01, "P.PPLA", "SY", "04", population=180_000)
ZIRGAN_RU = Place("m:31", "Zirgan", 53.2, 55.9, "P.PPL", "RU", "08")
ABU_RASIN_IQ = Place("m:32", "Abu Rasin", 36.2, 43.0, "P.PPL", "IQ", "15")
SYRIA = Place("m:33", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=20_000_000)
HASAKAH = Place("m:34", "Al-Hasakah", 36.5, 40.7, "A.ADM1", "SY", "01", population=1_500_000)


def test_a_place_written_relative_to_a_town_abroad_is_no_place() -> None:
    text = "Two children were killed near al-Karama, east of Raqqa, by a mine."
    event = _first(text, _mention(text, "al-Karama", KARAMA_AE), _mention(text, "Raqqa", RAQQA))
    assert event.country == "Syria" and event.place_id == "m:30"


def test_a_place_with_two_names_in_a_countrys_province_stays_in_that_province() -> None:
    text = "Turkish artillery shelled villages around Zirgan (Abu Rasin) in Syria's Hasakah province."
    event = _first(
        text,
        _mention(text, "Zirgan", ZIRGAN_RU),
        _mention(text, "Abu Rasin", ABU_RASIN_IQ),
        _mention(text, "Syria", SYRIA),
        _mention(text, "Hasakah", HASAKAH),
    )
    assert event.country == "Syria" and event.place_id not in ("m:31", "m:32")
    assert "Zirgan" in event.location_reason


def test_a_roundabout_of_a_town_read_far_away_stands_at_the_town() -> None:
    naim = Place("m:35", "Al-Naim", 33.5, 36.9, "P.PPL", "SY", "08")
    text = "A motorcycle rigged with explosives blew up near the al-Naim roundabout in central Raqqa."
    event = _first(text, _mention(text, "al-Naim", naim), _mention(text, "Raqqa", RAQQA))
    assert event.place_id == "m:30" and event.location == "al-Naim"


def test_a_town_written_as_a_town_west_of_a_city_is_the_place() -> None:
    darat = Place("m:36", "Darat Izza", 36.28, 36.85, "P.PPL", "SY", "09", population=12_000)
    aleppo = Place("m:37", "Aleppo", 36.2, 37.16, "P.PPLA", "SY", "09", population=1_600_000)
    text = (
        "HTS men seized an activist on the edge of Darat Izza, a town west of Aleppo, on"
        " Saturday and took him to an unknown location."
    )
    event = _first(text, _mention(text, "Darat Izza", darat), _mention(text, "Aleppo", aleppo))
    assert event.place_id == "m:36"
