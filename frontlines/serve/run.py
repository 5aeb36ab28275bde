"""Run the API with uvicorn: the library side of ``frontlines serve``."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..control.corrections import correction_log_for
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
) -> None:
    """Serve the store at ``db`` until interrupted (writes need ``token``)."""
    import uvicorn

    app = create_app(
        lambda: open_store(db),
        token=token,
        settings=settings,
        reviews=review_log_for(db),
        baseline=baseline,
    )
    app.state.corrections = correction_log_for(db)  # analysts' holder corrections
    uvicorn.run(app, host=host, port=port, log_config=None)
