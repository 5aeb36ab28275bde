"""One self-contained, offline HTML map of events (MapLibre GL JS inlined, no network).

The page embeds: MapLibre's JS and CSS (read from ``Settings.assets_dir``, installed by
``make setup``), Natural Earth country polygons decoded from ``world-atlas``' TopoJSON, and
the events as JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped, so page text can never end the block or run as code. Popups are
built with DOM ``textContent``; a source is a link only for http(s) URLs.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..records import Document, Event
from .topojson import to_geojson

ATTRIBUTION = (
    "Base map: Natural Earth (public domain) via world-atlas · Places: GeoNames (CC BY 4.0) · "
    "Wikipedia contributors (CC BY-SA 4.0) · frontlines"
)
TYPE_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
OTHER_COLOR = "#7f7f7f"
WORLD = [[-180.0, -60.0], [180.0, 75.0]]
_ASSETS = {
    "js": "maplibre-gl/dist/maplibre-gl.js",
    "css": "maplibre-gl/dist/maplibre-gl.css",
    "countries": "world-atlas/countries-50m.json",
}
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}  # fmt: skip


def json_for_html(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _asset(settings: Settings, key: str) -> str:
    path = Path(settings.assets_dir) / _ASSETS[key]
    try:
        return path.read_text("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            f"map asset {path} is missing; run `make setup` (npm ci) in the project, "
            "or point FRONTLINES_ASSETS_DIR at a node_modules folder with maplibre-gl "
            "and world-atlas"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read map asset {path} ({exc}); run `make setup` again") from exc


def _inline(code: str, tag: str, what: str) -> str:
    """Code to put inside ``<tag>``: refused if it could close the element early."""
    lowered = code.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ConfigError(f"{what} contains '</{tag}' or '<!--' and cannot be inlined safely")
    return code


def _countries(settings: Settings) -> dict[str, Any]:
    try:
        topology = json.loads(_asset(settings, "countries"))
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"world-atlas countries file is not JSON ({exc}); run `make setup`"
        ) from exc
    return to_geojson(topology, "countries", digits=3)


def _event_json(index: int, event: Event, titles: dict[str, str]) -> dict[str, Any]:
    out = event.to_dict()
    out["i"] = index
    out["document_title"] = titles.get(event.document_id, "")
    for axis in ("latitude", "longitude"):
        value = out[axis]
        if value is not None and not -1e9 < value < 1e9:  # NaN/inf fail this too
            out[axis] = None
    if out["latitude"] is None or out["longitude"] is None:
        out["latitude"] = out["longitude"] = None
    return out


def _bounds(events: list[dict[str, Any]]) -> list[list[float]]:
    points = [(e["longitude"], e["latitude"]) for e in events if e["latitude"] is not None]
    if not points:
        return WORLD
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad = 0.5 if east - west < 0.5 and north - south < 0.5 else 0.0
    return [[west - pad, south - pad], [east + pad, north + pad]]


def map_data(
    events: list[Event], documents: Iterable[Document] | None, settings: Settings
) -> dict[str, Any]:
    """Everything the page's script reads (events, base map, colours, bounds)."""
    titles = {d.id: d.title for d in documents or ()}
    records = [_event_json(i, e, titles) for i, e in enumerate(events)]
    types = sorted({e.event_type for e in events}, key=lambda t: (t not in TYPE_COLORS, t))
    return {
        "events": records,
        "types": types,
        "colors": {t: TYPE_COLORS[t] for t in types if t in TYPE_COLORS},
        "other_color": OTHER_COLOR,
        "bounds": _bounds(records),
        "countries": _countries(settings),
        "attribution": ATTRIBUTION,
    }


def render_map(
    events: Iterable[Event],
    *,
    documents: Iterable[Document] | None = None,
    settings: Settings | None = None,
    title: str = "frontlines",
) -> str:
    """The map page as one HTML string."""
    settings = settings or Settings.from_env()
    template = resources.files("frontlines.publish").joinpath("templates/map.html")
    app_js = resources.files("frontlines.publish").joinpath("templates/map.js")
    values = {
        "TITLE": html.escape(title),
        "MAPLIBRE_CSS": _inline(_asset(settings, "css"), "style", "maplibre-gl.css"),
        "MAPLIBRE_JS": _inline(_asset(settings, "js"), "script", "maplibre-gl.js"),
        "APP_JS": _inline(app_js.read_text("utf-8"), "script", "map.js"),
        "DATA": json_for_html(map_data(list(events), documents, settings)),
    }
    # One pass: text put in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template.read_text("utf-8"))


def write_map(
    events: Iterable[Event],
    path: str | Path,
    *,
    documents: Iterable[Document] | None = None,
    settings: Settings | None = None,
    title: str = "frontlines",
) -> Path:
    """Write the offline HTML map of ``events`` to ``path``; return the path written."""
    page = render_map(events, documents=documents, settings=settings, title=title)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the map to {target} ({exc}); choose another path") from exc
    return target
