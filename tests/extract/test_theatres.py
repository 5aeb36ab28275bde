"""Theatre packs (frontlines.extract.theatres) and what the actor registry and the side
rules take from them: air arms, umbrellas, government periods, extra packs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.actors.sides import Sides
from frontlines.extract.assign import under_umbrella
from frontlines.extract.theatres import (
    air_arm,
    front_lines,
    load_theatres,
    parse_pack,
    place_words,
    theatres,
    umbrellas,
)
from frontlines.records import Actor


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def _named(registry: ActorRegistry, text: str, country: str, when: str = "2022-02-01") -> str:
    hits = registry.find(text)
    assert hits, text
    return registry.for_country(hits[0][1], country, when).name


def test_packaged_packs_cover_syria_iraq_and_ukraine() -> None:
    names = {pack.name for pack in theatres()}
    assert {"syria_iraq", "ukraine"} <= names
    assert any(line.get("country") == "UA" for line in front_lines())
    assert {"countryside", "axis", "badia", "outskirts"} <= place_words()


def test_air_arm_is_named_apart_only_where_the_theatre_says() -> None:
    assert air_arm("RU", "UA") == "Air Force"
    assert air_arm("RU", "SY") == ""
    assert air_arm("SY", "SY") == "Syrian Arab Air Force"
    # an arm named on other strikes too: Iran's shelling across its border into Iraq
    shelling = "Shelling/artillery/missile attack"
    assert air_arm("IR", "IQ", strike=shelling) == "Islamic Revolutionary Guard Corps"
    assert air_arm("SY", "SY", strike=shelling) == ""
    assert air_arm("IR", "SY") == ""


def test_russian_air_force_in_syria_is_the_plain_military(registry: ActorRegistry) -> None:
    text = "The Russian air force bombed a camp."
    assert _named(registry, text, "SY") == "Military Forces of Russia (2000-)"
    assert _named(registry, text, "UA") == "Military Forces of Russia (2000-) Air Force"


def test_syrian_warplanes_are_the_syrian_arab_air_force(registry: ActorRegistry) -> None:
    assert (
        _named(registry, "Regime warplanes hit the town of Ariha.", "SY")
        == "Military Forces of Syria (2000-) Syrian Arab Air Force"
    )


def test_iraq_government_period_follows_the_pack(registry: ActorRegistry) -> None:
    text = "The Iraqi army opened fire on the car."
    assert _named(registry, text, "IQ", "2022-02-01") == "Military Forces of Iraq (2020-)"
    assert _named(registry, text, "IQ", "2019-02-01") == "Military Forces of Iraq (2018-)"
    assert _named(registry, text, "IQ", "2017-02-01") == "Military Forces of Iraq (2014-)"
    from frontlines.extract.actors.registry import names_as_of

    with names_as_of("2022-06-30"):  # a data set taken then: Abadi's and Abdul-Mahdi's closed
        assert _named(registry, text, "IQ", "2017-02-01") == "Military Forces of Iraq (2014-2018)"
        assert _named(registry, text, "IQ", "2022-02-01") == "Military Forces of Iraq (2020-)"


def test_pmf_abroad_is_an_external_force(registry: ActorRegistry) -> None:
    hits = registry.find("The Popular Mobilization Forces moved a convoy.")
    actor = registry.for_country(hits[0][1], "SY", "2022-01-06")
    assert actor.name == "Military Forces of Iraq (2020-) Popular Mobilization Forces"
    assert actor.inter == 8


def test_us_forces_in_syria_act_under_the_global_coalition() -> None:
    us = Actor("Military Forces of the United States (2021-)", 1, "US")
    sides = under_umbrella(Sides(us), "SY")
    assert sides.actor1.name == "Global Coalition Against Daesh"
    assert sides.assoc1 == us.name
    assert under_umbrella(Sides(us), "SO").actor1 == us
    assert umbrellas("IQ") and not umbrellas("UA")


def test_an_extra_pack_folder_adds_a_theatre(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = {
        "theatre": "valdoria",
        "countries": ["MD"],
        "actors": [
            {"name": "Grey Wolves of Valdor", "inter": 2, "country": "MD",
             "aliases": ["Grey Wolves of Valdor", "GWV"]}
        ],
        "place_words": ["hinterland"],
    }  # fmt: skip
    (tmp_path / "valdoria.json").write_text(json.dumps(pack), "utf-8")
    monkeypatch.setenv("FRONTLINES_THEATRES", str(tmp_path))
    assert "valdoria" in {p.name for p in theatres()}
    assert "hinterland" in place_words()
    found = ActorRegistry.default().find("GWV fighters ambushed a patrol.")
    assert found and found[0][1].name == "Grey Wolves of Valdor"


def test_a_missing_pack_folder_is_refused() -> None:
    with pytest.raises(ConfigError):
        load_theatres(("/nonexistent/frontlines-theatres",))


def test_a_malformed_pack_is_refused() -> None:
    with pytest.raises(ConfigError):
        parse_pack({"actors": [], "generals": []}, "bad.json")
    with pytest.raises(ConfigError):
        parse_pack({"air_arms": [{"force": "SY"}]}, "bad.json")


def test_federal_and_regime_compounds_name_the_state(registry: ActorRegistry) -> None:
    assert (
        _named(registry, "A regime checkpoint stopped the convoy.", "SY")
        == "Military Forces of Syria (2000-)"
    )
    assert _named(registry, "The NDF set up a checkpoint.", "SY") == "QDW: National Defence Forces"


def test_a_pack_may_list_one_country_organisations_and_an_umbrellas_adversaries() -> None:
    pack = parse_pack(
        {"organisations": {"SDF": "sy"},
         "umbrellas": [{"name": "U", "inter": 8, "members": ["M"], "where": ["SY"],
                        "against": ["Islamic State"]}]},
        "test.json",
    )  # fmt: skip
    assert pack.organisations == {"SDF": "SY"}
    assert pack.umbrellas[0].against == ("Islamic State",)


def test_a_compass_part_of_a_country_is_the_town_the_pack_names() -> None:
    import datetime as dt

    from frontlines.extract import EventExtractor
    from frontlines.extract.theatres import country_part
    from frontlines.records import Mention, Place

    pack = parse_pack({"country_parts": {"sy": {"East": "Deir ez-Zor"}}}, "test.json")
    assert pack.country_parts == {"SY": {"east": "Deir ez-Zor"}}
    assert country_part("SY", "north-east") == "Al-Hasakah"  # the packaged pack
    syria = Place("c:1", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=20_000_000)
    town = Place("c:2", "Deir ez-Zor", 35.33, 40.14, "P.PPLA", "SY", "07", population=240_000)
    capital = Place("c:3", "Damascus", 33.51, 36.29, "P.PPLC", "SY", "13", population=2_500_000)

    class Gazetteer:
        def lookup_many(self, names):  # type: ignore[no-untyped-def]
            from frontlines.geo.gazetteer import MemoryGazetteer

            return MemoryGazetteer([town, capital]).lookup_many(names)

    text = "Two SDF fighters were killed in clashes with IS militants in eastern Syria."
    start = text.index("Syria")
    mentions = [Mention("Syria", start, start + 5, place=syria)]
    extractor = EventExtractor(gazetteer=Gazetteer())
    [event] = extractor.extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert event.place_id == "c:2" and event.geo_precision == 3
    plain = text.replace("eastern Syria", "Syria")
    mentions = [Mention("Syria", plain.index("Syria"), plain.index("Syria") + 5, place=syria)]
    [event] = extractor.extract_text(plain, dt.date(2023, 6, 1), mentions=mentions)
    assert event.place_id == "c:3"


def test_a_forces_missiles_fired_from_the_air_are_an_air_strike_where_the_pack_says() -> None:
    from frontlines.extract import EventExtractor
    from frontlines.extract.theatres import air_launched

    assert air_launched("IL", "SY") and not air_launched("RU", "UA")
    extractor = EventExtractor()
    day = dt.date(2023, 5, 2)
    strike = extractor.extract_text("An Israeli missile hit an apartment in Damascus.", day)[0]
    assert strike.sub_event_type == "Air/drone strike"
    ground = extractor.extract_text("Russian missiles hit an apartment in Kharkiv.", day)[0]
    assert ground.sub_event_type == "Shelling/artillery/missile attack"
