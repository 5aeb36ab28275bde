"""The ``frontlines`` command: a thin wrapper that calls one library method per command.

stdout carries the result (JSON where ``--json`` is asked); progress, warnings and errors
go to stderr. Exit status: 0 every input read (and stored), 1 some inputs refused or
failed (each named on one stderr line; the batch goes on), 2 a usage error, 3 an
internal error that stopped the run (its traceback in the error log, or on stderr with
``--debug``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .api import EXPORT_FORMATS, Frontlines
from .config import Settings
from .errors import ConfigError, FetchError, FrontlinesError, InputError
from .progress import Bar, progress

Handler = Callable[[argparse.Namespace], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def _workers(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers from 1 to 64")
    return int(value)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _app(args: argparse.Namespace) -> Frontlines:
    overrides: dict[str, Any] = {}
    if getattr(args, "max_bytes", None):
        overrides["max_bytes"] = args.max_bytes
    for name in ("max_seconds", "max_memory_mb"):
        if getattr(args, name, None) is not None:
            overrides[name] = getattr(args, name)
    if getattr(args, "db", None):
        overrides["db"] = args.db
    if getattr(args, "all_places", False):
        overrides["all_places"] = True
    return Frontlines(
        Settings.from_env(**overrides),
        relevance_threshold=getattr(args, "relevance_threshold", None),
        all_sentences=getattr(args, "all_sentences", False),
        isolate=hasattr(args, "max_seconds"),
    )


def _bar(args: argparse.Namespace, label: str, total: int | None = None, **kw: Any) -> Bar:
    """The run's progress display (nothing with --quiet; see frontlines.progress)."""
    return progress(label, total, quiet=getattr(args, "quiet", False), **kw)


def _info(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        _err(message)


def _quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress output (warnings and errors still go to stderr)")  # fmt: skip


def _trace(args: argparse.Namespace, source: str, trace: str) -> str:
    """Print a traceback with --debug, else append it to the error log; a note for the
    one-line message."""
    if not trace:
        return ""
    if getattr(args, "debug", False):
        _err(trace.rstrip())
        return ""
    path = _error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} {source}\n{trace}")
    except OSError:
        return " (run with --debug for the traceback)"
    return f" (traceback in {path}; --debug prints it)"


def _error_log() -> Path:
    return Settings.from_env().cache_dir / "errors.log"


def _limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-seconds", type=float, metavar="S",
                   help="time budget per input (default 60; 0: none); over it the input fails "
                        "by name and the run goes on")  # fmt: skip
    p.add_argument("--max-memory-mb", type=int, metavar="MB",
                   help="memory one input may add to its worker (default 1000)")  # fmt: skip
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="print tracebacks of unexpected errors on stderr")  # fmt: skip


def _relevance(p: argparse.ArgumentParser) -> None:
    p.add_argument("--relevance-threshold", type=float, metavar="SCORE",
                   help="pages scoring below this (0-1, default 0.2) are not read for events")  # fmt: skip
    p.add_argument("--all-sentences", action="store_true",
                   help="read every sentence of every page for events, relevant or not")  # fmt: skip
    _all_places(p)


def _all_places(p: argparse.ArgumentParser) -> None:
    p.add_argument("--all-places", action="store_true",
                   help="also read and keep the places of pages not read for events (not "
                        "conflict reporting or not English; FRONTLINES_ALL_PLACES)")  # fmt: skip


# -- commands ------------------------------------------------------------------------------
def cmd_extract(args: argparse.Namespace) -> int:
    app = _app(args)
    analyses = app.extract(args.path, published=args.published)
    for analysis in analyses:
        for warning in analysis.document.warnings:
            _err(f"warning: {analysis.document.source}: {warning}")
    if args.json:
        print(json.dumps(_extract_json(analyses), ensure_ascii=False, indent=1))
    else:
        for analysis in analyses:
            _print_summary(analysis.to_dict())
    return 0


def _extract_json(analyses: Sequence[Any]) -> dict[str, Any]:
    if not analyses:
        return {"document": None, "comments": [], "places": [], "events": [], "warnings": []}
    first = analyses[0].to_dict()
    if len(analyses) > 1:
        first["items"] = [a.to_dict() for a in analyses[1:]]
    return dict(first)


