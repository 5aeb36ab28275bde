"""ACLED's conventions on who acts on whom (``frontlines.extract.types.conventions``) and the
trigger tables behind them, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.types.conventions import armed_target, by_actors
from frontlines.records import Actor

DAY = dt.date(2022, 3, 9)


def _sub(text: str, context: str = "") -> str | None:
    found = classify(text, context)
    return found.sub_event_type if found else None


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _first(extractor: EventExtractor, text: str) -> str:
    events = extractor.extract_text(text, DAY)
    assert events, text
    return events[0].sub_event_type


# ------------------------------------------------------------------ detention


def test_detention_by_a_rebel_group_is_an_abduction(extractor: EventExtractor) -> None:
    text = "On 2 March 2022, the SDF detained four young men in a village east of Raqqa."
    assert _first(extractor, text) == "Abduction/forced disappearance"


def test_detention_by_the_police_stays_an_arrest(extractor: EventExtractor) -> None:
    text = "On 2 March 2022, police arrested four men in Nairobi over a robbery."
    assert _first(extractor, text) == "Arrests"


def test_detention_for_conscription_is_an_abduction_whoever_holds() -> None:
    found = classify("Troops detained a dozen young men in the town for conscription.")
    assert found is not None and found.sub_event_type == "Arrests"
    state = Actor("Military Forces of Syria (2000-)", 1, "SY")
    typed = by_actors(found, "Troops detained a dozen young men for conscription.", [], state)
    assert typed.sub_event_type == "Abduction/forced disappearance"
    assert by_actors(found, "Troops detained a dozen young men.", [], state) is found


def test_detention_by_a_foreign_force_stays_an_arrest() -> None:
    found = classify("Foreign troops detained two smugglers at the border.")
    assert found is not None
    foreign = Actor("Military Forces of Ruritania (2010-)", 8, "RR")
    assert by_actors(found, "Foreign troops detained two smugglers.", [], foreign) is found


def test_a_security_operation_is_the_backdrop_of_a_detention() -> None:
    text = "The militia launched a security operation and detained ten people in the camp."
    assert _sub(text) == "Arrests"


# ------------------------------------------------------------------ who was harmed


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2022, unknown gunmen shot and killed two members of the Hezbollah.",
        "On 3 March 2022, a sniper shot an SDF fighter near the dam.",
        "On 3 March 2022, the body of an SDF member was found killed by the road.",
    ],
)
def test_violence_against_fighters_is_an_armed_clash(extractor: EventExtractor, text: str) -> None:
    assert _first(extractor, text) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2022, gunmen shot and killed a shepherd near an army post.",
        "On 3 March 2022, gunmen shot dead an off-duty police officer at a market.",
        "On 3 March 2022, a man died under torture in the Military Prison after his arrest.",
    ],
)
def test_violence_against_civilians_stays_an_attack(extractor: EventExtractor, text: str) -> None:
    assert _first(extractor, text) == "Attack"


def test_armed_target_reads_the_place_of_the_force(registry: ActorRegistry) -> None:
    text = "Gunmen shot at an SDF position at night."
    found = classify(text)
    assert found is not None
    assert armed_target(text, found.trigger, registry.find(text))
    owner = "Gunmen shot at a soldier's house at night."
    found = classify(owner)
    assert found is not None
    assert not armed_target(owner, found.trigger, registry.find(owner))


def test_gunmen_blocking_a_road_and_killing_is_no_protest() -> None:
    assert _sub("Gunmen blocked the road and killed two drivers.") == "Attack"
    assert _sub("Drivers blocked the road to protest fuel prices.") == "Peaceful protest"


# ------------------------------------------------------------------ strategic developments


@pytest.mark.parametrize(
    "text",
    [
        "A foreign patrol of six armoured vehicles toured the villages north of the city.",
        "The army deployed two battalions along the coastal road.",
        "A convoy of thirty trucks carrying fuel entered the province from the border.",
        "Reinforcements were sent to the front near the airport.",
        "Movement of forces: a convoy was seen on the highway.",
        "Security measures: the authorities imposed a curfew on the old town.",
    ],
)
def test_movements_of_forces_are_a_change_to_group_activity(text: str) -> None:
    assert _sub(text) == "Change to group/activity"


def test_a_patrol_that_is_attacked_is_the_attack() -> None:
    assert _sub("Gunmen ambushed an army patrol near the village.") == "Armed clash"


def test_withdrawal_alone_is_a_movement_and_with_a_newcomer_a_transfer(
    extractor: EventExtractor,
) -> None:
    alone = "On 3 March 2022, the rebels withdrew from the hill overnight."
    assert _first(extractor, alone) == "Change to group/activity"
    handed = "On 3 March 2022, the rebels withdrew from the hill and the army entered it."
    assert _first(extractor, handed) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "Foreign forces set up a new military post near the river crossing.",
        "The army established two military bases east of the town.",
        "A new observation post was set up on the hill by the foreign troops.",
    ],
)
def test_new_bases_and_posts_are_headquarters_established(text: str) -> None:
    assert _sub(text) == "Headquarters or base established"


@pytest.mark.parametrize(
    "text",
    [
        "Engineers defused an IED planted on the main road.",
        "Deminers cleared more than 1,200 landmines from the farmland.",
        "Police seized nine pistols and 400 rounds of ammunition in a raid on a flat.",
        "Soldiers found a cache of weapons hidden in a cave.",
        "Two explosive devices were found under a bridge and made safe.",
    ],
)
def test_weapons_seized_and_bombs_defused_are_disrupted_weapons_use(text: str) -> None:
    assert _sub(text) == "Disrupted weapons use"


def test_weapons_taken_in_a_fight_are_the_fight() -> None:
    assert _sub("Troops clashed with rebels and seized their rifles.") == "Armed clash"


# ------------------------------------------------------------------ explosions and territory


def test_poison_gas_is_a_chemical_weapon_and_a_leak_is_not() -> None:
    assert _sub("Rebels fired shells filled with poisonous gas at the district.") == (
        "Chemical weapon"
    )
    assert _sub("Poisonous gas leaked from a factory, killing two workers.") != "Chemical weapon"


def test_rocket_propelled_grenades_are_missile_fire() -> None:
    assert _sub("Militants fired a rocket-propelled grenade at the checkpoint.") == (
        "Shelling/artillery/missile attack"
    )
    assert _sub("A man threw a hand grenade into the bar.") == "Grenade"


@pytest.mark.parametrize(
    "text",
    [
        "Government forces drove the insurgents out of three villages.",
        "The army wrested control of the airport from the militia.",
        "The rebels seized a district centre in the north.",
    ],
)
def test_ground_changing_hands_is_territorial(text: str) -> None:
    assert _sub(text) in ("Government regains territory", "Non-state actor overtakes territory")


def test_who_took_ground_decides_the_territory_type(extractor: EventExtractor) -> None:
    army = "On 3 March 2022, the Syrian army recaptured the village from ISIS."
    rebels = "On 3 March 2022, ISIS captured the village from the Syrian army."
    assert _first(extractor, army) == "Government regains territory"
    assert _first(extractor, rebels) == "Non-state actor overtakes territory"


def test_ground_taken_after_the_other_side_left_is_a_transfer() -> None:
    from frontlines.extract.types.territory import refine

    text = "The militants recaptured the town after the army pulled out of it."
    found = classify(text)
    assert found is not None
    assert refine(found, text).sub_event_type == "Non-violent transfer of territory"
    fought = "The militants recaptured the town after the army pulled out, killing ten."
    found = classify(fought)
    assert found is not None
    assert refine(found, fought).sub_event_type != "Non-violent transfer of territory"


def test_people_fleeing_because_of_attacks_is_a_displacement() -> None:
    assert _sub("Some 5,000 villagers have fled because of repeated militant attacks.") == "Other"
    assert _sub("Gunmen attacked the village and residents fled to the hills.") == "Attack"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("The government released 30 rebels in exchange for 16 soldiers.", "Agreement"),
        ("Rebels and the government started peace talks in the capital.", "Agreement"),
        ("The firm announced a deal to buy a rival carmaker.", None),
        ("Shares in bombardier fell after its chief left.", None),
        ("The gamer bought an island in an online rpg.", None),
    ],
)
def test_agreements_of_the_conflict_and_business_words(text: str, sub_type: str | None) -> None:
    assert _sub(text) == sub_type


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Unidentified gunmen opened fire on protesters in Nasiriyah on Friday, killing three.",
         "Unidentified Armed Group (Iraq)"),
        ("Militiamen stormed the protest camp in Najaf, shooting at demonstrators.",
         "Unidentified Armed Group (Iraq)"),
        ("Police opened fire on protesters in Nasiriyah on Friday, killing three.",
         "Police Forces of Iraq (2020-)"),
    ],
)  # fmt: skip
def test_force_on_protesters_is_excessive_force_whoever_uses_it(
    extractor: EventExtractor, text: str, actor2: str
) -> None:
    event = extractor.extract_text(text, DAY)[0]
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Excessive force against protesters", "Protesters (Iraq)", actor2
    )


def test_a_crowd_of_supporters_protesting_stays_a_protest(extractor: EventExtractor) -> None:
    assert _first(extractor, "Hezbollah supporters protested in Beirut on Friday.") == (
        "Peaceful protest"
    )


def test_an_advance_that_ends_in_a_clash_with_no_ground_taken_is_a_clash(
    extractor: EventExtractor,
) -> None:
    text = "SDF fighters advanced into the industrial zone of Raqqa and clashed with IS militants."
    assert _first(extractor, text) == "Armed clash"
    assert _first(extractor, "Regime forces advanced into Khan Sheikhoun on Tuesday.") == (
        "Government regains territory"
    )


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a force's roadblock is no protest
        ("Military Security forces detained three young men at a roadblock near Daraa.",
         "Arrests"),
        ("Members of the Sultan Murad Division emptied the contents of homes in Tal Abyad.",
         "Looting/property destruction"),
        # ground taken after the other side withdrew under fire: no peaceful handover
        ("SNA factions took control of Tal Rifaat after SDF forces withdrew under fire.",
         "Non-state actor overtakes territory"),
        # a storming told with the rocket fire that covered it is a ground assault
        ("HTS fighters stormed regime positions near Kafr Zita under cover of heavy rocket fire.",
         "Armed clash"),
        # rioters storming a terminal are a violent crowd
        ("Hundreds of rioters stormed the terminal of Najaf airport, throwing stones.",
         "Violent demonstration"),
    ],
)  # fmt: skip
def test_what_the_theatres_forces_and_crowds_did(
    extractor: EventExtractor, text: str, sub: str
) -> None:
    assert _first(extractor, text) == sub


def test_an_offensive_that_could_happen_is_no_event(extractor: EventExtractor) -> None:
    text = "The UN warned that a government offensive on Idlib could push thousands to the border."
    assert extractor.extract_text(text, DAY) == []
