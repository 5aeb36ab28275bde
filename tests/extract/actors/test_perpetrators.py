"""Unidentified perpetrators named from how the violence is described."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor
from frontlines.extract.actors.perpetrators import perpetrator_kind, unidentified_name

DAY = dt.date(2022, 5, 9)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A man was shot dead in a drive-by shooting.", "gang"),
        ("Two bodies were found dismembered beside a road.", "gang"),
        ("A man was shot and killed by two drug traffickers.", "criminal"),
        ("Gang members opened fire on a bus.", "criminal"),
        ("A drug trafficker was shot and killed by an armed individual.", ""),
        ("In the area a shoot-out between unknown shooters was heard.", "anonymous"),
        ("A man was shot by armed individuals.", "plain"),
        ("A man was shot eight times by armed individuals on a motorcycle.", "gang"),
    ],
)
def test_perpetrator_kind_reads_the_wording(text: str, kind: str) -> None:
    assert perpetrator_kind(text) == kind


def test_gang_names_only_where_the_convention_holds() -> None:
    assert unidentified_name("criminal", "MX") == "Unidentified Gang ({country})"
    assert unidentified_name("gang", "MX") == "Unidentified Gang ({country})"
    assert unidentified_name("gang", "BR") == ""  # Brazil's own default stays
    assert unidentified_name("criminal", "NG") == ""
    assert unidentified_name("anonymous", "BR") == "Unidentified Armed Group ({country})"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def test_drive_by_killing_in_mexico_is_a_gang_attack(extractor: EventExtractor) -> None:
    text = "On 3 May 2022, in Celaya, Mexico, a man was shot dead in a drive-by shooting."
    event = extractor.extract_text(text, DAY)[0]
    assert event.actor1 == "Unidentified Gang (Mexico)"


def test_passive_armed_victims_are_actor2(extractor: EventExtractor) -> None:
    text = "In Kapisa, Afghanistan, two Taliban members were killed following an attack by NRF fighters."
    event = extractor.extract_text(text, DAY)[0]
    assert event.actor1 == "National Resistance Front"
    assert event.actor2.startswith("Military Forces of Afghanistan")


def test_bound_body_with_coup_de_grace_is_a_gang_killing() -> None:
    assert perpetrator_kind("The body was found with hands tied and the tiro de gracia.") == "gang"


def test_state_force_goes_first_in_an_exchange_of_fire(extractor: EventExtractor) -> None:
    text = (
        "On 3 May 2022, in Recife, Brazil, an armed individual exchanged fire with police officers."
    )
    event = extractor.extract_text(text, DAY)[0]
    assert event.actor1.startswith("Police Forces of Brazil")
    assert event.inter1 == 1
    assert event.inter2 == 3


def test_evacuated_people_are_the_actor_of_a_displacement(extractor: EventExtractor) -> None:
    text = "Displacement: On 3 May 2022, some 60 residents were evacuated from Kreminna, Ukraine."
    events = extractor.extract_text(text, DAY)
    assert events and events[0].actor1 == "Civilians (Ukraine)"


def test_firing_at_enemy_positions_is_an_armed_clash(extractor: EventExtractor) -> None:
    text = (
        "On 3 May 2022 Ukrainian troops fired unspecified weapons at NAF positions near Avdiivka."
    )
    event = extractor.extract_text(text, DAY)[0]
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Military Forces of Ukraine (2019-)"


def test_rioters_facing_foreign_soldiers_have_them_as_actor2(extractor: EventExtractor) -> None:
    text = (
        "On 9 March 2021, a crowd of Palestinian rioters threw stones at Israeli soldiers in "
        "Hebron, Palestine, during a march."
    )
    event = extractor.extract_text(text, DAY)[0]
    assert event.event_type == "Riots"
    assert event.actor2.startswith("Military Forces of Israel")


def test_property_destruction_by_troops_targets_civilians(extractor: EventExtractor) -> None:
    text = "Property destruction: On 24 May 2022, Myanmar military troops set fire to houses in Myanmar."
    event = extractor.extract_text(text, DAY)[0]
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor2 == "Civilians (Myanmar)"


def test_peoples_militia_is_the_separatist_force(extractor: EventExtractor) -> None:
    text = (
        "On 3 May 2022 Ukrainian troops fired mortars at positions of the Luhansk People's Militia."
    )
    event = extractor.extract_text(text, DAY)[0]
    assert event.actor2 == "NAF: United Armed Forces of Novorossiya"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A woman was shot dead at her home by three armed individuals.", "plain"),
        ("A man was shot by armed individuals riding a motorcycle.", "gang"),
        ("A man was shot several times by armed individuals in a car.", ""),
        # A drug debt is the drug trade's motive: criminals, not plain armed people.
        ("Armed individuals abducted a trader; police suspect a drug debt.", "criminal"),
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
def test_gang_marks_in_mexico(text: str) -> None:
    assert perpetrator_kind(text) == "gang"
    assert unidentified_name("gang", "MX") == "Unidentified Gang ({country})"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "A woman was shot in her shop. The attackers are thought to be members of a "
            "criminal group.",
            "criminal",
        ),
        ("A man was stabbed in the street; police link the killing to a drug debt.", "criminal"),
        ("A man was shot inside a house that served as a drug selling point.", "gang"),
        ("A man was shot inside his house.", ""),
    ],
)
def test_criminal_motive_and_suspects(text: str, kind: str) -> None:
    assert perpetrator_kind(text) == kind
