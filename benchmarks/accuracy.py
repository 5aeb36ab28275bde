"""Run every accuracy evaluation and print the figures; ``--write`` stores them as the gate.

    .venv/bin/python benchmarks/accuracy.py            # print a Markdown table (and --json)
    .venv/bin/python benchmarks/accuracy.py --write    # update benchmarks/figures.json

The figures come from the project's own eval commands (``frontlines eval geoparse`` and
``frontlines eval events``) on the development corpora in ``../shared/eval``.
``tests/test_accuracy_gate.py`` re-runs them and fails when a gated figure drops by more
than one point below the stored one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIGURES = Path(__file__).with_name("figures.json")
CORPORA = {"GeoWebNews": "GWN.xml", "TR-News": "TR-News.xml"}
GEO_KEYS = ("precision", "recall", "f1", "exact_id", "acc161", "mean_km", "median_km", "auc",
            "no_candidate")  # fmt: skip
EVENT_KEYS = ("event_type_accuracy", "sub_event_type_accuracy", "sub_event_type_macro_f1",
              "sub_event_type_weighted_f1", "actor1_accuracy", "actor2_accuracy",
              "location_within_5km", "location_within_25km", "geo_precision_accuracy",
              "fatalities_exact", "no_event")  # fmt: skip
# notes as written (the specified evaluation) and without ACLED coders' remarks (news-like)
EVENT_SECTIONS = {"events/acled_dev": False, "events/acled_dev_stripped": True}
# what the gate watches: (section, key) -> higher is better
GATED = {
    **{(f"geoparse/{c}/{m}", k): True for c in CORPORA for m in ("resolve", "end-to-end")
       for k in ("acc161", "recall")},
    **{(section, k): k != "no_event" for section in EVENT_SECTIONS for k in (
        "event_type_accuracy", "sub_event_type_weighted_f1", "actor1_accuracy",
        "location_within_25km", "no_event")},
}  # fmt: skip


PARSERS = ("CamCoder", "Edinburgh", "CLAVIN", "TopoCluster", "StanfordNER")
EUPEG = {"GeoWebNews": "GeoWebNews", "TR-News": "TR-News"}


def baselines(shared: Path = SHARED) -> dict[str, dict[str, Any]]:
    """The stored outputs of older geoparsers, scored end-to-end by the same code."""
    from frontlines.evaluation.geoparse import run_geoparse_eval

    out: dict[str, dict[str, Any]] = {}
    for corpus, name in CORPORA.items():
        for parser in PARSERS:
            stored = shared / "eval/geoparsing/baselines" / f"{EUPEG[corpus]}_{parser}.txt"
            result = run_geoparse_eval(shared / "eval/geoparsing" / name, baseline=stored)
            out[f"baseline/{corpus}/{parser}"] = {
                k: result[k] for k in ("documents", "toponyms", *GEO_KEYS)
            }
    return out


def measure(shared: Path = SHARED) -> dict[str, dict[str, Any]]:
    """Every figure, keyed by section (``geoparse/<corpus>/<mode>``, ``events/acled_dev``)."""
    from frontlines.evaluation.events import run_events_eval
    from frontlines.evaluation.geoparse import default_system, run_geoparse_eval

    system = default_system()
    out: dict[str, dict[str, Any]] = {}
    for corpus, name in CORPORA.items():
        for mode in ("resolve", "end-to-end"):
            started = time.monotonic()
            result = run_geoparse_eval(shared / "eval/geoparsing" / name, mode=mode, system=system)
            out[f"geoparse/{corpus}/{mode}"] = {
                k: result[k] for k in ("documents", "toponyms", *GEO_KEYS)
            }
            print(f"geoparse {corpus} {mode}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    for section, strip in EVENT_SECTIONS.items():
        started = time.monotonic()
        events = run_events_eval(shared / "eval/events/acled_dev.csv", strip_remarks=strip)
        out[section] = {k: events[k] for k in ("rows", *EVENT_KEYS)}
        print(f"{section}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return out


def table(figures: dict[str, dict[str, Any]]) -> str:
    lines = []
    geo = {k: v for k, v in figures.items() if k.startswith(("geoparse/", "baseline/"))}
    if geo:
        lines += ["| corpus | system / mode | toponyms | precision | recall | f1 | exact_id | acc161 | mean km | median km | AUC | no_candidate |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        for key, f in geo.items():
            kind, corpus, mode = key.split("/")
            label = (
                f"frontlines, {mode}"
                if kind == "geoparse"
                else f"{mode} (stored output, end-to-end)"
            )
            cells = [corpus, label, str(f["toponyms"]), *(_fmt(f[k]) for k in GEO_KEYS)]
            lines.append("| " + " | ".join(cells) + " |")
    ev, bare = figures.get("events/acled_dev"), figures.get("events/acled_dev_stripped")
    if ev and bare:
        lines += ["", "| metric | notes as written | without coders' remarks |", "|---|---|---|",
                  f"| rows | {ev['rows']} | {bare['rows']} |"]  # fmt: skip
        lines += [f"| {k} | {_fmt(ev[k])} | {_fmt(bare[k])} |" for k in EVENT_KEYS]
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the figures as the gate")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--baselines", action="store_true",
                        help="also score the stored outputs of five older geoparsers")  # fmt: skip
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"error: {SHARED} is absent; the evaluation corpora live there", file=sys.stderr)
        return 1
    figures = measure()
    if args.baselines:
        figures.update(baselines())
    print(json.dumps(figures, indent=1) if args.json else table(figures))
    if args.write:
        FIGURES.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {FIGURES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
