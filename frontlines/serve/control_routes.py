"""``/api/control/areas``: the areas held on a date and the front lines, as GeoJSON.

Areas are cached per store state (the period cache's list of periods) and per date, so
moving back and forth along a time line costs one computation per date.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from pydantic import BaseModel

from ..basemap import default_outlines
from ..control import ATTRIBUTION, store_periods
from ..control.areas import DEFAULT_MAX_KM, AreaCache
from ..control.corrections import (
    CorrectionLog,
    HolderCorrection,
    MemoryCorrectionLog,
    apply_corrections,
    check_correction,
)
from ..control.periods import ControlPeriod
from ..store import Store
from .params import BadParameter, parse_bool, parse_date


class CorrectionIn(BaseModel):
    """An analyst's correction of a place's holder for a period."""

    holder: str
    since: str
    until: str = ""
    note: str = ""


class ServedPeriods:
    """The store's control periods with the analysts' corrections cut in, kept while
    neither the store nor the corrections change (so the area cache keeps its cells)."""

    def __init__(self, state: Any) -> None:
        self._state = state
        self._last: tuple[object, tuple[HolderCorrection, ...], list[ControlPeriod]] | None = None

    def get(self, store: Store, baseline: bool) -> list[ControlPeriod]:
        base = store_periods(store, baseline=baseline, cache=self._state.period_cache)
        log: CorrectionLog = self._state.corrections
        fixes = tuple(log.all())
        if not fixes:
            return base
        last = self._last
        if last is not None and last[0] is base and last[1] == fixes:
            return last[2]
        found = apply_corrections(base, fixes)
        self._last = (base, fixes, found)
        return found

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
    if not hasattr(app.state, "corrections"):
        app.state.corrections = MemoryCorrectionLog()
    app.state.served_periods = ServedPeriods(app.state)
    _register_places(app)

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
        periods = request.app.state.served_periods.get(store, use_base)
        outlines = default_outlines(request.app.state.settings.assets_dir)
        cache: AreaCache = request.app.state.area_cache
        areas = cache.areas(periods, day, outlines=outlines, max_km=reach)
        data = areas.to_geojson()
        data["total"] = len(data["features"])
        if use_base:
            data["attribution"] = ATTRIBUTION
        return data


def _place_periods(request: Request, place_id: str) -> list[ControlPeriod]:
    store: Store = request.app.state.store.get()
    periods = request.app.state.served_periods.get(store, request.app.state.baseline)
    return sorted((p for p in periods if p.place_id == place_id), key=lambda p: p.since)


def _register_places(app: FastAPI) -> None:
    @app.get("/api/control/places/{place_id}",
             summary="A place's holders over time, with the evidence and the corrections")  # fmt: skip
    def place_history(request: Request, place_id: str) -> dict[str, Any]:
        rows = _place_periods(request, place_id)
        if not rows:
            raise HTTPException(404, f"no control periods for place {place_id!r}")
        log: CorrectionLog = request.app.state.corrections
        fixes = [c.to_dict() for c in log.all() if c.place_id == place_id]
        return {"place_id": place_id, "place_name": rows[0].place_name,
                "periods": [p.to_dict() for p in rows], "corrections": fixes}  # fmt: skip

    @app.post(
        "/api/control/places/{place_id}/review",
        status_code=201,
        summary="Correct a place's holder for a period (needs 'Authorization: Bearer <token>'); "
        "kept beside the store, it survives re-runs",
    )
    def correct_holder(request: Request, place_id: str, body: CorrectionIn) -> dict[str, Any]:
        problem = check_correction(body.holder, body.since, body.until)
        if problem:
            raise BadParameter("body", problem)
        if not _place_periods(request, place_id):
            raise HTTPException(404, f"no control periods for place {place_id!r}")
        log: CorrectionLog = request.app.state.corrections
        stored = log.add(HolderCorrection(place_id, body.holder.strip(), body.since, body.until,
                                          body.note))  # fmt: skip
        rows = _place_periods(request, place_id)
        return {"correction": stored.to_dict(), "periods": [p.to_dict() for p in rows]}
