"""Analysts' holder corrections: cut into the computed periods, kept in the store file."""

from __future__ import annotations

from pathlib import Path

from frontlines.control.corrections import (
    HolderCorrection,
    SqliteCorrectionLog,
    apply_corrections,
    check_correction,
)
from frontlines.control.periods import ControlPeriod


def _periods() -> list[ControlPeriod]:
    return [
        ControlPeriod("p1", "Town", "A", "2020-01-01", "2020-06-01", 0.6, lat=35.0, lon=38.0),
        ControlPeriod("p1", "Town", "B", "2020-06-01", "", 0.7, lat=35.0, lon=38.0),
        ControlPeriod("p2", "Other", "A", "2020-01-01", "", 0.6, lat=35.1, lon=38.1),
    ]


def test_a_correction_splits_the_periods_it_overlaps() -> None:
    fixed = apply_corrections(_periods(), [HolderCorrection("p1", "C", "2020-03-01", "2020-08-01")])
    town = sorted((p.since, p.until, p.holder) for p in fixed if p.place_id == "p1")
    assert town == [("2020-01-01", "2020-03-01", "A"), ("2020-03-01", "2020-08-01", "C"),
                    ("2020-08-01", "", "B")]  # fmt: skip
    review = next(p for p in fixed if p.holder == "C")
    assert review.kinds == ["review"] and review.lat == 35.0
    assert [p.holder for p in fixed if p.place_id == "p2"] == ["A"]


def test_an_open_correction_replaces_everything_after_it() -> None:
    fixed = apply_corrections(_periods(), [HolderCorrection("p1", "C", "2020-05-01")])
    town = sorted((p.since, p.until, p.holder) for p in fixed if p.place_id == "p1")
    assert town == [("2020-01-01", "2020-05-01", "A"), ("2020-05-01", "", "C")]


def test_a_correction_for_an_unknown_place_changes_nothing() -> None:
    assert apply_corrections(_periods(), [HolderCorrection("zz", "C", "2020-05-01")]) == _periods()


def test_bad_corrections_are_explained() -> None:
    assert "empty" in (check_correction(" ", "2020-01-01", "") or "")
    assert "not a date" in (check_correction("A", "May", "") or "")
    assert "not after" in (check_correction("A", "2020-05-01", "2020-04-01") or "")
    assert check_correction("A", "2020-05-01", "") is None


def test_sqlite_log_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    first = SqliteCorrectionLog(path)
    stored = first.add(HolderCorrection("p1", "C", "2020-05-01", note="seen on video"))
    first.close()
    again = SqliteCorrectionLog(path).all()
    assert again == [stored] and stored.created
