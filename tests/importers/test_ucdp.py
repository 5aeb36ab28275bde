"""UCDP GED CSV import on invented fixture rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import UnsupportedInputError
from frontlines.importers import UCDP_SOURCE, read_ucdp_ged_csv
from frontlines.importers.ucdp import geo_precision, time_precision

DATA = Path(__file__).parent / "data"


def test_reads_rows_and_skips_bad_ones() -> None:
    result = read_ucdp_ged_csv(DATA / "ucdp_sample.csv")
    assert [e.event_id for e in result.events] == ["ucdp:900001", "ucdp:900002", "ucdp:900003"]
    assert [s.line for s in result.skipped] == [5, 6]
    assert "type_of_violence" in result.skipped[0].reason
    assert "where_prec 9" in result.skipped[1].reason


def test_state_based_row() -> None:
    event = read_ucdp_ged_csv(DATA / "ucdp_sample.csv").events[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1, event.actor2) == ("Government of Testland", "ELF")
    assert event.event_date == "2021-03-01"
    assert (event.time_precision, event.geo_precision) == (1, 1)
    assert (event.latitude, event.longitude) == (10.125, -2.5)
    assert (event.location, event.admin1, event.admin2) == (
        "Alpha town", "North province", "Alpha district")  # fmt: skip
    assert (event.fatalities, event.fatalities_known) == (3, True)
    assert (event.source, event.credibility, event.document_id) == (
        UCDP_SOURCE, "high", "ucdp:900001")  # fmt: skip
    assert event.sources == ['Example Wire, 2021-03-02, "Clashes in the north"']
    assert event.evidence.text == event.notes
    assert event.evidence.end == len(event.notes)
    assert "low 3, high 5" in event.notes
    assert "Clashes in the north" in event.notes


def test_non_state_and_one_sided_rows() -> None:
    _, second, third = read_ucdp_ged_csv(DATA / "ucdp_sample.csv").events
    assert second.event_type == "Battles"
    assert (second.time_precision, second.geo_precision) == (3, 2)
    assert "2021-04-01 to 2021-04-30" in second.notes
    assert (third.event_type, third.sub_event_type) == ("Violence against civilians", "Attack")
    assert third.civilian_targeting == "Civilian targeting"
    assert (third.time_precision, third.geo_precision) == (2, 3)
    assert third.fatalities == 7


@pytest.mark.parametrize(("where", "expected"), [(1, 1), (2, 2), (3, 2), (4, 3), (7, 3), (None, 3)])
def test_geo_precision(where: int | None, expected: int) -> None:
    assert geo_precision(where) == expected


@pytest.mark.parametrize(("prec", "expected"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)])
def test_time_precision(prec: int, expected: int) -> None:
    assert time_precision(prec) == expected


def test_not_a_ged_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text("event_date,event_type,actor1\n2022-01-01,Riots,B\n", encoding="utf-8")
    with pytest.raises(UnsupportedInputError, match="UCDP GED"):
        read_ucdp_ged_csv(path)
