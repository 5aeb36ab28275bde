"""Plainly told non-violent developments, with no coder label in front."""

from __future__ import annotations

import pytest

from frontlines.extract.attributes.modality import modality
from frontlines.extract.types.eventtypes import classify


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("Soldiers set fire to about forty homes in the hamlet.", "Looting/property destruction"),
        ("The fighters set nine huts and a granary on fire.", "Looting/property destruction"),
        ("Militants burned down three trucks near the mine.", "Looting/property destruction"),
        ("Armed men robbed a fuel tanker on the main road.", "Looting/property destruction"),
        ("The group extorted taxes from herders near the well.", "Looting/property destruction"),
        ("Rebels seized all the cattle of the village.", "Looting/property destruction"),
        ("Saboteurs sabotaged a power pylon outside the city.", "Looting/property destruction"),
        ("Hundreds of farmers were forced to flee their fields.", "Other"),
        ("About 60 families were displaced from the valley last week.", "Other"),
        ("Jihadists forcibly evicted fishermen from two islands.", "Other"),
        ("Gunmen ran a checkpoint and searched travellers.", "Change to group/activity"),
        ("A school closed after it received bomb threats.", "Other"),
        ("Twelve rebels surrendered to the district officer.", "Agreement"),
        ("Two fighters laid down their weapons at the camp.", "Agreement"),
        ("A column of foreign troops crossed over the border at dawn.", "Change to group/activity"),
        ("Police rescued 40 migrants hidden in a lorry.", "Arrests"),
    ],
)
def test_plain_development(sentence: str, sub_type: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert found.sub_event_type == sub_type


def test_violence_still_wins_over_fallback() -> None:
    found = classify("Gunmen killed two herders and stole their goats.")
    assert found is not None
    assert found.sub_event_type == "Attack"


def test_shelling_displacement_is_shelling() -> None:
    found = classify("Villagers fled their homes after artillery hit the market.")
    assert found is not None
    assert found.event_type == "Explosions/Remote violence"


def test_negated_arson_is_not_asserted() -> None:
    sentence = "The army denied it set fire to any houses."
    found = classify(sentence)
    assert found is not None
    assert modality(sentence, found.trigger.start) == "irrealis"


def test_unrelated_sentence_has_no_type() -> None:
    assert classify("The minister visited the new hospital on Tuesday.") is None


def test_troops_marching_is_not_a_protest() -> None:
    found = classify("Clashes erupted when troops marching through the valley met a rebel unit.")
    assert found is not None
    assert found.event_type == "Battles"


@pytest.mark.parametrize(
    "sentence",
    [
        "Taxi drivers demonstrated and blocked the ring road with logs and old benches.",
        "During the march, party youths attacked a reporter covering the rally.",
        "Students protested over fees and fought with police near the gate.",
    ],
)
def test_violent_demonstration_in_plain_words(sentence: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert found.sub_event_type == "Violent demonstration"


def test_injured_protesters_do_not_make_a_riot() -> None:
    found = classify("Police used batons and several demonstrators were injured at the rally.")
    assert found is not None
    assert found.event_type == "Protests"


def test_fired_at_civilians_is_an_attack() -> None:
    found = classify("Gunmen fired on a minibus carrying traders near the market.")
    assert found is not None
    assert found.sub_event_type == "Attack"


def test_tear_gas_is_not_gunfire() -> None:
    found = classify("Border guards fired tear gas at herders grazing goats.")
    assert found is not None
    assert found.sub_event_type == "Other"
