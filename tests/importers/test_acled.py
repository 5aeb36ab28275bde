"""ACLED CSV import on invented fixture rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import EmptyInputError, EncodingError, InputError, UnsupportedInputError
from frontlines.importers import ACLED_SOURCE, read_acled_csv

DATA = Path(__file__).parent / "data"


def test_reads_good_rows_and_reports_bad_ones() -> None:
    result = read_acled_csv(DATA / "acled_sample.csv")
    assert [e.event_id for e in result.events] == ["TST1001", "TST1002"]
    assert [(s.line, s.reason.split(" ")[0]) for s in result.skipped] == [
        (5, "event_date"),
        (6, "latitude"),
        (7, "event_type"),
    ]
    assert "95.0" in result.skipped[1].reason
    assert str(result.skipped[0]).startswith("line 5: ")


def test_field_mapping() -> None:
    first, _second = read_acled_csv(DATA / "acled_sample.csv").events
    assert first.event_date == "2023-07-14"
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert (first.inter1, first.inter2, first.interaction) == (1, 2, 12)
    assert (first.latitude, first.longitude, first.geo_precision) == (12.5, -3.25, 1)
    assert first.location == "Village <b>A</b>"
    assert (first.fatalities, first.fatalities_known) == (2, True)
    assert first.notes.endswith("Two killed.")
    assert "<script>" in first.notes  # kept as data; publishers escape it
    assert first.evidence.text == first.notes
    assert (first.evidence.start, first.evidence.end) == (0, len(first.notes))
    assert first.source == ACLED_SOURCE
    assert first.sources == ["Example Radio", "Example Wire"]
    assert first.document_id == "acled:TST1001"
    assert first.iso == 999
    assert first.credibility == "high"


def test_text_labels_of_newer_exports() -> None:
    second = read_acled_csv(DATA / "acled_sample.csv").events[1]
    assert second.event_date == "2023-08-05"
    assert (second.inter1, second.inter2) == (3, 7)
    assert second.interaction == 37
    assert second.time_precision == 2
    assert (second.fatalities, second.fatalities_known) == (0, False)
    assert second.civilian_targeting == "Civilian targeting"
    assert second.location == "Bétaville"


def test_minimal_columns_any_case() -> None:
    result = read_acled_csv(DATA / "acled_minimal.csv")
    assert result.skipped == []
    (event,) = result.events
    assert (event.event_type, event.actor1, event.event_date) == (
        "Riots",
        "Rioters (Testland)",
        "2022-01-02",
    )
    assert event.latitude is None and event.longitude is None
    assert event.event_id.startswith("row-")
    assert read_acled_csv(DATA / "acled_minimal.csv").events[0].event_id == event.event_id


def test_missing_required_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("event_date,notes\n2022-01-01,x\n", encoding="utf-8")
    with pytest.raises(UnsupportedInputError, match=r"x\.csv.*event_type, actor1"):
        read_acled_csv(path)


def test_empty_binary_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EmptyInputError, match=r"empty\.csv"):
        read_acled_csv(empty)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("event_date,event_type,actor1\n2022-01-01,Riots,B\xe9\n".encode("latin-1"))
    with pytest.raises(EncodingError, match="UTF-8"):
        read_acled_csv(latin)
    with pytest.raises(InputError, match=r"nothing\.csv"):
        read_acled_csv(tmp_path / "nothing.csv")
