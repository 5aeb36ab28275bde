"""Control areas, front lines and labels in a real headless browser (a fixture store)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.control.areas import place_cells, places_of
from frontlines.control.periods import ControlPeriod
from frontlines.publish import render_map, write_map
from frontlines.publish.holder_colours import holder_colour
from frontlines.publish.map_territory import front_edges
from frontlines.publish.tiles import write_tiles
from frontlines.records import Event, Span

pytestmark = pytest.mark.browser

GOV = "Military Forces of Syria (2000-)"
SDF = "SDF: Syrian Democratic Forces"
LAND = (0xF2, 0xEF, 0xE6)
OPACITY = 0.42  # the areas' fill opacity in map_territory.js
WEST, EAST, MOVING = (38.55, 35.75), (39.45, 35.75), (39.05, 35.75)


def _periods() -> list[ControlPeriod]:
    """Ten places in a row around Raqqa: the west government, the east SDF; the middle
    one passes from the government to the SDF on 2024-03-01."""
    rows = []
    for i in range(10):
        lon = 38.55 + i * 0.1
        pid = f"p{i}"
        if abs(lon - MOVING[0]) < 1e-6:
            rows.append(ControlPeriod(pid, pid, GOV, "2024-01-01", "2024-03-01", 0.6, False, [], 35.75, lon, "SY"))
            rows.append(ControlPeriod(pid, pid, SDF, "2024-03-01", "", 0.6, False, [], 35.75, lon, "SY"))
        else:
            holder = GOV if lon < MOVING[0] else SDF
            rows.append(ControlPeriod(pid, pid, holder, "2024-01-01", "", 0.6, False, [], 35.75, lon, "SY"))
    return rows  # fmt: skip


def _events() -> list[Event]:
    return [
        Event("Battles", "Armed clash", GOV, Span(0, 5, "Clash"), event_date=day,
              latitude=36.2, longitude=39.0, event_id=f"e{i}", document_id="d")
        for i, day in enumerate(("2024-01-01", "2024-06-01"))
    ]  # fmt: skip


def _served(route: Any, page: str, archive: bytes) -> None:
    """A stand-in server: the page at /, the archive with HTTP ranges at /tiles/."""
    url = route.request.url
    if not url.endswith(".pmtiles"):
        route.fulfill(status=200, content_type="text/html", body=page)
        return
    first, _, last = route.request.headers.get("range", "bytes=0-").removeprefix("bytes=").partition("-")
    start, end = int(first), min(int(last or len(archive) - 1), len(archive) - 1)
    route.fulfill(status=206, body=archive[start : end + 1], headers={
        "Content-Range": f"bytes {start}-{end}/{len(archive)}", "Accept-Ranges": "bytes",
        "Content-Type": "application/vnd.pmtiles"})  # fmt: skip


def _open(context: Any, tmp: Path, mode: str) -> tuple[Any, list[str]]:
    """The map page, its areas from its own tiles (``never``, ``always``: an offline file)
    or from the control layers of a served archive (``served``)."""
    periods = _periods()
    cells = place_cells(places_of(periods))
    control = [p.to_dict() for p in periods]
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    if mode != "served":
        context.route("http*://**", lambda route: route.abort())
        path = write_map(_events(), tmp / "map.html", control=control, areas=cells, tiles=mode)
        tab.goto(path.resolve().as_uri())
        return tab, errors
    tiles = write_tiles(_events(), tmp / "events.pmtiles", cells=cells,
                        fronts=front_edges(periods, cells))  # fmt: skip
    page = render_map(_events(), control=control, areas=cells, tiles="always",
                      served_tiles=("/tiles/events.pmtiles", tiles))  # fmt: skip
    archive = tiles.path.read_bytes()
    context.route("http*://**", lambda route: _served(route, page, archive))
    tab.goto("http://frontlines.test/")
    return tab, errors


@pytest.fixture(scope="module", params=["never", "always"])
def page(
    chromium: Any, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Any]:
    if not (Settings().assets_dir / "maplibre-gl").exists():
        pytest.skip("node_modules/maplibre-gl missing: run `make setup` (npm ci)")
    context = chromium.new_context(viewport={"width": 1000, "height": 700})
    tab, errors = _open(context, tmp_path_factory.mktemp("territory"), request.param)
    tab.wait_for_function("window.frontlinesReady === true", timeout=30_000)
    # the areas are vector tiles: the offline page's own archive (publish/map_base.py), or a
    # served archive's control layers
    url = tab.evaluate("window.frontlinesMap.getSource('control-tiles').url")
    own = "pmtiles://frontlines-control"
    assert url.startswith("pmtiles://") and (url == own) == (request.param != "served")
    tab.evaluate("window.frontlinesMap.jumpTo({center: [39.0, 35.75], zoom: 8})")
    tab.wait_for_function("window.frontlinesMap.loaded() && !window.frontlinesMap.isMoving()")
    yield tab
    context.close()
    assert errors == []


def _slide_to(page: Any, day: int) -> None:
    page.locator("#slider").evaluate(
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }", day
    )
    page.wait_for_function("!window.frontlinesMap.isMoving() && window.frontlinesMap.loaded()")
    page.wait_for_timeout(600)  # the new feature states drawn


def _pixel(page: Any, lonlat: tuple[float, float]) -> tuple[int, int, int]:
    from PIL import Image

    point = page.evaluate("(c) => window.frontlinesMap.project(c)", list(lonlat))
    box = page.locator("#map").bounding_box()
    # a few pixels below the place: off its dot and label
    clip = {"x": box["x"] + point["x"], "y": box["y"] + point["y"] + 25, "width": 1, "height": 1}
    image = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("RGB")
    r, g, b = image.getpixel((0, 0))
    return (int(r), int(g), int(b))


def _expected(holder: str) -> tuple[float, ...]:
    colour = holder_colour(holder)
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(OPACITY * c + (1 - OPACITY) * land for c, land in zip(rgb, LAND, strict=True))


def _close(actual: tuple[int, int, int], expected: tuple[float, ...]) -> bool:
    return max(abs(a - e) for a, e in zip(actual, expected, strict=True)) <= 14


def test_areas_are_drawn_in_the_holders_colours(page: Any) -> None:
    _slide_to(page, 152)  # 2024-06-01, the last day
    assert _close(_pixel(page, WEST), _expected(GOV)), _pixel(page, WEST)
    assert _close(_pixel(page, EAST), _expected(SDF)), _pixel(page, EAST)
    assert page.evaluate("window.frontlinesAreas.fronts") >= 1


def test_the_slider_changes_the_areas(page: Any) -> None:
    _slide_to(page, 152)
    assert _close(_pixel(page, MOVING), _expected(SDF))
    _slide_to(page, 30)  # 2024-01-31: the middle place is still the government's
    assert _close(_pixel(page, MOVING), _expected(GOV)), _pixel(page, MOVING)
    assert page.evaluate("window.frontlinesAreas.date") == "2024-01-31"
    _slide_to(page, 152)


def test_town_and_province_labels_appear(page: Any) -> None:
    assert page.evaluate("window.frontlinesLabels") > 3
    towns = page.locator(".fl-town").all_text_contents()
    assert any("Raqq" in t for t in towns), towns
    page.evaluate("window.frontlinesMap.jumpTo({center: [39.5, 35.3], zoom: 6.5})")
    page.wait_for_function("!window.frontlinesMap.isMoving() && window.frontlinesMap.loaded()")
    page.wait_for_timeout(300)
    provinces = page.locator(".fl-province").all_text_contents()
    assert "DEIR EZ-ZOR" in provinces and len(provinces) >= 4, provinces
    assert "SYRIA" in page.locator(".fl-country").all_text_contents()
    page.evaluate("window.frontlinesMap.jumpTo({center: [39.0, 35.75], zoom: 8})")
    page.wait_for_function("!window.frontlinesMap.isMoving() && window.frontlinesMap.loaded()")


def test_a_place_history_opens_with_its_holders(page: Any) -> None:
    k = page.evaluate("window.frontlinesApp.data.territory.points.findIndex(p => Math.abs(p[0] - 39.05) < 1e-6)")
    page.evaluate("(k) => window.frontlinesPlaceHistory(k)", k)
    text = page.locator(".fl-history").text_content()
    assert GOV in text and SDF in text and "2024-03-01" in text
    page.click(".maplibregl-popup-close-button")


def test_the_control_squares_show_when_zoomed_in_past_the_areas(page: Any) -> None:
    # with areas the squares start at zoom 8.5; their source goes in near that zoom
    page.evaluate("window.frontlinesMap.jumpTo({center: [39.0, 35.75], zoom: 9.5})")
    page.wait_for_function("!window.frontlinesMap.isMoving() && window.frontlinesMap.loaded()")
    page.wait_for_function("window.frontlinesRendered('control-squares') >= 5", timeout=10_000)
    page.evaluate("window.frontlinesMap.jumpTo({center: [39.0, 35.75], zoom: 8})")
    page.wait_for_function("window.frontlinesRendered('control-squares') === 0", timeout=10_000)
