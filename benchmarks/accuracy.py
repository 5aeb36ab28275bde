"""Run every accuracy evaluation and print the figures; ``--write`` stores them as the gate.

    .venv/bin/python benchmarks/accuracy.py            # print Markdown tables (or --json)
    .venv/bin/python benchmarks/accuracy.py --write    # regenerate benchmarks/figures.json
    .venv/bin/python benchmarks/accuracy.py --only events/acled_syria_iraq_dev --write
                                                       # re-measure and store some sections

The figures come from the project's own eval commands on the development corpora in
``../shared/eval`` (``FRONTLINES_SHARED`` or ``--shared`` names another folder), one section
per corpus and mode:

* ``geoparse/<corpus>/<mode>``: ``frontlines eval geoparse CORPUS --mode MODE``;
* ``baseline/<corpus>/<parser>``: the stored outputs of five older geoparsers, scored the
  same way (``--baseline FILE``; always measured by a full ``--write``);
* ``events/acled_dev`` (and ``_stripped``, without ACLED coders' remarks) and
  ``events/acled_syria_iraq_dev``: ``frontlines eval events FILE``;
* ``snippets/case2021_dev``: ``frontlines eval snippets FILE``;
* ``precision/...``: ``frontlines eval precision`` on the non-event texts (false events);
* ``probe/theatre_notes``: ``frontlines eval events`` on notes written by hand for the
  project (``benchmarks/data``), reported but not gated.

A full ``--write`` regenerates the whole file; with ``--only`` the named sections (or
prefixes: ``events/``) are re-measured and replace their entries. ``--jobs N`` runs the
sections in N processes at once. ``tests/test_accuracy_gate.py`` re-runs the gated sections
and fails when a gated figure (``GATED``) is more than one point worse than the stored one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTLINES_SHARED") or ROOT.parent / "shared")
FIGURES = Path(__file__).with_name("figures.json")
Figures = dict[str, dict[str, Any]]

CORPORA = {"GeoWebNews": "GWN.xml", "TR-News": "TR-News.xml"}
GEO_MODES = ("resolve", "end-to-end")
GEO_KEYS = ("precision", "recall", "f1", "exact_id", "acc161", "mean_km", "median_km", "auc",
            "no_candidate")  # fmt: skip
PARSERS = ("CamCoder", "Edinburgh", "CLAVIN", "TopoCluster", "StanfordNER")
EUPEG = {"GeoWebNews": "GeoWebNews", "TR-News": "TR-News"}

EVENT_KEYS = ("event_type_accuracy", "sub_event_type_accuracy", "sub_event_type_macro_f1",
              "sub_event_type_weighted_f1", "actor1_accuracy", "actor1_accuracy_loose",
              "actor2_accuracy", "location_within_5km", "location_within_25km",
              "geo_precision_accuracy", "fatalities_exact", "no_event")  # fmt: skip
# section -> (file under eval/, without coders' remarks)
EVENT_SETS = {
    "events/acled_dev": ("events/acled_dev.csv", False),
    "events/acled_dev_stripped": ("events/acled_dev.csv", True),
    "events/acled_syria_iraq_dev": ("events/acled_syria_iraq_dev.csv", False),
}
# hand-written notes in the repository (benchmarks/data/README.md): reported, not gated (one
# of 92 rows is a point)
PROBE_SETS = {"probe/theatre_notes": "benchmarks/data/theatre_notes.csv"}
SNIPPET_KEYS = ("accuracy", "macro_f1", "weighted_f1", "weighted_f1_acled25")
SNIPPET_SETS = {"snippets/case2021_dev": "events/case2021_dev.tsv"}

# `frontlines eval precision` on texts that are not conflict reporting (false events);
# section -> (file or folder under eval/, the publication date the texts are read with)
PRECISION_SETS: dict[str, tuple[str, str]] = {
    "precision/web_pages": ("precision/web_pages", "2020-01-01"),
    "precision/bbc_nonpolitical_dev": ("precision/bbc_nonpolitical_dev.tsv", "2005-01-01"),
}
PRECISION_KEYS: tuple[str, ...] = ("documents", "events", "documents_with_events",
                                   "share_documents_with_events")  # fmt: skip

# what the gate watches, by section prefix: key -> higher is better
_EVENT_GATE = {"event_type_accuracy": True, "sub_event_type_weighted_f1": True,
               "actor1_accuracy": True, "location_within_25km": True, "no_event": False}  # fmt: skip
GATE_KEYS: dict[str, dict[str, bool]] = {
    "geoparse/": {"acc161": True, "recall": True},
    "events/": _EVENT_GATE,
    "snippets/": {"weighted_f1": True, "weighted_f1_acled25": True},
    "precision/": {"share_documents_with_events": False},
}


def sections() -> list[str]:
    """Every measured section (not the baselines), in the order the tables print them."""
    geo = [f"geoparse/{c}/{m}" for c in CORPORA for m in GEO_MODES]
    return [*geo, *EVENT_SETS, *SNIPPET_SETS, *PRECISION_SETS, *PROBE_SETS]


def _gate_keys(section: str) -> dict[str, bool]:
    return next((keys for prefix, keys in GATE_KEYS.items() if section.startswith(prefix)), {})


GATED: dict[tuple[str, str], bool] = {
    (section, key): higher for section in sections() for key, higher in _gate_keys(section).items()
}


def _named(section: str, name: str) -> bool:
    """``name`` is the section, or a prefix ending in ``/`` (``events/``) above it."""
    return section == name or (name.endswith("/") and section.startswith(name))


def select(only: Iterable[str] | None) -> list[str]:
    """The sections named, or under a given prefix; all when ``only`` is None."""
    if only is None:
        return sections()
    wanted = [o for o in only if o]
    chosen = [s for s in sections() if any(_named(s, o) for o in wanted)]
    unknown = [o for o in wanted if not any(_named(s, o) for s in sections())]
    if unknown:
        raise SystemExit(f"error: no section {', '.join(unknown)}; known: {', '.join(sections())}")
    return chosen


# ---------------------------------------------------------------- measuring


def baselines(shared: Path = SHARED) -> Figures:
    """The stored outputs of older geoparsers, scored end-to-end by the same code."""
    from frontlines.evaluation.geoparse import run_geoparse_eval

    out: Figures = {}
    for corpus, name in CORPORA.items():
        for parser in PARSERS:
            stored = shared / "eval/geoparsing/baselines" / f"{EUPEG[corpus]}_{parser}.txt"
            result = run_geoparse_eval(shared / "eval/geoparsing" / name, baseline=stored)
            out[f"baseline/{corpus}/{parser}"] = {
                k: result[k] for k in ("documents", "toponyms", *GEO_KEYS)
            }
    return out


class _Runner:
    """Runs sections in this process; the geoparsing sections share one geoparser, each
    event set gets a fresh extractor (as its ``frontlines eval`` command would)."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self._geo: Any = None

    def run(self, section: str) -> dict[str, Any]:
        kind = section.split("/", 1)[0]
        runners: dict[str, Callable[[str], dict[str, Any]]] = {
            "geoparse": self._geoparse,
            "events": self._events,
            "snippets": self._snippets,
            "precision": self._precision,
            "probe": self._probe,
        }
        return runners[kind](section)

    def _geoparse(self, section: str) -> dict[str, Any]:
        from frontlines.evaluation.geoparse import default_system, run_geoparse_eval

        _, corpus, mode = section.split("/")
        self._geo = self._geo or default_system()
        path = self.shared / "eval/geoparsing" / CORPORA[corpus]
        result = run_geoparse_eval(path, mode=mode, system=self._geo)
        return {k: result[k] for k in ("documents", "toponyms", *GEO_KEYS)}

    def _events(self, section: str) -> dict[str, Any]:
        from frontlines.evaluation.events import run_events_eval

        name, strip = EVENT_SETS[section]
        result = run_events_eval(self.shared / "eval" / name, strip_remarks=strip)
        return {k: result[k] for k in ("rows", *EVENT_KEYS)}

    def _probe(self, section: str) -> dict[str, Any]:
        from frontlines.evaluation.events import run_events_eval

        result = run_events_eval(ROOT / PROBE_SETS[section])
        return {k: result[k] for k in ("rows", *EVENT_KEYS)}

    def _snippets(self, section: str) -> dict[str, Any]:
        from frontlines.evaluation.snippets import run_snippets_eval

        result = run_snippets_eval(self.shared / "eval" / SNIPPET_SETS[section])
        return {k: result[k] for k in ("rows", *SNIPPET_KEYS)}

    def _precision(self, section: str) -> dict[str, Any]:
        import datetime as dt

        from frontlines import Frontlines
        from frontlines.evaluation.precision import run_precision_eval

        name, day = PRECISION_SETS[section]
        published = dt.date.fromisoformat(day)
        app = Frontlines()
        result = run_precision_eval(
            [self.shared / "eval" / name],
            read=lambda path: app.read(path, published=published),
            analyse=app.analyze,
            published=published,
        )
        return {k: result[k] for k in PRECISION_KEYS}


