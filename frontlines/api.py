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
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import Settings
from .errors import ConfigError, FrontlinesError, InputError, InputFailedError
from .forkserver import ForkServer
from .isolate import Isolated, Outcome, Work, trim_heap, worker_server
from .pipeline import Pipeline
from .records import Analysis, Document, Event

Progress = Callable[[str], None]


@dataclass(slots=True)
class ItemResult:
    """What happened to one input of a batch. ``status``: ok, refused (frontlines said
    why), failed (an unexpected error; ``trace`` holds its traceback) or timeout."""

    source: str
    ok: bool
    error: str = ""
    status: str = "ok"
    error_class: str = ""
    trace: str = ""
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_bytes: int = 0  # private memory the input added to its worker, at its highest
    mapped_bytes: int = 0  # file pages it mapped (the gazetteer's page cache, code)
    documents: int = 0
    documents_new: int = 0
    events_added: int = 0
    events_dated: int = 0  # stored undated events dated by a date this run gave the page
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


# acled-csv and the GeoJSON formats can go to a stream; the others need a path.
STREAM_FORMATS = ("acled-csv", "geojson", "geojsonseq")
EXPORT_FORMATS = (*STREAM_FORMATS, "gpkg", "kml", "flatgeobuf", "geoparquet")


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
        isolate: bool = False,
    ) -> None:
        self.settings = settings or Settings.from_env()
        # Each input in a worker process with the time and memory budgets of the
        # settings (``frontlines.isolate``); off, an input runs in this process.
        self.isolate = isolate
        self.relevance_threshold = relevance_threshold
        self.all_sentences = all_sentences  # events from every sentence of every page
        self._cheap_geoparser: Any = None
        self._gazetteer = gazetteer
        self._geoparser = geoparser
        self._extractor = extractor
        self._fetcher = fetcher
        self._workers: ForkServer | None = None  # isolated workers' parent (_worker_server)

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
            from .extract import organisation_clues
            from .geo import Geoparser

            self._geoparser = Geoparser(
                self.gazetteer, settings=self.settings, clues=organisation_clues
            )
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
        gets no events, and its places (from the gazetteer alone) only with
        ``settings.all_places`` (``frontlines.relevance``)."""
        from .extract.threads import ThreadSignals
        from .relevance.document import DEFAULT_THRESHOLD
        from .relevance.stage import Gated, Judge, Routed, cheap_geoparser

        all_places = self.settings.all_places
        threshold = self.relevance_threshold
        judge = Judge(
            DEFAULT_THRESHOLD if threshold is None else threshold, self.all_sentences, all_places
        )
        geoparse: Routed = Gated(self.geoparser)
        if all_places:
            if self._cheap_geoparser is None:
                self._cheap_geoparser = cheap_geoparser(self.geoparser)
            geoparse = Routed(self.geoparser, self._cheap_geoparser)
        signals = ThreadSignals(lambda: self.extractor.actors)
        return Pipeline([judge, geoparse, signals, Gated(self.extractor)])

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
        if not self.isolate:
            return self.analyze(self.read(source, published=published))
        with self._runner(published) as run:
            outcome = run(str(source))
        if not outcome.ok:
            if outcome.status == "refused":
                raise InputError(outcome.error.removeprefix(f"{source}: "), source=str(source))
            error = InputFailedError(outcome.error.removeprefix(f"{source}: "), source=str(source))
            error.trace = outcome.trace  # type: ignore[attr-defined]
            raise error
        return list(outcome.value)

    def _runner(self, published: dt.date | None) -> Isolated:
        """Runs one input at a time: in a worker with budgets when ``isolate`` is on, forked
        from this object's fork server (``_worker_server``), ``published`` its key."""
        work = self._work(published)
        if not self.isolate:
            return Isolated(work)
        server = self._worker_server() if self.settings.max_seconds else None
        return Isolated(
            work,
            max_seconds=self.settings.max_seconds,
            max_memory_mb=self.settings.max_memory_mb,
            server=server,
            key=published,
        )

    def _work(self, published: dt.date | None) -> Work:
        """Read and analyse one input (what a runner's worker does)."""

        def work(source: str) -> list[Analysis]:
            documents = self.read(source, published=published)
            trim_heap()  # the parsers' trees, freed: the analysis reuses none of their pages
            return self.analyze(documents)

        return work

    def start_workers(self) -> None:
        """Warm the models and fork the isolated workers' parent now (when ``isolate`` is on
        with a time budget), before this process holds anything it will let go of: that
        parent keeps what this process holds when it forks. Else the first input does it."""
        if self.isolate and self.settings.max_seconds:
            self._worker_server()

    def _worker_server(self) -> ForkServer:
        """The parent every isolated worker of this object forks from: forked once, right
        after the models' warm-up, before this process reads or stores anything, and kept
        for this object's life (``frontlines.forkserver``: the holes reading and storing
        leave in this process's heap reach no worker). Its workers see this object as it
        was then: settings or parts changed later reach no worker."""
        if self._workers is None:
            self._warm()
            self._workers = worker_server(self._work)
            self._workers.launch()
        return self._workers

    def _warm(self) -> None:
        """Load the models before a worker forks, so that each worker starts warm."""
        from .ingest import read_bytes
        from .ingest.htmlpage import warm_html

        page = b"Warm-up\n\nSyrian troops clashed with ISIS fighters near Palmyra on Monday.\n"
        self.analyze(read_bytes(page, source="(warm-up)", published=dt.date(2018, 5, 14)))
        warm_html()  # trafilatura and its tables, loaded once, not by each worker's first page

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
        with self._runner(published) as run, self.open_store(db) as store:
            for index, source in enumerate(sources, 1):
                if _is_archive(source):
                    item = self._ingest_archive(store, source, published)
                else:
                    item = _stored(store, run(str(source)))
                report.items.append(item)
                if progress:
                    progress(_progress_line(index, len(sources), item))
        return report

    def _ingest_archive(
        self, store: Any, source: str | Path, published: dt.date | None
    ) -> ItemResult:
        """An archive (WARC, JSON Lines, Telegram export) read and stored one document at a
        time, in this process: its records are many inputs, not one to budget."""
        item = ItemResult(source=str(source), ok=True)
        try:
            _save_all(store, self.pipeline.pipe(self.iter_read(source, published=published)), item)
        except (OSError, ValueError, UnicodeError) as exc:
            item.ok, item.status = False, "failed"
            item.error, item.error_class = (
                f"{source}: {type(exc).__name__}: {exc}",
                type(exc).__name__,
            )
        return item

    def events(
        self,
        *,
        db: str | Path | None = None,
        merged: bool = False,
        include_flagged: bool = True,
        **filters: Any,
    ) -> list[Event]:
        """Stored events; ``merged`` folds the same event told by several pages into one
        event whose ``sources`` lists them all (the store keeps every report apart);
        ``include_flagged=False`` leaves out events drawn from flooding or off-topic
        comments (``frontlines.extract.threads``)."""
        with self.open_store(db) as store:
            return _read_events(store, merged, include_flagged, **filters)

    # -- publishing -----------------------------------------------------------------------
    def export(
        self,
        fmt: str,
        out: IO[str] | Path,
        *,
        db: str | Path | None = None,
        merged: bool = True,
        include_flagged: bool = False,
    ) -> int:
        """Write the stored events in ``fmt``; returns how many were written.

        acled-csv, geojson and geojsonseq take a stream or a path; gpkg (with a QGIS
        style ``.qml`` beside it), kml, flatgeobuf and geoparquet need a path. Events drawn
        from flooding or off-topic comments are left out unless ``include_flagged``.
        """
        if fmt not in EXPORT_FORMATS:
            raise ConfigError(
                f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        events = self.events(db=db, merged=merged, include_flagged=include_flagged)
        if not isinstance(out, Path):
            _export_stream(events, fmt, out)
        elif fmt == "acled-csv":
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8", newline="") as fp:
                _export_stream(events, fmt, fp)
        elif fmt == "geoparquet":
            from .publish import write_geoparquet

            write_geoparquet(events, out)
        else:
            from .publish import write_events

            write_events(events, out, fmt)
        return len(events)

    def report(
        self, area: str, start: dt.date, end: dt.date, out_dir: str | Path,
        *, db: str | Path | None = None, include_flagged: bool = False,
    ) -> Any:  # fmt: skip
        """Write a situation report (HTML, Markdown, PNG map) for an area and period
        (events drawn from flooding or off-topic comments left out unless asked for)."""
        from .control import store_periods
        from .publish import write_report

        if end < start:
            raise ConfigError(f"--from {start} is after --to {end}")
        from .publish.fullmap_sheet import sheet_for

        bbox, outline = self.area_shape(area)
        with self.open_store(db) as store:
            events = _read_events(store, False, include_flagged)
            documents = store.documents()
            periods = store_periods(store)
            sheet = sheet_for(store, self.settings, end, area_name=area, shape=(bbox, outline),
                              days=(end - start).days + 1)  # fmt: skip
        changes = [
            p.to_dict() for p in periods
            if start.isoformat() <= p.since <= end.isoformat() and _inside(p.lon, p.lat, bbox)
            and (outline is None or outline.covers(_point(p.lon, p.lat)))
        ]  # fmt: skip
        return write_report(
            events, Path(out_dir), area_name=area, bbox=bbox, start=start, end=end,
            control_changes=changes, documents=documents, settings=self.settings,
            outline=outline, sheet=sheet,
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

    def write_map(
        self,
        path: str | Path,
        *,
        db: str | Path | None = None,
        tiles: str = "auto",
        include_flagged: bool = False,
        baseline: bool = False,
    ) -> Path:
        """The offline full-size map: events (merged across pages), control periods and
        the areas they hold (``baseline``: with the Wikipedia detailed-map layer); events
        drawn from flooding or off-topic comments are left out unless asked for.

        ``tiles`` (auto, always, never): events as vector tiles in the page (auto: above
        ``frontlines.publish.map_tiles.TILES_THRESHOLD`` events).
        """
        from .basemap import default_outlines
        from .control import store_periods
        from .control.areas import place_cells, places_of
        from .publish import write_map

        with self.open_store(db) as store:
            events = _read_events(store, True, include_flagged)
            documents = list(store.documents())
            periods = self._corrected(store_periods(store, baseline=baseline), db)
        cells = place_cells(places_of(periods), outlines=default_outlines(self.settings.assets_dir))
        control = [p.to_dict() for p in periods]
        written = write_map(events, Path(path), documents=documents, settings=self.settings,
                            control=control, tiles=tiles, areas=cells)  # fmt: skip
        return Path(written)

    def write_tiles(
        self, path: str | Path, *, db: str | Path | None = None, merged: bool = True,
        zoom: int | None = None, progress: Any = None,
    ) -> Any:  # fmt: skip
        """The stored events as a PMTiles archive (GDAL); returns a ``TileSet``. When the
        store has control periods, their place cells and edges are further layers."""
        from .basemap import default_outlines
        from .control import store_periods
        from .control.areas import place_cells, places_of
        from .progress import note
        from .publish.map_territory import front_edges
        from .publish.tiles import write_tiles

        note(progress, "reading the store")
        events = self.events(db=db, merged=merged)
        with self.open_store(db) as store:
            periods = self._corrected(store_periods(store, baseline=False), db)
        places = places_of(periods)
        cells = (place_cells(places, outlines=default_outlines(self.settings.assets_dir))
                 if places else None)  # fmt: skip
        fronts = front_edges(periods, cells) if cells is not None else None
        return write_tiles(events, Path(path), zoom=zoom, progress=progress, cells=cells,
                           fronts=fronts)  # fmt: skip

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
        from .control import snapshot, store_periods

        bbox = self.area_bbox(area) if area else None
        with self.open_store(db) as store:
            periods = self._corrected(store_periods(store, baseline=baseline), db)
        return [p.to_dict() for p in snapshot(periods, at, bbox)]

    def control_areas(
        self, at: dt.date, *, baseline: bool = False, max_km: float | None = None,
        db: str | Path | None = None,
    ) -> Any:  # fmt: skip
        """Areas held on ``at`` and the front lines between them (a ``ControlAreas``)."""
        from .basemap import default_outlines
        from .control import store_periods
        from .control.areas import DEFAULT_MAX_KM, control_areas

        with self.open_store(db) as store:
            periods = self._corrected(store_periods(store, baseline=baseline), db)
        outlines = default_outlines(self.settings.assets_dir)
        return control_areas(periods, at, outlines=outlines, max_km=max_km or DEFAULT_MAX_KM)

    def _corrected(self, periods: list[Any], db: str | Path | None) -> list[Any]:
        """``periods`` with the analysts' holder corrections kept beside the store."""
        from .control.corrections import apply_corrections, correction_log_for

        return apply_corrections(periods, correction_log_for(db or self.settings.db).all())

    def export_control(
        self, fmt: str, out: IO[str] | Path, at: dt.date, *, baseline: bool = False,
        db: str | Path | None = None,
    ) -> int:  # fmt: skip
        """Write the control areas and front lines on ``at`` (geojson or gpkg)."""
        from .control import ATTRIBUTION
        from .publish.control_export import write_control

        areas = self.control_areas(at, baseline=baseline, db=db)
        return write_control(areas, fmt, out, attribution=ATTRIBUTION if baseline else "")

    def area_shape(self, area: str) -> tuple[tuple[float, float, float, float], Any]:
        """``area`` as (bounding box, outline or None): a province name gives its polygon
        (derived from the gazetteer, approximate), W,S,E,N or another place a box."""
        from .basemap import find_province

        if len(area.split(",")) != 4:
            province = find_province(area)
            if province is not None:
                bounds = tuple(float(v) for v in province.geometry.bounds)
                return (bounds[0], bounds[1], bounds[2], bounds[3]), province.geometry
        return self.area_bbox(area), None

    def static_map(
        self, path: str | Path, at: dt.date | None = None, *, area: str | None = None,
        fmt: str | None = None,
        days: int = 30, baseline: bool = False, size: str = "a3", dpi: int = 200,
        db: str | Path | None = None,
    ) -> tuple[Path, list[str]]:  # fmt: skip
        """The full-size static map on ``at`` (png, svg or pdf by ``fmt`` or the suffix)."""
        from .publish.fullmap_sheet import sheet_for

        target = Path(path)
        kind = fmt or target.suffix.lstrip(".").lower() or "png"
        shape = self.area_shape(area) if area else None
        with self.open_store(db) as store:
            at = at or _last_event_date(store)
            sheet = sheet_for(store, self.settings, at, area_name=area or "", shape=shape,
                              days=days, baseline=baseline,
                              corrected=lambda periods: self._corrected(periods, db))  # fmt: skip
        from .publish.fullmap import render_full_map

        warnings = render_full_map(sheet, target, fmt=kind, size=size, dpi=dpi)
        return target, warnings

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


def _stored(store: Any, outcome: Outcome) -> ItemResult:
    """The ItemResult of one input: its analyses saved, or why it was not read."""
    item = ItemResult(
        source=outcome.source, ok=outcome.ok, error=outcome.error, status=outcome.status,
        error_class=outcome.error_class, trace=outcome.trace, seconds=outcome.seconds,
        cpu_seconds=outcome.cpu_seconds, peak_bytes=outcome.peak_bytes,
        mapped_bytes=outcome.mapped_bytes,
    )  # fmt: skip
    if outcome.ok:
        _save_all(store, outcome.value, item)
    return item


def _save_all(store: Any, analyses: Iterable[Analysis], item: ItemResult) -> None:
    """Store each analysis, counted on ``item``; a frontlines error refuses the rest."""
    try:
        for analysis in analyses:
            result = store.save(analysis)
            item.documents += 1
            item.documents_new += int(result.document_new)
            item.events_added += result.events_added
            item.events_dated += getattr(result, "events_dated", 0)
            item.warnings.extend(analysis.document.warnings)
    except FrontlinesError as exc:
        item.ok, item.status, item.error = False, "refused", str(exc)
        item.error_class = type(exc).__name__


def _read_events(store: Any, merged: bool, include_flagged: bool, **filters: Any) -> list[Event]:
    from .extract.threads import unflagged

    events = unflagged(store.events(**filters), include_flagged)
    if merged:
        from .events import find_signed_copies, merge_events

        copies = find_signed_copies(_report_signatures(store, events))
        events = merge_events(events, copies=copies)
        events = sorted(events, key=lambda e: (e.event_date, e.event_id))
    return events


def _export_stream(events: list[Event], fmt: str, fp: IO[str]) -> None:
    from .publish import write_acled_csv, write_events_text

    if fmt == "acled-csv":
        write_acled_csv(events, fp)
    elif fmt in STREAM_FORMATS:
        write_events_text(events, fp, fmt)
    else:
        raise ConfigError(f"--format {fmt} writes a binary file: give -o FILE")


def _is_archive(source: str | Path) -> bool:
    """Whether ``source`` is a local archive of many documents (WARC, JSON Lines, Telegram)."""
    from .ingest import archive_kind

    text = str(source)
    return not re.match(r"https?://", text, re.I) and archive_kind(Path(text)) is not None


def _report_signatures(store: Any, events: list[Event]) -> list[tuple[str, Any]]:
    """The copy signature of every document these events come from, earliest published
    first (the original of a family of copies), to find the copies of one report: as
    stored at ingest, computed from the text only for a document stored without one."""
    from .events.copies import signature, unpack

    ids = list(dict.fromkeys(e.document_id for e in events))
    reader = getattr(store, "signatures", None)
    stored = reader(ids) if reader else {}
    found = {i: (day, sig) for i, (day, packed) in stored.items() if (sig := unpack(packed))}
    for doc_id in ids:
        doc = None if doc_id in found else store.document(doc_id)
        if doc is not None and doc.text:
            found[doc_id] = (doc.published, signature(doc.text))
    ordered = sorted(found.items(), key=lambda item: (item[1][0] or dt.date.max, item[0]))
    return [(doc_id, sig) for doc_id, (_, sig) in ordered]


def _inside(lon: float | None, lat: float | None, bbox: tuple[float, float, float, float]) -> bool:
    if lon is None or lat is None:
        return False
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _last_event_date(store: Any) -> dt.date:
    """The latest full event date in the store (today when it has none)."""
    days = [e.event_date for e in store.events() if len(e.event_date) == 10]
    try:
        return dt.date.fromisoformat(max(days)) if days else dt.date.today()
    except ValueError:
        return dt.date.today()


def _point(lon: float | None, lat: float | None) -> Any:
    from shapely import Point

    return Point(lon or 0.0, lat or 0.0)


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
        return f"[{index}/{total}] {item.source}: {item.status} ({item.error_class})"
    new = f"{item.documents_new} new" if item.documents_new else "already stored"
    dated = f", {item.events_dated} dated" if item.events_dated else ""
    return (
        f"[{index}/{total}] {item.source}: {item.documents} document(s), {new}, "
        f"{item.events_added} event(s) added{dated}"
    )