def _print_summary(data: dict[str, Any]) -> None:
    doc = data["document"]
    print(f"{doc['title']}  ({doc['published'] or 'date unknown'})")
    print(f"  {len(data['comments'])} comments, {len(data['places'])} places, "
          f"{len(data['events'])} events")  # fmt: skip
    for ev in data["events"]:
        print(f"  - {ev['event_date'] or '????-??-??'} {ev['sub_event_type']}: {ev['actor1']}"
              f" vs {ev['actor2'] or '-'} at {ev['location'] or '?'} [{ev['credibility']}]")  # fmt: skip


def cmd_ingest(args: argparse.Namespace) -> int:
    app = _app(args)
    _info(args, f"ingesting {len(args.paths)} input(s) into {app.settings.db}")
    with _bar(args, "ingest", len(args.paths), unit="input") as bar:
        report = app.ingest(args.paths, published=args.published, progress=bar)
    for item in report.items:
        for warning in item.warnings:
            _err(f"warning: {item.source}: {warning}")
    for item in report.failed:
        named = "" if item.error_class in item.error else f" [{item.error_class}]"
        _err(f"error: {item.error}{named}{_trace(args, item.source, item.trace)}")
    stored = sum(i.events_added for i in report.items)
    _info(args, f"done: {len(report.items) - len(report.failed)} ok, {len(report.failed)} failed, "
                f"{stored} event(s) added to {app.settings.db}")  # fmt: skip
    return 0 if report.ok else 1


def cmd_batch(args: argparse.Namespace) -> int:
    import dataclasses

    from .scale import open_sink, run_batch

    app = _app(args)
    if args.jsonl_fields:
        app.settings = dataclasses.replace(app.settings, jsonl_fields=args.jsonl_fields)
    where = str(args.out) if args.out else app.settings.db
    _err(f"batch: {len(args.paths)} input(s) into {where} on "
         f"{'Ray at ' + args.ray if args.ray else 'a local Ray'} with {args.workers} worker(s)")  # fmt: skip
    sink = open_sink(app.settings.db, Path(args.out) if args.out else None)
    try:
        stats = run_batch(
            args.paths, sink, settings=app.settings, address=args.ray, workers=args.workers,
            published=args.published, relevance_threshold=args.relevance_threshold, progress=_err,
        )  # fmt: skip
    finally:
        sink.close()
    for error in stats.errors:
        _err(f"error: {error}")
    _err(f"done: {stats.line()}; {stats.documents_new} new document(s) in {where}")
    return 1 if stats.errors else 0


