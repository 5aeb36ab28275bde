"""Cross-page merging at scale: how long ``merge_events`` takes on N synthetic reports.

    .venv/bin/python benchmarks/merge_speed.py [--events N] [--json]

Builds ``--events`` reports (default 100,000) like a month of world news: 60 % cluster on
2,000 hot spots (so many reports describe the same clash and merge), the rest anywhere on
land-ish latitudes; dates spread over 31 days; five event types; 20 % of reports carry no
coordinates but a place id. Prints the time, reports per second and how many events remain.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontlines.events import merge_events  # noqa: E402
from frontlines.records import Event, Span  # noqa: E402

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
]


def synthetic(n: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    spots = [(rng.uniform(-40, 60), rng.uniform(-120, 140)) for _ in range(2000)]
    out: list[Event] = []
    for i in range(n):
        if rng.random() < 0.6:
            spot = rng.randrange(len(spots))
            lat, lon = spots[spot][0] + rng.gauss(0, 0.02), spots[spot][1] + rng.gauss(0, 0.02)
            place = f"p{spot}"
        else:
            lat, lon, place = rng.uniform(-40, 60), rng.uniform(-180, 180), ""
        located = rng.random() >= 0.2 or not place
        etype, sub = TYPES[rng.randrange(len(TYPES))]
        out.append(
            Event(
                etype,
                sub,
                "Unidentified Armed Group",
                Span(0, 1, "x"),
                event_date=f"2024-01-{1 + rng.randrange(31):02d}",
                time_precision=1,
                latitude=lat if located else None,
                longitude=lon if located else None,
                place_id=place,
                document_id=f"d{i}",
                source_url=f"https://example.org/{i}",
                event_id=f"e{i}",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    events = synthetic(args.events)
    started = time.perf_counter()
    merged = merge_events(events)
    seconds = time.perf_counter() - started
    result = {
        "reports": len(events),
        "events_after_merge": len(merged),
        "seconds": round(seconds, 2),
        "reports_per_second": round(len(events) / seconds),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"merged {result['reports']:,} reports into {result['events_after_merge']:,} events "
            f"in {result['seconds']} s ({result['reports_per_second']:,} reports/s)"
        )


if __name__ == "__main__":
    main()
