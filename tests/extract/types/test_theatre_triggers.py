"""Event wording of the Syrian and Iraqi wars' reporting (frontlines.extract.types and
attributes.modality)."""

from __future__ import annotations

import pytest

from frontlines.extract.attributes.modality import modality
from frontlines.extract.types.eventtypes import classify


def _sub(sentence: str) -> str | None:
    found = classify(sentence)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("Government forces pounded towns in Idlib, killing seven civilians.",
      "Shelling/artillery/missile attack"),
     ("The regime bombed Ariha.", "Shelling/artillery/missile attack"),
     ("US forces carried out strikes on 85 targets near Albu Kamal.", "Air/drone strike"),
     ("SNA factions seized olive groves belonging to Kurdish residents.",
      "Looting/property destruction"),
     ("Regime forces entered Tafas under a settlement agreement with local fighters.",
      "Non-violent transfer of territory"),
     ("Iraqi army and PMF units took back Husaybah town in Al-Qaim district.",
      "Government regains territory"),
     ("The IRGC established a new military compound near Albu Kamal.",
      "Headquarters or base established"),
     ("Coalition aircraft, in coordination with the Joint Operations Command, struck IS"
      " hideouts north of Baiji.", "Air/drone strike"),
     ("Russian jets carried out at least a dozen raids in Idlib province.", "Air/drone strike"),
     ("Six fighters were killed when a drone slammed into a training academy.",
      "Air/drone strike"),
     ("Rebels and fighters of the council traded heavy machinegun and mortar fire near Manbij.",
      "Armed clash"),
     ("Two children were killed on Sunday by a mine left over from Islamic State rule.",
      "Remote explosive/landmine/IED"),
     ("A sticky bomb attached to the car of an employee blew up in Baghdad.",
      "Remote explosive/landmine/IED")],
)  # fmt: skip
def test_theatre_wording_gets_its_sub_event(sentence: str, sub: str) -> None:
    assert _sub(sentence) == sub


def test_a_labour_strike_is_no_air_strike() -> None:
    assert _sub("Workers carried out strikes against low wages in Basra.") is None


def test_a_past_clause_of_time_after_a_past_main_clause_is_a_fact() -> None:
    sentence = "Two soldiers were killed when a roadside bomb struck their vehicle near Samarra."
    found = classify(sentence)
    assert found is not None
    assert modality(sentence, found.trigger.start) == "asserted"
    future = "Troops will attack when the fighters arrive."
    assert modality(future, future.index("attack")) == "irrealis"


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("Fighters stormed an army position near Kafr Nabl.", "Armed clash"),
     ("Two advisers were killed in an Israeli strike near Damascus.", "Air/drone strike"),
     ("Workers joined a general strike in Basra.", "Peaceful protest")],
)  # fmt: skip
def test_storming_a_post_is_a_clash_and_a_states_strike_comes_from_the_air(
    sentence: str, sub: str
) -> None:
    assert _sub(sentence) == sub


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("Intelligence agents captured a senior IS operative in Afrin.", "Arrests"),
     ("Gunmen seized a teacher in Daraa and demanded a ransom.", "Abduction/forced disappearance")],
)  # fmt: skip
def test_people_captured_or_held_for_ransom_are_no_ground_taken(sentence: str, sub: str) -> None:
    assert _sub(sentence) == sub


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("Russian and Turkish troops held a joint patrol along the M4 highway under a ceasefire deal.",
      "Change to group/activity"),
     ("Regime forces took control of the town after the rebels withdrew, following weeks of "
      "bombardment.", "Government regains territory"),
     ("Army engineering units dismantled 3 IEDs planted on a road near the city.",
      "Disrupted weapons use"),
     ("Supporters of the militia stormed the embassy and set fire to the reception area.",
      "Violent demonstration"),
     ("The militia clashed with security forces in the Green Zone after supporters stormed "
      "the palace.", "Armed clash")],
)  # fmt: skip
def test_the_act_not_its_frame_or_backdrop_gets_the_sub_event(sentence: str, sub: str) -> None:
    assert _sub(sentence) == sub


def test_aircraft_firing_missiles_is_an_air_strike() -> None:
    assert _sub("Israeli aircraft fired missiles at a consulate in the capital.") == (
        "Air/drone strike"
    )


def test_an_assassination_is_an_attack() -> None:
    assert _sub("Unknown gunmen assassinated a member of the local committee in the town.") == (
        "Attack"
    )


