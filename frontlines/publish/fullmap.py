"""The full-size static map: control areas, front lines, base map, events, legend.

    sheet = MapSheet(at="2018-05-31", extent=(35.5, 32.0, 42.5, 37.5), areas=areas,
                     events=events, outlines=outlines)
    render_full_map(sheet, Path("control.png"))            # A3 at 200 dpi
    render_full_map(sheet, Path("control.pdf"), fmt="pdf")

Drawn with matplotlib's Agg/PDF/SVG canvases (no browser, no network), in plate carrée with
the aspect corrected for the map's mid latitude. Layers, bottom to top: sea, land, lakes,
control areas (holder colours; contested ones hatched), province outlines, rivers,
country borders, front lines, events (a symbol per ACLED event type, size by fatalities,
older ones fainter), town and province names; then the title and date, the legend, a
scale bar, a north arrow, and the sources and licences.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from shapely.geometry import box, shape
from shapely.geometry.base import BaseGeometry

from ..basemap.layers import country_labels, load_lakes, load_rivers, load_towns, town_labels
from ..basemap.outlines import Outlines
from ..basemap.provinces import ATTRIBUTION as PROVINCES_NOTE
from ..basemap.provinces import load_provinces
from ..control.areas import ControlAreas
from ..errors import ConfigError
from ..records import Event
from .fullmap_draw import (
    HALO,
    LAKE,
    LAND,
    RIVER,
    SEA,
    BBox,
    draw_events,
    draw_labels,
    draw_lines,
    draw_polygon,
    draw_scale_and_north,
    event_handles,
    plain,
)
from .holder_colours import holder_colour, short_holder

SIZES: dict[str, tuple[float, float]] = {"a3": (16.54, 11.69), "a4": (11.69, 8.27),
                                         "report": (10.0, 7.2)}  # fmt: skip
FORMATS = ("png", "svg", "pdf")
FRONT = "#8b0000"
SOURCES = (
    "Base map: Natural Earth (public domain) · Towns: GeoNames (CC BY 4.0), Wikipedia "
    "contributors (CC BY-SA 4.0) · " + PROVINCES_NOTE
)


@dataclass(slots=True)
class MapSheet:
    """What one static map shows."""

    at: str
    extent: BBox
    areas: ControlAreas | None = None
    events: Sequence[Event] = ()
    days: int = 30
    title: str = ""
    area_name: str = ""
    area_outline: BaseGeometry | None = None
    outlines: Outlines | None = None
    mentions: Mapping[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def fit_extent(bounds: BBox, margin: float = 0.06, *, aspect: float = 1.41) -> BBox:
    """``bounds`` grown by ``margin`` and widened or heightened to the sheet's aspect."""
    west, south, east, north = bounds
    dx, dy = max(east - west, 0.2), max(north - south, 0.2)
    cx, cy = (west + east) / 2, (south + north) / 2
    dx, dy = dx * (1 + 2 * margin), dy * (1 + 2 * margin)
    k = math.cos(math.radians(cy))
    if dx * k / dy < aspect:
        dx = dy * aspect / k
    else:
        dy = dx * k / aspect
    return (max(cx - dx / 2, -180.0), max(cy - dy / 2, -85.0),
            min(cx + dx / 2, 180.0), min(cy + dy / 2, 85.0))  # fmt: skip


def render_full_map(
    sheet: MapSheet, path: Path, *, fmt: str = "png", size: str = "a3", dpi: int = 200
) -> list[str]:
    """Draw ``sheet`` to ``path`` in ``fmt``; returns warnings (e.g. no country outlines)."""
    if fmt not in FORMATS:
        raise ConfigError(f"map format {fmt!r}: use one of {', '.join(FORMATS)}")
    if size not in SIZES:
        raise ConfigError(f"map size {size!r}: use one of {', '.join(SIZES)}")
    width, height = SIZES[size]
    figure = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(figure)
    box_w, box_h = 0.74, 0.86
    ax = figure.add_axes((0.015, 0.06, box_w, box_h))
    extent = fit_extent(sheet.extent, 0.0, aspect=(width * box_w) / (height * box_h))
    warnings = _draw_map(ax, sheet, extent, width * box_w * 72)
    _draw_frame(figure, sheet, ax)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    except OSError as exc:
        raise ConfigError(f"cannot write the map to {path} ({exc}); choose another path") from exc
    return warnings


def _draw_map(ax: Axes, sheet: MapSheet, extent: BBox, width_points: float) -> list[str]:
    west, south, east, north = extent
    frame = box(*extent)
    ax.set_facecolor(SEA)
    warnings = _draw_land(ax, sheet, frame)
    for feature in load_lakes()["features"]:
        draw_polygon(ax, shape(feature["geometry"]), facecolor=LAKE, edgecolor=RIVER,
                     linewidth=0.4, zorder=2)  # fmt: skip
    _draw_areas(ax, sheet.areas)
    _draw_provinces(ax, frame)
    rivers = [shape(f["geometry"]) for f in load_rivers()["features"]]
    draw_lines(ax, rivers, colors=RIVER, linewidths=1.1, zorder=5)
    if sheet.area_outline is not None:
        draw_polygon(ax, sheet.area_outline, facecolor="none", edgecolor="#222222",
                     linewidth=1.6, linestyle="--", zorder=6)  # fmt: skip
    if sheet.areas is not None:
        draw_lines(ax, [f["geometry"] for f in sheet.areas.fronts], colors=FRONT,
                   linewidths=2.4, zorder=7)  # fmt: skip
    counts = draw_events(ax, sheet.events, sheet.at, sheet.days)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.05), adjustable="box")
    per_degree = width_points / max(east - west, 1e-6)
    labels = town_labels(load_towns(), sheet.mentions)
    draw_labels(ax, labels, extent, limit=int(width_points / 9), points_per_degree=per_degree)
    _draw_country_names(ax, extent)
    draw_scale_and_north(ax, extent)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(handles=_legend(sheet, counts), loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize=8, title="Legend", title_fontsize=9, frameon=False)  # fmt: skip
    return warnings


