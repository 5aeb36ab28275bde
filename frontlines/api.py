"""The Python facade that the CLI, the server and users call.

    >>> from frontlines import Frontlines
    >>> fl = Frontlines()
    >>> [analysis] = fl.extract("page.html", published=datetime.date(2018, 5, 14))
    >>> analysis.events[0].sub_event_type
    'Government regains territory'

Nothing heavy happens in the constructor: the gazetteer, the spaCy model and the store are
opened on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import Settings
from .errors import ConfigError, FrontlinesError
from .pipeline import Pipeline
from .records import Analysis, Document, Event

Progress = Callable[[str], None]


@dataclass(slots=True)
class ItemResult:
    """What happened to one input of a batch."""

    source: str
    ok: bool
    error: str = ""
    documents: int = 0
    documents_new: int = 0
    events_added: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BatchReport:
    """The outcome of a batch: one ItemResult per input, in input order."""

    items: list[ItemResult] = field(default_factory=list)

    @property
    def failed(self) -> list[ItemResult]:
        return [item for item in self.items if not item.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


_TEXT_WRITERS = {"acled-csv": "write_acled_csv", "geojson": "write_geojson"}
_FILE_WRITERS = {"gpkg": "write_gpkg", "geoparquet": "write_geoparquet", "kml": "write_kml"}
EXPORT_FORMATS = (*_TEXT_WRITERS, *_FILE_WRITERS)


class Frontlines:
    """One entry point to the whole flow: read, analyse, store, publish."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        gazetteer: Any = None,
        geoparser: Any = None,
        extractor: Any = None,
        fetcher: Any = None,
        relevance_threshold: float | None = None,
        all_sentences: bool = False,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.relevance_threshold = relevance_threshold
        self.all_sentences = all_sentences  # events from every sentence of every page
        self._cheap_geoparser: Any = None
        self._gazetteer = gazetteer
        self._geoparser = geoparser
        self._extractor = extractor
        self._fetcher = fetcher

    # -- lazily built parts -------------------------------------------------------------
    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from .geo import open_gazetteer

            self._gazetteer = open_gazetteer(self.settings)
        return self._gazetteer

    @property
    def geoparser(self) -> Any:
        if self._geoparser is None:
            from .geo import Geoparser

            self._geoparser = Geoparser(self.gazetteer, settings=self.settings)
        return self._geoparser

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from .extract import ActorRegistry, EventExtractor

            actors = ActorRegistry.default()
            if self.settings.actors_file:
                actors = actors.extend_from(self.settings.actors_file)
            self._extractor = EventExtractor(
                actors, settings=self.settings, gazetteer=self.gazetteer
            )
        if self.all_sentences and hasattr(self._extractor, "sense_check"):
            self._extractor.sense_check = None
        return self._extractor

    @property
    def pipeline(self) -> Pipeline:
        """Relevance first (cheap), then places and events; a page judged not relevant
        gets its places from the gazetteer alone and no events (``frontlines.relevance``)."""
        from .relevance.document import DEFAULT_THRESHOLD
        from .relevance.stage import Gated, Judge, Routed, cheap_geoparser

        if self._cheap_geoparser is None:
            self._cheap_geoparser = cheap_geoparser(self.geoparser)
        threshold = self.relevance_threshold
        judge = Judge(DEFAULT_THRESHOLD if threshold is None else threshold, self.all_sentences)
        geoparse = Routed(self.geoparser, self._cheap_geoparser)
        return Pipeline([judge, geoparse, Gated(self.extractor)])

    # -- reading and analysing ----------------------------------------------------------
    def read(self, source: str | Path, *, published: dt.date | None = None) -> list[Document]:
        """Read a path or URL into Documents (a feed gives one per item)."""
        from .ingest import load

        return load(source, published=published, settings=self.settings, fetcher=self._fetcher)

    def iter_read(
        self, source: str | Path, *, published: dt.date | None = None
    ) -> Iterator[Document]:
        """Like :meth:`read`, but an archive (WARC, JSON Lines, Telegram export) streams."""
        from .ingest import iter_documents

        return iter_documents(
            source, published=published, settings=self.settings, fetcher=self._fetcher
        )

    def analyze(self, documents: Sequence[Document]) -> list[Analysis]:
        """Geoparse and extract events from already-read documents."""
        return self.pipeline([Analysis(document=doc) for doc in documents])

    def extract(self, source: str | Path, *, published: dt.date | None = None) -> list[Analysis]:
        """Read and analyse one input without touching the store."""
        return self.analyze(self.read(source, published=published))

    # -- the store ------------------------------------------------------------------------
    def open_store(self, db: str | Path | None = None) -> Any:
        from .store import open_store

        return open_store(str(db or self.settings.db))

    def ingest(
        self,
        sources: Iterable[str | Path],
        *,
        db: str | Path | None = None,
        published: dt.date | None = None,
        progress: Progress | None = None,
    ) -> BatchReport:
        """Read, analyse and store every input; a bad input is reported, never fatal."""
        sources = list(sources)
        report = BatchReport()
        with self.open_store(db) as store:
            for index, source in enumerate(sources, 1):
                item = self._ingest_one(store, source, published)
                report.items.append(item)
                if progress:
                    progress(_progress_line(index, len(sources), item))
        return report

    def _ingest_one(self, store: Any, source: str | Path, published: dt.date | None) -> ItemResult:
        item = ItemResult(source=str(source), ok=True)
        try:
            for analysis in self.pipeline.pipe(self.iter_read(source, published=published)):
                result = store.save(analysis)
                item.documents += 1
                item.documents_new += int(result.document_new)
                item.events_added += result.events_added
                item.warnings.extend(analysis.document.warnings)
        except FrontlinesError as exc:
            item.ok, item.error = False, str(exc)
        except (OSError, ValueError, UnicodeError) as exc:
            item.ok, item.error = False, f"{source}: {type(exc).__name__}: {exc}"
        return item

    def events(
        self, *, db: str | Path | None = None, merged: bool = False, **filters: Any
    ) -> list[Event]:
        """Stored events; ``merged`` folds the same event told by several pages into one
        event whose ``sources`` lists them all (the store keeps every report apart)."""
        with self.open_store(db) as store:
            return _read_events(store, merged, **filters)

    # -- publishing -----------------------------------------------------------------------
    def export(
        self, fmt: str, out: IO[str] | Path, *, db: str | Path | None = None, merged: bool = True
    ) -> int:
        """Write the stored events in ``fmt``; returns how many were written.

        Text formats (acled-csv, geojson) take a stream or a path; binary ones
        (gpkg, geoparquet, kml) need a path.
        """
        from . import publish

        if fmt not in EXPORT_FORMATS:
            raise ConfigError(
                f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        events = self.events(db=db, merged=merged)
        if fmt in _TEXT_WRITERS:
            writer = getattr(publish, _TEXT_WRITERS[fmt])
            if isinstance(out, Path):
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("w", encoding="utf-8", newline="") as fp:
                    writer(events, fp)
            else:
                writer(events, out)
        else:
            if not isinstance(out, Path):
                raise ConfigError(f"--format {fmt} writes a binary file: give -o FILE")
            out.parent.mkdir(parents=True, exist_ok=True)
            getattr(publish, _FILE_WRITERS[fmt])(events, out)
        return len(events)

    def report(
        self, area: str, start: dt.date, end: dt.date, out_dir: str | Path,
        *, db: str | Path | None = None,
    ) -> Any:  # fmt: skip
        """Write a situation report (HTML, Markdown, PNG map) for an area and period."""
        from .control import store_periods
        from .publish import write_report

        if end < start:
            raise ConfigError(f"--from {start} is after --to {end}")
        bbox = self.area_bbox(area)
        with self.open_store(db) as store:
            events = store.events()
            documents = store.documents()
            periods = store_periods(store)
        changes = [
            p.to_dict() for p in periods
            if start.isoformat() <= p.since <= end.isoformat() and _inside(p.lon, p.lat, bbox)
        ]  # fmt: skip
        return write_report(
            events, Path(out_dir), area_name=area, bbox=bbox, start=start, end=end,
            control_changes=changes, documents=documents, settings=self.settings,
        )  # fmt: skip

    def import_events(self, kind: str, path: str | Path, *, db: str | Path | None = None) -> Any:
        """Store events from an ACLED CSV or UCDP GED CSV file beside ours."""
        from .importers import read_acled_csv, read_ucdp_ged_csv

        readers = {"acled": read_acled_csv, "ucdp": read_ucdp_ged_csv}
        if kind not in readers:
            raise ConfigError(f"unknown import kind {kind!r}; use acled or ucdp")
        result = readers[kind](Path(path))
        groups: dict[str, list[Event]] = {}
        for event in result.events:
            groups.setdefault(event.document_id, []).append(event)
        added = 0
        with self.open_store(db) as store:
            for doc_id, events in groups.items():
                doc = Document(id=doc_id, source=str(path), title=f"{kind.upper()} import: {doc_id}",
                               text="", kind=f"import-{kind}")  # fmt: skip
                added += store.save(Analysis(document=doc, events=events)).events_added
        return result, added

    def write_map(self, path: str | Path, *, db: str | Path | None = None) -> Path:
        """The offline full-size map: events (merged across pages) and control periods."""
        from .control import store_periods
        from .publish import write_map

        with self.open_store(db) as store:
            events = _read_events(store, merged=True)
            documents = list(store.documents())
            control = [p.to_dict() for p in store_periods(store)]
        return Path(
            write_map(
                events, Path(path), documents=documents, settings=self.settings, control=control
            )
        )

    # -- control and areas ------------------------------------------------------------------
    def area_bbox(self, area: str) -> tuple[float, float, float, float]:
        """``W,S,E,N`` or any gazetteer name, as a bounding box (a margin by feature size)."""
        parts = area.split(",")
        if len(parts) == 4:
            try:
                w, s, e, n = (float(p) for p in parts)
            except ValueError as exc:
                raise ConfigError(f"area {area!r}: use W,S,E,N in degrees or a place name") from exc
            if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
                raise ConfigError(f"area {area!r}: need W < E and S < N within -180..180, -90..90")
            return (w, s, e, n)
        places = self.gazetteer.lookup(area)
        if not places:
            raise ConfigError(f"area {area!r} is not in the gazetteer; give W,S,E,N instead")
        place = max(places, key=_area_rank)
        margin = _AREA_MARGIN.get(place.feature, _AREA_MARGIN.get(place.feature_class, 0.5))
        return (place.lon - margin, place.lat - margin, place.lon + margin, place.lat + margin)

    def control(
        self, at: dt.date, *, area: str | None = None, baseline: bool = False,
        db: str | Path | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Who held which place on ``at`` (JSON-ready rows)."""
        from .control import control_at

        bbox = self.area_bbox(area) if area else None
        with self.open_store(db) as store:
            return control_at(store, at, area=bbox, baseline=baseline)

    # -- the gazetteer ----------------------------------------------------------------------
    def build_gazetteer(self, *, progress: Progress | None = None) -> Path:
        from .geo import build_gazetteer

        path = self.settings.gazetteer_file
        build_gazetteer(path, progress=progress)
        return path

    def import_geonames(
        self, geonames_file: str | Path, altnames_file: str | Path | None = None,
        *, progress: Progress | None = None,
    ) -> int:  # fmt: skip
        from .geo import import_geonames, open_gazetteer

        open_gazetteer(self.settings, progress=progress)  # builds the base index if needed
        return int(
            import_geonames(
                self.settings.gazetteer_file, Path(geonames_file),
                Path(altnames_file) if altnames_file else None, progress=progress,
            )
        )  # fmt: skip


def _read_events(store: Any, merged: bool, **filters: Any) -> list[Event]:
    events = list(store.events(**filters))
    if merged:
        from .events import find_copies, merge_events

        copies = find_copies(_report_texts(store, events))
        events = merge_events(events, copies=copies)
        events = sorted(events, key=lambda e: (e.event_date, e.event_id))
    return events


def _report_texts(store: Any, events: list[Event]) -> list[tuple[str, str]]:
    """The text of every document these events come from, earliest published first (the
    original of a family of copies), to find the copies of one report."""
    docs = [store.document(doc_id) for doc_id in dict.fromkeys(e.document_id for e in events)]
    found = [d for d in docs if d is not None and d.text]
    found.sort(key=lambda d: (d.published or dt.date.max, d.id))
    return [(d.id, d.text) for d in found]


def _inside(lon: float | None, lat: float | None, bbox: tuple[float, float, float, float]) -> bool:
    if lon is None or lat is None:
        return False
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _area_rank(place: Any) -> tuple[int, int]:
    """An area name means the largest unit of that name: country, province, district, town."""
    order = ("A.PCL", "A.ADM1", "A.ADM2", "L.", "T.")
    rank = next(
        (len(order) - i for i, prefix in enumerate(order) if place.feature.startswith(prefix)), 0
    )
    return (rank, int(place.population or 0))


_AREA_MARGIN = {"A.PCLI": 4.0, "A.ADM1": 1.5, "A.ADM2": 0.7, "A": 1.5, "L": 1.5, "T": 1.0, "P": 0.4}


def _progress_line(index: int, total: int, item: ItemResult) -> str:
    if not item.ok:
        return f"[{index}/{total}] {item.source}: failed"
    new = f"{item.documents_new} new" if item.documents_new else "already stored"
    return (
        f"[{index}/{total}] {item.source}: {item.documents} document(s), {new}, "
        f"{item.events_added} event(s) added"
    )
