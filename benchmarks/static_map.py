"""The full-size static map of Syria, A3 at 200 dpi, with the baseline control areas.

    .venv/bin/python benchmarks/static_map.py [--runs 3] [--events 500] [--fmt png] [--json]

Each run: the baseline's periods (about 7,700 places), the control areas on 2018-01-01
with Syria's and Iraq's outlines, ``--events`` synthetic events of the last 30 days
across Syria, and the A3 sheet drawn and saved at 200 dpi. Prints the total and the
drawing alone (p50). Target: total under 10 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontlines.basemap.outlines import COUNTRIES_FILE, WorldAtlasOutlines  # noqa: E402
from frontlines.config import Settings  # noqa: E402
from frontlines.control.areas import control_areas  # noqa: E402
from frontlines.control.baseline import load_baseline  # noqa: E402
from frontlines.control.periods import control_periods  # noqa: E402
from frontlines.publish.fullmap import MapSheet, fit_extent, render_full_map  # noqa: E402
from frontlines.records import Event, Span  # noqa: E402

SYRIA = (35.6, 32.3, 42.4, 37.4)
TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
         "Riots", "Strategic developments")  # fmt: skip


def _events(count: int) -> list[Event]:
    rng = random.Random(7)
    return [
        Event(rng.choice(TYPES), "", "Actor", evidence=Span(0, 1, "x"),
              event_date=f"2017-12-{rng.randint(2, 31):02d}", latitude=rng.uniform(32.5, 37.2),
              longitude=rng.uniform(35.8, 42.2), fatalities=rng.choice((0, 0, 1, 3, 12)),
              fatalities_known=True)
        for _ in range(count)
    ]  # fmt: skip


def run_once(events: int, fmt: str, folder: Path) -> tuple[float, float]:
    start = time.perf_counter()
    layer = load_baseline()
    periods = control_periods(layer.claims, layer.places)
    outlines = WorldAtlasOutlines(Settings().assets_dir / COUNTRIES_FILE)
    areas = control_areas(periods, "2018-01-01", outlines=outlines)
    sheet = MapSheet(at="2018-01-01", extent=fit_extent(SYRIA), areas=areas,
                     events=_events(events), outlines=outlines, title="Syria")  # fmt: skip
    drawn = time.perf_counter()
    render_full_map(sheet, folder / f"syria.{fmt}", fmt=fmt, size="a3", dpi=200)
    end = time.perf_counter()
    return end - start, end - drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--fmt", default="png", choices=("png", "svg", "pdf"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        runs = [run_once(args.events, args.fmt, Path(tmp)) for _ in range(args.runs)]
    figures = {"total_p50_s": round(statistics.median(r[0] for r in runs), 2),
               "draw_p50_s": round(statistics.median(r[1] for r in runs), 2)}  # fmt: skip
    if args.json:
        print(json.dumps(figures))
        return
    print(f"static map of Syria, A3 at 200 dpi ({args.fmt}, {args.events} events, baseline "
          f"control areas): total p50 {figures['total_p50_s']} s (target < 10 s), drawing "
          f"alone {figures['draw_p50_s']} s, over {args.runs} runs")  # fmt: skip


if __name__ == "__main__":
    main()