def _draw_land(ax: Axes, sheet: MapSheet, frame: BaseGeometry) -> list[str]:
    if sheet.outlines is None:
        return ["no country outlines (run `make setup`): land and borders are not drawn"]
    try:
        codes = sheet.outlines.codes_within(frame.bounds)
    except ConfigError as exc:
        return [str(exc)]
    for code in codes:
        outline = sheet.outlines.country(code)
        if outline is None or not outline.intersects(frame):
            continue
        draw_polygon(ax, outline.intersection(frame.buffer(1.0)), facecolor=LAND,
                     edgecolor="none", zorder=1)  # fmt: skip
        draw_polygon(ax, outline.intersection(frame.buffer(1.0)), facecolor="none",
                     edgecolor="#4d4d4d", linewidth=1.1, zorder=6)  # fmt: skip
    return []


def _draw_areas(ax: Axes, areas: ControlAreas | None) -> None:
    if areas is None:
        return
    for area in areas.areas:
        colours = [holder_colour(h) for h in area["holders"]]
        if area["contested"]:
            draw_polygon(ax, area["geometry"], facecolor=colours[0], alpha=0.35,
                         edgecolor="none", zorder=3)  # fmt: skip
            draw_polygon(ax, area["geometry"], facecolor="none", edgecolor=colours[-1],
                         hatch="////", linewidth=0, zorder=3)  # fmt: skip
        else:
            draw_polygon(ax, area["geometry"], facecolor=colours[0], alpha=0.45,
                         edgecolor="none", zorder=3)  # fmt: skip


def _draw_provinces(ax: Axes, frame: BaseGeometry) -> None:
    shown = [p for p in load_provinces() if p.geometry.intersects(frame)]
    draw_lines(ax, [p.geometry.boundary for p in shown], colors="#7b6f8f", linewidths=0.8,
               linestyles=(0, (4, 2)), zorder=4)  # fmt: skip
    west, south, east, north = frame.bounds
    for province in shown:
        lon, lat = province.label_point
        if west < lon < east and south < lat < north:
            ax.text(lon, lat, plain(province.name.upper()), ha="center", va="center",
                    fontsize=8, color="#5e4f7a", style="italic", alpha=0.9, zorder=9,
                    path_effects=HALO, clip_on=True)  # fmt: skip


def _draw_country_names(ax: Axes, extent: BBox) -> None:
    west, south, east, north = extent
    for _code, name, lon, lat in country_labels():
        if west < lon < east and south < lat < north:
            ax.text(lon, lat, plain(name.upper()), ha="center", va="center", fontsize=13,
                    color="#6d6d6d", fontweight="bold", alpha=0.75, zorder=9,
                    path_effects=HALO, clip_on=True)  # fmt: skip


def _legend(sheet: MapSheet, counts: dict[str, int]) -> list[Line2D | Patch]:
    handles: list[Line2D | Patch] = []
    if sheet.areas is not None:
        for holder in sorted({a["holder"] for a in sheet.areas.areas if not a["contested"]}):
            handles.append(Patch(facecolor=holder_colour(holder), alpha=0.6,
                                 label=plain(textwrap.fill(short_holder(holder), 26))))  # fmt: skip
        if any(a["contested"] for a in sheet.areas.areas):
            handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="////",
                                 label="contested"))  # fmt: skip
        handles.append(Line2D([], [], color=FRONT, linewidth=2.4, label="front line"))
    handles.append(Line2D([], [], color="#7b6f8f", linestyle="--", label="province (approximate)"))
    handles.append(Line2D([], [], color=RIVER, linewidth=1.2, label="river"))
    handles.extend(event_handles(counts))
    if counts:
        handles.append(Line2D([], [], linestyle="", label="size: fatalities; faded: older"))
    return handles


def _draw_frame(figure: Figure, sheet: MapSheet, ax: Axes) -> None:
    title = sheet.title or "Control and events" + (f": {sheet.area_name}" if sheet.area_name else "")
    figure.text(0.015, 0.965, plain(textwrap.shorten(title, 120, placeholder="...")),
                fontsize=16, fontweight="bold", va="center")  # fmt: skip
    subtitle = f"Control on {sheet.at} · events in the {sheet.days} days up to it"
    if sheet.areas is not None:
        subtitle += f" · areas: land nearest each held place, at most {sheet.areas.max_km:g} km"
    figure.text(0.015, 0.935, plain(subtitle), fontsize=10, color="#333333", va="center")
    notes = " · ".join([SOURCES, *sheet.notes])
    figure.text(0.015, 0.02, plain("\n".join(textwrap.wrap(notes, 190))), fontsize=6.5,
                color="#444444", va="bottom")  # fmt: skip
    figure.text(0.985, 0.02, "frontlines", fontsize=7, color="#777777", ha="right", va="bottom")
