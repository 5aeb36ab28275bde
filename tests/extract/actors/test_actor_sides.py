"""Who ACLED names as the sides of an event (frontlines.extract.assign, with the
trigger words of eventtypes and the perpetrator names of perpetrators) on hand-written
sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract import EventExtractor, classify
from frontlines.extract.actors.perpetrators import (
    GANG,
    MILITIA_AREA,
    perpetrator_kind,
    unidentified_name,
)
from frontlines.records import Event

DAY = dt.date(2022, 4, 12)
MAY_9 = dt.date(2022, 5, 9)


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def _first(extractor: EventExtractor, text: str, day: dt.date = DAY) -> Event:
    events = extractor.extract_text(text, day)
    assert events, text
    return events[0]


def _first_may9(extractor: EventExtractor, text: str) -> Event:
    return _first(extractor, text, MAY_9)


def test_settlers_who_attack_people_riot_as_israelis(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, Israeli settlers hurled rocks at passing Palestinian vehicles "
        "on a road near Nablus, West Bank.",
    )
    assert event.sub_event_type == "Mob violence"
    assert event.actor1 == "Rioters (Israel)"
    assert event.actor2.startswith("Civilians")


def test_settlers_who_burn_fields_keep_their_own_name(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, Israeli settlers set fire to olive groves owned by Palestinian "
        "farmers near Nablus, West Bank.",
    )
    assert event.actor1 == "Settlers (Israel)"


def test_nationals_abroad_and_stateless_migrants_protest_as_themselves(
    extractor: EventExtractor,
) -> None:
    abroad = _first(
        extractor,
        "On 11 April 2022, about 60 Ukrainians living in Izmir staged a protest against "
        "the war in front of the Russian consulate in Izmir, Turkey.",
    )
    assert abroad.actor1 == "Protesters (Ukraine)"
    migrants = _first(
        extractor,
        "On 11 April 2022, some 150 migrants marched through Tapachula, Mexico, to demand "
        "transit visas.",
    )
    assert migrants.actor1 == "Protesters (International)"


def test_fighting_within_one_group_has_it_on_both_sides(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, two Taliban members were killed during internal clashes over a "
        "land dispute in Ghazni province, Afghanistan.",
    )
    assert event.actor1 == event.actor2 == "Military Forces of Afghanistan (2021-)"


def test_rival_trafficking_groups_are_gangs_not_rioters(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, in Fortaleza (Ceara), Brazil, members of two rival drug "
        "trafficking groups exchanged fire and one man was injured.",
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == event.actor2 == "Unidentified Gang (Brazil)"


def test_gangs_in_rio_de_janeiro_may_be_police_militias(extractor: EventExtractor) -> None:
    text = (
        "On 11 April 2022, in Duque de Caxias ({state}), Brazil, drug traffickers fired at "
        "a bakery. Nobody was hurt."
    )
    rio = _first(extractor, text.format(state="Rio de Janeiro"))
    assert rio.actor1 == "Unidentified Gang and/or Police Militia"
    elsewhere = _first(extractor, text.format(state="Bahia"))
    assert elsewhere.actor1 == "Unidentified Gang (Brazil)"


def test_police_militia_area_marks_the_perpetrator_kind() -> None:
    text = "In Niteroi, Rio de Janeiro, two drug traffickers shot at a city bus."
    assert perpetrator_kind(text) == "criminal" + MILITIA_AREA
    assert unidentified_name("criminal" + MILITIA_AREA, "BR") == ""
    assert unidentified_name("criminal" + MILITIA_AREA, "MX") == GANG


def test_backdrop_clause_does_not_give_the_actor(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, in a village of Tamu township (Sagaing region), Myanmar, following "
        "a clash with local defence forces, junta troops fired artillery shells into the "
        "village.",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


def test_a_head_count_between_by_and_the_agent(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, two farmers were beaten and wounded by about 40 soldiers near "
        "Monywa, Myanmar.",
    )
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


def test_victims_of_a_passive_verb_are_not_a_mob(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, four villagers were shot and injured by military troops near "
        "Monywa, Myanmar.",
    )
    assert event.event_type == "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1"),
    [
        (
            "On 11 April 2022, in Oaxaca, Mexico, about 80 nurses took over the offices of "
            "the health ministry to demand unpaid wages.",
            "Peaceful protest",
            "Protesters (Mexico)",
        ),
        (
            "On 11 April 2022, in Puebla, Mexico, neighbours caught a suspected burglar and "
            "beat him until police arrived.",
            "Mob violence",
            "Rioters (Mexico)",
        ),
        (
            "On 11 April 2022, a group of 15 persons assaulted two brothers with sticks over "
            "a land dispute in Patna, Bihar, India.",
            "Mob violence",
            "Rioters (India)",
        ),
    ],
)
def test_crowds_that_occupy_or_punish(
    extractor: EventExtractor, text: str, sub_event_type: str, actor1: str
) -> None:
    event = _first(extractor, text)
    assert (event.sub_event_type, event.actor1) == (sub_event_type, actor1)


def test_crowds_in_northern_ireland_are_named_for_it(extractor: EventExtractor) -> None:
    event = _first(
        extractor,
        "On 11 April 2022, around 60 nurses held a rally outside a hospital in Belfast, "
        "United Kingdom, over staffing levels.",
    )
    assert event.actor1 == "Protesters (Northern Ireland)"


@pytest.mark.parametrize(
    "text",
    [
        "On 11 April 2022, junta troops detained a teacher who had joined anti-coup protests "
        "in Monywa, Myanmar.",
        "On 11 April 2022, junta troops sealed off the home of a protest leader in Monywa, Myanmar.",
    ],
)
def test_a_protest_that_only_describes_the_target_is_no_protest(
    extractor: EventExtractor, text: str
) -> None:
    event = _first(extractor, text)
    assert event.event_type != "Protests"
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


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
    event = _first(extractor, text, MAY_9)
    assert event.sub_event_type == "Other"
    assert event.actor1 == actor1
    assert event.actor2 == ""


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
    event = _first_may9(
        extractor,
        "On 4 May 2022, pro-government forces in Yemen thwarted an advance and clashed with "
        "Houthi fighters in the hills.",
    )
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_crowd_riot_names_rioters(extractor: EventExtractor) -> None:
    event = _first_may9(
        extractor,
        "On 5 May 2022, supporters of two rival parties fought with clubs in Lagos, Nigeria, "
        "leaving six people hurt.",
    )
    assert event.event_type == "Riots"
    assert event.actor1 == "Rioters (Nigeria)"


def test_lone_attacker_in_united_states(extractor: EventExtractor) -> None:
    event = _first_may9(
        extractor,
        "On 6 May 2022, a man stabbed a shop worker in Denver, Colorado, United States.",
    )
    assert event.actor1 == "Sole Perpetrator (United States)"


def test_unnamed_air_raid_in_yemen_is_the_coalition(extractor: EventExtractor) -> None:
    event = _first(
        extractor, "Unnamed aircraft carried out three air raids on farms near Saada, Yemen.", MAY_9
    )
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 == "Operation Restoring Hope"


def test_unnamed_air_raid_elsewhere_stays_unidentified(extractor: EventExtractor) -> None:
    event = _first(
        extractor, "Unknown aircraft carried out an air raid on a market near Gao, Mali.", MAY_9
    )
    assert event.actor1 == "Unidentified Military Forces"


def test_plainly_told_arson_is_an_event(extractor: EventExtractor) -> None:
    event = _first(
        extractor, "Soldiers set fire to forty houses in a village near Monywa, Myanmar.", MAY_9
    )
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [("Fighters of the jihadist group Hayat Tahrir al-Sham attacked army positions near"
      " Kafr Nabl, killing five soldiers.", "HTS: Hayat Tahrir al Sham"),
     ("Gunmen from the Turkish-backed faction Ahrar al-Sharqiya shot dead four Kurdish men"
      " in the town of Jinderes.", "Ahrar al Sharqiyah")],
)  # fmt: skip
def test_fighters_of_a_group_named_with_its_kind_are_that_group(
    extractor: EventExtractor, text: str, actor1: str
) -> None:
    assert _first(extractor, text).actor1 == actor1


def test_syrias_government_period_changes_on_8_december_2024(extractor: EventExtractor) -> None:
    text = "Regime forces shelled the town of Sarmin in Idlib, killing two civilians."
    before = _first(extractor, text, dt.date(2024, 12, 5))
    after = _first(extractor, text, dt.date(2024, 12, 20))
    assert before.actor1 == "Military Forces of Syria (2000-)"
    assert after.actor1 == "Military Forces of Syria (2024-)"


def test_a_sentence_telling_only_casualties_is_the_previous_events_toll(
    extractor: EventExtractor,
) -> None:
    text = "On 9 May 2021, two tribes clashed in Al Shatra, Thi Qar. 2 people were killed."
    [event] = extractor.extract_text(text, dt.date(2021, 5, 9))
    assert event.sub_event_type == "Armed clash" and event.fatalities == 2


def test_a_leading_label_names_no_actor(extractor: EventExtractor) -> None:
    text = ("Change to armed group: On 30 January 2024, Kataib Hezbollah announced the suspension"
            " of its military operations against US forces in Iraq.")  # fmt: skip
    assert _first(extractor, text, dt.date(2024, 1, 30)).actor1 == "Kataib Hezbollah"


def test_a_force_intercepting_drones_acts_in_its_own_name(extractor: EventExtractor) -> None:
    text = "U.S. air defences shot down two drones approaching Ain al-Asad air base in Iraq."
    event = _first(extractor, text, dt.date(2023, 10, 26))
    assert event.actor1 == "Military Forces of the United States (2021-)"


def test_militants_believed_to_belong_to_a_group_are_that_group(
    extractor: EventExtractor,
) -> None:
    text = ("Militants believed to belong to Islamic State shot dead four members of one family"
            " near Tuz Khurmatu in Iraq.")  # fmt: skip
    assert _first(extractor, text).actor1 == "Islamic State (Iraq)"


def test_a_strike_by_drones_alone_is_not_the_air_arms(extractor: EventExtractor) -> None:
    drone = "A regime suicide drone struck a car on the outskirts of Sarmin in Idleb."
    jets = "Regime warplanes struck a car on the outskirts of Sarmin in Idleb."
    day = dt.date(2023, 12, 12)
    assert _first(extractor, drone, day).actor1 == "Military Forces of Syria (2000-)"
    assert _first(extractor, jets, day).actor1.endswith("Syrian Arab Air Force")


def test_forces_listed_with_their_unit_words_share_the_gain_in_order(
    extractor: EventExtractor,
) -> None:
    text = ("On 5 October 2017, Iraqi army units, Federal Police and PMF brigades entered the"
            " centre of Al Hawija town in Kirkuk governorate and announced its recapture from IS.")  # fmt: skip
    event = _first(extractor, text, dt.date(2017, 10, 5))
    assert event.actor1.startswith("Military Forces of Iraq")


def test_gunmen_from_rival_clans_are_a_tribal_militia(extractor: EventExtractor) -> None:
    text = "Gunmen from two rival clans exchanged fire over farmland in Al Madina district, Basrah."
    assert _first(extractor, text).actor1 == "Unidentified Tribal Militia (Iraq)"


def test_an_explosive_laden_drone_on_a_base_hosting_a_state_force_is_no_strike_of_it(
    extractor: EventExtractor,
) -> None:
    text = ("On 26 October 2023, two explosive-laden drones targeted Harir air base, hosting US"
            " forces, in Erbil. The Islamic Resistance in Iraq claimed the attack.")  # fmt: skip
    assert _first(extractor, text, dt.date(2023, 10, 26)).actor1 == "Islamic Resistance in Iraq"
