"""KML export: placemarks, time stamps, escaping, round-trip with the stdlib parser and pyogrio."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from frontlines.publish.gpkg import EVENT_FIELDS, event_values, parse_point_wkb
from frontlines.publish.kml import KML_NAMESPACE, write_kml

from .test_gpkg import PAYLOAD, sample_events

NS = {"k": KML_NAMESPACE}


def _placemarks(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{KML_NAMESPACE}}}kml"
    return root.findall("k:Document/k:Placemark", NS)


def test_placemarks_round_trip(tmp_path: Path) -> None:
    events = sample_events()
    marks = _placemarks(write_kml(events, tmp_path / "events.kml"))
    assert len(marks) == 3
    for event, mark in zip(events, marks, strict=True):
        data = {
            d.get("name"): d.findtext("k:value", "", NS)
            for d in mark.findall("k:ExtendedData/k:Data", NS)
        }
        expected = {
            f.name: str(v).lower() if isinstance(v, bool) else str(v)
            for f in EVENT_FIELDS
            if (v := event_values(event)[f.name]) is not None
        }
        assert data == expected
    assert marks[0].findtext("k:name", None, NS) == "Armed clash - Kobanî"
    assert marks[0].findtext("k:Point/k:coordinates", None, NS) == "38.3536,36.891"
    assert marks[1].findtext("k:Point/k:coordinates", None, NS) == "-40.25,-34.5"
    assert marks[2].find("k:Point", NS) is None


def test_time_stamps(tmp_path: Path) -> None:
    marks = _placemarks(write_kml(sample_events(), tmp_path / "events.kml"))
    whens = [m.findtext("k:TimeStamp/k:when", None, NS) for m in marks]
    assert whens == ["2024-03-05", None, "2018-05-01"]


def test_description_is_escaped_text(tmp_path: Path) -> None:
    path = write_kml(sample_events(), tmp_path / "events.kml")
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw
    assert "CDATA" not in raw
    assert "&lt;script&gt;" in raw
    description = _placemarks(path)[0].findtext("k:description", "", NS)
    assert PAYLOAD in description
    assert "Islamic State (Syria)" in description
    assert "https://example.org/a?x=1&y=2" in description


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    event = sample_events()[0]
    event.notes = "bell\x07 and nul\x00 here"
    marks = _placemarks(write_kml([event], tmp_path / "events.kml"))
    data = {
        d.get("name"): d.findtext("k:value", "", NS)
        for d in marks[0].iter(f"{{{KML_NAMESPACE}}}Data")
    }
    assert data["notes"] == "bell and nul here"


def test_pyogrio_reads_it(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio (dev extra) is not installed")
    drivers = pyogrio.list_drivers()
    if "KML" not in drivers and "LIBKML" not in drivers:
        pytest.skip("this pyogrio's GDAL has neither the KML nor the LIBKML driver")
    from pyogrio import raw

    path = write_kml(sample_events(), tmp_path / "events.kml")
    meta, _fids, geometry, fields = raw.read(path)
    columns = dict(zip(list(meta["fields"]), fields, strict=True))
    assert parse_point_wkb(geometry[0]) == (38.3536, 36.891)
    assert geometry[2] is None
    assert columns["notes"][0] == PAYLOAD
    assert list(columns["event_id"]) == ["SYR-1", "SYR-2", "SYR-3"]
