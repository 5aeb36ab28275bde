"""Monitor-observed fire on Donbas's 2015-2022 line of contact is coded to the side
across the line from where it landed (frontlines.extract.places.front_line, through assign and
the extractor), on hand-written sentences and hand-picked points."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.assign import assign
from frontlines.extract.places.front_line import (
    GOVERNMENT,
    SEPARATISTS,
    Where,
    firing_side,
    on_line,
    separatist_held,
)
from frontlines.geo.gazetteer import MemoryGazetteer
from frontlines.records import Mention, Place, Span

NAF = "NAF: United Armed Forces of Novorossiya"
ARMY = "Military Forces of Ukraine (2019-)"
WHEN = "2019-12-03"

# Towns whose side of the line is well known, with approximate coordinates.
GOVERNMENT_HELD = {
    "Avdiivka": (48.140, 37.750),
    "Toretsk": (48.395, 37.848),
    "Svitlodarsk": (48.434, 38.223),
    "Shchastia": (48.738, 39.231),
    "Stanytsia Luhanska": (48.663, 39.484),
    "Popasna": (48.632, 38.371),
    "Zolote": (48.695, 38.515),
    "Marinka": (47.945, 37.505),
    "Mariupol": (47.095, 37.541),
    "Kramatorsk": (48.731, 37.568),
    "Sievierodonetsk": (48.944, 38.488),
}
SEPARATIST_HELD = {
    "Yasynuvata": (48.127, 37.859),
    "Horlivka": (48.300, 38.017),
    "Debaltseve": (48.336, 38.403),
    "Donetsk": (48.016, 37.803),
    "Luhansk": (48.567, 39.317),
    "Pervomaisk": (48.628, 38.524),
    "Alchevsk": (48.469, 38.797),
    "Dokuchaievsk": (47.752, 37.678),
    "Novoazovsk": (47.114, 38.086),
}


@pytest.mark.parametrize("name", sorted(GOVERNMENT_HELD))
def test_government_held_towns_lie_on_the_government_side(name: str) -> None:
    assert not separatist_held(*GOVERNMENT_HELD[name])


@pytest.mark.parametrize("name", sorted(SEPARATIST_HELD))
def test_separatist_held_towns_lie_on_the_separatist_side(name: str) -> None:
    assert separatist_held(*SEPARATIST_HELD[name])


def _where(name: str, admin1: str = "Donetsk", country: str = "UA") -> Where:
    lat, lon = {**GOVERNMENT_HELD, **SEPARATIST_HELD}[name]
    return Where(lat, lon, country, admin1)


OBSERVED = "On 3 December 2019, SMM monitors recorded 12 explosions of undetermined origin near {}."


def test_fire_near_a_government_town_is_the_separatists() -> None:
    text = OBSERVED.format("Avdiivka")
    assert firing_side(text, WHEN, _where("Avdiivka")) == SEPARATISTS


def test_fire_near_a_separatist_town_is_the_government_s() -> None:
    text = OBSERVED.format("Horlivka")
    assert firing_side(text, WHEN, _where("Horlivka")) == GOVERNMENT


def test_the_line_holds_only_between_minsk_and_the_invasion() -> None:
    where = _where("Avdiivka")
    assert on_line(where, "2015-06-01") and on_line(where, "2022-02-23")
    assert not on_line(where, "2022-02-24")
    assert not on_line(where, "2014-08-01")
    assert firing_side(OBSERVED.format("Avdiivka"), "2022-03-05", where) == ""


def test_the_line_holds_only_in_donetsk_and_luhansk_oblasts() -> None:
    assert not on_line(Where(49.99, 36.23, "UA", "Kharkiv"), WHEN)
    assert not on_line(_where("Avdiivka", country="RU"), WHEN)
    assert not on_line(None, WHEN)


def test_a_report_that_says_who_held_the_place_needs_no_coordinates() -> None:
    held = "On 3 December 2019, SMM monitors recorded 5 shots near a village ({}) at night."
    assert firing_side(held.format("non-government-controlled"), WHEN, None) == GOVERNMENT
    assert firing_side(held.format("government-controlled"), WHEN, None) == SEPARATISTS
    assert firing_side(held.format("government-controlled"), "2023-05-01", None) == ""


def test_fire_no_monitor_reported_is_left_alone() -> None:
    text = "On 3 December 2019, a house burned down near Avdiivka."
    assert firing_side(text, WHEN, _where("Avdiivka")) == ""


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _sides(
    registry: ActorRegistry, text: str, sub_event_type: str, event_type: str, where: Where
) -> tuple[str, str]:
    word = "explosions" if "explosions" in text else "fire"
    start = text.index(word)
    trigger = Span(start, start + len(word), word)
    sides = assign(registry, text, trigger, sub_event_type, event_type, "UA", WHEN, None, where)
    return sides.actor1.name, sides.actor2.name if sides.actor2 else ""


def test_assign_names_the_shooter_across_the_line(registry: ActorRegistry) -> None:
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    assert _sides(registry, OBSERVED.format("Avdiivka"), *shelling, _where("Avdiivka")) == (
        NAF,
        "",
    )
    text = OBSERVED.format("Pervomaisk")
    assert _sides(registry, text, *shelling, _where("Pervomaisk", "Luhansk")) == (ARMY, "")


def test_assign_puts_the_holder_second_in_an_observed_clash(registry: ActorRegistry) -> None:
    text = "On 3 December 2019, the OSCE mission heard an exchange of small-arms fire near Zolote."
    assert _sides(registry, text, "Armed clash", "Battles", _where("Zolote", "Luhansk")) == (
        NAF,
        ARMY,
    )


def test_assign_keeps_a_named_shooter(registry: ActorRegistry) -> None:
    text = (
        "On 3 December 2019, Ukrainian forces fired mortars at Avdiivka; SMM monitors "
        "recorded 12 explosions there."
    )
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    assert _sides(registry, text, *shelling, _where("Avdiivka"))[0] == ARMY


def test_assign_without_a_place_keeps_the_default(registry: ActorRegistry) -> None:
    text = OBSERVED.format("Avdiivka")
    start = text.index("explosions")
    trigger = Span(start, start + 10, "explosions")
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    sides = assign(registry, text, trigger, *shelling, "UA", WHEN, None)
    assert sides.actor1.name.startswith("Unidentified")


def test_extractor_passes_the_resolved_place_to_assign() -> None:
    towns = {
        "Avdiivka": Place("t:1", "Avdiivka", 48.140, 37.750, "P.PPL", "UA", "05", population=9),
        "Horlivka": Place("t:2", "Horlivka", 48.300, 38.017, "P.PPL", "UA", "05", population=9),
    }
    extractor = EventExtractor(gazetteer=MemoryGazetteer(list(towns.values())))
    actors = {}
    for name, place in towns.items():
        text = OBSERVED.format(name)
        start = text.index(name)
        mention = Mention(name, start, start + len(name), place=place)
        events = extractor.extract_text(text, dt.date(2019, 12, 3), [mention])
        assert events and events[0].admin1 == "Donetsk"
        actors[name] = events[0].actor1
    assert actors == {"Avdiivka": NAF, "Horlivka": ARMY}


def test_a_region_alone_does_not_place_the_fire() -> None:
    region = Place("t:3", "Donetsk Oblast", 48.0, 37.8, "A.ADM1", "UA", "05", population=9)
    extractor = EventExtractor(gazetteer=MemoryGazetteer([region]))
    text = OBSERVED.format("Donetsk Oblast")
    start = text.index("Donetsk Oblast")
    mention = Mention("Donetsk Oblast", start, start + 14, place=region)
    events = extractor.extract_text(text, dt.date(2019, 12, 3), [mention])
    assert events and events[0].actor1.startswith("Unidentified")


def test_a_monitors_report_reads_the_namesake_on_the_line() -> None:
    far = Place("t:4", "Zarichne", 49.2, 32.1, "P.PPL", "UA", "01", population=12_000)
    near = Place("t:5", "Zarichne", 48.140, 37.750, "P.PPL", "UA", "05", population=400)
    extractor = EventExtractor(gazetteer=MemoryGazetteer([far, near]))
    text = OBSERVED.format("Zarichne")
    start = text.index("Zarichne")
    mention = Mention("Zarichne", start, start + 8, place=far, candidates=(far, near))
    (event, *_) = extractor.extract_text(text, dt.date(2019, 12, 3), [mention])
    assert (event.admin1, event.actor1) == ("Donetsk", NAF)
    later = text.replace("3 December 2019", "3 May 2022")
    moved = later.index("Zarichne")
    mention = Mention("Zarichne", moved, moved + 8, place=far, candidates=(far, near))
    after = extractor.extract_text(later, dt.date(2022, 5, 3), [mention])[0]
    assert after.admin1 != "Donetsk"  # after the line fell the monitors' rule is off
