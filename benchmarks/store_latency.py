"""Store latency: bounding-box plus time-range queries on a SQLite store of synthetic events.

    .venv/bin/python benchmarks/store_latency.py [--events N] [--queries N] [--db PATH] [--json]

Fills a fresh SQLite store (schema from ``SqliteStore.open``, i.e. the store's migrations)
with ``--events`` synthetic events: 45 % around Syria, 25 % around Iraq, 30 % anywhere
on land-ish latitudes, dated uniformly over five years (2019-2023). Rows are written with
one ``executemany`` per 50,000 rows (one transaction each) on a second connection, for
speed; the columns are the store's own (``frontlines.store.rows.EVENT_COLUMNS``).

Then it times ``--queries`` random queries through the public API,
``store.events(bbox=..., start=..., end=..., limit=500)``: a box of 0.5 to 10 degrees
centred on a point drawn like the events, and a window of 1 to 365 days. It prints
p50/p99/max in milliseconds (target: p99 under 50 ms) and the query plan of one query.
``--try-sql`` runs extra SQL after the fill, to measure a proposed index, e.g.
``--try-sql "CREATE INDEX events_date_point ON events (event_date, latitude, longitude)"``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontlines.store.base import EventFilter  # noqa: E402
from frontlines.store.rows import EVENT_COLUMNS  # noqa: E402
from frontlines.store.sqlite import SqliteStore, _where  # noqa: E402

FIRST_DAY = dt.date(2019, 1, 1)
DAYS = 5 * 365
TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Looting/property destruction"),
    ("Protests", "Peaceful protest"),
)
REGIONS = ((0.45, 32.3, 37.3, 35.6, 42.4), (0.25, 29.0, 37.4, 38.8, 48.6))  # p, lat/lon box
BATCH = 50_000


def _point(rng: random.Random) -> tuple[float, float]:
    draw = rng.random()
    for share, south, north, west, east in REGIONS:
        if draw < share:
            return round(rng.uniform(south, north), 5), round(rng.uniform(west, east), 5)
        draw -= share
    return round(rng.uniform(-55.0, 70.0), 5), round(rng.uniform(-180.0, 180.0), 5)


def synthetic_row(i: int, rng: random.Random) -> tuple[Any, ...]:
    """One events-table row in ``EVENT_COLUMNS`` order."""
    lat, lon = _point(rng)
    event_type, sub = TYPES[i % len(TYPES)]
    day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
    values: dict[str, Any] = {name: "" for name in EVENT_COLUMNS}
    values.update(
        event_id=f"syn-{i:07d}", document_id=f"doc-{i // 20:06d}", event_type=event_type,
        sub_event_type=sub, actor1=f"Actor {i % 97}", event_date=day, time_precision=1,
        inter1=1, inter2=0, interaction=10, iso=None, latitude=lat, longitude=lon,
        geo_precision=2, fatalities=i % 5, fatalities_known=1, source_part="article",
        comment_id=None, credibility="high", evidence_start=0, evidence_end=20,
        evidence_text=f"Synthetic event {i} happened.", warnings="[]", sources="[]",
        position=i % 20, location=f"Place {i % 1000}",
    )  # fmt: skip
    return tuple(values[name] for name in EVENT_COLUMNS)


def _batches(total: int, seed: int) -> Iterator[list[tuple[Any, ...]]]:
    rng = random.Random(seed)
    for first in range(0, total, BATCH):
        yield [synthetic_row(i, rng) for i in range(first, min(total, first + BATCH))]


def fill(db: Path, total: int, seed: int = 1, extra_sql: tuple[str, ...] = ()) -> float:
    """Create the store at ``db``, write ``total`` events, then run ``extra_sql``.

    Returns the seconds taken.
    """
    began = time.perf_counter()
    SqliteStore.open(db).close()  # schema through the store's migrations
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        cols = ", ".join(EVENT_COLUMNS)
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        for rows in _batches(total, seed):
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", rows)
            conn.execute("COMMIT")
        for statement in extra_sql:
            conn.execute(statement)
        conn.execute("ANALYZE")
    finally:
        conn.close()
    return time.perf_counter() - began


def random_query(rng: random.Random) -> dict[str, Any]:
    lat, lon = _point(rng)
    half = rng.uniform(0.25, 5.0)
    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    end = start + dt.timedelta(days=rng.randrange(1, 366))
    bbox = (max(-180.0, lon - half), max(-90.0, lat - half), min(180.0, lon + half), min(90.0, lat + half))  # fmt: skip
    return {"bbox": bbox, "start": start.isoformat(), "end": end.isoformat()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def plan(store_db: Path, query: dict[str, Any]) -> list[str]:
    """SQLite's plan for the store's own SQL of ``query``."""
    where, args = _where(EventFilter.build(**query))
    sql = f"SELECT * FROM events{where} ORDER BY event_date, event_id LIMIT ? OFFSET ?"
    conn = sqlite3.connect(store_db)
    try:
        return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", [*args, 500, 0])]
    finally:
        conn.close()


def measure(db: Path, queries: int, seed: int = 2) -> dict[str, Any]:
    rng = random.Random(seed)
    work = [random_query(rng) for _ in range(queries)]
    times: list[float] = []
    returned = 0
    with SqliteStore.open(db) as store:
        store.events(**work[0], limit=500)  # warm the page cache
        for query in work:
            began = time.perf_counter()
            returned += len(store.events(**query, limit=500))
            times.append((time.perf_counter() - began) * 1000)
    return {
        "queries": queries,
        "p50_ms": round(statistics.median(times), 2),
        "p99_ms": round(percentile(times, 0.99), 2),
        "max_ms": round(max(times), 2),
        "mean_rows": round(returned / queries, 1),
        "plan": plan(db, work[0]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--db", type=Path, help="store file (default: a temporary file)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--try-sql",
        action="append",
        default=[],
        metavar="SQL",
        help="run this SQL after the fill (to try a schema change, e.g. an index); repeatable",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        if db.exists():
            parser.error(f"{db} exists; give a new path")
        fill_s = fill(db, args.events, extra_sql=tuple(args.try_sql))
        result = {
            "events": args.events,
            "fill_s": round(fill_s, 1),
            "extra_sql": args.try_sql,
            **measure(db, args.queries),
        }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"filled {result['events']:,} events in {result['fill_s']} s")
        print(f"{result['queries']} bbox+time queries (limit 500, mean {result['mean_rows']} rows)")
        print(f"p50 {result['p50_ms']} ms  p99 {result['p99_ms']} ms  max {result['max_ms']} ms")
        print("plan: " + " | ".join(result["plan"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
