"""Control areas for the baseline places of Syria and Iraq (about 7,700), cold and warm.

    .venv/bin/python benchmarks/control_areas.py [--at 2018-01-01] [--runs 3] [--json]

Cold: read the baseline layer, build its control periods, read the country outlines,
compute the cells (Voronoi, clipped to 15 km and to the country) and the areas and front
lines on ``--at``. Warm: the areas on another date from cached cells (what the server
does when the time slider moves). Target: cold under 3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontlines.basemap.outlines import COUNTRIES_FILE, WorldAtlasOutlines  # noqa: E402
from frontlines.config import Settings  # noqa: E402
from frontlines.control.areas import control_areas, place_cells, places_of  # noqa: E402
from frontlines.control.baseline import load_baseline  # noqa: E402
from frontlines.control.periods import control_periods  # noqa: E402


def run_once(at: str) -> dict[str, float]:
    start = time.perf_counter()
    layer = load_baseline()
    periods = control_periods(layer.claims, layer.places)
    outlines = WorldAtlasOutlines(Settings().assets_dir / COUNTRIES_FILE)
    cells = place_cells(places_of(periods), outlines=outlines)
    areas = control_areas(periods, at, cells=cells)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    control_areas(periods, "2017-08-01", cells=cells)
    warm = time.perf_counter() - start
    return {"cold_s": cold, "warm_s": warm, "places": float(len(cells.points)),
            "areas": float(len(areas.areas)), "fronts": float(len(areas.fronts))}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", default="2018-01-01")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = [run_once(args.at) for _ in range(args.runs)]
    figures = {
        "places": int(runs[0]["places"]),
        "areas": int(runs[0]["areas"]),
        "fronts": int(runs[0]["fronts"]),
        "cold_p50_s": round(statistics.median(r["cold_s"] for r in runs), 2),
        "warm_p50_s": round(statistics.median(r["warm_s"] for r in runs), 2),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"control areas for {figures['places']} baseline places (Syria, Iraq) on {args.at}: "
          f"{figures['areas']} areas, {figures['fronts']} front lines")  # fmt: skip
    print(f"cold (baseline, periods, outlines, cells, areas): p50 {figures['cold_p50_s']} s "
          f"over {args.runs} runs (target < 3 s)")  # fmt: skip
    print(f"warm (another date, cached cells): p50 {figures['warm_p50_s']} s")


if __name__ == "__main__":
    main()
