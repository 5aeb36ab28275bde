"""GeoPackage export: pragmas, core tables, GeoPackageBinary, round-trip via sqlite3 and pyogrio."""

from __future__ import annotations

import json
import sqlite3
import struct
from pathlib import Path

import pytest

from frontlines.publish.gpkg import (
    EVENT_FIELDS,
    GPKG_APPLICATION_ID,
    GPKG_USER_VERSION,
    event_values,
    gpkg_point,
    parse_point_wkb,
    write_gpkg,
)
from frontlines.records import Event, Span

PAYLOAD = 'Shelling hit Kobanî <script>alert("x")</script> & “quotes” ☢'


def sample_events() -> list[Event]:
    """Three hand-built events: full, comment-sourced without a date, without coordinates."""
    return [
        Event(
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Syria (2000-2024)",
            actor2="Islamic State (Syria)",
            evidence=Span(12, 12 + len(PAYLOAD), PAYLOAD),
            event_date="2024-03-05",
            time_precision=1,
            disorder_type="Political violence",
            inter1=1,
            inter2=2,
            interaction=12,
            iso=760,
            country="Syria",
            admin1="Aleppo",
            location="Kobanî",
            latitude=36.891,
            longitude=38.3536,
            geo_precision=2,
            fatalities=4,
            fatalities_known=True,
            notes=PAYLOAD,
            document_id="doc-1",
            source="Example News",
            source_url="https://example.org/a?x=1&y=2",
            place_id="gn:1",
            sources=["https://example.org/a", "ü"],
            event_id="SYR-1",
        ),
        Event(
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Unidentified Armed Group (Syria)",
            evidence=Span(0, 9, "Drone hit"),
            location="Hajin",
            latitude=-34.5,
            longitude=-40.25,
            source_part="comment",
            comment_id="c7",
            credibility="low",
            warnings=["no publication date"],
            event_id="SYR-2",
        ),
        Event(
            event_type="Strategic developments",
            sub_event_type="Change to group/activity",
            actor1="Syrian Democratic Forces",
            evidence=Span(3, 8, "taken"),
            event_date="2018-05-01",
            time_precision=3,
            event_id="SYR-3",
        ),
    ]


def test_pragmas_and_core_tables(tmp_path: Path) -> None:
    path = write_gpkg(sample_events(), tmp_path / "events.gpkg")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == GPKG_USER_VERSION
        srs = {row[0]: row[1] for row in conn.execute(
            "SELECT srs_id, organization FROM gpkg_spatial_ref_sys")}  # fmt: skip
        assert srs == {4326: "EPSG", -1: "NONE", 0: "NONE"}
        contents = conn.execute(
            "SELECT table_name, data_type, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents"
        ).fetchall()
        assert contents == [("events", "features", 4326, -40.25, -34.5, 38.3536, 36.891)]
        geometry = conn.execute("SELECT * FROM gpkg_geometry_columns").fetchall()
        assert geometry == [("events", "geom", "POINT", 4326, 0, 0)]
    assert path.read_bytes()[68:72] == struct.pack(">I", GPKG_APPLICATION_ID)


def test_geometry_blob_layout() -> None:
    blob = gpkg_point(38.5, -12.25)
    magic, version, flags, srs = struct.unpack("<2sBBi", blob[:8])
    assert (magic, version, flags, srs) == (b"GP", 0, 0b11, 4326)
    assert struct.unpack("<4d", blob[8:40]) == (38.5, 38.5, -12.25, -12.25)
    assert parse_point_wkb(blob[40:]) == (38.5, -12.25)


def test_round_trip_with_sqlite(tmp_path: Path) -> None:
    events = sample_events()
    path = write_gpkg(events, tmp_path / "events.gpkg")
    names = [f.name for f in EVENT_FIELDS]
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT geom, {', '.join(names)} FROM events ORDER BY fid").fetchall()
    assert len(rows) == 3
    for event, row in zip(events, rows, strict=True):
        expected = event_values(event)
        assert dict(zip(names, row[1:], strict=True)) == expected
        if event.latitude is None:
            assert row[0] is None
        else:
            assert parse_point_wkb(row[0][40:]) == (event.longitude, event.latitude)
    assert rows[0][names.index("notes") + 1] == PAYLOAD
    assert json.loads(rows[0][names.index("sources") + 1]) == ["https://example.org/a", "ü"]
    assert rows[1][names.index("event_date") + 1] is None


def test_rewrite_replaces_file(tmp_path: Path) -> None:
    path = tmp_path / "events.gpkg"
    write_gpkg(sample_events(), path)
    write_gpkg(sample_events()[:1], path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    assert not list(tmp_path.glob("*.partial"))


def test_empty_export_is_valid(tmp_path: Path) -> None:
    path = write_gpkg([], tmp_path / "empty.gpkg")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert conn.execute("SELECT min_x FROM gpkg_contents").fetchone()[0] is None


def test_round_trip_with_pyogrio(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio (dev extra) is not installed")
    from pyogrio import raw

    events = sample_events()
    path = write_gpkg(events, tmp_path / "events.gpkg")
    info = pyogrio.read_info(path)
    assert info["driver"] == "GPKG"
    assert info["crs"] == "EPSG:4326"
    assert info["geometry_type"] == "Point"
    assert info["features"] == 3
    meta, _fids, geometry, fields = raw.read(path)
    columns = dict(zip(list(meta["fields"]), fields, strict=True))
    assert parse_point_wkb(geometry[0]) == (38.3536, 36.891)
    assert parse_point_wkb(geometry[1]) == (-40.25, -34.5)
    assert geometry[2] is None
    assert list(columns["notes"]) == [PAYLOAD, "", ""]
    assert str(columns["event_date"][0]) == "2024-03-05"
    assert list(columns["credibility"]) == ["high", "low", "high"]
    assert list(columns["fatalities"]) == [4, 0, 0]
    assert list(columns["fatalities_known"]) == [True, False, False]
