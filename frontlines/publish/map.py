"""One self-contained, offline HTML map of events (MapLibre GL JS inlined, no network).

The page embeds: MapLibre's JS and CSS (read from ``Settings.assets_dir``, installed by
``make setup``), Natural Earth country polygons read from ``world-atlas``' TopoJSON by GDAL, and
the events as JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped, so page text can never end the block or run as code. Popups are
built with DOM ``textContent``; a source is a link only for http(s) URLs.

Events travel by column (``lon``, ``lat``, ``day`` since ``first_day``; repeated strings
as codes into a value table) so 100,000 events stay compact and the page filters them with
plain array loops. The page has a time slider (with play) over the event days, filters by
type, credibility and actor text, MapLibre clustering (circles only: no glyphs to fetch),
and an optional control layer: squares coloured by holder for the periods covering the
slider's date (``since <= date < until``), ringed when contested.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import ConfigError
from ..records import Document, Event
from .holder_colours import holder_colour
from .map_territory import basemap_data, evidence_rows, front_edges, territory_data

if TYPE_CHECKING:
    from ..control.areas import PlaceCells

ATTRIBUTION = (
    "Base map: Natural Earth (public domain) via world-atlas · Places: GeoNames (CC BY 4.0) · "
    "Wikipedia contributors (CC BY-SA 4.0) · Provinces approximate (derived from GeoNames "
    "admin-1 codes) · frontlines"
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
    "pmtiles": "pmtiles/dist/pmtiles.js",
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
            "or point FRONTLINES_ASSETS_DIR at a node_modules folder with maplibre-gl, "
            "pmtiles and world-atlas"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read map asset {path} ({exc}); run `make setup` again") from exc


def _inline(code: str, tag: str, what: str) -> str:
    """Code to put inside ``<tag>``: refused if it could close the element early."""
    lowered = code.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ConfigError(f"{what} contains '</{tag}' or '<!--' and cannot be inlined safely")
    return code


def _base_tiles(data: dict[str, Any], settings: Settings, areas: PlaceCells | None) -> str:
    """The page's prebuilt base tiles (:mod:`.map_base`): the countries always, the control
    cells and edges unless the territory already comes from a served archive. Sets
    ``data["base"]`` (and ``data["territory"]`` to read the tiles); returns the elements."""
    from .map_base import (
        COUNTRIES_LAYER,
        COUNTRIES_MAXZOOM,
        control_tiles,
        countries_tiles,
        embed,
        tiled_territory,
    )  # fmt: skip

    countries = countries_tiles(settings, Path(settings.assets_dir) / _ASSETS["countries"])
    data["base"] = {"countries": {"element": countries.element, "layer": COUNTRIES_LAYER,
                                  "maxzoom": COUNTRIES_MAXZOOM}}  # fmt: skip
    territory, control = data.get("territory"), None
    if areas is not None and territory and "tiled" not in territory:
        periods = data["control"]["periods"]
        control = control_tiles(settings, areas, front_edges(periods, areas))
        if control is not None:
            data["territory"] = territory_data(periods, areas, tiled_territory())
    return embed([countries, control])


# Event fields the page reads, by column. Coded columns hold indexes into a table of their
# distinct values (types, actors, sources repeat a lot); the rest hold values.
_CODED = (
    "event_type", "sub_event_type", "credibility", "source_part", "actor1", "assoc_actor_1",
    "actor2", "assoc_actor_2", "location", "source", "source_url", "document_title",
)  # fmt: skip
_PLAIN = ("event_id", "evidence", "fatalities", "geo_precision")
_CONTROL_FIELDS = ("place_name", "holder", "since", "until", "contested", "confidence")


def _coord(value: float | None, low: float, high: float) -> float | None:
    if value is None or not low <= value <= high:  # NaN fails this too
        return None
    return round(value, 5)


def _day(text: str) -> int | None:
    try:
        return dt.date.fromisoformat(text).toordinal() if text else None
    except ValueError:
        return None


def _field(event: Event, name: str, titles: dict[str, str]) -> Any:
    if name == "document_title":
        return titles.get(event.document_id, "")
    if name == "evidence":
        return event.evidence.text
    if name == "fatalities":
        return event.fatalities if event.fatalities_known else -1
    return getattr(event, name)


def _encode(values: list[Any]) -> dict[str, Any]:
    table: dict[Any, int] = {}
    codes = [table.setdefault(v, len(table)) for v in values]
    return {"values": list(table), "codes": codes}


def _columns(events: list[Event], titles: dict[str, str]) -> dict[str, Any]:
    lon = [_coord(e.longitude, -180.0, 180.0) for e in events]
    lat = [_coord(e.latitude, -90.0, 90.0) for e in events]
    for i, (x, y) in enumerate(zip(lon, lat, strict=True)):
        if x is None or y is None:
            lon[i] = lat[i] = None
    days = [_day(e.event_date) for e in events]
    known = [d for d in days if d is not None]
    first = min(known) if known else dt.date(2000, 1, 1).toordinal()
    columns: dict[str, Any] = {
        "lon": lon,
        "lat": lat,
        "day": [-1 if d is None else d - first for d in days],
    }
    for name in _PLAIN:
        columns[name] = [_field(e, name, titles) for e in events]
    coded = {name: _encode([_field(e, name, titles) for e in events]) for name in _CODED}
    return {
        "n": len(events),
        "first_day": dt.date.fromordinal(first).isoformat(),
        "days": (max(known) - first) if known else 0,
        "columns": columns,
        "coded": coded,
    }


def _bounds(lon: list[float | None], lat: list[float | None]) -> list[list[float]]:
    points = [(x, y) for x, y in zip(lon, lat, strict=True) if x is not None and y is not None]
    if not points:
        return WORLD
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad = 0.5 if east - west < 0.5 and north - south < 0.5 else 0.0
    return [[west - pad, south - pad], [east + pad, north + pad]]


def _get(item: Any, name: str, *others: str) -> Any:
    for key in (name, *others):
        value = item.get(key) if isinstance(item, Mapping) else getattr(item, key, None)
        if value is not None:
            return value
    return None


def _control_row(
    item: Any, titles: dict[str, str] | None = None, urls: dict[str, str] | None = None
) -> dict[str, Any] | None:
    lat = _get(item, "lat", "latitude")
    lon = _get(item, "lon", "longitude")
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    point = (_coord(lon_f, -180.0, 180.0), _coord(lat_f, -90.0, 90.0))
    since = str(_get(item, "since") or "")
    if None in point or _day(since) is None:
        return None
    row = {name: _get(item, name) for name in _CONTROL_FIELDS}
    until = str(row["until"] or "")
    return {
        "place_name": str(row["place_name"] or ""),
        "holder": str(row["holder"] or "?"),
        "since": since,
        "until": until if _day(until) is not None else "",
        "contested": bool(row["contested"]),
        "confidence": float(row["confidence"] or 0.0),
        "lon": point[0],
        "lat": point[1],
        "place_id": str(_get(item, "place_id") or ""),
        "evidence": evidence_rows(item, titles or {}, urls or {}),
    }


def control_data(
    control: Iterable[Any] | None,
    titles: dict[str, str] | None = None,
    urls: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Control periods for the page: rows without a place point or a start date are left out.

    Each item is a mapping or an object with ``place_name``, ``lat``/``latitude``,
    ``lon``/``longitude``, ``holder``, ``since``, ``until`` (``""``/None: still open),
    ``contested`` and ``confidence`` (a ``ControlPeriod`` fits).
    """
    rows = (_control_row(item, titles, urls) for item in control or ())
    periods = [row for row in rows if row is not None]
    holders = sorted({p["holder"] for p in periods})
    colors = {h: holder_colour(h) for h in holders}
    return {"periods": periods, "holders": holders, "colors": colors}