def measure(shared: Path = SHARED, *, only: Iterable[str] | None = None, jobs: int = 1) -> Figures:
    """The figures of the chosen sections (all by default), keyed by section; with
    ``jobs`` > 1 the sections run in that many child processes at once."""
    chosen = select(only)
    if jobs > 1 and len(chosen) > 1:
        return _measure_parallel(shared, chosen, jobs)
    runner = _Runner(shared)
    out: Figures = {}
    for section in chosen:
        started = time.monotonic()
        out[section] = runner.run(section)
        print(f"{section}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return out


# sections that take minutes get a child process each; the others share one
LONG = ("events/acled_dev", "events/acled_dev_stripped")


def _groups(chosen: list[str]) -> list[list[str]]:
    """The child processes' work, the longest first."""
    rest = [s for s in chosen if s not in LONG]
    return [*([s] for s in chosen if s in LONG), *([rest] if rest else [])]


def _measure_parallel(shared: Path, chosen: list[str], jobs: int) -> Figures:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}  # fmt: skip

    def child(group: list[str]) -> Figures:
        command = [sys.executable, str(Path(__file__).resolve()), "--json", "--shared",
                   str(shared), "--only", ",".join(group)]  # fmt: skip
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(group)}: the child process failed ({done.returncode})")
        figures: Figures = json.loads(done.stdout)
        return figures

    out: Figures = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for figures in pool.map(child, _groups(chosen)):
            out.update(figures)
    return {s: out[s] for s in chosen}


