"""Side rules for the Syrian and Iraqi way of reporting (frontlines.extract.assign and
the registry's "coded as" reading) on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.records import Event

DAY = dt.date(2022, 5, 20)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def _first(extractor: EventExtractor, text: str) -> Event:
    events = extractor.extract_text(text, DAY)
    assert events, text
    return events[0]


def test_a_faction_operating_under_an_operation_is_its_associate(
    extractor: EventExtractor,
) -> None:
    event = _first(
        extractor,
        "On 18 May 2022, JWS fighters who operate under OPS shelled QSD positions near "
        "Tell Tamr in Al Hasakeh governorate.",
    )
    assert event.actor1 == "Operation Peace Spring"
    assert event.assoc_actor_1 == "JWS: Syrian National Army"
    assert event.actor2 == "QSD: Syrian Democratic Forces"


def test_the_group_named_in_an_accusation_is_not_a_side(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 18 May 2022, QSD forces detained four men on charges of belonging to IS in "
        "Al-Hasakeh city.",
    )
    assert event.actor1 == "QSD: Syrian Democratic Forces"
    assert event.actor2 != "Islamic State (Syria)"


def test_two_militias_of_one_kind_fight_each_other(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 18 May 2022, two tribal militias clashed over farmland in Rifai district, "
        "Dhi Qar province, Iraq.",
    )
    assert event.actor1.startswith("Unidentified Tribal Militia")
    assert event.actor2 == event.actor1


def test_a_generic_actor_believed_to_be_a_group_is_that_group() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("Unknown gunmen believed to be IS militants attacked a patrol.")
    assert hits[0][1].name == "Islamic State ({country})"
    hits = registry.find("Turkish army warplanes struck PKK positions.")
    assert [a.country for _, a in hits][:1] == ["TR"]
    assert len([a for _, a in hits if "{" in a.name]) == 1


def test_a_group_called_by_name_after_by_is_the_agent(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 18 May 2022, a rocket attack was carried out by a militant group called Ahrar "
        "Sinjar targeting a Turkish military base near Bashiqa, Ninewa, Iraq.",
    )
    assert event.actor1 == "Ahrar Sinjar"
    assert event.actor2.startswith("Military Forces of Turkey")


def test_a_drone_with_a_demonym_is_that_countrys_military() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("A Turkish drone struck a car near the border.")
    assert hits and hits[0][1].country == "TR"
    assert not [
        a for _, a in registry.find("A drone struck a car near the border.") if a.inter == 1
    ]


def test_an_armed_band_named_by_the_group_it_belongs_to_is_that_group() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("Gunmen from a Turkish-backed faction opened fire on a family.")
    assert hits[0][1].name == "JWS: Syrian National Army"
    hits = registry.find("Civilians of the Shammar tribe fled the village.")
    assert hits[0][1].name.startswith("Civilians")  # the victims stay civilians



def test_a_kind_of_group_followed_by_its_name_is_the_named_group() -> None:
    hits = ActorRegistry.default().find(
        "Gunmen from the Turkish-backed faction Ahrar al-Sharqiya shot dead four men."
    )
    assert hits[0][1].name == "Ahrar al Sharqiyah"


def test_fighters_led_by_a_group_and_groups_listed_after_their_kind_are_named() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("Rebels led by Hayat Tahrir al-Sham recaptured the town.")
    assert hits[0][1].name == "HTS: Hayat Tahrir al Sham"
    hits = registry.find("Two Turkish-backed factions, Ahrar al-Sharqiya and others, fought.")
    assert hits[0][1].name == "Ahrar al Sharqiyah"


def test_a_generic_word_after_a_named_group_is_its_members() -> None:
    hits = ActorRegistry.default().find("Eight Islamic State fighters were killed in the fighting.")
    assert [(span.text, actor.name) for span, actor in hits] == [
        ("Islamic State fighters", "Islamic State ({country})")
    ]


def test_a_force_glued_to_its_group_is_that_group_and_a_countrys_unit_stays_home() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("The SNA-affiliated Military Police detained two women in Afrin.")
    assert hits[0][1].name == "JWS: Syrian National Army"
    brazil = registry.find("Military police officers detained two men.")[0][1]
    assert registry.for_country(brazil, "SY").name.startswith("Military Forces of Syria")
