"""Control at a date, read from a store: the library side of ``frontlines control``."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
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
    from ..extract.threads import unflagged

    document = analysis.document
    events = unflagged(analysis.events)  # not from flooding or off-topic comments
    claims = claims_from_events(events)
    places = places_from_events(events)
    claims += claims_from_text(
        document.text, analysis.mentions, document.published, document_id=document.id
    )
    for mention in analysis.mentions:
        if mention.place is not None:
            places.setdefault(mention.place.id, mention.place)
    return claims, places


def store_periods(
    store: AnalysisSource,
    *,
    baseline: bool = False,
    baseline_folder: Path | None = None,
    cache: PeriodCache | None = None,
) -> list[ControlPeriod]:
    """Every control period the store's documents (and optionally the baseline) support;
    with ``cache`` only documents not seen before are read again."""
    if cache is not None:
        return cache.periods(store, baseline=baseline, baseline_folder=baseline_folder)
    return _compute(store, store.documents(), {}, baseline, baseline_folder)


Claims = tuple[list[ControlClaim], dict[str, Place]]


def _compute(
    store: AnalysisSource,
    documents: list[Document],
    known: dict[str, Claims],
    baseline: bool,
    baseline_folder: Path | None,
) -> list[ControlPeriod]:
    claims: list[ControlClaim] = []
    places: dict[str, Place] = {}
    if baseline:
        layer = load_baseline(baseline_folder)
        claims += layer.claims
        places.update(layer.places)
    for document in documents:
        found = known.get(document.id)
        if found is None:
            analysis = store.analysis(document.id)
            found = claims_from_analysis(analysis) if analysis is not None else ([], {})
            known[document.id] = found
        claims += found[0]
        for key, place in found[1].items():
            places.setdefault(key, place)
    return control_periods(claims, places)


class PeriodCache:
    """Control periods of a store, recomputed only when its content changes.

    A document's id is a hash of its content, so its claims are kept by id; the periods
    are kept for one state of the store (its ``state()`` token, or else its document ids and
    event count), so a page
    ingested while the server runs shows up on the next request. Thread-safe.
    """

    def __init__(self) -> None:
        self._claims: dict[str, Claims] = {}
        self._periods: dict[tuple[str, bool, str], list[ControlPeriod]] = {}
        self._lock = threading.Lock()

    def periods(
        self, store: AnalysisSource, *, baseline: bool = False, baseline_folder: Path | None = None
    ) -> list[ControlPeriod]:
        stamp = getattr(store, "state", None)
        documents = None if callable(stamp) else store.documents()
        state = f"state:{stamp()}" if callable(stamp) else _state(store, documents or [])
        key = (state, baseline, str(baseline_folder or ""))
        with self._lock:
            cached = self._periods.get(key)
            if cached is None:
                if documents is None:
                    documents = store.documents()
                cached = _compute(store, documents, self._claims, baseline, baseline_folder)
                self._periods = {key: cached, **{k: v for k, v in self._periods.items()
                                                 if k[0] == key[0]}}  # fmt: skip
            return cached

    def clear(self) -> None:
        with self._lock:
            self._claims.clear()
            self._periods.clear()


def _state(store: AnalysisSource, documents: list[Document]) -> str:
    digest = hashlib.sha256()
    for doc_id in sorted(d.id for d in documents):
        digest.update(doc_id.encode())
    count = getattr(store, "count_events", None)
    digest.update(str(count() if callable(count) else "").encode())
    return digest.hexdigest()


def control_at(
    store: AnalysisSource,
    at: dt.date | str,
    *,
    area: BBox | None = None,
    baseline: bool = False,
    baseline_folder: Path | None = None,
    cache: PeriodCache | None = None,
) -> list[dict[str, Any]]:
    """Who holds what on ``at``: JSON-ready dicts (``ControlPeriod.to_dict``)."""
    periods = store_periods(store, baseline=baseline, baseline_folder=baseline_folder, cache=cache)
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