def map_data(
    events: list[Event],
    documents: Iterable[Document] | None,
    settings: Settings,
    control: Iterable[Any] | None = None,
    areas: PlaceCells | None = None,
    api: bool = False,
) -> dict[str, Any]:
    """Everything the page's script reads (events by column, control, territory cells,
    base map, colours); ``api``: the page is served and may post reviews."""
    documents = list(documents or ())
    titles = {d.id: d.title for d in documents}
    data = _columns(events, titles)
    urls = {d.id: d.url for d in documents if d.url}
    held = control_data(control, titles, urls)
    lons = data["columns"]["lon"] + [p["lon"] for p in held["periods"]]
    lats = data["columns"]["lat"] + [p["lat"] for p in held["periods"]]
    types = sorted({e.event_type for e in events}, key=lambda t: (t not in TYPE_COLORS, t))
    data.update(
        types=types,
        colors={t: TYPE_COLORS[t] for t in types if t in TYPE_COLORS},
        other_color=OTHER_COLOR,
        bounds=_bounds(lons, lats),
        control=held,
        attribution=ATTRIBUTION,
        territory=territory_data(held["periods"], areas),
        basemap=basemap_data(events),
        api=api,
    )
    return data


def render_map(
    events: Iterable[Event],
    *,
    documents: Iterable[Document] | None = None,
    settings: Settings | None = None,
    title: str = "frontlines",
    control: Iterable[Any] | None = None,
    tiles: str = "auto",
    served_tiles: Any = None,
    areas: PlaceCells | None = None,
    api: bool = False,
) -> str:
    """The map page as one HTML string, data embedded (what the server returns at ``/``).

    ``tiles`` (auto, always, never): events as vector tiles instead of inline data
    (auto: above :data:`frontlines.publish.map_tiles.TILES_THRESHOLD` events);
    ``served_tiles`` is (URL, TileSet) when a server answers the archive; ``areas``: the
    place cells of ``control``'s places (control areas follow the slider).
    """
    from .map_tiles import tiled_page, wants_tiles

    settings = settings or Settings.from_env()
    events = list(events)
    if wants_tiles(events, tiles):
        data, scripts, archive = tiled_page(
            events, documents, settings, control, served=served_tiles, areas=areas, api=api
        )
    else:
        data = map_data(events, documents, settings, control, areas, api)
        scripts, archive = "", ""
    templates = resources.files("frontlines.publish").joinpath("templates")
    base_tiles = _base_tiles(data, settings, areas)
    values = {
        "TITLE": html.escape(title),
        "MAPLIBRE_CSS": _inline(_asset(settings, "css"), "style", "maplibre-gl.css"),
        "MAPLIBRE_JS": _inline(_asset(settings, "js"), "script", "maplibre-gl.js"),
        "PMTILES_JS": _inline(_asset(settings, "pmtiles"), "script", "pmtiles.js"),
        "PMTILES_APP_JS": _inline(_template(templates, "map_pmtiles.js"), "script", "map_pmtiles.js"),
        "APP_JS": _inline(_template(templates, "map.js"), "script", "map.js"),
        "TERRITORY_JS": _inline(_template(templates, "map_territory.js"), "script", "map_territory.js"),
        "DATA": json_for_html(data),
        "BASE_TILES": base_tiles,
        "TILES_SCRIPTS": scripts,
        "TILES_ARCHIVE": archive,
    }
    # One pass: text put in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template(templates, "map.html"))


def _template(folder: Any, name: str) -> str:
    return str(folder.joinpath(name).read_text("utf-8"))


def write_map(
    events: Iterable[Event],
    path: str | Path,
    *,
    documents: Iterable[Document] | None = None,
    settings: Settings | None = None,
    title: str = "frontlines",
    control: Iterable[Any] | None = None,
    tiles: str = "auto",
    areas: PlaceCells | None = None,
) -> Path:
    """Write the offline HTML map of ``events`` to ``path``; return the path written.

    ``control``: optional control periods drawn for the time slider's date (see
    :func:`control_data`); ``areas``: their places' cells, shaded by holder; ``tiles``:
    see :func:`render_map`.
    """
    page = render_map(events, documents=documents, settings=settings, title=title,
                      control=control, tiles=tiles, areas=areas)  # fmt: skip
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the map to {target} ({exc}); choose another path") from exc
    return target
