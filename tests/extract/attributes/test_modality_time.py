"""Guesses at who acted and past clauses of time are facts (``frontlines.extract.attributes.modality``)."""

from __future__ import annotations

import pytest

from frontlines.extract.attributes.modality import modality


def _mood(text: str, trigger: str) -> str:
    return modality(text, text.index(trigger))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen likely to be ISIS members shot at a militia post.", "shot"),
        ("Unknown militants (likely ISIS) planted a bomb by the road.", "bomb"),
        ("Two farmers were killed when a landmine exploded in their field.", "landmine"),
        ("The convoy was hit once it had crossed the bridge.", "hit"),
    ],
)
def test_facts(text: str, trigger: str) -> None:
    assert _mood(text, trigger) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The group is likely to attack the base next week.", "attack"),
        ("When the rebels attack the town, they will be repelled.", "attack"),
        ("Once troops enter the city, they will capture it.", "capture"),
    ],
)
def test_forecasts_and_conditions(text: str, trigger: str) -> None:
    assert _mood(text, trigger) == "irrealis"


def test_a_call_or_demand_to_act_is_not_the_act() -> None:
    from frontlines.extract.attributes.modality import modality

    text = "The minister denounced the rival's calls to send troops to the border."
    assert modality(text, text.index("send")) == "irrealis"
    text = "The council urged the army to withdraw from the town."
    assert modality(text, text.index("withdraw")) == "irrealis"
    text = "Protesters called for wage rises and blocked the main road."
    assert modality(text, text.index("blocked")) == "asserted"
