"""Run the API with uvicorn: the library side of ``frontlines serve``."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from ..config import Settings
from ..errors import ConfigError
from ..store import open_store
from .app import create_app
from .reviews import MemoryReviewLog, ReviewLog, SqliteReviewLog


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
    workers: int = 1,
) -> None:
    """Serve the store at ``db`` until interrupted (writes need ``token``).

    ``workers`` > 1 runs that many server processes on one port (uvicorn's workers), so
    reads use every core; each process builds its app from the environment
    (``FRONTLINES_*`` settings, see :func:`app_from_env`), not from ``settings``.
    """
    import uvicorn

    if workers > 1:
        text = str(db)
        if text == ":memory:":
            raise ConfigError("--workers > 1 needs a store file or a PostgreSQL URL, not :memory:")
        os.environ.update(
            FRONTLINES_DB=text, FRONTLINES_SERVE_BASELINE="1" if baseline else "0",
            FRONTLINES_TOKEN=token or "",
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
    )
    uvicorn.run(app, host=host, port=port, log_config=None)


def app_from_env() -> FastAPI:
    """The app of one server process started by :func:`serve` with several workers."""
    settings = Settings.from_env()
    db = settings.db
    return create_app(
        lambda: open_store(db),
        token=os.environ.get("FRONTLINES_TOKEN") or None,
        settings=settings,
        reviews=review_log_for(db),
        baseline=os.environ.get("FRONTLINES_SERVE_BASELINE") == "1",
    )