# ---------------------------------------------------------------- printing


COMMANDS = {
    "events/acled_dev": "frontlines eval events ../shared/eval/events/acled_dev.csv --json",
    "events/acled_syria_iraq_dev":
        "frontlines eval events ../shared/eval/events/acled_syria_iraq_dev.csv --json",
    "snippets/case2021_dev": "frontlines eval snippets ../shared/eval/events/case2021_dev.tsv --json",
    "probe/theatre_notes": "frontlines eval events benchmarks/data/theatre_notes.csv --json",
    "precision/web_pages":
        "frontlines eval precision ../shared/eval/precision/web_pages --published 2020-01-01 --json",
    "precision/bbc_nonpolitical_dev": "frontlines eval precision "
        "../shared/eval/precision/bbc_nonpolitical_dev.tsv --published 2005-01-01 --json",
}  # fmt: skip


def table(figures: Figures) -> str:
    """Markdown: the geoparsing table, then one table per development set."""
    parts = [_geo_table(figures)]
    ev, bare = figures.get("events/acled_dev"), figures.get("events/acled_dev_stripped")
    if ev and bare:
        rows = [f"| rows | {ev['rows']} | {bare['rows']} |"]
        rows += [f"| {k} | {_fmt(ev.get(k))} | {_fmt(bare.get(k))} |" for k in EVENT_KEYS]
        parts.append(_caption("events/acled_dev", "ACLED events outside Syria and Iraq")
                     + "| metric | notes as written | without coders' remarks |\n|---|---|---|\n"
                     + "\n".join(rows))  # fmt: skip
    single = {"events/acled_syria_iraq_dev": ("ACLED events in Syria and Iraq", EVENT_KEYS),
              **{s: ("news snippets (CASE 2021 task 2)", SNIPPET_KEYS) for s in SNIPPET_SETS},
              **{s: ("texts that report no event", PRECISION_KEYS) for s in PRECISION_SETS},
              **{s: ("hand-written Syria + Iraq notes, 2019-2024, ACLED-like and wire-news "
                     "(benchmarks/data/README.md)", EVENT_KEYS) for s in PROBE_SETS}}  # fmt: skip
    for section, (title, keys) in single.items():
        if section in figures:
            f = figures[section]
            rows = [f"| {k} | {_fmt(f.get(k))} |" for k in ("rows", *keys) if k in f]
            parts.append(_caption(section, title) + "| metric | value |\n|---|---|\n"
                         + "\n".join(rows))  # fmt: skip
    return "\n\n".join(p for p in parts if p)


def _caption(section: str, title: str) -> str:
    command = COMMANDS.get(section)
    return f"{section}: {title}" + (f" (`{command}`)" if command else "") + "\n\n"


def _geo_table(figures: Figures) -> str:
    geo = {k: v for k, v in figures.items() if k.startswith(("geoparse/", "baseline/"))}
    if not geo:
        return ""
    lines = ["| corpus | system / mode | toponyms | precision | recall | f1 | exact_id | acc161 | mean km | median km | AUC | no_candidate |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for key, f in geo.items():
        kind, corpus, mode = key.split("/")
        label = (
            f"frontlines, {mode}" if kind == "geoparse" else f"{mode} (stored output, end-to-end)"
        )
        cells = [corpus, label, str(f["toponyms"]), *(_fmt(f.get(k)) for k in GEO_KEYS)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


# ---------------------------------------------------------------- storing


def stored() -> Figures:
    if not FIGURES.exists():
        return {}
    figures: Figures = json.loads(FIGURES.read_text(encoding="utf-8"))
    return figures


def write(figures: Figures, *, full: bool) -> None:
    """Store the figures: the whole file when ``full``, else only these sections replaced."""
    merged = figures if full else {**stored(), **figures}
    FIGURES.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FIGURES}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the figures as the gate")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--baselines", action="store_true",
                        help="also score the stored outputs of five older geoparsers")  # fmt: skip
    parser.add_argument("--only", help="comma-separated sections or prefixes (events/)")
    parser.add_argument("--jobs", type=int, default=1, help="processes to run sections in")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared/ folder")
    args = parser.parse_args(argv)
    shared: Path = args.shared
    if not shared.exists():
        print(f"error: {shared} is absent; the evaluation corpora live there", file=sys.stderr)
        return 1
    only = args.only.split(",") if args.only else None
    if args.jobs > 1:
        from frontlines.geo import open_gazetteer

        open_gazetteer().close()  # build the index once, before the children need it
    figures = measure(shared, only=only, jobs=args.jobs)
    if args.baselines or (args.write and only is None):
        figures.update(baselines(shared))
    print(json.dumps(figures, indent=1) if args.json else table(figures))
    if args.write:
        write(figures, full=only is None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
