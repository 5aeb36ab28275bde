"""Situation reports: files, selection, escaping, offline HTML, empty areas, the PNG."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.publish.sitrep import parse_bbox, select_events, write_report
from frontlines.publish.sitrep_map import COUNTRIES_FILE, map_extent
from frontlines.publish.sitrep_render import md_escape, safe_url
from frontlines.records import Document, Event, Span

ROOT = Path(__file__).resolve().parents[2]
BBOX = (39.5, 34.3, 41.0, 35.6)
START, END = dt.date(2018, 5, 1), dt.date(2018, 5, 31)
XSS = '<script>alert("x")</script><img src="http://evil.example/x.png">'


def _settings() -> Settings:
    assets = ROOT / "node_modules"
    if not (assets / COUNTRIES_FILE).exists():
        pytest.skip(f"needs {assets / COUNTRIES_FILE} (run `make setup`); it is absent")
    return Settings(assets_dir=assets)


def _events() -> list[Event]:
    def event(date: str, kind: str, place: str, lat: float, lon: float, **kw: object) -> Event:
        text = str(kw.pop("text", f"Fighting in {place}."))
        return Event(
            kind, "Armed clash", "Military Forces of Syria (2000-2024)", Span(0, len(text), text),
            event_date=date, time_precision=1, location=place, latitude=lat, longitude=lon,
            document_id="d1", **kw,  # type: ignore[arg-type]
        )  # fmt: skip

    return [
        event("2018-05-20", "Battles", "Hajin", 34.69, 40.83, fatalities=3, fatalities_known=True),
        event("2018-05-03", "Explosions/Remote violence", "Al Mayadin", 35.02, 40.45,
              text=f"Jets hit {XSS} \u201cMayadin\u201d [x](javascript:alert(1))",
              credibility="low", source_part="comment", comment_id="c1"),
        event("2018-06-02", "Battles", "Hajin", 34.69, 40.83),  # after the period
        event("2018-05-05", "Battles", "Palmyra", 34.56, 38.28),  # outside the area
        event("", "Battles", "Hajin", 34.69, 40.83),  # no date
    ]  # fmt: skip


def _documents() -> list[Document]:
    return [
        Document("d1", "p.html", f"Report {XSS}", "text", published=dt.date(2018, 5, 21),
                 url="https://example.org/news?a=1&b=2"),
        Document("d9", "q.html", "Unused page", "text", url="javascript:alert(1)"),
    ]  # fmt: skip


def _write(tmp_path: Path, events: list[Event] | None = None) -> tuple[Path, str, str]:
    paths = write_report(
        _events() if events is None else events, tmp_path / "out", area_name=f"Valley {XSS}",
        bbox=BBOX, start=START, end=END, documents=_documents(), settings=_settings(),
        control_changes=[{"place": "Hajin", "holder": "Islamic State", "since": "2018-05-01",
                          "evidence": f"IS holds Hajin {XSS}"}],
    )  # fmt: skip
    assert paths.warnings == []
    return paths.png, paths.html.read_text("utf-8"), paths.markdown.read_text("utf-8")


def test_files_and_selection(tmp_path: Path) -> None:
    png, html_text, md_text = _write(tmp_path)
    assert {p.name for p in png.parent.iterdir()} == {"report.html", "report.md", "map.png"}
    assert html_text.index("Al Mayadin") < html_text.index("Hajin")  # date order
    assert "Palmyra" not in html_text and "2018-06-02" not in html_text
    assert "2 events in this area" in html_text and "2 events in this area" in md_text
    assert "Fatalities: 3" in html_text and "Fatalities: unknown" in html_text
    assert "low (reader comment)" in html_text
    assert "Islamic State" in html_text and "Islamic State" in md_text
    assert "Unused page" not in html_text  # only the sources the report cites


def test_html_is_escaped_and_offline(tmp_path: Path) -> None:
    _png, html_text, _md = _write(tmp_path)
    assert "<script" not in html_text.lower()
    assert "&lt;script&gt;" in html_text
    assert re.findall(r'\bsrc="([^"]*)"', html_text) == ["map.png"]
    hrefs = re.findall(r'\bhref="([^"]*)"', html_text)
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)
    assert "<link" not in html_text and "@import" not in html_text
    assert "javascript:" not in html_text.replace("[x](javascript:alert(1))", "")
    assert "\u201cMayadin\u201d" in html_text
    assert "Natural Earth; GeoNames CC BY 4.0; Wikipedia contributors CC BY-SA 4.0" in html_text


def test_markdown_is_escaped(tmp_path: Path) -> None:
    _png, _html, md_text = _write(tmp_path)
    assert "<" not in md_text.replace("\\<", "")
    assert not re.search(r"(?<!\\)\]\(javascript", md_text)
    assert "\\[x\\](javascript:alert(1))" in md_text
    assert "[Report \\<script\\>" in md_text  # link text escaped, link to the https source
    assert "](https://example.org/news?a=1&b=2)" in md_text
    assert "![Map of the events in" in md_text and "](map.png)" in md_text


def test_png_is_a_drawn_map(tmp_path: Path) -> None:
    png, _html, _md = _write(tmp_path)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000
    image = pytest.importorskip("matplotlib.image")
    pixels = image.imread(png)
    assert pixels.shape[0] > 300 and pixels.shape[1] > 300
    colours = {tuple(p) for p in pixels[::7, ::7].reshape(-1, pixels.shape[2]).tolist()}
    assert len(colours) > 20
    battles_red = (0xD6 / 255, 0x27 / 255, 0x28 / 255)
    reds = (abs(pixels[..., :3] - battles_red).max(axis=-1) < 0.02).sum()
    assert reds > 20  # at least one Battles marker


def test_empty_area_still_gets_a_report(tmp_path: Path) -> None:
    png, html_text, md_text = _write(tmp_path, events=[])
    assert "No events were recorded in this area during this period." in html_text
    assert "No events were recorded in this area during this period." in md_text
    assert png.stat().st_size > 5_000
    pixels = pytest.importorskip("matplotlib.image").imread(png)
    assert len({tuple(p) for p in pixels[::9, ::9].reshape(-1, pixels.shape[2]).tolist()}) > 5


def test_missing_base_map_is_a_warning(tmp_path: Path) -> None:
    paths = write_report(
        _events(), tmp_path / "out", area_name="Valley", bbox=BBOX, start=START, end=END,
        settings=Settings(assets_dir=tmp_path / "no_node_modules"),
    )  # fmt: skip
    assert paths.png.exists() and paths.events == 2
    assert len(paths.warnings) == 1 and "make setup" in paths.warnings[0]


def test_select_events_and_bbox_checks() -> None:
    chosen = select_events(_events(), BBOX, START, END)
    assert [e.location for e in chosen] == ["Al Mayadin", "Hajin"]
    assert parse_bbox(" 39.5, 34.3,41,35.6") == (*BBOX[:2], 41.0, 35.6)
    for bad in ("1,2,3", "a,b,c,d", "41,34,39,35", "0,0,1,95"):
        with pytest.raises(ConfigError):
            parse_bbox(bad)
    with pytest.raises(ConfigError, match="before it starts"):
        write_report([], "unused", area_name="x", bbox=BBOX, start=END, end=START)
    assert map_extent((10.0, 10.0, 10.5, 10.5))[0] < 10.0


def test_escape_helpers() -> None:
    assert md_escape("a <b> [c](d) `e` *f* |g| $h$\nnext") == (
        "a \\<b\\> \\[c\\](d) \\`e\\` \\*f\\* \\|g\\| \\$h\\$ next"
    )
    assert safe_url("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "ftp://x.org", ""):
        assert safe_url(bad) == ""
