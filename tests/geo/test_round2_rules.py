"""Round-2 resolution rules: admin points, US county points, list-of-states and seat
rules, the dominant-place fallback, and states counting for the document's country."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.geo import Geoparser, MemoryGazetteer, sources
from frontlines.geo.fallback import CONTEXT_SCORE
from frontlines.records import Place

US = Place("gn:6252001", "United States", 39.76, -98.5, "A.PCLI", "US", population=310_000_000)
CALIFORNIA = Place("gn:5332921", "California", 37.2, -119.5, "A.ADM1", "US", "CA",
                   population=30_000_000)  # fmt: skip
WASHINGTON_ST = Place("gn:5815135", "Washington", 47.5, -120.5, "A.ADM1", "US", "WA",
                      population=6_000_000)  # fmt: skip
WASHINGTON_DC = Place("gn:4140963", "Washington", 38.9, -77.04, "P.PPLC", "US", "DC",
                      population=700_000)  # fmt: skip
SEAT_ADM1 = Place("gn:1", "Dayra", 35.1, 40.3, "A.ADM1", "SY", "07", population=450_000)
SEAT_TOWN = Place("gn:2", "Dayra", 35.34, 40.14, "P.PPLA", "SY", "07", population=270_000)
BIG_ADM1 = Place("gn:3", "Quebeca", 52.0, -72.0, "A.ADM1", "CA", "10", population=8_000_000)
BIG_SEAT = Place("gn:4", "Quebeca", 46.8, -71.2, "P.PPLA", "CA", "10", population=530_000)
KENTUCKY = Place("gn:6254925", "Kentucky", 37.5, -85.0, "A.ADM1", "US", "KY",
                 population=3_300_000)  # fmt: skip
KENTUCKY_RIVER = Place("ne:river:1", "Kentucky", 38.68, -85.18, "H.STM", source="naturalearth")
LONDON_GB = Place("gn:2643743", "London", 51.51, -0.13, "P.PPLC", "GB", population=8_900_000)
LONDON_KY = Place("gn:4298960", "London", 37.13, -84.08, "P.PPL", "US", "KY", population=8_000)
OHIO_TOWN = Place("gn:10", "Hamlet", 40.0, -83.0, "P.PPL", "US", "OH", population=2_000)
OHIO_CITY = Place("gn:11", "Bigton", 41.5, -81.7, "P.PPL", "US", "OH", population=380_000)
PLACES = [US, CALIFORNIA, WASHINGTON_ST, WASHINGTON_DC, SEAT_ADM1, SEAT_TOWN, BIG_ADM1,
          BIG_SEAT, KENTUCKY, KENTUCKY_RIVER, LONDON_GB, LONDON_KY, OHIO_TOWN, OHIO_CITY]  # fmt: skip


def _no_nlp(text: str) -> Any:
    raise AssertionError("resolve mode must not run NER")


def _resolve(text: str, *names: str) -> list[Place | None]:
    gaz = MemoryGazetteer(PLACES, aliases={US.id: ["US"]})
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return [m.place for m in Geoparser(gaz, nlp=_no_nlp).resolve_spans(text, spans)]


def test_a_name_listed_with_states_is_the_state() -> None:
    text = "Jobs went to western states such as California or Washington last year."
    assert _resolve(text, "California", "Washington")[1] == WASHINGTON_ST


def test_the_capital_without_a_list_of_states_stays_the_city() -> None:
    text = "The senator flew to Washington on Monday."
    assert _resolve(text, "Washington")[0] == WASHINGTON_DC


def test_a_division_named_after_its_big_seat_means_the_town() -> None:
    assert _resolve("Troops entered Dayra at dawn.", "Dayra")[0] == SEAT_TOWN


def test_a_province_much_larger_than_its_namesake_city_stays_the_province() -> None:
    assert _resolve("Voters in Quebeca chose a new premier.", "Quebeca")[0] == BIG_ADM1


def test_a_state_name_sets_the_country_focus() -> None:
    """ "Kentucky" is also a river (no country): the state still counts for the US."""
    text = "Officials in Kentucky said London was flooded."
    assert _resolve(text, "Kentucky", "London")[1] == LONDON_KY


def test_context_fallback_prefers_the_dominant_town() -> None:
    text = "Bigton police said. Bigton again. Hamlet too. At the Zzyzx Lounge, a fire."
    names = ["Bigton", "Hamlet", "Zzyzx Lounge"]
    gaz = MemoryGazetteer(PLACES)
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    second = text.index("Bigton", 5)
    spans.insert(1, (second, second + len("Bigton")))
    out = Geoparser(gaz, nlp=_no_nlp).resolve_spans(text, spans)
    assert out[-1].place == OHIO_CITY  # named twice, though Hamlet is written nearer
    assert out[-1].score == CONTEXT_SCORE


# --- admin points ------------------------------------------------------------------


def test_adm1_point_is_the_midpoint_of_iso_point_and_member_box() -> None:
    members = {"XX.01": [(10.0, 20.0, 1000, "a"), (12.0, 24.0, 500, "b")]}
    point = sources._admin_point(1, (10.0, 21.0), "XX.01", "Unit", members)
    assert point == pytest.approx((10.5, 21.5))


def test_adm1_point_keeps_the_iso_point_when_the_box_is_far() -> None:
    members = {"XX.01": [(40.0, 20.0, 1000, "a"), (42.0, 24.0, 500, "b")]}
    assert sources._admin_point(1, (10.0, 21.0), "XX.01", "Unit", members) == (10.0, 21.0)


def test_adm1_point_without_iso_point_falls_back_to_members() -> None:
    members = {"XX.01": [(10.0, 20.0, 1000, "a"), (12.0, 24.0, 500, "b")]}
    assert sources._admin_point(1, None, "XX.01", "Unit", members) == pytest.approx((11.0, 22.0))
    assert sources._admin_point(1, None, "XX.02", "Unit", members) is None


def test_adm2_point_is_the_given_point() -> None:
    members = {"XX.01": [(40.0, 20.0, 1000, "a")]}
    assert sources._admin_point(2, (1.0, 2.0), "XX.01.003", "Unit", members) == (1.0, 2.0)


def test_box_centre() -> None:
    assert sources._box_centre([]) is None
    towns = [(0.0, 0.0, 1, "a"), (2.0, 10.0, 1, "b"), (1.0, 1.0, 1, "c")]
    assert sources._box_centre(towns) == (1.0, 5.0)


def test_us_county_points_are_shipped_and_keyed_by_state_and_name() -> None:
    points = sources._us_county_points()
    assert len(points) > 3000
    key = sources._county_key("US.OH.035", "Cuyahoga County")
    assert key == ("OH", "cuyahoga county")
    lat, lon = points[key]
    assert sources.haversine_km(lat, lon, 41.50, -81.69) < 40  # Cleveland's county
    assert sources._county_key("GB.ENG.Z1", "Suffolk") == ("", "")
