"""The API's routes; they parse parameters, call the library and shape JSON."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..control import ATTRIBUTION, control_at
from ..control.periods import snapshot
from ..records import Event
from ..store import Store
from .cache import latest_reviews
from .geojson import collection, feature
from .params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    BadParameter,
    check_text,
    parse_bbox,
    parse_bool,
    parse_date,
    parse_int,
)
from .reviews import Review, ReviewLog, check_fields, overlay, overlay_dict, review_status

BBOX_HELP = "W,S,E,N in degrees (longitude, latitude), e.g. 35.0,32.0,42.0,37.5"
DATE_HELP = "YYYY-MM-DD"


class ReviewIn(BaseModel):
    """A review posted by an analyst."""

    action: str = Field(description="confirm, correct or reject")
    fields: dict[str, Any] = Field(default_factory=dict, description="corrected event fields")
    note: str = ""


def _store(request: Request) -> Store:
    store: Store = request.app.state.store.get()
    return store


def _reviews(request: Request) -> ReviewLog:
    log: ReviewLog = request.app.state.reviews
    return log


def _page(request: Request, limit: str | None, offset: str | None) -> tuple[int, int]:
    size = parse_int(limit, "limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    start = parse_int(offset, "offset", default=0, low=0, high=MAX_OFFSET)
    return size, start


def _next(request: Request, limit: int, offset: int, total: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(limit=limit, offset=offset + limit))


def _event_filters(
    bbox: str | None, start: str | None, end: str | None, **equal: str | None
) -> dict[str, Any]:
    first, last = parse_date(start, "start"), parse_date(end, "end")
    if first and last and first > last:
        raise BadParameter("end", f"{last} is before start {first}; expected start <= end")
    filters: dict[str, Any] = {"bbox": parse_bbox(bbox), "start": first, "end": last}
    filters.update({k: check_text(v, k) for k, v in equal.items() if v not in (None, "")})
    return {k: v for k, v in filters.items() if v is not None}


def _find_event(store: Store, event_id: str) -> Event | None:
    getter = getattr(store, "event", None)
    if callable(getter):
        found = getter(event_id)
        return found if isinstance(found, Event) else None
    return next((e for e in store.events() if e.event_id == event_id), None)


def _events_body(
    request: Request, features: list[dict[str, Any]], total: int, size: int, first: int
) -> JSONResponse:
    nxt = _next(request, size, first, total)
    links = [{"rel": "next", "href": nxt}] if nxt else []
    body = collection(features, total=total, limit=size, offset=first, next=nxt, links=links)
    return JSONResponse(body)  # plain JSON values already: no jsonable_encoder pass


def register_routes(app: FastAPI) -> None:
    """Add the ``/api`` routes to ``app``."""

    @app.get("/api/health", summary="Health check")
    async def health(request: Request) -> JSONResponse:
        # on the event loop itself (one indexed COUNT, a few ms): no hop through the
        # thread pool, whose threads may all be busy with long requests
        return JSONResponse({"status": "ok", "events": _store(request).count_events()})

    @app.get("/api/events", summary="Events as a GeoJSON FeatureCollection (paginated)")
    def events(
        request: Request,
        bbox: str | None = Query(None, description=BBOX_HELP),
        start: str | None = Query(None, description=DATE_HELP),
        end: str | None = Query(None, description=DATE_HELP),
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = Query(None, description="actor1, actor2 or an associated actor"),
        source: str | None = None,
        credibility: str | None = Query(None, description="high, medium or low"),
        include_rejected: str | None = Query(None, description="true to list rejected events"),
        include_flagged: str | None = Query(
            None, description="true to list events drawn from flooding or off-topic comments"
        ),
        limit: str | None = Query(None, description=f"1..{MAX_LIMIT}, default {DEFAULT_LIMIT}"),
        offset: str | None = Query(None, description=">= 0, default 0"),
    ) -> JSONResponse:
        size, first = _page(request, limit, offset)
        show_rejected = parse_bool(include_rejected, "include_rejected")
        filters = _event_filters(
            bbox, start, end, event_type=event_type, sub_event_type=sub_event_type,
            actor=actor, source=source, credibility=credibility,
        )  # fmt: skip
        # as on the map: events from flooding or off-topic comments only when asked for
        filters["include_flagged"] = parse_bool(include_flagged, "include_flagged")
        store, reviews = _store(request), latest_reviews(request)
        rejected = {k for k, v in reviews.items() if review_status(v) == "rejected"}
        if rejected and not show_rejected:
            kept = [e for e in store.events(**filters) if e.event_id not in rejected]
            total, page = len(kept), kept[first : first + size]
        else:
            total = store.count_events(**filters)
            dicts = getattr(store, "event_dicts", None)
            if callable(dicts):  # the rows as dicts, without building Events between
                rows = dicts(**filters, limit=size, offset=first)
                features = [feature(d["event_id"], overlay_dict(d, reviews.get(d["event_id"], [])))
                            for d in rows]  # fmt: skip
                return _events_body(request, features, total, size, first)
            page = store.events(**filters, limit=size, offset=first)
        features = [feature(e.event_id, overlay(e, reviews.get(e.event_id, []))) for e in page]
        return _events_body(request, features, total, size, first)

    @app.get("/api/events/{event_id}", summary="One event as a GeoJSON Feature, with its reviews")
    def event(request: Request, event_id: str) -> dict[str, Any]:
        found = _find_event(_store(request), event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        history = _reviews(request).for_event(event_id)
        data = feature(event_id, overlay(found, history))
        data["reviews"] = [r.to_dict() for r in history]
        return data

    @app.post(
        "/api/events/{event_id}/review",
        status_code=201,
        summary="Confirm, correct or reject an event (needs 'Authorization: Bearer <token>')",
    )
    def review(request: Request, event_id: str, body: ReviewIn) -> dict[str, Any]:
        problem = check_fields(body.action, body.fields)
        if problem:
            raise BadParameter("body", problem)
        found = _find_event(_store(request), event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        log = _reviews(request)
        stored = log.add(Review(event_id, body.action, body.fields, body.note))  # type: ignore[arg-type]
        return {"review": stored.to_dict(), "event": overlay(found, log.for_event(event_id))}

    @app.get("/api/control", summary="Who held which place on a date (GeoJSON points)")
    def control(
        request: Request,
        at: str | None = Query(None, description=DATE_HELP + " (required)"),
        bbox: str | None = Query(None, description=BBOX_HELP),
        baseline: str | None = Query(None, description="true to add the mid-2017 Wikipedia layer"),
    ) -> dict[str, Any]:
        day = parse_date(at, "at")
        if day is None:
            raise BadParameter("at", "is required; expected YYYY-MM-DD")
        area = parse_bbox(bbox)
        use_base = parse_bool(baseline, "baseline") if baseline else request.app.state.baseline
        served = getattr(request.app.state, "served_periods", None)  # corrections cut in
        if served is not None:
            rows = [p.to_dict() for p in snapshot(served.get(_store(request), use_base), day, area)]
        else:
            rows = control_at(
                _store(request), day, area=area, baseline=use_base,
                cache=request.app.state.period_cache,
            )  # fmt: skip
        features = [feature(f"{r['place_id']}|{r['holder']}|{r['since']}", r) for r in rows]
        extra = {"attribution": ATTRIBUTION} if use_base else {}
        return collection(features, at=day.isoformat(), total=len(features), **extra)

    @app.get("/api/documents", summary="Ingested documents (paginated)")
    def documents(
        request: Request,
        limit: str | None = Query(None, description=f"1..{MAX_LIMIT}, default {DEFAULT_LIMIT}"),
        offset: str | None = Query(None, description=">= 0, default 0"),
    ) -> dict[str, Any]:
        size, first = _page(request, limit, offset)
        store = _store(request)
        total = store.count_documents()
        page = [d.to_dict() for d in store.document_summaries(limit=size, offset=first)]
        nxt = _next(request, size, first, total)
        return {"documents": page, "total": total, "limit": size, "offset": first, "next": nxt}

    @app.get("/api/documents/{document_id}", summary="One document with its comment thread")
    def document(request: Request, document_id: str) -> dict[str, Any]:
        doc = _store(request).document(document_id)
        if doc is None:
            raise HTTPException(404, f"no document {document_id!r}")
        data = doc.to_dict()
        data["comments"] = [c.to_dict() for c in doc.comments]
        return data
