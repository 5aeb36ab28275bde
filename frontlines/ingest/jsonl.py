"""JSON Lines dumps: one article per line (``url``, ``title``, ``text`` or ``html``,
``published``); the field names are configurable (``FRONTLINES_JSONL_FIELDS``, e.g.
``text=body,published=date``). ``html`` is read as an HTML page (article text, furniture,
comments); a line with ``text`` is taken as the article text as it is."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError, InputError
from ..records import Document
from .archive import Skipped, open_binary
from .dates import to_date
from .decode import clean_text
from .document import make_document


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which key of a line holds each part of the article."""

    url: str = "url"
    title: str = "title"
    text: str = "text"
    html: str = "html"
    published: str = "published"

    @classmethod
    def parse(cls, spec: str) -> JsonlFields:
        """``"text=body,published=date"`` -> fields with those two keys renamed."""
        names = {f.name for f in fields(cls)}
        changes: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, _, key = part.partition("=")
            if name.strip() not in names or not key.strip():
                raise ConfigError(
                    f"JSON Lines field mapping {part!r}: use FIELD=KEY with FIELD one of "
                    f"{', '.join(sorted(names))} (FRONTLINES_JSONL_FIELDS or --jsonl-fields)"
                )
            changes[name.strip()] = key.strip()
        return replace(cls(), **changes)


def read_jsonl(
    path: Path, fields: JsonlFields, *, published: dt.date | None = None, settings: Settings
) -> Iterator[Document]:
    """The articles of a JSON Lines file, in line order."""
    skipped = Skipped(str(path))
    with open_binary(path) as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                document = line_document(raw, where, fields, published, settings)
            except InputError as exc:
                skipped.skip(f"line {number}", str(exc))
                continue
            yield skipped.attach(document)
    skipped.finish("JSON Lines file (no line with article text)")


def line_document(
    raw: bytes, where: str, fields: JsonlFields, published: dt.date | None, settings: Settings
) -> Document:
    """One line as a Document; ``InputError`` when it is not an article."""
    if len(raw) > settings.max_bytes:
        raise InputError(f"line over the size cap of {settings.max_bytes} bytes", source=where)
    try:
        row = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not JSON ({exc.__class__.__name__})", source=where) from exc
    if not isinstance(row, dict):
        raise InputError("not a JSON object", source=where)
    url = _text(row, fields.url) or None
    date = to_date(_text(row, fields.published))
    html = _text(row, fields.html)
    if html.strip() and not _text(row, fields.text).strip():
        return _html_line(html, row, fields, where, url, published, date, settings)
    text = clean_text(_text(row, fields.text)).strip()
    if not text:
        raise InputError(f"no {fields.text!r} or {fields.html!r} text", source=where)
    return make_document(
        source=url or where, title=" ".join(_text(row, fields.title).split()), text=text,
        kind="jsonl", published_arg=published, published_meta=date, url=url,
    )  # fmt: skip


def _html_line(
    html: str, row: dict[str, Any], fields: JsonlFields, where: str, url: str | None,
    published: dt.date | None, date: dt.date | None, settings: Settings,
) -> Document:  # fmt: skip
    from .read import read_bytes

    [document] = read_bytes(
        html.encode("utf-8"), source=url or where, url=url, content_type="text/html",
        published=published, settings=settings, fallback_date=date,
    )[:1]  # fmt: skip
    title = " ".join(_text(row, fields.title).split())
    if title and title != document.title:
        from .document import document_id

        document.title = title
        document.id = document_id(title, document.text, document.comments)
    if date is not None and published is None:
        document.published, document.published_from = date, "metadata"
    return document


def _text(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)
