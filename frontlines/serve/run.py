"""Run the API with uvicorn: the library side of ``frontlines serve``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fastapi import FastAPI

from ..config import Settings
from ..control.corrections import correction_log_for
from ..errors import ConfigError
from ..store import open_store
from .app import create_app
from .builder import ProcessPageBuilder
from .reviews import MemoryReviewLog, ReviewLog, SqliteReviewLog

SWITCH_INTERVAL = 0.0005


def responsive() -> None:
    """Let a short request (``/api/health``) through while another thread builds something
    big (the map page at 100,000 events): the server process hands the interpreter lock
    over every 0.5 ms instead of 5 ms. Called by the server's entry points only."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def review_log_for(db: str | Path) -> ReviewLog:
    """Reviews beside the store: its SQLite file, or memory for ``:memory:``/PostgreSQL."""
    text = str(db)
    if text == ":memory:" or "://" in text:
        return MemoryReviewLog()
    return SqliteReviewLog(Path(text).expanduser())


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    settings: Settings | None = None,
    baseline: bool = False,
    tiles: str = "auto",
    workers: int = 1,
) -> None:
    """Serve the store at ``db`` until interrupted (writes need ``token``).

    ``workers`` > 1 runs that many server processes on one port (uvicorn's workers), so
    reads use every core; each process builds its app from the environment
    (``FRONTLINES_*`` settings, see :func:`app_from_env`), not from ``settings``.
    """
    import uvicorn

    responsive()
    if workers > 1:
        text = str(db)
        if text == ":memory:":
            raise ConfigError("--workers > 1 needs a store file or a PostgreSQL URL, not :memory:")
        os.environ.update(
            FRONTLINES_DB=text, FRONTLINES_SERVE_BASELINE="1" if baseline else "0",
            FRONTLINES_TOKEN=token or "", FRONTLINES_SERVE_TILES=tiles,
        )  # fmt: skip
        uvicorn.run("frontlines.serve.run:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_config=None)  # fmt: skip
        return

    app = create_app(
        lambda: open_store(db),
        token=token,
        settings=settings,
        reviews=review_log_for(db),
        baseline=baseline,
        tiles=tiles,
        map_builder=map_builder_for(db, settings or Settings.from_env()),
    )
    app.state.corrections = correction_log_for(db)  # analysts' holder corrections
    uvicorn.run(app, host=host, port=port, log_config=None)


def app_from_env() -> FastAPI:
    """The app of one server process started by :func:`serve` with several workers."""
    responsive()
    settings = Settings.from_env()
    db = settings.db
    app = create_app(
        lambda: open_store(db),
        token=os.environ.get("FRONTLINES_TOKEN") or None,
        settings=settings,
        reviews=review_log_for(db),
        baseline=os.environ.get("FRONTLINES_SERVE_BASELINE") == "1",
        tiles=os.environ.get("FRONTLINES_SERVE_TILES") or "auto",
        map_builder=map_builder_for(db, settings),
    )
    app.state.corrections = correction_log_for(db)  # analysts' holder corrections
    return app


def map_builder_for(db: str | Path, settings: Settings) -> ProcessPageBuilder | None:
    """A child process for the map page of a SQLite file store (its reviews are in the
    file too); None (built in the server) for ``:memory:`` and PostgreSQL, whose reviews
    live in the server's memory."""
    if not isinstance(review_log_for(db), SqliteReviewLog):
        return None
    return ProcessPageBuilder(str(Path(str(db)).expanduser()), settings)
