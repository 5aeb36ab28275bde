"""Server load: does the API hold while clients load the map page and page through events?

    .venv/bin/python benchmarks/server_load.py [--events N] [--seconds S]
        [--clients processes|threads] [--no-health] [--json]

Fills a fresh SQLite store with ``--events`` synthetic events (default 100,000; the rows of
``benchmarks/store_latency.py``), starts ``frontlines serve`` on it in a child process and
measures over HTTP (``--workers`` server processes, default 2). ``/api/events`` clients
are processes with one kept-alive connection each (``--clients processes``, the default) or
threads in this process with a new connection a request (``--clients threads``); each row
also gives the processor time a request of the server (its process tree) and the clients:

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
import multiprocessing
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

CLIENT_MODES = ("processes", "threads")


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
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
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


def _cpu_seconds(pid: int) -> float:
    """Processor seconds (user + system) of ``pid`` and its live descendants (Linux /proc;
    0.0 elsewhere): the server process and its uvicorn workers."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, IndexError, ValueError):
            continue
        todo += [int(c) for c in children]
    return total


def _client_loop(port: int, seed: int, end: float, keep_alive: bool) -> list[tuple[int, float]]:
    """One client: requests one after another until ``end`` (``time.monotonic``), on one
    kept-alive connection or a new connection a request (as a script with urllib would)."""
    rng = random.Random(seed)
    results: list[tuple[int, float]] = []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120) if keep_alive else None
    try:
        while time.monotonic() < end:
            path = _events_path(rng)
            if conn is None:
                results.append(_get(port, path))
                continue
            began = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            results.append((response.status, time.perf_counter() - began))
    finally:
        if conn is not None:
            conn.close()
    return results


def _client_process(args: tuple[int, int, float, bool]) -> tuple[list[tuple[int, float]], float]:
    began = time.process_time()
    results = _client_loop(*args)
    return results, time.process_time() - began


def _run_clients(
    port: int, clients: int, seconds: float, mode: str
) -> tuple[list[tuple[int, float]], float]:
    """Every request's (status, seconds) and the clients' processor seconds."""
    keep_alive = mode == "processes"
    if mode == "processes":  # one process a client: the load generator shares no GIL
        end = time.monotonic() + seconds
        with multiprocessing.get_context("fork").Pool(clients) as pool:
            done = pool.map(_client_process, [(port, i, end, keep_alive) for i in range(clients)])
        return [r for results, _ in done for r in results], sum(cpu for _, cpu in done)
    results: list[tuple[int, float]] = []
    lock = threading.Lock()
    end = time.monotonic() + seconds
    began = os.times()

    def client(seed: int) -> None:
        found = _client_loop(port, seed, end, keep_alive)
        with lock:
            results.extend(found)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = os.times()
    return results, (after.user - began.user) + (after.system - began.system)


def events_load(
    port: int, clients: int, seconds: float, mode: str, server_pid: int
) -> dict[str, Any]:
    server_began = _cpu_seconds(server_pid)
    began = time.perf_counter()
    results, client_cpu = _run_clients(port, clients, seconds, mode)
    wall = time.perf_counter() - began
    server_cpu = _cpu_seconds(server_pid) - server_began
    ordered = sorted(took for _, took in results)
    count = max(len(ordered), 1)
    return {
        "clients": clients,
        "requests_per_s": round(len(ordered) / wall, 1),
        "p50_ms": round(1000 * ordered[len(ordered) // 2], 1),
        "p99_ms": round(1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 1),
        "errors": sum(status != 200 for status, _ in results),
        "server_cpu_ms_per_request": round(1000 * server_cpu / count, 2),
        "client_cpu_ms_per_request": round(1000 * client_cpu / count, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per measurement")
    parser.add_argument("--workers", type=int, default=2, help="server processes (serve --workers)")
    parser.add_argument("--clients", choices=CLIENT_MODES, default="processes",
                        help="processes: one process a client, one kept-alive connection each; "
                        "threads: threads in this process, a new connection a request "
                        "(the figures before 2026-12-06 11:00)")  # fmt: skip
    parser.add_argument("--no-health", action="store_true", help="skip the /api/health part")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.sqlite"
        fill_s = fill(db, args.events)
        port = _free_port()
        server = start_server(db, port, args.workers)
        try:
            _get(port, "/api/events?limit=1")  # warm the connections
            one = events_load(port, 1, args.seconds, args.clients, server.pid)
            eight = events_load(port, 8, args.seconds, args.clients, server.pid)
            health = {} if args.no_health else health_under_map_load(port, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures = {
        "events": args.events, "workers": args.workers, "clients": args.clients, "fill_s": round(fill_s, 1), "cpus": os.cpu_count(), **health,
        "events_1": one, "events_8": eight,
        "scaling_8_vs_1": round(eight["requests_per_s"] / max(one["requests_per_s"], 1e-9), 2),
    }  # fmt: skip
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{args.events} events (store filled in {figures['fill_s']} s), {os.cpu_count()} CPUs, "
          f"serve --workers {args.workers}")  # fmt: skip
    if health:
        print(f"/api/health while 4 clients load /: p50 {health['health_p50_s']} s, "
              f"max {health['health_max_s']} s over {health['health_requests']} requests "
              f"(/ first {health['map_first_s']} s, median {health['map_median_s']} s, "
              f"{health['map_loads']} loads)")  # fmt: skip
    for row in (one, eight):
        print(f"/api/events, {row['clients']} client(s) ({args.clients}): "
              f"{row['requests_per_s']} req/s, p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, "
              f"errors {row['errors']}; processor time a request: server "
              f"{row['server_cpu_ms_per_request']} ms, clients {row['client_cpu_ms_per_request']} ms")  # fmt: skip
    print(f"throughput 8 vs 1 clients: {figures['scaling_8_vs_1']}x")


if __name__ == "__main__":
    main()
