"""ACLED-style CSV: columns, derived values, golden file and round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.publish import read_acled_csv, write_acled_csv
from frontlines.publish.acled_csv import COLUMNS, EXTRA_COLUMNS
from frontlines.records import ACLED_COLUMNS

from .events_factory import sample_events

GOLDEN = Path(__file__).parent / "golden" / "events.csv"


def _write(**kwargs: object) -> str:
    buffer = io.StringIO(newline="")
    count = write_acled_csv(sample_events(), buffer, timestamp=1700000000, **kwargs)  # type: ignore[arg-type]
    assert count == 3
    return buffer.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_acled_then_extras() -> None:
    header = next(csv.reader(io.StringIO(_write())))
    assert tuple(header[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert tuple(header[len(ACLED_COLUMNS) :]) == EXTRA_COLUMNS
    assert header[-1] == "event_id"


def test_derived_values() -> None:
    syria, ukraine, unknown = _rows(_write())
    assert (syria["year"], syria["iso"], syria["country"], syria["region"]) == (
        "2024", "760", "Syria", "Middle East",
    )  # fmt: skip
    assert (syria["event_id_cnty"], syria["source"], syria["timestamp"]) == (
        "SYR-1", "Example News", "1700000000",
    )  # fmt: skip
    assert (ukraine["iso"], ukraine["region"], ukraine["source"]) == (
        "804", "Europe", "file:///tmp/page.html",
    )  # fmt: skip
    assert (unknown["year"], unknown["iso"], unknown["region"], unknown["latitude"]) == (
        "", "999", "Somewhere", "",
    )  # fmt: skip


def test_matches_golden_file() -> None:
    assert _write() == GOLDEN.read_bytes().decode("utf-8")


def test_round_trip_reads_back_equal_events() -> None:
    events = read_acled_csv(io.StringIO(_write(), newline=""))
    expected = sample_events()
    expected[0].iso, expected[0].region, expected[0].country = 760, "Middle East", "Syria"
    expected[1].iso, expected[1].region = 804, "Europe"
    expected[1].source = "file:///tmp/page.html"
    assert events == expected


def test_excel_safe_defuses_formula_cells_only() -> None:
    plain = _rows(_write(excel_safe=False))[1]
    safe = _rows(_write(excel_safe=True))[1]
    assert plain["evidence_text"].startswith("=cmd")
    assert safe["evidence_text"] == "'" + plain["evidence_text"]
    assert safe["latitude"] == plain["latitude"]


def test_default_timestamp_is_now() -> None:
    buffer = io.StringIO()
    write_acled_csv(sample_events()[:1], buffer)
    assert int(_rows(buffer.getvalue())[0]["timestamp"]) > 1_700_000_000


def test_reading_another_csv_names_the_input() -> None:
    with pytest.raises(InputError, match=r"other\.csv.*missing columns"):
        read_acled_csv(io.StringIO("a,b\n1,2\n"), source="other.csv")


def test_columns_are_unique() -> None:
    assert len(set(COLUMNS)) == len(COLUMNS)


def test_every_row_says_why_its_place_was_chosen() -> None:
    rows = _rows(_write())
    assert "location_reason" in EXTRA_COLUMNS
    assert rows[0]["location_reason"].startswith("named in the sentence as 'Palmyra'")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_page_text_is_defused_by_default_and_reads_back(start: str) -> None:
    events = sample_events()
    events[0].notes = f'{start}HYPERLINK("http://x.example","click")'
    events[0].actor1 = f"{start}1+1"
    buffer = io.StringIO(newline="")
    write_acled_csv(events, buffer, timestamp=1)
    row = _rows(buffer.getvalue())[0]
    assert row["notes"].startswith("'" + start) and row["actor1"] == "'" + start + "1+1"
    assert _rows(buffer.getvalue())[2]["latitude"] == "" and row["latitude"][0] != "'"
    [back, *_] = read_acled_csv(io.StringIO(buffer.getvalue(), newline=""))
    assert (back.notes, back.actor1) == (events[0].notes, events[0].actor1)