def cmd_watch(args: argparse.Namespace) -> int:
    from .watch import parse_every, watch

    app = _app(args)
    every = parse_every(args.every)
    _err(f"watching {len(args.feeds)} feed(s) every {args.every} into {app.settings.db} "
         "(Ctrl-C or SIGTERM stops)")  # fmt: skip
    polls = watch(app, args.feeds, every=every, log=_err, polls=args.polls,
                  max_backoff=max(parse_every(args.max_backoff), every))  # fmt: skip
    _err(f"stopped after {polls} poll(s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    app = _app(args)
    if args.layer == "control":
        return _export_control(app, args)
    merged = not args.no_merge
    if args.output and args.output != "-":
        count = app.export(
            args.format, Path(args.output), merged=merged, include_flagged=args.include_flagged
        )
    else:
        count = app.export(
            args.format, sys.stdout, merged=merged, include_flagged=args.include_flagged
        )
    _err(f"wrote {count} event(s) as {args.format} to {args.output or 'stdout'}")
    return 0


def _export_control(app: Frontlines, args: argparse.Namespace) -> int:
    if args.at is None:
        raise FrontlinesError("--layer control needs --at YYYY-MM-DD (the date to map)")
    out = Path(args.output) if args.output and args.output != "-" else sys.stdout
    count = app.export_control(args.format, out, args.at, baseline=args.baseline)
    _err(f"wrote {count} control area(s) and front line(s) on {args.at} as {args.format} "
         f"to {args.output or 'stdout'}")  # fmt: skip
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt in ("png", "svg", "pdf"):
        return _static_map(args, fmt)
    path = _app(args).write_map(args.output, tiles=args.tiles,
                                include_flagged=args.include_flagged, baseline=args.baseline)  # fmt: skip
    _err(f"wrote map to {path}")
    print(path)
    return 0


def cmd_tiles(args: argparse.Namespace) -> int:
    with _bar(args, "tiles", 3) as bar:
        tiles = _app(args).write_tiles(
            args.output, merged=not args.no_merge, zoom=args.zoom, progress=bar
        )
    extra = f" with layers {', '.join(tiles.layers[1:])}" if len(tiles.layers) > 1 else ""
    _info(args, f"wrote {tiles.count} event(s) at zoom {tiles.zoom}{extra} to {tiles.path}")
    print(tiles.path)
    return 0


def _static_map(args: argparse.Namespace, fmt: str) -> int:
    path, warnings = _app(args).static_map(
        args.output, args.at, area=args.area, fmt=fmt, days=args.days, baseline=args.baseline,
        size=args.size, dpi=args.dpi,
    )  # fmt: skip
    for warning in warnings:
        _err(f"warning: {warning}")
    _err(f"wrote the {fmt} map on {args.at or 'the last event date'} to {path}")
    print(path)
    return 0


def cmd_control(args: argparse.Namespace) -> int:
    from .control import format_table

    rows = _app(args).control(args.at, area=args.area, baseline=args.baseline)
    print(json.dumps(rows, ensure_ascii=False, indent=1) if args.json else format_table(rows))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from .serve import serve

    app = _app(args)
    token = os.environ.get("FRONTLINES_TOKEN") or None
    _err(f"serving {app.settings.db} on http://{args.host}:{args.port}/ "
         f"(writes {'need the token' if token else 'disabled: set FRONTLINES_TOKEN'})")  # fmt: skip
    serve(
        app.settings.db, args.host, args.port, token, settings=app.settings,
        baseline=args.baseline, tiles=args.tiles, workers=args.workers,
    )  # fmt: skip
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    paths = _app(args).report(
        args.area, args.start, args.end, args.output, include_flagged=args.include_flagged
    )
    for warning in getattr(paths, "warnings", []):
        _err(f"warning: {warning}")
    _err(f"report with {paths.events} event(s) written to {args.output}")
    print(paths.html)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    result, added = _app(args).import_events(args.kind, args.file)
    for row in result.skipped:
        _err(f"error: {args.file}: line {row.line}: {row.reason}")
    _err(f"imported {added} new event(s) from {args.file}; {len(result.skipped)} row(s) skipped")
    return 1 if result.skipped else 0


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    with _bar(args, "gazetteer build") as bar:
        path = _app(args).build_gazetteer(progress=bar)
    print(path)
    return 0


def cmd_gazetteer_import(args: argparse.Namespace) -> int:
    with _bar(args, "gazetteer import") as bar:
        count = _app(args).import_geonames(args.file, args.altnames, progress=bar)
    _info(args, f"imported {count} place(s)")
    return 0


def cmd_gazetteer_lookup(args: argparse.Namespace) -> int:
    places = _app(args).gazetteer.lookup(args.name)
    print(json.dumps([p.to_dict() for p in places[: args.limit]], ensure_ascii=False, indent=1))
    return 0


def cmd_eval_geoparse(args: argparse.Namespace) -> int:
    from .evaluation.geoparse import run_geoparse_eval

    with _bar(args, "eval geoparse", unit="article", min_interval=5.0) as bar:
        result = run_geoparse_eval(
            args.corpus,
            mode=args.mode,
            predictions=args.predictions,
            baseline=args.baseline,
            progress=lambda done, total: bar.update(done, total),
        )
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


def cmd_eval_events(args: argparse.Namespace) -> int:
    from .evaluation.events import run_events_eval

    with _bar(args, "eval events", unit="row", min_interval=5.0) as bar:
        result = run_events_eval(
            args.file, predictions=args.predictions, progress=bar, strip_remarks=args.strip_remarks
        )
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


def cmd_eval_snippets(args: argparse.Namespace) -> int:
    from .evaluation.snippets import run_snippets_eval

    result = run_snippets_eval(args.file, predictions=args.predictions)
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


def cmd_eval_precision(args: argparse.Namespace) -> int:
    from .evaluation.precision import run_precision_eval

    app = _app(args)
    with _bar(args, "eval precision", unit="document") as bar:
        result = run_precision_eval(
            args.paths,
            read=lambda path: app.read(path, published=args.published),
            analyse=app.analyze,
            published=args.published,
            progress=bar,
        )
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 1))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .evaluation.training import train_from_csv

    report = train_from_csv(
        args.file, args.out, holdout=args.holdout, threshold=args.threshold, progress=_err
    )
    print(json.dumps(report, indent=None if args.json else 1))
    return 0


