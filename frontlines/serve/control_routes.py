"""``/api/control/areas``: the areas held on a date and the front lines, as GeoJSON.

Areas are cached per store state (the period cache's list of periods) and per date, so
moving back and forth along a time line costs one computation per date.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query, Request

from ..basemap import default_outlines
from ..control import ATTRIBUTION, store_periods
from ..control.areas import DEFAULT_MAX_KM, AreaCache
from ..store import Store
from .params import BadParameter, parse_bool, parse_date

DATE_HELP = "YYYY-MM-DD"


def _max_km(text: str | None) -> float:
    if text in (None, ""):
        return DEFAULT_MAX_KM
    try:
        value = float(text)
    except ValueError:
        raise BadParameter("max_km", f"{text!r} is not a number; expected 1..100 km") from None
    if not 1.0 <= value <= 100.0:
        raise BadParameter("max_km", f"{value:g} is out of range; expected 1..100 km")
    return value


def area_cells(periods: list[Any], settings: Any, cache: AreaCache | None) -> Any:
    """The place cells of ``periods`` for the map page (kept in ``cache`` when given)."""
    outlines = default_outlines(settings.assets_dir)
    if cache is None:
        from ..control.areas import place_cells, places_of

        return place_cells(places_of(periods), outlines=outlines)
    return cache.cells(periods, outlines=outlines)


def register_control_routes(app: FastAPI) -> None:
    """Add the control-area routes to ``app`` (an ``AreaCache`` kept on its state)."""
    app.state.area_cache = AreaCache()

    @app.get(
        "/api/control/areas",
        summary="Areas held on a date and the front lines between them (GeoJSON)",
        description=(
            "Voronoi cells of the places with a holder on the date, clipped to the country "
            "and to max_km from each place, merged by holder. Features have kind 'area' "
            "(holder, holders, contested: hatched on the map, places) or 'front' (the line "
            "where two holders' areas meet, holders, length_km). Places with no holder "
            "on the date are left blank."
        ),
    )
    def control_areas(
        request: Request,
        at: str | None = Query(None, description=DATE_HELP + " (required)"),
        baseline: str | None = Query(None, description="true to add the mid-2017 Wikipedia layer"),
        max_km: str | None = Query(None, description=f"1..100, default {DEFAULT_MAX_KM:g}"),
    ) -> dict[str, Any]:
        day = parse_date(at, "at")
        if day is None:
            raise BadParameter("at", "is required; expected YYYY-MM-DD")
        reach = _max_km(max_km)
        use_base = parse_bool(baseline, "baseline") if baseline else request.app.state.baseline
        store: Store = request.app.state.store.get()
        periods = store_periods(store, baseline=use_base, cache=request.app.state.period_cache)
        outlines = default_outlines(request.app.state.settings.assets_dir)
        cache: AreaCache = request.app.state.area_cache
        areas = cache.areas(periods, day, outlines=outlines, max_km=reach)
        data = areas.to_geojson()
        data["total"] = len(data["features"])
        if use_base:
            data["attribution"] = ATTRIBUTION
        return data
