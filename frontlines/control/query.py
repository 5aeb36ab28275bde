"""Control at a date, read from a store: the library side of ``frontlines control``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from ..records import Analysis, ControlClaim, Document, Place
from .baseline import load_baseline
from .events import claims_from_events, places_from_events
from .periods import BBox, ControlPeriod, control_periods, snapshot
from .statements import claims_from_text


class AnalysisSource(Protocol):
    """The part of the store contract this module reads."""

    def documents(self) -> list[Document]: ...

    def analysis(self, document_id: str) -> Analysis | None: ...


def claims_from_analysis(analysis: Analysis) -> tuple[list[ControlClaim], dict[str, Place]]:
    """Event and statement claims of one analysed document, with their places."""
    document = analysis.document
    claims = claims_from_events(analysis.events)
    places = places_from_events(analysis.events)
    claims += claims_from_text(
        document.text, analysis.mentions, document.published, document_id=document.id
    )
    for mention in analysis.mentions:
        if mention.place is not None:
            places.setdefault(mention.place.id, mention.place)
    return claims, places


def store_periods(
    store: AnalysisSource, *, baseline: bool = False, baseline_folder: Path | None = None
) -> list[ControlPeriod]:
    """Every control period the store's documents (and optionally the baseline) support."""
    claims: list[ControlClaim] = []
    places: dict[str, Place] = {}
    if baseline:
        layer = load_baseline(baseline_folder)
        claims += layer.claims
        places.update(layer.places)
    for document in store.documents():
        analysis = store.analysis(document.id)
        if analysis is None:
            continue
        found, where = claims_from_analysis(analysis)
        claims += found
        for key, place in where.items():
            places.setdefault(key, place)
    return control_periods(claims, places)


def control_at(
    store: AnalysisSource,
    at: dt.date | str,
    *,
    area: BBox | None = None,
    baseline: bool = False,
    baseline_folder: Path | None = None,
) -> list[dict[str, Any]]:
    """Who holds what on ``at``: JSON-ready dicts (``ControlPeriod.to_dict``)."""
    periods = store_periods(store, baseline=baseline, baseline_folder=baseline_folder)
    return [p.to_dict() for p in snapshot(periods, at, area)]


def format_table(rows: Iterable[dict[str, Any]]) -> str:
    """A plain-text table of ``control_at`` rows (place, holder, since, until, ...)."""
    header = ("place", "holder", "since", "until", "conf", "evidence")
    lines = [header]
    for row in rows:
        flag = " (contested)" if row.get("contested") else ""
        lines.append(
            (
                str(row.get("place_name") or row.get("place_id") or ""),
                f"{row.get('holder', '')}{flag}",
                str(row.get("since") or ""),
                str(row.get("until") or "-"),
                f"{float(row.get('confidence') or 0.0):.2f}",
                ",".join(row.get("kinds") or []),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    if len(lines) == 1:
        out.append("(no control periods at this date)")
    return "\n".join(out) + "\n"
