"""The map app's territory and base map data (kept apart from the event columns).

``territory_data`` sends the place cells once (Voronoi cells clipped to the country and
to ``max_km``), the edges between neighbouring cells, and for each cell the indexes of its
places' control periods: the page colours each cell by the holder in force on the slider's
date and lights the edges whose two sides have different holders (the front lines), so
moving the slider needs no request. ``basemap_data`` sends rivers, lakes, provinces
(approximate), towns ranked for labelling and country label points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..basemap.layers import country_labels, load_lakes, load_rivers, load_towns, town_labels
from ..basemap.provinces import ATTRIBUTION as PROVINCES_NOTE
from ..basemap.provinces import load_provinces
from ..records import Event

if TYPE_CHECKING:
    from ..control.areas import PlaceCells

ATTRIBUTION = (
    "Rivers, lakes, borders: Natural Earth (public domain) · Towns: GeoNames (CC BY 4.0), "
    f"Wikipedia contributors (CC BY-SA 4.0) · {PROVINCES_NOTE}"
)
MAX_EVIDENCE = 4
MAX_TEXT = 280


def territory_data(
    periods: list[dict[str, Any]], cells: PlaceCells | None, tiled: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """Cells, edges and each cell's period indexes (into ``periods``), or None.

    ``tiled`` (the layer names and zooms of the tiles archive that holds the cells and
    edges): the geometry is left to the tiles, the edges given as [edge id, a, b].
    """
    if cells is None or not len(cells.cells):
        return None
    by_place: dict[str, list[int]] = {}
    for index, period in enumerate(periods):
        by_place.setdefault(str(period.get("place_id") or ""), []).append(index)
    layer = cells.cell_features(digits=3, tolerance_km=0.5)
    seeds = [[i for pid in ids for i in by_place.get(pid, [])] for ids in cells.seeds]
    points = [[round(p.lon, 4), round(p.lat, 4)] for p in cells.points]
    keep = _fronts(layer["edges"]["features"], [{periods[i]["holder"] for i in s} for s in seeds])
    edges = [f for f in layer["edges"]["features"] if f["id"] in keep]
    common = {"seeds": seeds, "points": points, "max_km": cells.max_km}
    if tiled is not None:
        ends = [[f["id"], f["properties"]["a"], f["properties"]["b"]] for f in edges]
        return {"tiled": tiled, "edges": ends, **common}
    return {"cells": layer["cells"], "edges": {"type": "FeatureCollection", "features": edges},
            **common}  # fmt: skip


def _fronts(edges: list[dict[str, Any]], ever: list[set[str]]) -> set[int]:
    """Edge ids that are a front on some date: an edge between two places only ever held
    by one and the same holder never is."""
    keep = set()
    for f in edges:
        a, b = ever[f["properties"]["a"]], ever[f["properties"]["b"]]
        if not (len(a) == 1 and a == b):
            keep.add(int(f["id"]))
    return keep


def front_edges(periods: Iterable[Any], cells: PlaceCells) -> set[int]:
    """The ids of the cells' edges that are a front line on some date of ``periods``
    (mappings or objects with ``place_id`` and ``holder``)."""
    held: dict[str, set[str]] = {}
    for p in periods:
        get = p.get if isinstance(p, dict) else lambda k, p=p: getattr(p, k, None)
        held.setdefault(str(get("place_id") or ""), set()).add(str(get("holder") or "?"))
    ever = [set().union(*(held.get(pid, set()) for pid in ids)) for ids in cells.seeds]
    edges = cells.cell_features(digits=3, tolerance_km=0.5)["edges"]["features"]
    return _fronts(edges, ever)


def basemap_data(events: Iterable[Event]) -> dict[str, Any]:
    """Rivers, lakes, provinces, ranked towns and country names for the page."""
    mentions = Counter(e.location for e in events if e.location)
    towns = [[t.name, round(t.lon, 4), round(t.lat, 4), t.score]
             for t in town_labels(load_towns(), mentions)]  # fmt: skip
    provinces = {
        "type": "FeatureCollection",
        "features": [p.to_feature(digits=3, tolerance=0.01) for p in load_provinces()],
    }
    countries = [[name, round(lon, 3), round(lat, 3)] for _c, name, lon, lat in country_labels()]
    return {"rivers": load_rivers(), "lakes": load_lakes(), "provinces": provinces,
            "towns": towns, "countries": countries, "attribution": ATTRIBUTION}  # fmt: skip


def evidence_rows(item: Any, titles: dict[str, str], urls: dict[str, str]) -> list[list[Any]]:
    """A period's evidence, compact: [kind, text, source title, url, confidence]."""
    evidence = item.get("evidence") if isinstance(item, dict) else None
    rows: list[list[Any]] = []
    for claim in (evidence or [])[:MAX_EVIDENCE]:
        if not isinstance(claim, dict):
            continue
        span = claim.get("evidence") or {}
        text = str(span.get("text") or "") if isinstance(span, dict) else ""
        doc = str(claim.get("document_id") or "")
        source = titles.get(doc) or ("Wikipedia detailed map (baseline)" if doc.startswith("baseline:") else doc)
        rows.append([str(claim.get("kind") or ""), text[:MAX_TEXT], source, urls.get(doc, ""),
                     float(claim.get("confidence") or 0.0)])  # fmt: skip
    return rows
