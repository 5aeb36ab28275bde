"""Rendering a situation report's data as HTML and as Markdown (all page text escaped).

HTML: ``html.escape`` on every value, links only for http(s) URLs (with
``rel="noopener noreferrer"``), no scripts, a Content-Security-Policy that loads nothing
but the map image beside the page. Markdown: ``\\ ` * _ { } [ ] < > # | ~ & $`` are
backslash-escaped so page text can never become markup, links, images or raw HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from importlib import resources
from string import Template
from urllib.parse import quote, urlsplit

from .sitrep_map import ATTRIBUTION

__all__ = [
    "ControlRow",
    "EventRow",
    "ReportData",
    "SourceRow",
    "TypeCount",
    "md_escape",
    "render_html",
    "render_markdown",
    "safe_url",
]


@dataclass(frozen=True, slots=True)
class EventRow:
    date: str
    precision: str
    event_type: str
    sub_event_type: str
    actors: str
    location: str
    fatalities: str
    credibility: str
    evidence: str
    from_comment: bool
    source: str
    url: str


@dataclass(frozen=True, slots=True)
class TypeCount:
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class ControlRow:
    place: str
    holder: str
    since: str
    evidence: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    title: str
    url: str
    published: str


@dataclass(slots=True)
class ReportData:
    title: str
    area_name: str
    bbox: tuple[float, float, float, float]
    start: str
    end: str
    events: list[EventRow]
    counts: list[TypeCount]
    control: list[ControlRow]
    sources: list[SourceRow]
    generated: str
    warnings: list[str] = field(default_factory=list)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
_WHITESPACE = re.compile(r"\s+")


def safe_url(url: str) -> str:
    """The URL when it is an absolute http(s) URL with a host, else ""."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url


def _bbox_text(data: ReportData) -> str:
    west, south, east, north = data.bbox
    return f"W {west:g}, S {south:g}, E {east:g}, N {north:g}"


# ---------------------------------------------------------------- HTML


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _link(text: str, url: str) -> str:
    href = safe_url(url)
    if not href:
        return _h(text)
    return f'<a href="{_h(href)}" rel="noopener noreferrer">{_h(text)}</a>'


