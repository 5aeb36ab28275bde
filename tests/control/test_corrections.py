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


def test_the_cli_facade_applies_the_stores_corrections(tmp_path: Path) -> None:
    import datetime as dt

    from frontlines.api import Frontlines
    from frontlines.config import Settings
    from frontlines.records import Analysis, Document

    db = tmp_path / "store.sqlite"
    app = Frontlines(Settings(db=str(db)))
    with app.open_store(db) as store:
        store.save(Analysis(Document("d1", "x.txt", "x", "Nothing here.")))
    SqliteCorrectionLog(db).add(HolderCorrection("wp:sy:2", "Opposition Rebels (Syria)", "2018-01-01"))
    rows = app.control(dt.date(2018, 6, 1), baseline=True, db=db)
    airport = [r for r in rows if r["place_id"] == "wp:sy:2"]
    assert [r["holder"] for r in airport] == ["Opposition Rebels (Syria)"]
    assert airport[0]["kinds"] == ["review"]