# -- the parser --------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontlines",
        description="Turn war reporting into sourced, geolocated ACLED-style events, maps and exports.",
    )
    parser.add_argument("--version", action="version", version=f"frontlines {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="print tracebacks of unexpected errors on stderr")  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_ingest(sub)
    _add_batch(sub)
    _add_watch(sub)
    _add_export(sub)
    _add_map(sub)
    _add_tiles(sub)
    _add_report(sub)
    _add_import(sub)
    _add_control(sub)
    _add_serve(sub)
    _add_gazetteer(sub)
    _add_eval(sub)
    _add_train(sub)
    return parser


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", help="store: a SQLite file (default frontlines.sqlite or $FRONTLINES_DB)"
    )


def _add_extract(sub: Any) -> None:
    p = sub.add_parser(
        "extract", help="analyse one page or URL and print what it says (store untouched)"
    )
    p.add_argument("path", help="a file (text, HTML, RSS/Atom) or an http(s) URL")
    p.add_argument(
        "--published", type=_date, help="publication date YYYY-MM-DD (overrides the page)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument("--max-bytes", type=int, help="size cap for inputs (default 10 MB)")
    _relevance(p)
    _limits(p)
    p.set_defaults(func=cmd_extract)


def _add_ingest(sub: Any) -> None:
    p = sub.add_parser("ingest", help="analyse pages and store their events")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or URLs")
    _db(p)
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD for every input")
    p.add_argument("--max-bytes", type=int, help="size cap for inputs (default 10 MB)")
    _relevance(p)
    _quiet(p)
    _limits(p)
    p.set_defaults(func=cmd_ingest)


def _include_flagged(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include-flagged", action="store_true",
                   help="keep events drawn from flooding or off-topic comments")  # fmt: skip


def _add_batch(sub: Any) -> None:
    p = sub.add_parser(
        "batch", help="analyse large inputs on Ray (pip install 'frontlines[scale]') and store them"
    )
    p.add_argument("paths", nargs="+", metavar="INPUT",
                   help="files (pages, WARC, JSON Lines, Telegram result.json) or URLs")  # fmt: skip
    _db(p)
    p.add_argument(
        "--out", metavar="DIR", help="write partitioned GeoParquet here instead of the store"
    )
    p.add_argument(
        "--ray", metavar="ADDRESS", help="join this Ray cluster (default: start a local Ray)"
    )
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="actors, each holding one loaded pipeline (default 1)")  # fmt: skip
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD for every input")
    p.add_argument("--jsonl-fields", metavar="SPEC",
                   help="JSON Lines key names, e.g. text=body,published=date")  # fmt: skip
    p.add_argument("--max-bytes", type=int, help="size cap for one page or record (default 10 MB)")
    p.add_argument("--relevance-threshold", type=float, metavar="SCORE",
                   help="pages scoring below this (0-1, default 0.2) are not read for events")  # fmt: skip
    _all_places(p)
    p.set_defaults(func=cmd_batch)


def _add_watch(sub: Any) -> None:
    p = sub.add_parser("watch", help="poll feeds and pages, store the events of new items")
    p.add_argument("feeds", nargs="+", metavar="FEED_OR_URL", help="RSS/Atom feed or page URLs")
    _db(p)
    p.add_argument("--every", default="15m", metavar="DURATION",
                   help="time between polls of a feed: 30s, 15m, 1h (default 15m)")  # fmt: skip
    p.add_argument("--max-backoff", default="6h", metavar="DURATION",
                   help="longest wait after failed polls in a row (default 6h)")  # fmt: skip
    p.add_argument("--polls", type=int, metavar="N", help="stop after N polls (default: never)")
    _relevance(p)
    p.set_defaults(func=cmd_watch)


def _add_export(sub: Any) -> None:
    p = sub.add_parser("export", help="write the stored events in a standard format")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    _db(p)
    p.add_argument(
        "-o",
        "--output",
        help="output file (default stdout for acled-csv, geojson, geojsonseq; gpkg also "
        "writes a QGIS style .qml beside it)",
    )
    p.add_argument("--no-merge", action="store_true",
                   help="one row per report instead of one per event with all its sources")  # fmt: skip
    _include_flagged(p)
    p.add_argument("--layer", choices=("events", "control"), default="events",
                   help="events (default) or control: the areas held and the front lines "
                        "on --at (geojson or gpkg)")  # fmt: skip
    p.add_argument("--at", type=_date, help="the date of --layer control, YYYY-MM-DD")
    p.add_argument("--baseline", action="store_true",
                   help="with --layer control: add the Wikipedia detailed-map marks (mid-2017)")  # fmt: skip
    p.set_defaults(func=cmd_export)


