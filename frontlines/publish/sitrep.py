"""Situation reports: one area, one period -> ``report.html``, ``report.md`` and ``map.png``.

    paths = write_report(events, "out/", area_name="Deir ez-Zor", bbox=(39.5, 34.3, 41.0, 35.6),
                         start=date(2018, 5, 1), end=date(2018, 5, 31), documents=docs)

The report keeps the events dated inside the period whose point lies inside the area,
in date order, each with its date precision, type, actors, place, fatalities, credibility,
the evidence sentence quoted and a link to its source; a summary by event type; control
changes (plain dicts or objects with ``place``, ``holder``, ``since``, ``evidence``); and
a "Sources" section. All page text is escaped in both files, links are made only for
http(s) URLs, and the HTML has no scripts and loads nothing: the map is ``map.png`` beside
it. An area without events still gets a report that says so, over the base map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..records import Document, Event
from .sitrep_map import COUNTRIES_FILE, BBox, render_report_map
from .sitrep_render import (
    ControlRow,
    EventRow,
    ReportData,
    SourceRow,
    TypeCount,
    render_html,
    render_markdown,
    safe_url,
)

__all__ = ["ReportPaths", "parse_bbox", "report_data", "select_events", "write_report"]

_PRECISION = {1: "day", 2: "week", 3: "month"}


@dataclass(frozen=True, slots=True)
class ReportPaths:
    """Where the report went, how many events it holds, and any warnings (e.g. no base map)."""

    html: Path
    markdown: Path
    png: Path
    events: int
    warnings: list[str] = field(default_factory=list)


def parse_bbox(text: str) -> BBox:
    """'W,S,E,N' in degrees as a bbox; ConfigError naming the value when it is not one."""
    parts = [p.strip() for p in text.split(",")]
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ConfigError(
            f"area {text!r} is not W,S,E,N (four numbers, e.g. 39.5,34.3,41.0,35.6)"
        ) from None
    _check_bbox((west, south, east, north))
    return (west, south, east, north)


def _check_bbox(bbox: BBox) -> None:
    west, south, east, north = bbox
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ConfigError(
            f"area {bbox} is not a W,S,E,N box: need -180 <= W < E <= 180 and -90 <= S < N <= 90"
        )


def _in_period(event: Event, start: dt.date, end: dt.date) -> bool:
    try:
        day = dt.date.fromisoformat(event.event_date)
    except ValueError:
        return False
    return start <= day <= end


def _in_area(event: Event, bbox: BBox) -> bool:
    if event.latitude is None or event.longitude is None:
        return False
    west, south, east, north = bbox
    return west <= event.longitude <= east and south <= event.latitude <= north


def select_events(
    events: Iterable[Event], bbox: BBox, start: dt.date, end: dt.date, outline: Any = None
) -> list[Event]:
    """The events dated in [start, end] with a point in the bbox (and inside ``outline``,
    a shapely polygon, when given: a province's area, not its box), in date order."""
    chosen = [e for e in events if _in_period(e, start, end) and _in_area(e, bbox)]
    if outline is not None and chosen:
        from shapely import points

        inside = outline.contains(points([(e.longitude, e.latitude) for e in chosen]))
        chosen = [e for e, keep in zip(chosen, inside, strict=True) if keep]
    return sorted(chosen, key=lambda e: (e.event_date, e.event_type, e.location, e.event_id))


def _get(item: object, name: str) -> str:
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    if value is None:
        return ""
    text = getattr(value, "text", value)  # a Span gives its text
    return str(text)


def _control_rows(changes: Iterable[object]) -> list[ControlRow]:
    rows = [
        ControlRow(
            place=_get(c, "place") or _get(c, "place_name"),
            holder=_get(c, "holder"),
            since=_get(c, "since"),
            evidence=_get(c, "evidence"),
        )
        for c in changes
    ]
    return sorted(rows, key=lambda r: (r.since, r.place))


def _event_row(event: Event, documents: Mapping[str, Document]) -> EventRow:
    document = documents.get(event.document_id)
    candidates = (event.source_url, document.url if document and document.url else "")
    url = next((u for u in candidates if safe_url(u)), event.source_url)
    source = (document.title if document else "") or event.source or url or event.document_id
    actors = [a for a in (event.actor1, event.actor2) if a]
    return EventRow(
        date=event.event_date,
        precision=_PRECISION.get(event.time_precision, str(event.time_precision)),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actors=" vs ".join(actors),
        location=", ".join(p for p in (event.location, event.admin1, event.country) if p),
        fatalities=str(event.fatalities) if event.fatalities_known else "unknown",
        credibility=event.credibility,
        evidence=event.evidence.text,
        from_comment=event.source_part == "comment",
        source=source,
        url=url,
    )


def _type_counts(events: Sequence[Event]) -> list[TypeCount]:
    kinds = sorted({e.event_type for e in events})
    counts = [
        TypeCount(
            kind,
            sum(1 for e in events if e.event_type == kind),
            sum(e.fatalities for e in events if e.event_type == kind and e.fatalities_known),
        )
        for kind in kinds
    ]
    return sorted(counts, key=lambda c: (-c.events, c.event_type))


def _source_rows(events: Sequence[Event], documents: Mapping[str, Document]) -> list[SourceRow]:
    rows: dict[str, SourceRow] = {}
    for event in events:
        document = documents.get(event.document_id)
        if document is not None:
            published = document.published.isoformat() if document.published else ""
            title = document.title or document.source
            if not document.url and document.source and document.source != title:
                title = f"{title} [{document.source}]"  # a local file: say which
            row = SourceRow(title, document.url or "", published)
            rows.setdefault(document.id, row)
        else:
            key = event.source_url or event.source or event.document_id
            rows.setdefault(key, SourceRow(event.source or key, event.source_url, ""))
    return sorted(rows.values(), key=lambda r: (r.published or "9999", r.title, r.url))


def report_data(
    events: Iterable[Event],
    *,
    area_name: str,
    bbox: BBox,
    start: dt.date,
    end: dt.date,
    control_changes: Iterable[object] = (),
    documents: Iterable[Document] = (),
    title: str | None = None,
    outline: Any = None,
) -> ReportData:
    """Everything the report shows, selected, ordered and resolved (no rendering yet)."""
    _check_bbox(bbox)
    if end < start:
        raise ConfigError(f"the period ends ({end}) before it starts ({start})")
    chosen = select_events(events, bbox, start, end, outline)
    by_id = {d.id: d for d in documents}
    return ReportData(
        title=title or f"Situation report: {area_name}, {start.isoformat()} to {end.isoformat()}",
        area_name=area_name,
        bbox=bbox,
        start=start.isoformat(),
        end=end.isoformat(),
        events=[_event_row(e, by_id) for e in chosen],
        counts=_type_counts(chosen),
        control=_control_rows(control_changes),
        sources=_source_rows(chosen, by_id),
        generated=dt.date.today().isoformat(),
    )


def write_report(
    events: Iterable[Event],
    out_dir: str | Path,
    *,
    area_name: str,
    bbox: BBox,
    start: dt.date,
    end: dt.date,
    control_changes: Iterable[object] = (),
    documents: Iterable[Document] = (),
    title: str | None = None,
    settings: Settings | None = None,
    outline: Any = None,
    sheet: Any = None,
) -> ReportPaths:
    """Write ``report.html``, ``report.md`` and ``map.png`` into ``out_dir`` (created).

    ``outline``: the area's polygon (events outside it are left out); ``sheet``: a
    :class:`~frontlines.publish.fullmap.MapSheet` drawn as the full-size map (control
    areas, front lines, base map) instead of the plain event plot."""
    events = list(events)
    data = report_data(
        events, area_name=area_name, bbox=bbox, start=start, end=end,
        control_changes=control_changes, documents=documents, title=title, outline=outline,
    )  # fmt: skip
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the report folder ({exc.strerror})", source=str(folder)
        ) from exc
    chosen = select_events(events, bbox, start, end, outline)
    png = folder / "map.png"
    if sheet is not None:
        from .fullmap import render_full_map

        sheet.events, sheet.title = chosen, data.title
        warnings = render_full_map(sheet, png, size="report", dpi=110)
    else:
        countries = Path((settings or Settings.from_env()).assets_dir) / COUNTRIES_FILE
        warnings = render_report_map(chosen, png, bbox=bbox, title=data.title,
                                     countries_file=countries)  # fmt: skip
    data.warnings.extend(warnings)
    html_path, md_path = folder / "report.html", folder / "report.md"
    html_path.write_text(render_html(data, image=png.name), encoding="utf-8")
    md_path.write_text(render_markdown(data, image=png.name), encoding="utf-8")
    return ReportPaths(html_path, md_path, png, len(chosen), list(data.warnings))
