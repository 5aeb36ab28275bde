"""Server load: does the API hold while clients load the map page and page through events?

    .venv/bin/python benchmarks/server_load.py [--events N] [--seconds S] [--json]

Fills a fresh SQLite store with ``--events`` synthetic events (default 100,000; the rows of
``benchmarks/store_latency.py``), starts ``frontlines serve`` on it in a child process and
measures over HTTP (``--workers`` server processes, default 2), with client threads in
this process:

1. ``/api/health`` latency (p50, max) while 4 clients load ``/`` over and over
   (the first load builds the map page; later ones get the page cached per store state);
2. ``/api/events`` throughput (requests/s) and p99 latency with 1 and with 8 clients, each
   request a random bounding box and date window, ``limit=100``.

Targets (issue 14): health < 0.2 s; events throughput at 8 clients >= 2x that at 1,
p99 < 250 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from store_latency import fill, random_query  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str, timeout: float = 120.0) -> tuple[int, float]:
    """GET ``path``; the status and the seconds until the whole body was read."""
    began = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - began
    finally:
        conn.close()


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "frontlines", "serve", "--db", str(db), "--port", str(port),
               "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _get(port, "/api/health", 5)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(
        f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}"
    )


def health_under_map_load(port: int, seconds: float, loaders: int = 4) -> dict[str, Any]:
    stop = threading.Event()
    pages: list[float] = []

    def load_map() -> None:
        while not stop.is_set():
            pages.append(_get(port, "/")[1])

    threads = [threading.Thread(target=load_map, daemon=True) for _ in range(loaders)]
    for t in threads:
        t.start()
    latencies: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end or not pages:
        latencies.append(_get(port, "/api/health")[1])
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join()
    return {
        "health_p50_s": round(statistics.median(latencies), 4),
        "health_max_s": round(max(latencies), 4),
        "health_requests": len(latencies),
        "map_loads": len(pages),
        "map_first_s": round(pages[0], 2) if pages else None,
        "map_median_s": round(statistics.median(pages), 3) if pages else None,
    }


def _events_path(rng: random.Random) -> str:
    q = random_query(rng)
    bbox = ",".join(f"{v:.4f}" for v in q["bbox"])
    return "/api/events?" + urlencode({"bbox": bbox, "start": q["start"], "end": q["end"],
                                       "limit": 100})  # fmt: skip


def events_load(port: int, clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        while time.monotonic() < end:
            status, took = _get(port, _events_path(rng))
            with lock:
                latencies.append(took)
                errors += status != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * ordered[len(ordered) // 2], 1),
        "p99_ms": round(1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per measurement")
    parser.add_argument("--workers", type=int, default=2, help="server processes (serve --workers)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.sqlite"
        fill_s = fill(db, args.events)
        port = _free_port()
        server = start_server(db, port, args.workers)
        try:
            _get(port, "/api/events?limit=1")  # warm the connections
            one = events_load(port, 1, args.seconds)
            eight = events_load(port, 8, args.seconds)
            health = health_under_map_load(port, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures = {
        "events": args.events, "workers": args.workers, "fill_s": round(fill_s, 1), "cpus": os.cpu_count(), **health,
        "events_1": one, "events_8": eight,
        "scaling_8_vs_1": round(eight["requests_per_s"] / max(one["requests_per_s"], 1e-9), 2),
    }  # fmt: skip
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{args.events} events (store filled in {figures['fill_s']} s), {os.cpu_count()} CPUs, "
          f"serve --workers {args.workers}")  # fmt: skip
    print(f"/api/health while 4 clients load /: p50 {health['health_p50_s']} s, "
          f"max {health['health_max_s']} s over {health['health_requests']} requests "
          f"(/ first {health['map_first_s']} s, median {health['map_median_s']} s, "
          f"{health['map_loads']} loads)")  # fmt: skip
    for row in (one, eight):
        print(f"/api/events, {row['clients']} client(s): {row['requests_per_s']} req/s, "
              f"p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, errors {row['errors']}")  # fmt: skip
    print(f"throughput 8 vs 1 clients: {figures['scaling_8_vs_1']}x")


if __name__ == "__main__":
    main()
