"""Round-3 actor and event-type rules on hand-written sentences: displaced people,
actors named before their deed ("X-planted"), repelled attacks that end in a clash,
crowd-size tags, plain armed perpetrators under a gang convention, lone attackers in
the United States."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.actors import ActorRegistry
from frontlines.extract.perpetrators import perpetrator_kind, unidentified_name
from frontlines.records import Event

DAY = dt.date(2022, 5, 9)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def _first(extractor: EventExtractor, text: str) -> Event:
    events = extractor.extract_text(text, DAY)
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Displacement: On 3 May 2022, some 1500 refugees from Ukraine reached Hungary "
            "and registered with the authorities.",
            "Civilians (Ukraine)",
        ),
        (
            "Displacement: On 3 May 2022, around 400 Syrian refugees crossed into Lebanon.",
            "Civilians (Syria)",
        ),
        (
            "Displacement: On 3 May 2022, hundreds of villagers in Sagaing region of Myanmar "
            "were forced to flee their homes after soldiers raided the area.",
            "Civilians (Myanmar)",
        ),
    ],
)
def test_displaced_people_are_the_actor(extractor: EventExtractor, text: str, actor1: str) -> None:
    event = _first(extractor, text)
    assert event.sub_event_type == "Other"
    assert event.actor1 == actor1
    assert event.actor2 == ""


def test_actor_named_before_its_deed() -> None:
    registry = ActorRegistry.default()
    hits = registry.find("a Houthi-planted mine went off on a farm road")
    assert [h[0].text for h in hits] == ["Houthi"]
    assert registry.find("fighting went on in a Houthi-controlled district") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops thwarted an assault and then clashed with rebels near the dam.", "Armed clash"),
        ("Soldiers thwarted a raid, fought the attackers and killed two of them.", "Armed clash"),
        ("Police thwarted a plot to bomb the railway station.", "Disrupted weapons use"),
    ],
)  # fmt: skip
def test_thwarted_then_clashed_is_a_clash(text: str, expected: str) -> None:
    found = classify(text)
    assert found is not None
    assert found.sub_event_type == expected


def test_thwarted_attack_names_the_attacker(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 4 May 2022, pro-government forces in Yemen thwarted an advance and clashed with "
        "Houthi fighters in the hills.",
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_crowd_riot_names_rioters(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 5 May 2022, supporters of two rival parties fought with clubs in Lagos, Nigeria, "
        "leaving six people hurt.",
    )
    assert event.event_type == "Riots"
    assert event.actor1 == "Rioters (Nigeria)"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A woman was shot dead at her home by three armed individuals.", "plain"),
        ("A man was shot by armed individuals riding a motorcycle.", "gang"),
        ("A man was shot several times by armed individuals in a car.", ""),
        ("Armed individuals abducted a trader; police suspect a drug debt.", ""),
    ],
)
def test_plain_armed_people(text: str, kind: str) -> None:
    assert perpetrator_kind(text) == kind


def test_plain_armed_people_are_an_armed_group_only_under_a_gang_convention() -> None:
    assert unidentified_name("plain", "BR") == "Unidentified Armed Group ({country})"
    assert unidentified_name("plain", "NG") == ""


@pytest.mark.parametrize(
    "text",
    [
        "A man was found dead with his hands tied in Culiacan, Mexico.",
        "In Acapulco, Mexico, the burned body of a man was found beside a road.",
        "The body of a woman was found with a written message near a bridge in Leon, Mexico.",
    ],
)
def test_gang_marks_in_mexico(extractor: EventExtractor, text: str) -> None:
    assert perpetrator_kind(text) == "gang"
    assert unidentified_name("gang", "MX") == "Unidentified Gang ({country})"


def test_lone_attacker_in_united_states(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 6 May 2022, a man stabbed a shop worker in Denver, Colorado, United States.",
    )
    assert event.actor1 == "Sole Perpetrator (United States)"
