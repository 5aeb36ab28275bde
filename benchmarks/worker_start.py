"""What starting an isolated worker costs, after the models' warm-up (issue 14).

    .venv/bin/python benchmarks/worker_start.py [--runs 30] [--json]

``--runs`` fresh runners (``frontlines.isolate.Isolated``, a 60 s budget) each read one
trivial input and close, in a process that has loaded the models (``Frontlines._warm``):
the first input's time (the worker started, the input sent and its outcome back) and the
whole runner's (its close too), medians and maxima in milliseconds. Workers come from a
fork server started once, as ``Frontlines`` does; at commits before the fork server
(no ``isolate.worker_server``), from this process, so the script compares both.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def starts(runs: int, server: Any = None) -> tuple[list[float], list[float]]:
    """Seconds to each fresh runner's first outcome, and to its close."""
    from frontlines.isolate import Isolated

    first, whole = [], []
    options = {"server": server} if server is not None else {}
    for _ in range(runs):
        started = time.perf_counter()
        with Isolated(str.upper, max_seconds=60, **options) as run:
            outcome = run("x")
            first.append(time.perf_counter() - started)
        whole.append(time.perf_counter() - started)
        if not outcome.ok:
            raise RuntimeError(outcome.error)
    return first, whole


def summary(first: list[float], whole: list[float], origin: str) -> dict[str, Any]:
    def ms(x: float) -> float:
        return round(1000 * x, 1)

    return {"workers_from": origin, "runs": len(first),
            "first_outcome_ms_p50": ms(statistics.median(first)), "first_outcome_ms_max": ms(max(first)),
            "with_close_ms_p50": ms(statistics.median(whole)), "with_close_ms_max": ms(max(whole))}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from frontlines import Frontlines, Settings, isolate

    with tempfile.TemporaryDirectory() as tmp:
        app = Frontlines(Settings.from_env(db=str(Path(tmp) / "s.sqlite")), isolate=True)
        app._warm()
        server, origin = None, "this process"
        if hasattr(isolate, "worker_server"):
            server, origin = isolate.worker_server(lambda _key: str.upper), "a fork server"
            server.launch()
        out = summary(*starts(args.runs, server), origin)
        if server is not None:
            server.close()
    if args.json:
        print(json.dumps(out))
    else:
        for key, value in out.items():
            print(f"{key:24} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
