"""The HTML map without a browser: self-contained, escaped, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.publish import render_map, write_map
from frontlines.publish.map import _columns, control_data, json_for_html, map_data
from frontlines.records import Event, Span

from .events_factory import sample_events

ASSETS = Settings().assets_dir
needs_assets = pytest.mark.skipif(
    not (ASSETS / "maplibre-gl" / "dist" / "maplibre-gl.js").exists(),
    reason=f"{ASSETS} has no maplibre-gl: run `make setup` (npm ci)",
)


def test_json_for_html_escapes_markup_and_line_separators() -> None:
    text = json_for_html({"a": "</script><b>&\u2028\u2029"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><b>&\u2028\u2029"}


def test_missing_assets_say_run_make_setup(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"make setup.*npm ci"):
        write_map(sample_events(), tmp_path / "m.html", settings=Settings(assets_dir=tmp_path))


@needs_assets
def test_map_data_bounds_and_types() -> None:
    data = map_data(sample_events(), None, Settings())
    assert data["types"] == ["Battles", "Explosions/Remote violence", "Strategic developments"]
    assert data["bounds"] == [[36.23038, 34.56], [38.28, 49.9935]]
    assert data["columns"]["lat"][2] is None and data["columns"]["lon"][2] is None


@needs_assets
def test_events_travel_by_column_with_days_and_codes() -> None:
    events = sample_events()
    data = map_data(events, None, Settings())
    assert data["n"] == 3
    assert data["first_day"] == "2024-03-05" and data["days"] == 2
    assert data["columns"]["day"] == [0, 2, -1]
    assert data["columns"]["fatalities"] == [4, -1, -1]  # -1: unknown
    source = data["coded"]["source"]
    assert [source["values"][c] for c in source["codes"]] == [e.source for e in events]
    assert source["codes"][0] == source["codes"][2]  # a repeated string is stored once


def test_bad_coordinates_and_dates_are_dropped_not_drawn() -> None:
    events = [
        Event("Battles", "", "A", Span(0, 1, "x"), event_date="2024-13-40",
              latitude=float("nan"), longitude=2.0),
        Event("Battles", "", "A", Span(0, 1, "x"), event_date="2024-01-01",
              latitude=91.0, longitude=2.0),
    ]  # fmt: skip
    data = _columns(events, {})
    assert data["columns"]["lat"] == [None, None] and data["columns"]["lon"] == [None, None]
    assert data["columns"]["day"] == [-1, 0]


def test_control_rows_need_a_point_and_a_start_date() -> None:
    rows = [
        {"place_name": "Palmyra", "lat": 34.56, "lon": 38.28, "holder": "IS",
         "since": "2015-05-21", "until": "2016-03-27", "contested": False, "confidence": 0.8},
        {"place_name": "Raqqa", "latitude": 35.95, "longitude": 39.01, "holder": "SDF",
         "since": "2017-10-17", "until": None, "contested": True, "confidence": 0.6},
        {"place_name": "Nowhere", "lat": None, "lon": 1.0, "holder": "X", "since": "2017-01-01"},
        {"place_name": "Undated", "lat": 1.0, "lon": 1.0, "holder": "X", "since": ""},
    ]  # fmt: skip
    data = control_data(rows)
    assert [p["place_name"] for p in data["periods"]] == ["Palmyra", "Raqqa"]
    assert data["periods"][1]["until"] == "" and data["periods"][1]["contested"] is True
    assert data["periods"][1]["lon"] == 39.01
    assert data["holders"] == ["IS", "SDF"]
    assert data["colors"]["IS"] != data["colors"]["SDF"]


@needs_assets
def test_page_is_offline_and_escaped(tmp_path: Path) -> None:
    evil = Event(
        "Battles", "Armed clash", "A", Span(0, 9, "</script><script>alert(1)</script>"),
        latitude=1.0, longitude=2.0,
    )  # fmt: skip
    path = write_map([evil], tmp_path / "out" / "m.html", title="<img src=x onerror=alert(2)>")
    page = path.read_text("utf-8")
    assert "<title>&lt;img src=x onerror=alert(2)&gt;</title>" in page
    assert "<script>alert(1)" not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*\shref=", page)
    # data, the countries' tiles, maplibre, pmtiles, map_pmtiles.js, map.js, map_territory.js
    assert page.count("<script") == 7


@needs_assets
def test_no_events_fits_the_world() -> None:
    assert map_data([], None, Settings())["bounds"] == [[-180.0, -60.0], [180.0, 75.0]]
    assert "0 of 0" not in render_map([])  # the count is computed in the page


def test_a_tiled_map_without_points_stays_inline() -> None:
    from frontlines.publish.map_tiles import wants_tiles

    unplaced = [e for e in sample_events() if e.latitude is None]
    assert unplaced and not wants_tiles(unplaced, "always")
    assert wants_tiles(sample_events(), "always") and not wants_tiles(sample_events(), "auto")
