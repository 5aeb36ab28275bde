"""The event evaluation harness, on invented ACLED-format rows and a fake extractor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.errors import EvaluationError
from frontlines.evaluation.acled_rows import read_acled_csv
from frontlines.evaluation.events import (
    NO_EVENT,
    haversine_km,
    macro_weighted_f1,
    normalise_actor,
    per_label_scores,
    run_events_eval,
)
from frontlines.records import Event, Span

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "events" / "acled_sample.csv"


def _event(sub: str, etype: str, actor1: str, **fields: object) -> Event:
    return Event(
        event_type=etype,
        sub_event_type=sub,
        actor1=actor1,
        evidence=Span(0, 5, "On 1 "),
        **fields,  # type: ignore[arg-type]
    )


# Predictions keyed by the day in the note ("On N March 2022"); see the hand computation below.
FAKE: dict[int, list[Event]] = {
    1: [
        _event("Armed clash", "Battles", "military forces of ruritania (2010-)",
               actor2="Freedom Front.", latitude=10.027, longitude=20.0, geo_precision=1,
               fatalities=3),
        _event("Peaceful protest", "Protests", "Protesters (Ruritania)"),
    ],
    2: [_event("Peaceful protest", "Protests", "Protesters (Ruritania)",
               latitude=11.09, longitude=21.0, geo_precision=1)],
    3: [],
    4: [_event("Armed clash", "Battles", "Unidentified Armed Group (Ruritania)",
               actor2="Civilians (Ruritania)", geo_precision=2, fatalities=2)],
    5: [_event("Shelling/artillery/missile attack", "Explosions/Remote violence",
               "Military Forces of Borduria (2022-)", latitude=14.0, longitude=24.0,
               geo_precision=1)],
    6: [_event("Arrests", "Strategic developments", "Police Forces of Ruritania (2010-)",
               geo_precision=1)],
    7: [_event("Protest with intervention", "Protests", "Protesters (Ruritania)",
               geo_precision=1, fatalities=1)],
    8: [],
}  # fmt: skip

CALLS: list[tuple[str, dt.date]] = []


def fake_extract(text: str, published: dt.date) -> list[Event]:
    CALLS.append((text, published))
    return FAKE[int(text.split()[1])]


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    return run_events_eval(SAMPLE, extractor=fake_extract)


def test_main_keys_hand_computed(report: dict[str, object]) -> None:
    # gold sub-types:  AC PP PP AT SH AR PP MV
    # predicted:       AC PP NO AC SH AR PWI NO
    assert report["rows"] == 8
    assert report["no_event_rows"] == 2
    assert report["no_event"] == round(2 / report["rows"], 4)
    assert report["event_type_accuracy"] == 0.625  # rows 1,2,5,6,7
    assert report["sub_event_type_accuracy"] == 0.5
    # F1: AC 2/3, PP 1/2, AT 0, SH 1, AR 1, MV 0, NO_EVENT 0, PWI 0
    assert report["sub_event_type_macro_f1"] == round((2 / 3 + 0.5 + 2) / 8, 4)
    assert report["sub_event_type_weighted_f1"] == round((2 / 3 + 0.5 * 3 + 2) / 8, 4)
    assert report["actor1_accuracy"] == 0.625
    assert report["actor1_accuracy_loose"] == 0.75
    assert report["actor2_accuracy"] == 0.625
    assert report["location_within_5km"] == 0.25
    assert report["location_within_25km"] == 0.375
    assert report["geo_precision_accuracy"] == 0.625
    assert report["fatalities_exact"] == 0.5


def test_main_keys_in_order_and_details_apart(report: dict[str, object]) -> None:
    expected = [
        "rows", "event_type_accuracy", "sub_event_type_accuracy", "sub_event_type_macro_f1",
        "sub_event_type_weighted_f1", "actor1_accuracy", "actor1_accuracy_loose",
        "actor2_accuracy", "location_within_5km", "location_within_25km",
        "geo_precision_accuracy", "fatalities_exact", "no_event", "no_event_rows", "details",
    ]  # fmt: skip
    assert list(report) == expected
    details = report["details"]
    assert isinstance(details, dict)
    assert details["skipped_rows"] == 2
    assert details["sub_event_types"][NO_EVENT]["predicted"] == 2
    confusions = {(c["gold"], c["predicted"]) for c in details["sub_event_type_confusions"]}
    assert ("Attack", "Armed clash") in confusions
    missed = {m["actor1"] for m in details["actor1_missed"]}
    assert "Rioters (Ruritania)" in missed
    json.dumps(report)


def test_extractor_gets_note_and_event_date() -> None:
    CALLS.clear()
    run_events_eval(SAMPLE, extractor=fake_extract)
    assert len(CALLS) == 8
    assert CALLS[0][1] == dt.date(2022, 3, 1)
    assert CALLS[0][0].startswith("On 1 March 2022")


def test_predictions_file_has_one_line_per_data_row(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    run_events_eval(SAMPLE, extractor=fake_extract, predictions=out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["row"] for line in lines] == list(range(10))
    assert "error" in lines[2] and lines[2]["events"] == []
    assert "error" in lines[9]
    first = lines[0]["events"]
    assert len(first) == 2
    assert first[0]["sub_event_type"] == "Armed clash"  # primary first
    assert first[0]["evidence"] == {"start": 0, "end": 5, "text": "On 1 "}
    assert lines[3]["events"] == []  # row 3 of the file: nothing extracted


def test_progress_messages() -> None:
    messages: list[str] = []
    run_events_eval(SAMPLE, extractor=fake_extract, progress=messages.append, progress_every=3)
    assert messages[0].startswith("events: 3/8")
    assert messages[-1].startswith("events: 8/8")


def test_limit_reads_first_rows() -> None:
    report = run_events_eval(SAMPLE, extractor=fake_extract, limit=4)
    assert report["rows"] == 3  # data rows 0..3, one of them unparseable


def test_malformed_rows_are_counted_not_fatal() -> None:
    read = read_acled_csv(SAMPLE)
    assert [row for row, _ in read.problems] == [2, 9]
    assert "event_date" in read.problems[0][1]
    assert "fields" in read.problems[1][1]
    assert read.rows[1].notes.count('"fair pay now"') == 1  # quoted text survives


def test_missing_column_names_column_and_file(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("event_date,event_type,notes\n2022-01-01,Protests,x\n", encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        read_acled_csv(path)
    assert "sub_event_type" in str(info.value)
    assert "short.csv" in str(info.value)


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        read_acled_csv(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EvaluationError, match="empty"):
        read_acled_csv(empty)


def test_per_label_scores_and_averages() -> None:
    gold = ["a", "a", "a", "b"]
    pred = ["a", "b", "a", "b"]
    scores = per_label_scores(gold, pred)
    assert scores["a"]["precision"] == 1.0 and scores["a"]["recall"] == round(2 / 3, 4)
    assert scores["b"]["precision"] == 0.5 and scores["b"]["recall"] == 1.0
    macro, weighted = macro_weighted_f1(scores)
    f1_a, f1_b = 0.8, 2 / 3
    assert macro == pytest.approx((f1_a + f1_b) / 2)
    assert weighted == pytest.approx((3 * f1_a + f1_b) / 4)


def test_label_only_predicted_counts_in_macro_not_weighted() -> None:
    scores = per_label_scores(["a", "a"], ["a", "z"])
    macro, weighted = macro_weighted_f1(scores)
    assert scores["z"]["support"] == 0 and scores["z"]["f1"] == 0.0
    assert macro == pytest.approx((2 / 3) / 2)
    assert weighted == pytest.approx(2 / 3)


def test_normalise_actor() -> None:
    assert normalise_actor("Protesters (Côte d'Ivoire)") == normalise_actor(
        "protesters cote divoire"
    )
    assert normalise_actor("Military Forces of Russia (2000-)") != normalise_actor(
        "Military Forces of Russia"
    )
    assert normalise_actor("Military Forces of Russia (2000-)", loose=True) == normalise_actor(
        "Military Forces of Russia (1991-1999)", loose=True
    )


def test_loose_actor_drops_acronym_prefix_and_inner_period() -> None:
    assert normalise_actor("JWS: Syrian National Army", loose=True) == normalise_actor(
        "SNA: Syrian National Army", loose=True
    )
    assert normalise_actor("JWS: Syrian National Army") != normalise_actor(
        "SNA: Syrian National Army"
    )
    assert normalise_actor("Military Forces of Iraq (2014-) Air Force", loose=True) == (
        normalise_actor("Military Forces of Iraq (2020-) Air Force", loose=True)
    )
    assert normalise_actor("Protesters (Iraq)", loose=True) != normalise_actor(
        "Protesters (Syria)", loose=True
    )


def test_haversine() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_actor_names_are_read_as_of_the_files_last_event() -> None:
    from frontlines.extract.actors.registry import NAMES_AS_OF, country_info

    seen: list[str] = []

    def extract(text: str, published: dt.date) -> list[Event]:
        seen.append(NAMES_AS_OF.get())
        return FAKE[int(text.split()[1])]

    run_events_eval(SAMPLE, extractor=extract)
    latest = max(g.event_date for g in read_acled_csv(SAMPLE).rows)
    assert set(seen) == {latest.isoformat()} and NAMES_AS_OF.get() == ""
    somalia = country_info("SO")
    assert somalia is not None and somalia.period("2022-01-10", "2022-06-30") == "2017-2022"
    assert somalia.period("2022-01-10", "2022-03-31") == "2017-"
