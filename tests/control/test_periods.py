"""Control periods and snapshots from hand-built claims and events."""

from __future__ import annotations

import datetime as dt

from frontlines.control import (
    claims_from_events,
    combined_confidence,
    control_periods,
    places_from_events,
    snapshot,
)
from frontlines.records import ControlClaim, Event, Place, Span

GOV = "Military Forces of Syria (2000-)"
ISIS = "Islamic State (Syria)"
SDF = "SDF: Syrian Democratic Forces"
PALMYRA = Place("gn:1", "Palmyra", 34.56, 38.28, "P.PPL", "SY")
RAQQA = Place("gn:2", "Raqqa", 35.95, 39.01, "P.PPLA", "SY")
PLACES = {p.id: p for p in (PALMYRA, RAQQA)}


def claim(place: Place, holder: str, since: str, **kw: object) -> ControlClaim:
    base: dict[str, object] = {"confidence": 0.8, "kind": "event", "document_id": f"d-{since}"}
    base.update(kw)
    return ControlClaim(place.id, place.name, holder, since, **base)  # type: ignore[arg-type]


def territorial(sub: str, actor: str, date: str, **kw: object) -> Event:
    base: dict[str, object] = {
        "event_type": "Strategic developments",
        "sub_event_type": sub,
        "actor1": actor,
        "evidence": Span(0, 10, "took Raqqa"),
        "event_date": date,
        "location": "Raqqa",
        "latitude": 35.95,
        "longitude": 39.01,
        "geo_precision": 1,
        "place_id": "gn:2",
        "document_id": "doc-a",
        "event_id": f"ev-{date}",
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_next_claim_by_other_holder_closes_period() -> None:
    periods = control_periods(
        [claim(PALMYRA, ISIS, "2016-12-11"), claim(PALMYRA, GOV, "2017-03-02")], PLACES
    )
    by_holder = {p.holder: p for p in periods}
    assert by_holder[ISIS].until == "2017-03-02"
    assert by_holder[GOV].since == "2017-03-02" and by_holder[GOV].until == ""
    assert by_holder[GOV].lat == 34.56 and by_holder[GOV].place_name == "Palmyra"
    assert not any(p.contested for p in periods)


def test_same_holder_again_extends_and_raises_confidence() -> None:
    one = control_periods([claim(PALMYRA, GOV, "2017-03-02")])
    two = control_periods([claim(PALMYRA, GOV, "2017-03-02"), claim(PALMYRA, GOV, "2017-04-01")])
    assert len(two) == 1 and len(two[0].evidence) == 2
    assert two[0].confidence > one[0].confidence


def test_same_source_counts_once() -> None:
    a = claim(PALMYRA, GOV, "2017-03-02", document_id="d1")
    b = claim(PALMYRA, GOV, "2017-03-05", document_id="d1")
    assert combined_confidence([a, b]) == combined_confidence([a])


def test_conflicting_claims_same_day_are_both_kept_and_contested() -> None:
    periods = control_periods(
        [
            claim(RAQQA, ISIS, "2017-06-01"),
            claim(RAQQA, SDF, "2017-10-17", document_id="x"),
            claim(RAQQA, GOV, "2017-10-17", document_id="y"),
        ],
        PLACES,
    )
    assert {(p.holder, p.contested) for p in periods} == {
        (ISIS, False),
        (SDF, True),
        (GOV, True),
    }
    isis = next(p for p in periods if p.holder == ISIS)
    assert isis.until == "2017-10-17"
    at = snapshot(periods, dt.date(2017, 11, 1))
    assert {p.holder for p in at} == {SDF, GOV}


def test_snapshot_dates_and_area() -> None:
    periods = control_periods(
        [
            claim(PALMYRA, ISIS, "2016-12-11"),
            claim(PALMYRA, GOV, "2017-03-02"),
            claim(RAQQA, SDF, "2017-10-17"),
        ],
        PLACES,
    )
    assert [p.holder for p in snapshot(periods, "2016-12-10")] == []
    assert [p.holder for p in snapshot(periods, "2017-01-01")] == [ISIS]
    assert [p.holder for p in snapshot(periods, "2017-03-02")] == [GOV]
    assert {p.place_name for p in snapshot(periods, "2018-01-01")} == {"Palmyra", "Raqqa"}
    east = snapshot(periods, "2018-01-01", area=(38.5, 35.0, 40.0, 36.5))
    assert [p.place_name for p in east] == ["Raqqa"]


def test_baseline_is_replaced_by_later_event() -> None:
    base = claim(PALMYRA, GOV, "2017-07-01", kind="baseline", confidence=0.2, document_id="b")
    later = claim(PALMYRA, ISIS, "2018-02-01")
    periods = control_periods([base, later], PLACES)
    assert [p.holder for p in snapshot(periods, "2017-12-31")] == [GOV]
    assert [p.holder for p in snapshot(periods, "2018-03-01")] == [ISIS]
    assert snapshot(periods, "2017-12-31")[0].confidence < 0.3


def test_claims_without_date_or_holder_are_ignored() -> None:
    assert control_periods([claim(PALMYRA, GOV, ""), claim(PALMYRA, "", "2017-01-01")]) == []


def test_claims_from_territorial_events_only() -> None:
    events = [
        territorial("Non-state actor overtakes territory", SDF, "2017-10-17"),
        territorial("Government regains territory", GOV, "2018-01-05", event_id="g"),
        territorial("Armed clash", ISIS, "2017-09-01", event_type="Battles"),
        territorial(
            "Non-violent transfer of territory",
            ISIS,
            "2017-11-01",
            source_part="comment",
            comment_id="c1",
            credibility="low",
        ),
        territorial("Government regains territory", GOV, "", event_id="nodate"),
    ]
    claims = claims_from_events(events)
    assert [(c.holder, c.since, c.kind) for c in claims] == [
        (SDF, "2017-10-17", "event"),
        (GOV, "2018-01-05", "event"),
    ]
    periods = control_periods(claims, places_from_events(events))
    assert [p.holder for p in snapshot(periods, "2017-12-01")] == [SDF]
    assert snapshot(periods, "2018-02-01")[0].lat == 35.95


def test_event_without_place_id_uses_coordinates() -> None:
    event = territorial("Government regains territory", GOV, "2018-01-05", place_id="")
    (found,) = claims_from_events([event])
    assert found.place_id == "ll:35.9500,39.0100"
    assert found.place_id in places_from_events([event])


def test_coarse_location_lowers_event_confidence() -> None:
    fine = territorial("Government regains territory", GOV, "2018-01-05")
    coarse = territorial("Government regains territory", GOV, "2018-01-05", geo_precision=3)
    assert claims_from_events([coarse])[0].confidence < claims_from_events([fine])[0].confidence


def test_period_to_dict_is_json_ready() -> None:
    import json

    (period,) = control_periods([claim(PALMYRA, GOV, "2017-03-02")], PLACES)
    data = json.loads(json.dumps(period.to_dict()))
    assert data["holder"] == GOV and data["until"] is None and data["kinds"] == ["event"]
