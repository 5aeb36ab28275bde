"""The Wikipedia baseline layer (a tiny fixture) and control_at over a memory store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.control import BASELINE_SINCE, control_at, format_table, load_baseline
from frontlines.control.baseline import mark_holders
from frontlines.records import Analysis, Document, Event, Mention, Place, Span
from frontlines.store import MemoryStore

HEADER = "name\tlink_target\tlat\tlon\tmark\tmark_meaning\tlabel_raw\tmodule\n"
SYRIA = (
    "Palmyra\tPalmyra\t34.56\t38.28\tgov\tx\t[[Palmyra]]\tM\n"
    "Raqqa\tRaqqa\t35.95\t39.01\tgov_IS\tx\t[[Raqqa]]\tM\n"
    "Aleppo\tAleppo\t36.2\t37.15\tF:Rif_Aleppo2.svg\tx\t[[Aleppo]]\tM\n"
    "Tabqa\tTabqa\t35.83\tbad\tSDF\tx\t[[Tabqa]]\tM\n"
    "T4\tT4\t34.52\t37.62\tgov_air\tx\t[[T4]]\tM\n"
)
GOV = "Military Forces of Syria (2000-)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "wikipedia_syria_detailed_map.tsv").write_text(HEADER + SYRIA, "utf-8")
    (tmp_path / "wikipedia_iraq_detailed_map.tsv").write_text(
        HEADER + "Mosul\tMosul\t36.35\t43.15\tIS\tx\t[[Mosul]]\tM\n", "utf-8"
    )
    return tmp_path


def test_mark_holders() -> None:
    assert mark_holders("gov_hill") == ["gov"]
    assert mark_holders("stable_gov_SDF") == ["gov", "SDF"]
    assert mark_holders("F:BSicon STRrf red.svg") == []
    assert mark_holders("pass_NE") == [] and mark_holders("mark") == []


def test_baseline_reads_marks(folder: Path) -> None:
    layer = load_baseline(folder)
    got = sorted((c.place_name, c.holder) for c in layer.claims)
    assert got == [
        ("Mosul", "Islamic State (Iraq)"),
        ("Palmyra", GOV),
        ("Raqqa", "Islamic State (Syria)"),
        ("Raqqa", GOV),
        ("T4", GOV),
    ]
    assert all(c.since == BASELINE_SINCE and c.kind == "baseline" for c in layer.claims)
    assert all(c.confidence < 0.3 for c in layer.claims)
    assert layer.places["wp:sy:1"].lat == 34.56
    assert "CC BY-SA 4.0" in layer.attribution


def test_packaged_baseline_is_readable() -> None:
    layer = load_baseline()
    if not layer.claims:
        pytest.skip("the detailed-map TSV files are not in frontlines/geo/data/wikipedia yet")
    assert len(layer.places) > 1000
    assert all(-180 <= p.lon <= 180 and -90 <= p.lat <= 90 for p in layer.places.values())


def _store() -> MemoryStore:
    store = MemoryStore()
    palmyra = Place("wp:sy:1", "Palmyra", 34.56, 38.28, "P.PPL", "SY")
    text = "ISIS took Palmyra again."
    event = Event(
        "Strategic developments", "Non-state actor overtakes territory", "Islamic State (Syria)",
        Span(0, len(text), text), event_date="2018-02-01", location="Palmyra",
        latitude=34.56, longitude=38.28, place_id="wp:sy:1", geo_precision=1,
    )  # fmt: skip
    doc = Document("d1", "x.txt", "t", text, published=dt.date(2018, 2, 2))
    store.save(Analysis(doc, [Mention("Palmyra", 10, 17, place=palmyra)], [event]))
    return store


def test_control_at_with_and_without_baseline(folder: Path) -> None:
    store = _store()
    assert control_at(store, "2017-12-01") == []
    rows = control_at(store, dt.date(2018, 3, 1))
    assert [(r["place_name"], r["holder"]) for r in rows] == [("Palmyra", "Islamic State (Syria)")]
    json.dumps(rows)
    with_base = control_at(store, "2017-12-01", baseline=True, baseline_folder=folder)
    assert ("Palmyra", GOV) in {(r["place_name"], r["holder"]) for r in with_base}
    later = control_at(store, "2018-03-01", baseline=True, baseline_folder=folder)
    palmyra = [r["holder"] for r in later if r["place_name"] == "Palmyra"]
    assert palmyra == ["Islamic State (Syria)"]
    east = control_at(
        store, "2017-12-01", area=(43.0, 36.0, 44.0, 37.0), baseline=True, baseline_folder=folder
    )
    assert [r["place_name"] for r in east] == ["Mosul"]


def test_format_table(folder: Path) -> None:
    rows = control_at(_store(), "2017-12-01", baseline=True, baseline_folder=folder)
    text = format_table(rows)
    assert text.splitlines()[0].split() == ["place", "holder", "since", "until", "conf", "evidence"]
    assert "(contested)" in text and "Raqqa" in text
    assert "no control periods" in format_table([])
