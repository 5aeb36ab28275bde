"""The map in a real headless browser: loads offline, runs no page text, filters, popups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.publish import write_map
from frontlines.records import Document, Event, Span

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=2">'
JS_URL = "javascript:window.__xss=3"


def _events() -> list[Event]:
    common: dict[str, Any] = {"actor1": "Military Forces of Syria (2000-2024)", "time_precision": 1}
    return [
        Event("Battles", "Armed clash", evidence=Span(0, len(SCRIPT), SCRIPT),
              event_date="2024-01-10", location="Palmyra", latitude=34.56, longitude=38.28,
              geo_precision=2, fatalities=3, fatalities_known=True, document_id="d1",
              source=IMG, source_url=JS_URL, event_id="e1", **common),
        Event("Explosions/Remote violence", "Air/drone strike", evidence=Span(0, 4, IMG),
              event_date="2024-02-15", location="Idlib", latitude=35.93, longitude=36.63,
              document_id="d1", source="Example News", source_url="https://example.org/a",
              event_id="e2", **common),
        Event("Strategic developments", "Looting/property destruction",
              evidence=Span(0, 4, "Looting in Deir ez-Zor & more"), event_date="2024-03-20",
              location="Deir ez-Zor", latitude=35.33, longitude=40.14, credibility="low",
              source_part="comment", comment_id="c1", document_id="d1", event_id="e3", **common),
    ]  # fmt: skip


def _control() -> list[dict[str, Any]]:
    return [
        {"place_name": IMG, "lat": 35.6, "lon": 37.5, "holder": SCRIPT, "since": "2024-01-01",
         "until": "2024-02-01", "contested": False, "confidence": 0.9},
        {"place_name": "Raqqa", "lat": 35.95, "lon": 39.01, "holder": "SDF",
         "since": "2024-03-01", "until": None, "contested": True, "confidence": 0.5},
    ]  # fmt: skip


@pytest.fixture(scope="module")
def page(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    if not (Settings().assets_dir / "maplibre-gl").exists():
        pytest.skip("node_modules/maplibre-gl missing: run `make setup` (npm ci)")
    document = Document(id="d1", source="x.html", title=IMG, text="")
    path = write_map(_events(), tmp_path_factory.mktemp("map") / "map.html",
                     documents=[document], title=IMG, control=_control())  # fmt: skip
    context = chromium.new_context(viewport={"width": 1100, "height": 750})
    context.route("http*://**", lambda route: route.abort())  # offline: no network at all
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(path.resolve().as_uri())
    tab.wait_for_function("window.frontlinesReady === true", timeout=30_000)
    yield tab
    context.close()
    assert errors == []


def _click_event(page: Any, lon: float, lat: float) -> None:
    point = page.evaluate("([lon, lat]) => window.frontlinesMap.project([lon, lat])", [lon, lat])
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector(".maplibregl-popup-content .evidence", timeout=5_000)


def _close_popup(page: Any) -> None:
    page.click(".maplibregl-popup-close-button")


def _slide_to(page: Any, day: int) -> None:
    page.locator("#slider").evaluate(
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }", day
    )


def _rendered_control(page: Any) -> str:
    script = (
        "() => JSON.stringify(window.frontlinesMap.queryRenderedFeatures("
        "{layers: ['control-squares']}).map(f => f.properties.k).sort())"
    )
    return str(page.evaluate(script))


def test_payloads_never_run(page: Any) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.title() == IMG
    assert page.locator("#panel h1").text_content() == IMG
    assert SCRIPT in page.locator("#control-legend").text_content()


def test_popup_shows_text_literally_and_refuses_javascript_urls(page: Any) -> None:
    _click_event(page, 38.28, 34.56)
    popup = page.locator(".maplibregl-popup-content")
    assert popup.locator(".evidence").text_content() == SCRIPT
    assert popup.locator("a").count() == 0
    assert JS_URL in popup.text_content()
    assert "Armed clash" in popup.text_content() and "Palmyra" in popup.text_content()
    assert "2024-01-10" in popup.text_content()
    _close_popup(page)
    _click_event(page, 36.63, 35.93)
    link = page.locator(".maplibregl-popup-content a")
    assert link.get_attribute("href") == "https://example.org/a"
    assert page.locator(".maplibregl-popup-content .evidence").text_content() == IMG
    assert "credibility" in page.locator(".maplibregl-popup-content").text_content()
    _close_popup(page)
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_filters_change_the_count(page: Any) -> None:
    count = page.locator("#count")
    assert count.text_content().startswith("3 of 3")
    page.uncheck("input[data-type='Strategic developments']")
    assert count.text_content().startswith("2 of 3")
    page.uncheck("input[data-cred='high']")
    assert count.text_content().startswith("0 of 3")
    page.check("input[data-cred='high']")
    page.check("input[data-type='Strategic developments']")
    page.fill("#actor", "syria")
    assert count.text_content().startswith("3 of 3")
    page.fill("#actor", "no such actor")
    assert count.text_content().startswith("0 of 3")
    page.fill("#actor", "")
    assert count.text_content().startswith("3 of 3")


def test_time_slider_changes_the_count(page: Any) -> None:
    count = page.locator("#count")
    page.focus("#slider")
    page.keyboard.press("Home")  # the first day: 2024-01-10
    assert count.text_content().startswith("1 of 3")
    assert page.locator("#slider-date").text_content() == "up to 2024-01-10"
    _slide_to(page, 36)  # 2024-02-15
    assert count.text_content().startswith("2 of 3")
    page.select_option("#window", "30")  # 2024-01-17 .. 2024-02-15
    assert count.text_content().startswith("1 of 3")
    assert page.locator("#slider-date").text_content() == "2024-01-17 to 2024-02-15"
    page.select_option("#window", "0")
    page.keyboard.press("End")
    assert count.text_content().startswith("3 of 3")
    page.wait_for_function("window.frontlinesRendered('events') === 3", timeout=10_000)


def test_play_advances_the_date_and_pause_stops_it(page: Any) -> None:
    _slide_to(page, 0)
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "true"
    page.wait_for_function("Number(document.getElementById('slider').value) >= 2", timeout=5_000)
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "false"
    stopped = page.evaluate("document.getElementById('slider').value")
    page.wait_for_timeout(900)
    assert page.evaluate("document.getElementById('slider').value") == stopped
    assert page.locator("#slider-date").text_content() != "up to 2024-01-10"
    _slide_to(page, 70)


def test_control_square_shows_only_inside_its_period(page: Any) -> None:
    _slide_to(page, 10)  # 2024-01-20: the first period only
    assert page.evaluate("window.frontlinesControlShown") == 1
    page.wait_for_function(
        "JSON.stringify(window.frontlinesMap.queryRenderedFeatures({layers: ['control-squares']})"
        ".map(f => f.properties.k)) === '[0]'",
        timeout=10_000,
    )
    _slide_to(page, 25)  # 2024-02-04: between the periods
    assert page.evaluate("window.frontlinesControlShown") == 0
    page.wait_for_function("window.frontlinesRendered('control-squares') === 0", timeout=10_000)
    _slide_to(page, 70)  # 2024-03-20: the open, contested one
    page.wait_for_function("window.frontlinesRendered('control-rings') === 1", timeout=10_000)
    page.wait_for_function("window.frontlinesRendered('control-squares') === 1", timeout=10_000)
    assert _rendered_control(page) == "[1]"
    assert "on 2024-03-20: 1 place" in page.locator("#control-legend").text_content()


def test_screenshot(page: Any) -> None:
    _slide_to(page, 70)
    _click_event(page, 38.28, 34.56)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    assert (ARTIFACTS / "map.png").stat().st_size > 10_000
    assert page.evaluate("typeof window.__xss") == "undefined"
