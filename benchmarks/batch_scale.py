"""``frontlines batch`` at scale: workers, memory, a long run, and a kill -9.

    .venv/bin/python benchmarks/batch_scale.py [--docs 2000] [--big 100000] [--json]
                                               [--only speedup,memory,big,kill]

Synthetic documents are generated here (``benchmarks/near_duplicates.py``'s articles on
the war in Syria; the long run uses short ones) as JSON Lines, each with its own number
so that no two are the same document.

* ``speedup``: the same ``--docs`` documents with 2 Ray workers and with 1, each into a
  fresh SQLite store; documents/s after warm-up (from the moment every actor has sent back
  its first result: Ray started and each actor's models loaded; the documents analysed
  since over the time since, to the end of the run) and the ratio (target >= 1.7 on a
  2-core machine);
* ``memory``: the peak resident memory of each analysing actor during those runs (target
  < 1.5 GB);
* ``big``: ``--big`` short documents with 2 workers: completes, documents/s, and the
  memory of the driver and actors sampled along the run (flat after warm-up): the
  driver's unique size (USS) and the processes' summed proportional sizes (PSS), which
  count a page shared by several processes once (``memory_course``);
* ``kill``: ``frontlines batch`` over the ``--docs`` documents killed with SIGKILL once a
  third are stored, then run again: the stored documents and events must equal those of
  the uninterrupted 2-worker run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
ACTOR = "_Analyser"
PAGE = os.sysconf("SC_PAGE_SIZE")


def write_docs(path: Path, count: int, *, short: bool = False, seed: int = 5) -> Path:
    import near_duplicates as nd

    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            text = nd.sentence(rng) + " " + nd.sentence(rng) if short else nd.article(rng)
            row = {"url": f"https://synthetic.example/{n}", "title": f"Report number {n}",
                   "text": text, "published": f"2018-{1 + n % 12:02d}-{1 + n % 28:02d}"}  # fmt: skip
            fh.write(json.dumps(row) + "\n")
    return path


def rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def unique(pid: int) -> tuple[int, int, int]:
    """``(uss, pss, pss_file)`` in bytes: the pages only this process holds (private), its
    proportional share of all it maps (a page shared by n processes counts 1/n), and the
    part of that share mapped from files (the memory-mapped gazetteer, libraries), from
    ``/proc/PID/smaps_rollup``; zeros when the process is gone."""
    sizes: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("Pss", "Pss_File", "Private_Clean", "Private_Dirty"):
                    sizes[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError, IndexError):
        return 0, 0, 0
    uss = sizes.get("Private_Clean", 0) + sizes.get("Private_Dirty", 0)
    return uss, sizes.get("Pss", 0), sizes.get("Pss_File", 0)


Sizes = tuple[int, int, int]


def actors() -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                if ACTOR.encode() in fh.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


class Sampler(threading.Thread):
    """Samples the driver's and each actor's resident memory every ``every`` seconds, and
    with ``unique`` also their unique (USS) and proportional (PSS) sizes (``uniques``:
    ``(seconds, driver's sizes, [each actor's sizes])``, sizes as ``unique`` gives them)."""

    def __init__(self, every: float = 1.0, unique: bool = False) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.unique = unique
        self.samples: list[tuple[float, int, list[int]]] = []
        self.uniques: list[tuple[float, Sizes, list[Sizes]]] = []
        self.stop = threading.Event()
        self.start_time = time.perf_counter()

    def run(self) -> None:
        while not self.stop.wait(self.every):
            pids, now = actors(), time.perf_counter() - self.start_time
            self.samples.append((now, rss(os.getpid()), [rss(pid) for pid in pids]))
            if self.unique:
                self.uniques.append((now, unique(os.getpid()), [unique(pid) for pid in pids]))

    def peak_actor(self) -> int:
        return max((max(s[2]) for s in self.samples if s[2]), default=0)


def run_inprocess(
    inputs: list[str], db: Path, workers: int, *, unique: bool = False
) -> tuple[Any, Sampler]:
    import ray

    from frontlines import Settings
    from frontlines.scale import open_sink, run_batch

    sampler = Sampler(every=5.0 if unique else 1.0, unique=unique)
    sampler.start()
    sink = open_sink(str(db), None)
    try:
        stats = run_batch(inputs, sink, settings=Settings.from_env(), workers=workers,
                          progress=lambda line: print(line, file=sys.stderr, flush=True))  # fmt: skip
    finally:
        sink.close()
        sampler.stop.set()
        ray.shutdown()
    return stats, sampler


def steady_rate(stats: Any) -> float:
    """Documents/s after the warm-up: from the moment every actor had sent back its first
    result (Ray started, each actor's models loaded), the documents analysed since."""
    return round(stats.steady_documents_per_second, 2)


def speedup(docs: Path, work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for workers in (1, 2):
        stats, sampler = run_inprocess([str(docs)], work / f"w{workers}.sqlite", workers)
        out[f"workers_{workers}"] = {
            "documents": stats.documents, "events": stats.events_added,
            "seconds": round(stats.seconds, 1), "warmup_seconds": round(stats.warmup_seconds, 1),
            "documents_per_second": steady_rate(stats),
            "peak_actor_rss_mb": round(sampler.peak_actor() / 1e6, 1),
        }  # fmt: skip
    one, two = out["workers_1"]["documents_per_second"], out["workers_2"]["documents_per_second"]
    out["speedup"] = round(two / one, 3) if one else None
    out["peak_actor_rss_mb"] = max(out[k]["peak_actor_rss_mb"] for k in ("workers_1", "workers_2"))
    return out


def _mb(values: Sequence[int]) -> list[float]:
    return [round(v / 1e6, 1) for v in values]


T = TypeVar("T")


def _course(values: Sequence[T], points: int = 10) -> list[T]:
    """``points`` values evenly spread over the run (the first and the last included)."""
    if len(values) <= points:
        return list(values)
    return [values[round(k * (len(values) - 1) / (points - 1))] for k in range(points)]


def memory_course(sampler: Sampler, warmup_seconds: float) -> dict[str, Any]:
    """Memory over the warm part of a run, sampled every few seconds: the driver's unique
    size (USS: its private pages, which no other process counts), the largest actor's,
    the driver's and actors' private pages together, the sum of their proportional sizes
    (PSS: a page shared by n processes counts 1/n, so the memory-mapped gazetteer and Ray's
    object store count once in all) and the file-backed part of it, and the old sum of
    resident sizes; ten points spread over the run, and the first and last fifth's means."""
    warm = [u for u in sampler.uniques if u[0] > warmup_seconds and u[2]]
    rss_warm = [s for s in sampler.samples if s[0] > warmup_seconds and s[2]]
    series = {
        "driver_uss": [u[1][0] for u in warm],
        "actor_uss_max": [max(a[0] for a in u[2]) for u in warm],
        "uss_total": [u[1][0] + sum(a[0] for a in u[2]) for u in warm],
        "pss_total": [u[1][1] + sum(a[1] for a in u[2]) for u in warm],
        "pss_file_total": [u[1][2] + sum(a[2] for a in u[2]) for u in warm],
    }
    fifth = max(1, len(warm) // 5)
    out: dict[str, Any] = {"samples": len(warm), "seconds": [round(u[0]) for u in _course(warm)]}
    for name, values in series.items():
        out[f"{name}_mb"] = _mb(_course(values))
        out[f"{name}_first_last_fifth_mb"] = (
            _mb([sum(values[:fifth]) // fifth, sum(values[-fifth:]) // fifth]) if values else []
        )
    out["rss_total_mb"] = _mb(_course([s[1] + sum(s[2]) for s in rss_warm]))
    return out


def big(count: int, work: Path) -> dict[str, Any]:
    docs = write_docs(work / "big.jsonl", count, short=True, seed=9)
    stats, sampler = run_inprocess([str(docs)], work / "big.sqlite", 2, unique=True)
    return {
        "documents": stats.documents, "errors": len(stats.errors),
        "seconds": round(stats.seconds, 1), "warmup_seconds": round(stats.warmup_seconds, 1),
        "documents_per_second": steady_rate(stats),
        "memory": memory_course(sampler, stats.warmup_seconds),
    }  # fmt: skip


def stored(db: Path) -> tuple[set[str], set[tuple[Any, ...]]]:
    with sqlite3.connect(db) as conn:
        docs = {r[0] for r in conn.execute("SELECT id FROM documents")}
        events = set(conn.execute(
            "SELECT event_id, document_id, sub_event_type, event_date, location, actor1 FROM events"))  # fmt: skip
    return docs, events


def count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def kill_and_rerun(docs: Path, total: int, reference: Path, work: Path) -> dict[str, Any]:
    db = work / "killed.sqlite"
    cmd = [
        sys.executable,
        "-m",
        "frontlines",
        "batch",
        str(docs),
        "--db",
        str(db),
        "--workers",
        "2",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with (work / "killed.err").open("w") as err:
        proc = subprocess.Popen(cmd, env=env, start_new_session=True, stderr=err)
        while proc.poll() is None and count(db) < total // 3:
            time.sleep(0.5)
        at_kill = count(db)
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if not killed:
        tail = (work / "killed.err").read_text(encoding="utf-8").strip().splitlines()[-3:]
        return {"error": "the run ended before it could be killed", "stderr": tail}
    time.sleep(3)
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    return {
        "documents_at_kill": at_kill, "rerun_exit": rerun.returncode,
        "rerun_summary": rerun.stderr.strip().splitlines()[-1] if rerun.stderr.strip() else "",
        "equal_to_uninterrupted": stored(db) == stored(reference),
    }  # fmt: skip


def _part(figures: dict[str, Any]) -> dict[str, Any]:
    """Each part's figures on stderr as soon as they are known."""
    print(json.dumps(figures), file=sys.stderr, flush=True)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--only", default="speedup,big,kill", help="comma-separated parts to run")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    parts = set(args.only.split(","))
    result: dict[str, Any] = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="frontlines-batch-") as tmp:
        work = Path(tmp)
        docs = write_docs(work / "docs.jsonl", args.docs)
        if "speedup" in parts:
            result["speedup"] = _part(speedup(docs, work))
        if "big" in parts:
            result["big"] = _part(big(args.big, work))
        if "kill" in parts:
            if not (work / "w2.sqlite").exists():
                run_inprocess([str(docs)], work / "w2.sqlite", 2)
            result["kill"] = _part(kill_and_rerun(docs, args.docs, work / "w2.sqlite", work))
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
