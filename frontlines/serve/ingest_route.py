"""``POST /api/ingest``: fetch a URL, analyse it and store it (token-checked like every write).

The fetcher refuses loopback, private and link-local addresses unless the server's settings
allow them (``FRONTLINES_ALLOW_PRIVATE_URLS``); the refusal is a 400 naming the URL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, Request
from pydantic import BaseModel, Field

from ..errors import FetchError, InputError
from .params import BadParameter, parse_date


class IngestIn(BaseModel):
    """A page to fetch and store."""

    url: str = Field(description="an http(s) URL of a news page or feed")
    published: str | None = Field(
        None, description="publication date YYYY-MM-DD if the page lacks one"
    )


def register_ingest(app: FastAPI) -> None:
    @app.post(
        "/api/ingest",
        status_code=201,
        summary="Fetch a URL, extract its events and store them (needs the token)",
    )
    def ingest(request: Request, body: IngestIn) -> dict[str, Any]:
        from ..api import Frontlines

        if not body.url.startswith(("http://", "https://")):
            raise BadParameter("url", "must be an http(s) URL")
        published: dt.date | None = parse_date(body.published, "published")
        state = request.app.state
        if getattr(state, "frontlines", None) is None:
            state.frontlines = Frontlines(state.settings, fetcher=getattr(state, "fetcher", None))
        try:
            analyses = state.frontlines.extract(body.url, published=published)
        except (FetchError, InputError) as exc:
            raise BadParameter("url", str(exc)) from exc
        store = state.store.get()
        results = [store.save(a) for a in analyses]
        return {
            "url": body.url,
            "documents": [r.document_id for r in results],
            "documents_new": sum(r.document_new for r in results),
            "events_added": sum(r.events_added for r in results),
            "warnings": [w for a in analyses for w in a.document.warnings],
        }
