"""Violent demonstrations, force against protesters and protests that are only the
setting, on hand-written sentences (``frontlines.extract.types.crowds``)."""

from __future__ import annotations

import pytest

from frontlines.extract import classify


def _sub(text: str, context: str = "") -> str | None:
    found = classify(text, context)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(
    "text",
    [
        "Clashes have broken out between police and demonstrators outside the ministry.",
        "Protesters threw projectiles at the police during the march.",
        "Demonstrators were involved in clashes with the police in three cities.",
        "Students tore down the fence of the parliament during a demonstration.",
        "The rally turned violent when the crowd reached the palace.",
        "Thousands of marchers rallied in the capital, taking part in sporadic clashes near the bridge.",
        "Riot police fired tear gas at students protesting the fees during a brief clash at the gate.",
        "Demonstrators fought with law enforcement at the gates of the assembly.",
    ],
)
def test_violent_demonstrations(text: str) -> None:
    assert _sub(text) == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Villagers marched to the town hall against the rise in armed clashes nearby.",
        "Farmers protested in the square about the clashes over grazing land.",
    ],
)
def test_clashes_as_the_cause_keep_a_peaceful_protest(text: str) -> None:
    assert _sub(text) == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "Security forces opened fire on the protesters, killing three.",
        "Two protestors were shot dead by soldiers during the rally.",
        "The authorities violently suppressed a peaceful demonstration in the capital.",
    ],
)
def test_force_against_protesters(text: str) -> None:
    assert _sub(text) == "Excessive force against protesters"


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of killed protesters marched to the court to demand a trial.",
        "Activists rallied to denounce the killing of journalists.",
    ],
)
def test_killings_that_are_the_cause_are_no_force(text: str) -> None:
    assert _sub(text) == "Peaceful protest"


def test_police_chasing_protesters_is_an_intervention() -> None:
    assert _sub("Riot police chased demonstrators through the square.") == (
        "Protest with intervention"
    )


def test_arrests_ahead_of_a_protest_are_arrests() -> None:
    text = "Police arrested a dozen activists in anticipation of mass protests."
    assert _sub(text) == "Arrests"


def test_a_weapon_used_before_the_protest_words_is_the_event() -> None:
    text = "Militants hurled grenades at soldiers sent to break up the protest."
    assert _sub(text) == "Grenade"
    assert _sub("Shell workers protested outside the refinery.") == "Peaceful protest"
    assert _sub("Police used a tear gas attack to end the protest.") != "Chemical weapon"


def test_a_block_of_a_street_is_no_road_blocked() -> None:
    assert _sub("Gas cylinders exploded in a garage in the 700 block of Elm Street.") is None


def test_clashes_of_others_and_bonfires_do_not_make_a_riot() -> None:
    text = "Residents marched to demand peace after civilians were hurt during clashes."
    assert _sub(text) == "Peaceful protest"
    assert _sub("A large crowd rallied, lit fires and sang songs.") == "Peaceful protest"


def test_fire_opened_to_disperse_a_protest_is_excessive_force() -> None:
    text = "Gunmen guarding the market opened fire to disperse the protest, killing 1-3 of them."
    assert _sub(text) == "Excessive force against protesters"


def test_relatives_of_killed_soldiers_protesting_is_no_mob() -> None:
    text = "Dozens of family members of killed soldiers protested outside the ministry."
    assert _sub(text) == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of police officers were deployed in the old city ahead of the planned march.",
        "The army reinforced its units in the capital in anticipation of protests after the vote.",
    ],
)
def test_forces_deployed_ahead_of_a_protest_are_a_change_of_activity(text: str) -> None:
    assert _sub(text) == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the crowd's act told with its cause between subject and verb
        ("Protesters angry over unpaid salaries burned the offices of three parties in the town.",
         "Violent demonstration"),
        # a crowd's violence told with what it demanded
        ("Relatives of the victims burned two police vehicles outside the hospital, demanding the"
         " dismissal of health officials.", "Violent demonstration"),
        # a mob is no demonstration, whoever its victim is said to have shot
        ("A mob in the square killed a man accused of shooting at protesters.", "Mob violence"),
        # supporters of a leader attacking a protest camp: a crowd's violence
        ("Supporters of Muqtada al-Sadr attacked the protest camp in the square, burning tents.",
         "Mob violence"),
        # a flash mob is a form of demonstration
        ("A dozen nurses organized a flash mob protest in Madrid against the new rules.",
         "Peaceful protest"),
    ],
)  # fmt: skip
def test_who_the_crowd_is_and_what_it_does(text: str, sub: str) -> None:
    assert _sub(text) == sub


def test_a_gathering_that_says_who_the_victims_were_is_no_protest() -> None:
    text = "Unidentified armed men shot and killed two young men who had gathered at a store."
    assert _sub(text) == "Attack"
    assert _sub("Police fired at people who had gathered to protest against the tax.") != "Attack"


def test_an_arrest_of_people_who_called_for_a_protest_is_an_arrest() -> None:
    text = "Police arrested two activists in Zubair who had called for a sit-in over power cuts."
    assert _sub(text) == "Arrests"