def test_a_campaign_launched_is_the_shellings_setting_not_ground_fighting() -> None:
    text = "Turkish artillery shelled SDF positions as Turkey launched its offensive."
    assert _sub(text) == "Shelling/artillery/missile attack"
    assert _sub("Turkish artillery shelled SDF positions amid clashes.") == "Armed clash"


def test_control_announced_is_territory_taken() -> None:
    text = "The SDF announced full control of the city after the last militants surrendered."
    assert _sub(text) == "Government regains territory"  # the actor then says whose gain


def test_a_field_seized_under_a_possessive_name_is_territory() -> None:
    text = "U.S.-backed fighters seized Syria's largest oil field from Islamic State on Sunday."
    assert _sub(text) == "Government regains territory"


def test_protests_that_describe_a_victim_are_not_the_event() -> None:
    text = "An activist who took part in protests against the government was shot dead in Basra."
    assert _sub(text) == "Attack"
    assert _sub("Hundreds of people who had lost their jobs protested in Basra.") == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    ["Regime forces broke the IS siege of the city, reaching the besieged base.",
     "The SDF declared the defeat of IS in the town, the group's last enclave."],
)  # fmt: skip
def test_a_siege_broken_or_a_defeat_declared_is_territory(text: str) -> None:
    assert _sub(text) == "Government regains territory"  # the actor then says whose gain


@pytest.mark.parametrize(
    "sentence",
    ["The militia attacked Harir air base in Erbil province with two drones.",
     "A car carrying two fighters was hit by a Turkish drone near Sinjar.",
     "Two drones launched by the Islamic Resistance in Iraq targeted the base at Al Tanf."],
)  # fmt: skip
def test_an_attack_made_with_a_drone_is_a_drone_strike(sentence: str) -> None:
    assert _sub(sentence) == "Air/drone strike"


@pytest.mark.parametrize(
    "sentence",
    ["A US drone fired two missiles at a motorbike near Atmeh, killing a commander.",
     "Two explosive-laden drones were launched at the US base in Al-Shaddadi.",
     "Army helicopters dropped barrel bombs on the town of al-Lataminah."],
)  # fmt: skip
def test_drones_that_fire_or_are_launched_and_barrel_bombs_are_air_strikes(sentence: str) -> None:
    assert _sub(sentence) == "Air/drone strike"


def test_the_grievance_a_crowd_acts_over_is_not_the_act() -> None:
    text = ("Hundreds of residents stormed a Turkish military base near Sheladze, in anger at"
            " Turkish airstrikes that had killed civilians.")  # fmt: skip
    assert _sub(text) == "Violent demonstration"


def test_an_abduction_beside_a_protest_word_is_the_abduction() -> None:
    text = "Unknown gunmen abducted a young activist after he left the sit-in in Kut."
    assert _sub(text) == "Abduction/forced disappearance"


def test_an_armed_dispute_between_tribes_is_a_clash() -> None:
    text = "An armed dispute over land broke out between two tribes in Al Shatra district."
    assert _sub(text) == "Armed clash"


def test_a_denied_report_is_not_an_event() -> None:
    text = ("The defence ministry on Monday denied reports on social media that Islamic State"
            " militants had seized a village south of Kirkuk.")  # fmt: skip
    assert modality(text, text.index("seized")) == "irrealis"


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("Two U.S. F-15s struck a weapons storage facility in Mayadin.", "Air/drone strike"),
     ("Turkish-backed fighters were battling Kurdish-led forces near Ras al-Ain.", "Armed clash"),
     ("Regime forces and the local committee reached a Russian-brokered settlement.",
      "Agreement"),
     ("Gunmen raided the house of a media activist in Sarmada and took him to an unknown"
      " location.", "Arrests"),
     ("Syrian troops recaptured Busra al-Harir after the rebels pulled out under intense aerial"
      " and artillery bombardment.", "Government regains territory")],
)  # fmt: skip
def test_wire_wording_of_blind_batches_25_26(sentence: str, sub: str) -> None:
    assert _sub(sentence) == sub


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [("QSD forces supported by Coalition helicopters raided a house in Al-Busayrah and clashed"
      " with IS members hiding inside.", "Armed clash"),
     ("Two clans traded machine-gun fire over farmland in Al-Qurna district.", "Armed clash"),
     ("Regime forces advanced on the Kafr Nabl axis and fought HTS fighters west of the town.",
      "Armed clash")],
)  # fmt: skip
def test_support_is_not_the_act_and_an_advance_on_a_place_is_no_capture(
    sentence: str, sub: str
) -> None:
    assert _sub(sentence) == sub
