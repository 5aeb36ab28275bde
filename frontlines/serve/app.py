"""The HTTP API over a store: events, control, documents, reviews (FastAPI).

``create_app`` does no I/O: the store is opened on first use and closed at shutdown.
Every request that is not a read (GET/HEAD/OPTIONS) is checked for the bearer token
before anything else happens (before routing, body parsing or event look-up): 403 when
the server has no token configured, 401 when the token is missing or wrong.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from ..config import Settings
from ..control.query import PeriodCache
from ..errors import StoreError
from ..records import Document
from ..store import Store
from .cache import StateCache, etag_for, etag_matches, latest_reviews, state_key
from .control_routes import area_cells, register_control_routes
from .ingest_route import register_ingest
from .pages import docs_page, index_page
from .params import BadParameter
from .reviews import MemoryReviewLog, Review, ReviewLog
from .routes import register_routes
from .tiles import TILES_PATH, TileCache, control_tiles

StoreFactory = Callable[[], Store]
MapBuilder = Callable[..., str]  # (tiles=mode, tile_cache=TileCache) -> the page
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class StoreHolder:
    """Opens the store once, on first use, and closes it at shutdown."""

    def __init__(self, factory: StoreFactory) -> None:
        self._factory = factory
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = self._factory()
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _error(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, **extra}, status_code=status)


def check_token(request: Request, token: str | None) -> JSONResponse | None:
    """The refusal for a write request, or None when it may go on."""
    if request.method in READ_METHODS:
        return None
    if not token:
        return _error(
            403, "forbidden",
            "writes are disabled: the server has no token (set FRONTLINES_TOKEN and restart)",
        )  # fmt: skip
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        response = _error(
            401, "unauthorized", "send the server's token as 'Authorization: Bearer <token>'"
        )
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return None


class TokenCheck:
    """Pure ASGI middleware: a write request without the token is refused before routing.
    Reads pass straight through (no request object, no task group: Starlette's
    ``@app.middleware("http")`` costs about that on every request)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in READ_METHODS:
            refusal = check_token(Request(scope), self.token)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def bad_parameter(_: Request, exc: BadParameter) -> JSONResponse:
        return _error(400, "bad_parameter", str(exc), parameter=exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        ]
        return _error(400, "bad_request", "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store_error", str(exc))


def map_page(
    store: Any,
    reviews: ReviewLog,
    settings: Settings,
    cache: PeriodCache | None = None,
    latest: dict[str, list[Review]] | None = None,
    *,
    tiles: str = "auto",
    tile_cache: TileCache | None = None,
    areas: Any = None,
    served: Any = None,
) -> str:
    """The full-size map app: stored events (rejected ones and those drawn from flooding or
    off-topic comments left out) and control periods (kept in ``cache`` between requests
    while the store is unchanged). With tiles (``tiles``: auto, always, never) the page
    reads them from ``TILES_PATH``."""
    from ..control import store_periods
    from ..publish import render_map
    from ..publish.map_tiles import wants_tiles

    events = map_events(store, reviews, latest)
    periods = served.get(store, False) if served is not None else store_periods(store, cache=cache)
    cells = area_cells(periods, settings, areas)
    control = [p.to_dict() for p in periods]
    served_tiles = None
    if wants_tiles(events, tiles):
        control_layers = control_tiles(periods, cells)
        served_tiles = (TILES_PATH, (tile_cache or TileCache()).tiles_for(events, control_layers))
    return render_map(events, documents=_titles(store), settings=settings,
                      title="frontlines", control=control, tiles=tiles,
                      served_tiles=served_tiles, areas=cells, api=True)  # fmt: skip


def map_events(
    store: Any, reviews: ReviewLog, latest: dict[str, list[Review]] | None = None
) -> list[Any]:
    """The events the map shows: not rejected by a review, not drawn from flooding or
    off-topic comments."""
    from ..extract.threads import unflagged
    from .reviews import review_status

    reviewed = reviews.latest() if latest is None else latest
    return [
        e for e in unflagged(store.events())
        if review_status(reviewed.get(e.event_id, [])) != "rejected"
    ]  # fmt: skip


def _titles(store: Any) -> list[Document]:
    """Documents carrying only what the map shows of them (id and title), read without
    their text when the store can list them so."""
    lister = getattr(store, "document_summaries", None)
    if not callable(lister):
        return list(store.documents())
    return [Document(id=s.id, source=s.source, title=s.title, text="") for s in lister()]


def _index(request: Request) -> Response:
    state = request.app.state
    key = state_key(request)

    def build() -> tuple[str, str]:
        if state.map_builder is not None:
            page = state.map_builder(tiles=state.tiles, tile_cache=state.tile_cache)
        else:
            page = map_page(state.store.get(), state.reviews, state.settings,
                            state.period_cache, latest_reviews(request),
                            tiles=state.tiles, tile_cache=state.tile_cache,
                            areas=state.area_cache, served=state.served_periods)  # fmt: skip
        return page, etag_for("map", *key, hashlib.sha256(page.encode("utf-8")).hexdigest())

    page, etag = state.page_cache.get(key, build)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return HTMLResponse(page, headers=headers)


def create_app(
    store_factory: StoreFactory,
    *,
    token: str | None = None,
    settings: Settings | None = None,
    reviews: ReviewLog | None = None,
    baseline: bool = False,
    tiles: str = "auto",
    map_builder: MapBuilder | None = None,
) -> FastAPI:
    """The API app. ``reviews`` defaults to an in-memory log; ``baseline`` adds the
    Wikipedia detailed-map layer to ``/api/control`` unless a request says otherwise;
    ``map_builder`` builds the map page elsewhere (``serve`` uses a child process)."""
    holder = StoreHolder(store_factory)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()
        tile_cache.close()
        close = getattr(map_builder, "close", None)
        if callable(close):
            close()

    app = FastAPI(
        title="frontlines",
        version="0.1.0",
        description="War reporting as sourced, geolocated ACLED-style events.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings or Settings()
    app.state.store = holder
    app.state.reviews = reviews if reviews is not None else MemoryReviewLog()
    app.state.baseline = baseline
    app.state.period_cache = PeriodCache()
    tile_cache = TileCache()
    app.state.tiles = tiles
    app.state.tile_cache = tile_cache
    app.state.page_cache = StateCache[tuple[str, str]]()
    app.state.map_builder = map_builder
    app.state.review_cache = StateCache[dict[str, list[Review]]]()

    app.add_middleware(TokenCheck, token=token)
    _install_errors(app)
    register_routes(app)
    register_control_routes(app)
    register_ingest(app)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> Response:
        return _index(request)

    @app.get(TILES_PATH, include_in_schema=False)
    def events_tiles(request: Request) -> Response:
        current = tile_cache.current
        if current is None:
            # another server process (--workers) may have served the page: write them here
            events = map_events(holder.get(), app.state.reviews, latest_reviews(request))
            if not any(e.latitude is not None and e.longitude is not None for e in events):
                return _error(404, "not_found", "no tiles: the store has no placed events")
            store = holder.get()
            periods = app.state.served_periods.get(store, False)
            cells = area_cells(periods, app.state.settings, app.state.area_cache)
            current = tile_cache.tiles_for(events, control_tiles(periods, cells))
        return FileResponse(current.path, media_type="application/vnd.pmtiles")

    @app.get("/about", response_class=HTMLResponse, include_in_schema=False)
    def about() -> HTMLResponse:
        return HTMLResponse(index_page())

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))

    return app
