"""Which trigger names the event: ground not taken, attacks that are only a danger or an
earlier cause, aircraft, mines and chemical weapons (sentences written for these tests)."""

from __future__ import annotations

import pytest

from frontlines.extract.types.eventtypes import classify
from frontlines.extract.types.taxonomy import make_class
from frontlines.extract.types.territory import control_changed, refine
from frontlines.records import Span


def _sub(sentence: str) -> str | None:
    found = classify(sentence)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels' attempt to capture the hilltop village was repelled by the army.",
        "Insurgents briefly seized the market town before pulling back at dusk.",
        "The militia overran three army checkpoints on the northern road.",
        "Fighters took control of several positions on the ridge.",
    ],
)
def test_ground_not_taken_is_no_territory_change(sentence: str) -> None:
    assert _sub(sentence) not in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    )


def test_ground_taken_stays_a_territory_change() -> None:
    assert _sub("The army recaptured the village of Tel Marun.") == "Government regains territory"
    assert _sub("Rebels took control of a training camp near the lake.") == (
        "Government regains territory"  # the extractor re-types it once it knows the actor
    )


def test_a_clash_that_takes_a_place_becomes_territorial_only_when_it_holds() -> None:
    clash = make_class("Armed clash", Span(0, 6, "fought"))
    held = "Troops fought the rebels and took control of the town."
    brief = "Troops fought the rebels and briefly took control of the town."
    assert refine(clash, held).sub_event_type == "Government regains territory"
    assert refine(clash, brief).sub_event_type == "Armed clash"
    assert control_changed(held) and not control_changed(brief)
    assert not control_changed("The army continued its advances in the east.")


def test_a_movement_named_liberation_is_not_a_liberation() -> None:
    sentence = "Fighters of the Northern Liberation Front fought soldiers near the dam."
    assert _sub(sentence) == "Armed clash"


def test_fending_off_an_attack_is_a_clash() -> None:
    assert _sub("Soldiers fended off the militants at the river crossing.") == "Armed clash"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Volunteers mobilised alongside the army to defend the valley against a possible "
            "attack by the insurgents.",
            "Change to group/activity",
        ),
        (
            "Coastal units were reinforced to counter an air strike by a mock enemy.",
            "Change to group/activity",
        ),
    ],
)
def test_an_attack_named_as_a_danger_is_not_the_event(sentence: str, expected: str) -> None:
    assert _sub(sentence) == expected


def test_the_attack_answered_is_not_the_event() -> None:
    sentence = (
        "Warplanes struck two depots in the hills in retaliation for a chlorine attack on a "
        "nearby town."
    )
    assert _sub(sentence) == "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "Two missiles were fired at the depot by military jets overnight.",
        "The air force destroyed four armed pickups east of the town.",
        "Navy aircraft launched air-to-surface missiles at the harbour.",
    ],
)
def test_what_aircraft_do_is_an_air_strike(sentence: str) -> None:
    assert _sub(sentence) == "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "A lorry carrying soldiers hit a ground mine on the border road.",
        "Three herders were killed when their cart struck a mine laid near the well.",
        "Anti-tank mines planted by the rebels wounded two drivers.",
        "Two road workers were hit by a mine while repairing the bridge.",
    ],
)
def test_mines_hit_or_laid_are_remote_explosives(sentence: str) -> None:
    assert _sub(sentence) == "Remote explosive/landmine/IED"


def test_strikes_on_chemical_weapons_facilities_are_not_chemical_attacks() -> None:
    sentence = "Warplanes bombed two chemical weapons facilities outside the capital."
    assert _sub(sentence) == "Air/drone strike"
    assert _sub("Shells containing chlorine hit the district.") == "Chemical weapon"


def test_a_denied_act_is_not_the_event() -> None:
    sentence = "No arrests have been made since shops on the main street were looted overnight."
    assert _sub(sentence) == "Looting/property destruction"


def test_tanks_firing_is_shelling() -> None:
    assert _sub("Four rangers were killed in a tank attack on their post.") == (
        "Shelling/artillery/missile attack"
    )
    assert _sub("Tanks fired on the outskirts of the village at dawn.") == (
        "Shelling/artillery/missile attack"
    )


def test_a_place_seized_from_a_side_s_control_changes_hands() -> None:
    sentence = "Troops seized Upper and Lower Marun (Beni) from rebel control; no clashes occurred."
    assert _sub(sentence) == "Government regains territory"
    clash = classify(sentence)
    assert clash is not None
    assert refine(clash, sentence + " No clashes were reported.").sub_event_type == (
        "Non-violent transfer of territory"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The militia entered the town from the north and had not encountered any resistance.",
        "Government troops moved into the valley unopposed on Sunday.",
        "The handover of three districts to the neighbouring state was completed.",
    ],
)
def test_ground_given_up_without_a_fight_is_a_non_violent_transfer(sentence: str) -> None:
    assert _sub(sentence) == "Non-violent transfer of territory"
