"""Coding rules for short ACLED-style notes, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.attributes.modality import modality
from frontlines.extract.types.eventtypes import actor_anchor, crowd_fight, labelled

DAY = dt.date(2021, 5, 9)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def _sub(text: str, context: str = "") -> str | None:
    found = classify(text, context)
    return found.sub_event_type if found else None


def test_month_may_is_not_a_modal() -> None:
    text = "On 3 May 2021, nurses held a rally in a market town."
    found = classify(text)
    assert found is not None
    assert modality(text, found.trigger.start) == "asserted"
    assert modality("Nurses may hold a rally next week.", 12) == "irrealis"


@pytest.mark.parametrize(
    "text",
    [
        "Farmers blocked the main highway to demand lower fuel prices.",
        "About 40 workers gathered outside the town hall to denounce job cuts.",
        "Outside the ministry, union members spoke to reporters holding a banner.",
        "Bus drivers began a two-day strike over unpaid wages.",
        "Pensioners displayed placards outside the parliament.",
    ],
)
def test_protest_phrasings_are_peaceful_protests(text: str) -> None:
    assert _sub(text) == "Peaceful protest"


def test_arrests_as_grievance_do_not_make_an_intervention() -> None:
    assert _sub("Teachers protested over the arrests of union leaders.") == "Peaceful protest"
    assert _sub("Relatives demanded the release of detained activists at a rally.") == (
        "Peaceful protest"
    )
    assert _sub("Students protested; police detained 12 students.") == "Protest with intervention"
    assert _sub("Residents protested and were dispersed with tear gas.") == (
        "Protest with intervention"
    )


def test_violence_in_the_note_makes_a_violent_demonstration() -> None:
    text = "Residents blocked a road to demand water."
    assert _sub(text) == "Peaceful protest"
    assert _sub(text, "They set tyres on fire and threw stones at cars.") == (
        "Violent demonstration"
    )


def test_crowd_attack_before_a_rally_word_is_mob_violence() -> None:
    assert _sub("Supporters of one candidate attacked rivals during a rally.") == "Mob violence"


def test_leading_label_names_the_sub_event_type() -> None:
    for label, sub in [
        ("Property destruction", "Looting/property destruction"),
        ("Looting", "Looting/property destruction"),
        ("Interception", "Disrupted weapons use"),
        ("Displacement", "Other"),
    ]:
        found = labelled(f"{label}: On 2 May 2021, something happened.")
        assert found is not None and found.sub_event_type == sub
    assert labelled("Note: troops left.") is None
    assert labelled("On 2 May: troops left.") is None


def test_attack_on_combatants_is_an_armed_clash() -> None:
    assert _sub("Gunmen attacked an army checkpoint near the river.") == "Armed clash"
    assert _sub("Two soldiers were killed when militants opened fire.") == "Armed clash"
    assert _sub("Gunmen shot and killed a shopkeeper.") == "Attack"
    assert _sub("Two men were wounded in a shoot-out between gangs.") == "Armed clash"


def test_crowd_fight_without_armed_actor_is_mob_violence() -> None:
    text = "At the campus a clash took place between two rival student groups."
    found = classify(text)
    assert found is not None and found.sub_event_type == "Armed clash"
    assert crowd_fight(found, text, False)
    assert not crowd_fight(found, text, True)


def test_actor_anchor_after_label_and_between() -> None:
    text = "Looting: On 2 May 2021, soldiers looted shops in the village."
    found = classify(text)
    assert found is not None
    anchor = actor_anchor(found, text)
    assert text[anchor.start :].startswith("looted")
    text = "Fighting broke out between the army and rebels."
    found = classify(text)
    assert found is not None
    assert actor_anchor(found, text).start == text.index("army") + 1


def test_note_actors(extractor: EventExtractor) -> None:
    events = extractor.extract_text(
        "On 4 May 2021, fighting broke out between the army and rebels in a village.", DAY
    )
    assert events[0].sub_event_type == "Armed clash"
    assert events[0].actor1.startswith("Military Forces")
    labelled_events = extractor.extract_text(
        "Property destruction: On 2 May 2021, soldiers set houses on fire in a village.", DAY
    )
    assert labelled_events[0].sub_event_type == "Looting/property destruction"
    assert labelled_events[0].actor1.startswith("Military Forces")
    gang = extractor.extract_text("On 2 May 2021, gang members shot dead a driver.", DAY)
    assert gang[0].actor1.startswith("Unidentified Gang")