def _add_map(sub: Any) -> None:
    p = sub.add_parser(
        "map", help="write the offline interactive map (HTML) or the full-size static map "
        "(png, svg, pdf) of control areas, front lines and events",
    )  # fmt: skip
    _db(p)
    p.add_argument("-o", "--output", required=True,
                   help="the file to write (.html, .png, .svg or .pdf)")  # fmt: skip
    _tiles_mode(p)
    _include_flagged(p)
    p.add_argument("--format", choices=("html", "png", "svg", "pdf"),
                   help="default: from the output's suffix")  # fmt: skip
    p.add_argument("--at", type=_date,
                   help="static map: the date of control and of the last events "
                   "(default: the store's last event date)")  # fmt: skip
    p.add_argument("--area", help="static map: a province or place name, or W,S,E,N; a "
                   "province keeps only the events inside its outline")  # fmt: skip
    p.add_argument("--days", type=int, default=30,
                   help="static map: events of this many days up to --at (default 30)")  # fmt: skip
    p.add_argument("--size", choices=("a3", "a4", "report"), default="a3",
                   help="static map: sheet size, landscape (default a3)")  # fmt: skip
    p.add_argument("--dpi", type=int, default=200, help="static map: resolution (default 200)")
    p.add_argument("--baseline", action="store_true",
                   help="add the Wikipedia detailed-map marks (mid-2017) as a baseline layer")  # fmt: skip
    p.set_defaults(func=cmd_map)


def _tiles_mode(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tiles", choices=("auto", "always", "never"), default="auto",
                   help="events as vector tiles instead of inline data (auto: above "
                   "50,000 events)")  # fmt: skip


def _add_tiles(sub: Any) -> None:
    p = sub.add_parser("tiles", help="write the stored events as vector tiles (PMTiles)")
    _db(p)
    p.add_argument("-o", "--output", required=True, help="the .pmtiles file to write")
    p.add_argument("--zoom", type=int, help="the tiles' zoom level (default: chosen from the data)")
    p.add_argument("--no-merge", action="store_true",
                   help="one feature per report instead of one per event")  # fmt: skip
    _quiet(p)
    p.set_defaults(func=cmd_tiles)


def _add_report(sub: Any) -> None:
    p = sub.add_parser("report", help="write a situation report (HTML, Markdown, PNG map)")
    p.add_argument("--area", required=True, help="a place name from the gazetteer or W,S,E,N")
    p.add_argument("--from", dest="start", type=_date, required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_date, required=True, help="YYYY-MM-DD")
    _db(p)
    p.add_argument("-o", "--output", required=True, help="the folder to write (created)")
    _include_flagged(p)
    p.set_defaults(func=cmd_report)


def _add_import(sub: Any) -> None:
    p = sub.add_parser("import", help="store events from ACLED or UCDP GED CSV files beside ours")
    p.add_argument("kind", choices=("acled", "ucdp"))
    p.add_argument("file")
    _db(p)
    p.set_defaults(func=cmd_import)


def _add_control(sub: Any) -> None:
    p = sub.add_parser("control", help="who held which place on a date")
    p.add_argument("--at", type=_date, required=True, help="the date YYYY-MM-DD")
    p.add_argument("--area", help="W,S,E,N or a place name")
    p.add_argument("--baseline", action="store_true",
                   help="add the Wikipedia detailed-map marks (mid-2017) as a baseline layer")  # fmt: skip
    _db(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_control)


def _add_serve(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="serve the HTTP API and the map app",
        epilog="routes: / (the map app), /api/events, /api/control?at= (holders of places), "
        "/api/control/areas?at=[&baseline=true&max_km=15] (areas held and front lines as "
        "GeoJSON), /api/documents, /openapi.json (every route and parameter), /docs",
    )  # fmt: skip
    _db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--baseline", action="store_true", help="include the baseline control layer")
    _tiles_mode(p)
    p.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="server processes sharing the port (reads then use every core)",
    )
    p.set_defaults(func=cmd_serve)


