"""The two HTML pages the server renders itself: the start page and offline API docs."""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "code{background:#eee;padding:0 .2em}li{margin:.3em 0}"
)


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def index_page() -> str:
    """The start page: what the server offers (the lead swaps in the map app later)."""
    links = [
        ("/api/events", "events as GeoJSON (filters: bbox, start, end, event_type, actor...)"),
        ("/api/control?at=2018-01-01", "who held which place on a date (GeoJSON points)"),
        ("/api/documents", "ingested documents"),
        ("/api/health", "health check"),
        ("/docs", "API reference"),
        ("/openapi.json", "OpenAPI description"),
    ]
    items = "".join(
        f'<li><a href="{escape(href)}">{escape(href)}</a>: {escape(text)}</li>'
        for href, text in links
    )
    return _page("frontlines", f"<p>War reporting as sourced, mapped events.</p><ul>{items}</ul>")


def docs_page(spec: dict[str, Any]) -> str:
    """An offline API reference built from the OpenAPI description (no CDN scripts)."""
    parts: list[str] = ['<p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>']
    for path, operations in sorted(spec.get("paths", {}).items()):
        for method, op in operations.items():
            params = ", ".join(
                f"<code>{escape(p['name'])}</code>" for p in op.get("parameters", [])
            )
            summary = escape(op.get("summary") or "")
            doc = escape(op.get("description") or "")
            parts.append(
                f"<h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
                f"<p><b>{summary}</b></p><p>{doc}</p>"
                + (f"<p>Parameters: {params}</p>" if params else "")
            )
    return _page(f"{spec.get('info', {}).get('title', 'API')} reference", "".join(parts))
