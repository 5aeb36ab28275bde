"""District seats that GeoNames gives no population (frontlines.geo.sources.mark_seats and
the resolver's population term)."""

from __future__ import annotations

from typing import Any

from frontlines.geo import sources
from frontlines.geo.gazetteer import Match
from frontlines.geo.recognize import Candidate
from frontlines.geo.resolve import score_match
from frontlines.geo.sources import Entry, mark_seats
from frontlines.records import Place

SEAT = Place("gn:1", "Ra’s al ‘Ayn", 36.85, 40.07, "P.PPL", "SY", "01")
HAMLET = Place("gn:2", "Ra’s al ‘Ayn", 36.58, 38.36, "P.PPL", "SY", "09")
TOWN = Place("gn:3", "Qamishli", 37.05, 41.23, "P.PPL", "SY", "01", population=184_000)


def _marked(monkeypatch: Any, names: dict[str, str], places: list[Place]) -> list[str]:
    monkeypatch.setattr(sources, "_admin_names", lambda: names)
    return [e.place.feature for e in mark_seats([Entry(p, [p.name]) for p in places])]


def test_a_town_named_like_its_provinces_district_is_the_districts_seat(monkeypatch: Any) -> None:
    names = {"SY.01": "Al-Hasakah", "SY.01.7895146": "Ras al-Ayn District"}
    assert _marked(monkeypatch, names, [SEAT, HAMLET]) == ["P.PPLA2", "P.PPL"]


def test_a_town_with_a_population_or_a_name_two_towns_share_stays_as_it_is(
    monkeypatch: Any,
) -> None:
    names = {"SY.01.1": "Qamishli District", "SY.01.2": "Ras al-Ayn District"}
    twin = Place("gn:4", "Ras al Ain", 36.9, 40.1, "P.PPL", "SY", "01")
    assert _marked(monkeypatch, names, [TOWN, SEAT, twin]) == ["P.PPL", "P.PPL", "P.PPL"]


def test_a_seat_without_a_population_outranks_a_same_named_hamlet() -> None:
    cand = Candidate(0, 10, "Ras al-Ain", {"ner"})
    seat = Place("gn:1", SEAT.name, SEAT.lat, SEAT.lon, "P.PPLA2", "SY", "01")
    scores = [score_match(Match(p, 1.0), cand, {"SY": 1.0}, [], []) for p in (seat, HAMLET)]
    assert scores[0] > scores[1]


def test_a_military_operations_name_is_not_a_place() -> None:
    from frontlines.geo.select import _not_a_place

    cand = Candidate(10, 29, "Operation Claw-Lock", {"ner"})
    assert _not_a_place(cand, [], set(), set(), "Troops led Operation Claw-Lock in the hills.")


def test_an_article_led_town_of_the_focus_may_open_a_sentence() -> None:
    from frontlines.geo.select import _theatre_name

    kut = Place("gn:5", "Al-Kut", 32.5, 45.8, "P.PPL", "IQ", "16", population=315_000)
    cand = Candidate(0, 6, "Al-Kut", {"gazetteer"})
    assert _theatre_name(cand, [Match(kut, 1.0)], {"IQ": 1.0})
    assert not _theatre_name(cand, [Match(kut, 1.0)], {"US": 1.0})
    paris = Place("gn:6", "Paris", 48.9, 2.35, "P.PPLC", "FR", "11", population=2_000_000)
    assert not _theatre_name(Candidate(0, 5, "Paris", {"gazetteer"}), [Match(paris, 1.0)], {"FR": 1.0})