def _add_gazetteer(sub: Any) -> None:
    p = sub.add_parser("gazetteer", help="build, extend or query the gazetteer index")
    gsub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    b = gsub.add_parser("build", help="build the SQLite index into the cache")
    _quiet(b)
    b.set_defaults(func=cmd_gazetteer_build)
    i = gsub.add_parser(
        "import-geonames", help="import a full GeoNames dump (allCountries.txt format)"
    )
    i.add_argument("file", help="GeoNames main table (allCountries.txt or a country file)")
    i.add_argument("altnames", nargs="?", help="alternateNames table (optional)")
    _quiet(i)
    i.set_defaults(func=cmd_gazetteer_import)
    lk = gsub.add_parser("lookup", help="print the places a name matches")
    lk.add_argument("name")
    lk.add_argument("--limit", type=int, default=10)
    lk.set_defaults(func=cmd_gazetteer_lookup)


def _add_eval(sub: Any) -> None:
    p = sub.add_parser("eval", help="measure accuracy on annotated corpora")
    esub = p.add_subparsers(dest="eval_command", required=True, metavar="TASK")
    g = esub.add_parser(
        "geoparse", help="toponym recognition and resolution (TR-News, GeoWebNews, GeoVirus)"
    )
    g.add_argument("corpus")
    g.add_argument("--mode", choices=("resolve", "end-to-end"), default="resolve")
    g.add_argument("--predictions", help="write one JSON line per predicted toponym")
    g.add_argument("--baseline", help="score a stored EUPEG-format output instead of frontlines")
    g.add_argument("--json", action="store_true", help="one JSON object on one line")
    _quiet(g)
    g.set_defaults(func=cmd_eval_geoparse)
    e = esub.add_parser("events", help="event coding against ACLED-format rows")
    e.add_argument("file")
    e.add_argument("--predictions", help="write one JSON line per row")
    e.add_argument(
        "--strip-remarks",
        action="store_true",
        help="remove ACLED coders' remarks ([size=..], (coded to ..), leading labels) first",
    )
    e.add_argument("--json", action="store_true", help="one JSON object on one line")
    _quiet(e)
    e.set_defaults(func=cmd_eval_events)
    s = esub.add_parser(
        "snippets", help="sub-event classification of news snippets (CASE 2021 codes)"
    )
    s.add_argument("file")
    s.add_argument("--predictions", help="write one JSON line per snippet")
    s.add_argument("--json", action="store_true", help="one JSON object on one line")
    s.set_defaults(func=cmd_eval_snippets)
    pr = esub.add_parser("precision", help="false events on texts that are not conflict reporting")
    pr.add_argument("paths", nargs="+", metavar="PATH",
                    help="files, folders of files, or TSV files with columns id and text")  # fmt: skip
    pr.add_argument("--published", type=_date, help="publication date YYYY-MM-DD for every input")
    pr.add_argument("--json", action="store_true", help="one JSON object on one line")
    _relevance(pr)
    _quiet(pr)
    pr.set_defaults(func=cmd_eval_precision)


def _add_train(sub: Any) -> None:
    p = sub.add_parser(
        "train",
        help="train a sub-event model on your own ACLED-format rows (use: FRONTLINES_EVENT_MODEL)",
    )
    p.add_argument("file", help="a CSV in ACLED's export format (notes, sub_event_type, ...)")
    p.add_argument("--out", required=True, help="where to write the model (JSON)")
    p.add_argument(
        "--holdout", type=float, default=0.2, help="share of rows kept apart to score it (0-1)"
    )
    p.add_argument(
        "--threshold", type=float, default=0.99, help="posterior above which it re-labels"
    )
    p.add_argument("--json", action="store_true", help="one JSON object on one line")
    p.set_defaults(func=cmd_train)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.func
    try:
        return handler(args)
    except ConfigError as exc:
        _err(f"error: {exc}")
        return 2
    except (InputError, FetchError) as exc:
        note = _trace(args, str(exc.source or ""), getattr(exc, "trace", ""))
        _err(f"error: {exc} [{type(exc).__name__}]{note}")
        return 1
    except FrontlinesError as exc:
        _err(f"error: {exc} [{type(exc).__name__}]")
        return 3
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except Exception as exc:  # the run stopped on a bug: say so in one line, status 3
        import traceback

        note = _trace(args, args.command, traceback.format_exc())
        _err(f"internal error: {type(exc).__name__}: {exc}{note}")
        return 3


if __name__ == "__main__":
    sys.exit(main())
