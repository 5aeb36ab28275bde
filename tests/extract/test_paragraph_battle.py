"""A casualty report with no agent takes the sides of the battle its paragraph
describes (frontlines.extract.assign.paragraph_battle, through the extractor)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.assign import Sides, assign, paragraph_battle
from frontlines.records import Actor, Span


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def test_agentless_casualties_take_the_paragraphs_forces(registry: ActorRegistry) -> None:
    before = "The Syrian Arab Army and the NDF assaulted the hills east of the village. "
    sides = paragraph_battle(
        registry, before, "Field sources said twenty ISIS fighters were killed.", "SY", "2018-05-01"
    )
    assert sides is not None
    assert sides.actor1.name == "Military Forces of Syria (2000-)"
    assert sides.assoc1 == "QDW: National Defence Forces"


def test_a_sentence_that_names_the_killer_is_not_agentless(registry: ActorRegistry) -> None:
    before = "The Syrian Arab Army assaulted the hills. "
    assert paragraph_battle(registry, before, "Ten men were killed by a mine.", "SY", "") is None
    assert paragraph_battle(registry, before, "The army shelled the hills.", "SY", "") is None
    assert paragraph_battle(registry, "It rained all week. ", "Two were killed.", "SY", "") is None


def test_the_extractor_gives_the_casualty_report_the_battles_sides() -> None:
    text = (
        "On 3 May 2018, the Syrian Arab Army and the NDF stormed the village of Al Qaryatayn "
        "from the west. Field sources said that dozens of ISIS fighters were killed during "
        "the fighting."
    )
    events = EventExtractor().extract_text(text, dt.date(2018, 5, 4))
    killed = [e for e in events if "were killed" in e.evidence.text]
    assert killed, events
    assert killed[0].actor1 == "Military Forces of Syria (2000-)"
    assert killed[0].actor2 == "Islamic State (Syria)"


def test_inherited_sides_of_violence_against_civilians_name_the_civilians(
    registry: ActorRegistry,
) -> None:
    sentence = "Three villagers were killed."
    start = sentence.index("killed")
    sides = assign(
        registry,
        sentence,
        Span(start, start + len("killed"), "killed"),
        "Attack",
        "Violence against civilians",
        "NG",
        "2022-05-01",
        Sides(Actor("Fulani Ethnic Militia (Nigeria)", 4, "NG")),
    )
    assert sides.actor1.name == "Fulani Ethnic Militia (Nigeria)"
    assert sides.actor2 is not None and sides.actor2.name == "Civilians (Nigeria)"


def test_a_force_named_only_as_a_target_starts_no_battle(registry: ActorRegistry) -> None:
    before = "A car rammed a police vehicle parked outside the market. "
    assert paragraph_battle(registry, before, "Two people were injured.", "IN", "") is None
