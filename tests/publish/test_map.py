"""The HTML map without a browser: self-contained, escaped, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.publish import render_map, write_map
from frontlines.publish.map import json_for_html, map_data
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
    assert data["bounds"] == [[36.230383, 34.56], [38.28, 49.9935]]
    assert data["events"][2]["latitude"] is None
    assert len(data["countries"]["features"]) > 200


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
    assert page.count("<script") == 3


@needs_assets
def test_no_events_fits_the_world() -> None:
    assert map_data([], None, Settings())["bounds"] == [[-180.0, -60.0], [180.0, 75.0]]
    assert "0 of 0" not in render_map([])  # the count is computed in the page
