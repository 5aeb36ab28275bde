"""Unit tests for the extract stage's parts, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import frontlines.extract as extract
from frontlines.extract import (
    ActorRegistry,
    EventExtractor,
    classify,
    parse_fatalities,
    resolve_date,
    split_sentences,
)
from frontlines.extract.attributes.modality import modality
from frontlines.extract.types.eventtypes import interaction
from frontlines.records import Mention, Place

PUB = dt.date(2018, 5, 14)  # a Monday


def test_public_api() -> None:
    assert sorted(extract.__all__) == sorted(
        [
            "EventExtractor",
            "ActorRegistry",
            "split_sentences",
            "resolve_date",
            "parse_fatalities",
            "classify",
            "organisation_clues",
        ]
    )


def test_sentences_keep_abbreviations_and_offsets() -> None:
    text = "The U.S. Army said Gen. Smith drove 3.5 km. to Homs. Then troops left! Did they?"
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "The U.S. Army said Gen. Smith drove 3.5 km. to Homs.",
        "Then troops left!",
        "Did they?",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_dates() -> None:
    assert resolve_date("On 23 February 2022, locals", PUB).date == "2022-02-23"
    assert resolve_date("on March 3", PUB).date == "2018-03-03"
    tuesday = resolve_date("on Tuesday, troops", PUB)
    assert (tuesday.date, tuesday.precision) == ("2018-05-08", 1)
    assert resolve_date("yesterday", PUB).date == "2018-05-13"
    march = resolve_date("In March, the army", PUB)
    assert (march.date[:7], march.precision) == ("2018-03", 3)
    assert resolve_date("In June, the army", PUB).date.startswith("2017-06")
    assert resolve_date("near the T-2 station", PUB).date == "2018-05-14"
    assert resolve_date("Since then, troops advanced", PUB, march).precision == 3
    assert resolve_date("troops advanced", None).date == ""


def test_fatalities() -> None:
    assert parse_fatalities("3 soldiers and 2 civilians were killed").count == 5
    assert parse_fatalities("dozens of people were killed").count == 12
    assert parse_fatalities("killing at least 10-15 people").count == 10
    assert (
        parse_fatalities("they injured 5 people")
        == parse_fatalities("")
        == extract.attributes.fatalities.Fatalities(0, False)
    )
    assert parse_fatalities("no casualties were reported").known


def test_actor_registry_acronyms_and_demonyms() -> None:
    reg = ActorRegistry.default()
    names = [a.name for _, a in reg.find("Russian troops shelled the town; IS claimed it")]
    assert names[0].startswith("Military Forces of") and len(names) == 2
    assert reg.find("it is what it is") == []
    actor = reg.for_country(reg.find("Russian troops")[0][1], "UA", "2022-03-01")
    assert (actor.name, actor.inter) == ("Military Forces of Russia (2000-)", 8)
    assert reg.unidentified("ML").name == "Unidentified Armed Group (Mali)"


def test_classify_taxonomy() -> None:
    cases = {
        "Soldiers clashed with militants near the town": "Armed clash",
        "Warplanes struck the village": "Air/drone strike",
        "Russian forces shelled Kharkiv": "Shelling/artillery/missile attack",
        "A roadside bomb hit a patrol": "Remote explosive/landmine/IED",
        "A suicide bomber blew himself up": "Suicide bomb",
        "Gunmen shot dead a farmer": "Attack",
        "Militants kidnapped two teachers": "Abduction/forced disappearance",
        "Residents staged a protest against fuel prices": "Peaceful protest",
        "Police fired tear gas to disperse protesters": "Protest with intervention",
        "Protesters threw stones at police": "Violent demonstration",
        "A mob lynched a suspected thief": "Mob violence",
        "Police arrested three men": "Arrests",
        "The two sides signed a ceasefire agreement": "Agreement",
        "Troops defused an IED on the road": "Disrupted weapons use",
        "Rebels looted shops in the market": "Looting/property destruction",
        "The army withdrew from the town without a fight": "Non-violent transfer of territory",
    }
    for text, expected in cases.items():
        found = classify(text)
        assert found is not None and found.sub_event_type == expected, text


def test_modality() -> None:
    def mood(text: str, trig: str) -> str:
        return modality(text, text.index(trig))

    assert mood("If they attack from the town, it will be easy", "attack") == "irrealis"
    assert mood("They plan to capture the town", "capture") == "irrealis"
    assert mood("Troops did not capture the town", "capture") == "irrealis"
    assert mood("Rebels claimed they captured the town", "captured") == "reported"
    assert mood("Troops captured the town", "captured") == "asserted"


def test_interaction() -> None:
    assert interaction(2, 1) == 12 and interaction(8, 0) == 80


def test_extract_text_protest_with_place() -> None:
    text = "On 8 June 2022, residents staged a demonstration in Lagos. Police dispersed them."
    lagos = Place("gn:lagos", "Lagos", 6.45, 3.39, "P.PPLA", "NG", "Lagos")
    start = text.index("Lagos")
    events = EventExtractor().extract_text(
        text, dt.date(2022, 6, 10), [Mention("Lagos", start, start + 5, place=lagos)]
    )
    first = events[0]
    assert (first.sub_event_type, first.actor1) == (
        "Protest with intervention",
        "Protesters (Nigeria)",
    )
    assert (
        first.event_date == "2022-06-08" and first.location == "Lagos" and first.geo_precision == 1
    )
    assert len(first.event_id) == 16


def test_no_publication_date_warns() -> None:
    events = EventExtractor().extract_text("Gunmen killed two villagers.", None)
    assert events[0].event_date == "" and events[0].time_precision == 3
    assert any("--published" in w for w in events[0].warnings)
    assert events[0].fatalities == 2 and events[0].actor2.startswith("Civilians")


def test_registry_extends_from_user_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "actors.json"
    path.write_text(
        '[{"name": "Tiger Militia", "inter": 3, "country": "SY", "aliases": ["Tigers"]}]'
    )
    reg = ActorRegistry.default().extend_from(path)
    assert [a.name for _, a in reg.find("The Tigers attacked")] == ["Tiger Militia"]
    assert reg.find("SAA troops")