def _html_counts(data: ReportData) -> str:
    if not data.counts:
        return '<p class="empty">No events were recorded in this area during this period.</p>'
    rows = "".join(
        f"<tr><td>{_h(c.event_type)}</td><td>{c.events}</td><td>{c.fatalities}</td></tr>"
        for c in data.counts
    )
    total = sum(c.events for c in data.counts)
    return (
        f"<p>{total} event{'s' if total != 1 else ''} in this area during this period.</p>"
        "<table><thead><tr><th>Event type</th><th>Events</th><th>Reported fatalities</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _html_event(row: EventRow) -> str:
    kind = row.event_type + (f" / {row.sub_event_type}" if row.sub_event_type else "")
    credibility = _h(row.credibility) + (" (reader comment)" if row.from_comment else "")
    css = ' class="low"' if row.credibility == "low" else ""
    return (
        f"<li><strong>{_h(row.date)}</strong> (to the {_h(row.precision)}): {_h(kind)}"
        f"<br>Actors: {_h(row.actors) or 'unknown'}"
        f"<br>Location: {_h(row.location) or 'unknown'}"
        f"<br>Fatalities: {_h(row.fatalities)}"
        f"<br>Credibility: <span{css}>{credibility}</span>"
        f"<blockquote>\u201c{_h(row.evidence)}\u201d</blockquote>"
        f"Source: {_link(row.source, row.url)}</li>"
    )


def _html_control(data: ReportData) -> str:
    if not data.control:
        return '<p class="empty">No control changes were recorded.</p>'
    rows = "".join(
        f"<tr><td>{_h(c.place)}</td><td>{_h(c.holder)}</td><td>{_h(c.since)}</td>"
        f"<td>{_h(c.evidence)}</td></tr>"
        for c in data.control
    )
    return (
        "<table><thead><tr><th>Place</th><th>Held by</th><th>Since</th><th>Evidence</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _html_sources(data: ReportData) -> str:
    if not data.sources:
        return '<p class="empty">No sources.</p>'
    items = "".join(
        f"<li>{_link(s.title or s.url or 'untitled', s.url)}"
        + (f" ({_h(s.published)})" if s.published else "")
        + (f"<br><small>{_h(s.url)}</small>" if s.url else "")
        + "</li>"
        for s in data.sources
    )
    return f"<ul>{items}</ul>"


def render_html(data: ReportData, *, image: str = "map.png") -> str:
    """The report as one offline HTML page (no scripts; the map is the image beside it)."""
    events = "".join(_html_event(r) for r in data.events)
    body = (
        f"<h1>{_h(data.title)}</h1>"
        f'<p class="meta">Area: {_h(data.area_name)} ({_h(_bbox_text(data))})<br>'
        f"Period: {_h(data.start)} to {_h(data.end)}<br>Generated: {_h(data.generated)}</p>"
        f'\n<figure><img src="{_h(image)}" alt="Map of the events in {_h(data.area_name)}">'
        f"<figcaption>{_h(ATTRIBUTION)}</figcaption></figure>"
        f"\n<h2>Summary</h2>{_html_counts(data)}"
        "\n<h2>Events</h2>"
        + (f'<ol class="events">{events}</ol>' if events else '<p class="empty">None.</p>')
        + f"\n<h2>Control changes</h2>{_html_control(data)}"
        f"\n<h2>Sources</h2>{_html_sources(data)}"
        f'\n<p class="attribution">Base map and places: {_h(ATTRIBUTION)}.</p>'
    )
    template = Template(
        resources.files(__package__).joinpath("templates/sitrep.html").read_text("utf-8")
    )
    return template.substitute(title=_h(data.title), body=body)


# ---------------------------------------------------------------- Markdown


def md_escape(text: str) -> str:
    """Page text as inert Markdown: one line, every markup character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())


def _md_link(text: str, url: str) -> str:
    href = safe_url(url)
    if not href:
        return md_escape(text)
    target = quote(href, safe=":/?#@!$&'*+,;=%~-._")
    return f"[{md_escape(text)}]({target})"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _md_event(index: int, row: EventRow) -> list[str]:
    kind = row.event_type + (f" / {row.sub_event_type}" if row.sub_event_type else "")
    credibility = row.credibility + (" (reader comment)" if row.from_comment else "")
    return [
        f"{index}. **{md_escape(row.date)}** (to the {md_escape(row.precision)}): {md_escape(kind)}",
        f"   - Actors: {md_escape(row.actors) or 'unknown'}",
        f"   - Location: {md_escape(row.location) or 'unknown'}",
        f"   - Fatalities: {md_escape(row.fatalities)}",
        f"   - Credibility: {md_escape(credibility)}",
        f"   - Evidence: \u201c{md_escape(row.evidence)}\u201d",
        f"   - Source: {_md_link(row.source, row.url)}",
    ]


def _md_sections(data: ReportData) -> list[str]:
    lines = ["## Summary", ""]
    if data.counts:
        total = sum(c.events for c in data.counts)
        lines += [f"{total} event{'s' if total != 1 else ''} in this area during this period.", ""]
        rows = [[md_escape(c.event_type), str(c.events), str(c.fatalities)] for c in data.counts]
        lines += _md_table(["Event type", "Events", "Reported fatalities"], rows)
    else:
        lines.append("No events were recorded in this area during this period.")
    lines += ["", "## Events", ""]
    for index, row in enumerate(data.events, 1):
        lines += _md_event(index, row)
    if not data.events:
        lines.append("None.")
    lines += ["", "## Control changes", ""]
    if data.control:
        rows = [[md_escape(c.place), md_escape(c.holder), md_escape(c.since), md_escape(c.evidence)]
                for c in data.control]  # fmt: skip
        lines += _md_table(["Place", "Held by", "Since", "Evidence"], rows)
    else:
        lines.append("No control changes were recorded.")
    return lines


def _md_sources(data: ReportData) -> list[str]:
    lines = ["", "## Sources", ""]
    for source in data.sources:
        published = f" ({md_escape(source.published)})" if source.published else ""
        lines.append(
            f"- {_md_link(source.title or source.url or 'untitled', source.url)}{published}"
        )
    if not data.sources:
        lines.append("No sources.")
    return lines


def render_markdown(data: ReportData, *, image: str = "map.png") -> str:
    """The report as Markdown; the map is the image beside it."""
    lines = [
        f"# {md_escape(data.title)}",
        "",
        f"- Area: {md_escape(data.area_name)} ({md_escape(_bbox_text(data))})",
        f"- Period: {md_escape(data.start)} to {md_escape(data.end)}",
        f"- Generated: {md_escape(data.generated)}",
        "",
        f"![Map of the events in {md_escape(data.area_name)}]({quote(image)})",
        "",
        *_md_sections(data),
        *_md_sources(data),
        "",
        f"Base map and places: {md_escape(ATTRIBUTION)}.",
        "",
    ]
    return "\n".join(lines)
