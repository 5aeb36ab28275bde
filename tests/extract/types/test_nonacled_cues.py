"""Man-made disasters and claims of responsibility (``frontlines.extract.types.nonacled``)."""

from __future__ import annotations

import pytest

from frontlines.extract.types.nonacled import ATTRIB, MAN_MADE_DISASTER, classify_nonacled


@pytest.mark.parametrize(
    "text",
    [
        "A fertiliser plant exploded overnight, and the fire spread to two warehouses.",
        "A plume of smoke rose after a large chemical spill at a paper mill.",
        "A cargo ship ran aground off the cape after its engine failed.",
        "Nine passengers died in a plane crash near the mountain airstrip.",
    ],
)
def test_man_made_disasters(text: str) -> None:
    assert classify_nonacled(text)[0] == MAN_MADE_DISASTER


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the neighbouring state was responsible for the drone attacks.",
        "Two bombers are suspected to be behind the blast at the station.",
        "The group takes credit for the ambush on the convoy.",
    ],
)
def test_claims_of_responsibility(text: str) -> None:
    assert classify_nonacled(text)[0] == ATTRIB


def test_a_battle_is_neither() -> None:
    assert classify_nonacled("Troops fought rebels near the river.")[0] is None
