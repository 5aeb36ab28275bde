"""The tiled map (PMTiles in the page) in a real headless browser: offline, filters, popups."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.publish import map_tiles, tiles, write_map
from frontlines.records import Document

from .test_map_browser import IMG, JS_URL, SCRIPT, _click_event, _control, _events, _slide_to

pytestmark = pytest.mark.browser
TILE_LAYER = "fl-tiles-events"


@pytest.fixture(scope="module")
def page(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    assets = Settings().assets_dir
    if not (assets / "maplibre-gl").exists() or not (assets / "pmtiles").exists():
        pytest.skip("node_modules/maplibre-gl or pmtiles missing: run `make setup` (npm ci)")
    document = Document(id="d1", source="x.html", title=IMG, text="")
    path = write_map(_events(), tmp_path_factory.mktemp("map") / "map.html", documents=[document],
                     title=IMG, control=_control(), tiles="always")  # fmt: skip
    assert 'id="frontlines-tiles">' in path.read_text("utf-8")
    context = chromium.new_context(viewport={"width": 1100, "height": 750})
    context.route("http*://**", lambda route: route.abort())  # offline: no network at all
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.goto(path.resolve().as_uri())
    tab.wait_for_function("window.frontlinesReady === true", timeout=30_000)
    yield tab
    context.close()
    assert errors == []


def _rendered(page: Any, count: int) -> None:
    page.wait_for_function(f"window.frontlinesRendered('{TILE_LAYER}') === {count}", timeout=10_000)


def test_events_come_from_the_tiles(page: Any) -> None:
    zoom = page.evaluate("window.frontlinesMap.getZoom()")
    assert zoom >= page.evaluate("JSON.parse(document.getElementById('frontlines-data')"
                                 ".textContent).tiles.zoom")  # fmt: skip
    _rendered(page, 3)
    assert page.locator("#count").text_content().startswith("3 of 3")


def test_filters_are_expressions_on_the_tiles(page: Any) -> None:
    count = page.locator("#count")
    page.uncheck("input[data-type='Strategic developments']")
    assert count.text_content().startswith("2 of 3")
    _rendered(page, 2)
    page.uncheck("input[data-cred='high']")
    assert count.text_content().startswith("0 of 3")
    _rendered(page, 0)
    page.check("input[data-cred='high']")
    page.check("input[data-type='Strategic developments']")
    _rendered(page, 3)
    page.fill("#actor", "no such actor")
    _rendered(page, 0)
    page.fill("#actor", "SYRIA")
    _rendered(page, 3)
    page.fill("#actor", "")


def test_time_slider_filters_the_tiles(page: Any) -> None:
    count = page.locator("#count")
    page.focus("#slider")
    page.keyboard.press("Home")  # the first day: 2024-01-10
    assert count.text_content().startswith("1 of 3")
    _rendered(page, 1)
    _slide_to(page, 36)  # 2024-02-15
    _rendered(page, 2)
    page.select_option("#window", "30")  # 2024-01-17 .. 2024-02-15
    assert count.text_content().startswith("1 of 3")
    _rendered(page, 1)
    page.select_option("#window", "0")
    page.keyboard.press("End")
    _rendered(page, 3)


def test_popup_from_tile_properties_shows_text_literally(page: Any) -> None:
    _slide_to(page, 70)
    _click_event(page, 38.28, 34.56)
    popup = page.locator(".maplibregl-popup-content")
    assert popup.locator(".evidence").text_content() == SCRIPT
    assert popup.locator("a").count() == 0 and JS_URL in popup.text_content()
    assert "Armed clash" in popup.text_content() and "2024-01-10" in popup.text_content()
    page.click(".maplibregl-popup-close-button")
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_control_layer_still_draws(page: Any) -> None:
    _slide_to(page, 70)  # 2024-03-20: the open, contested period
    page.wait_for_function("window.frontlinesRendered('control-squares') === 1", timeout=10_000)


def test_world_view_draws_the_sample_then_the_tiles_when_zoomed_in(
    chromium: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first view below the tiles' zooms is ready without the tiles' source (the sample
    draws the events); zooming in adds it and draws the events from the tiles."""
    monkeypatch.setattr(map_tiles, "write_tiles", functools.partial(tiles.write_tiles, zoom=8))
    far = dataclasses.replace(_events()[0], latitude=-33.9, longitude=151.2, event_id="e4")
    path = write_map([*_events(), far], tmp_path / "map.html", tiles="always")
    context = chromium.new_context(viewport={"width": 1100, "height": 750})
    context.route("http*://**", lambda route: route.abort())
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(path.resolve().as_uri())
    tab.wait_for_function("window.frontlinesReady === true", timeout=30_000)
    zoom = tab.evaluate(
        "JSON.parse(document.getElementById('frontlines-data').textContent).tiles.zoom"
    )
    assert tab.evaluate("window.frontlinesMap.getZoom()") < zoom - 1
    assert tab.evaluate("window.frontlinesMap.getSource('fl-tiles')") is None
    tab.wait_for_function("window.frontlinesRendered('fl-tiles-overview') === 4", timeout=10_000)
    # the sample's popup: the worker has only the filters' properties, the page the rest
    _click_event(tab, 151.2, -33.9)
    popup = tab.locator(".maplibregl-popup-content")
    assert popup.locator(".evidence").text_content() == SCRIPT
    assert "Armed clash" in popup.text_content() and "e4" in popup.text_content()
    assert popup.locator("a").count() == 0 and JS_URL in popup.text_content()
    tab.click(".maplibregl-popup-close-button")
    tab.evaluate(f"window.frontlinesMap.jumpTo({{center: [38.28, 34.56], zoom: {zoom + 0.5}}})")
    tab.wait_for_function("window.frontlinesRendered('fl-tiles-events') >= 1", timeout=10_000)
    context.close()
    assert errors == []
