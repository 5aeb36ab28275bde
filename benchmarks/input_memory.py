"""Memory single generated inputs add to the worker that reads them (issue 14: < 20x).

    .venv/bin/python benchmarks/input_memory.py [--kinds mixed,deep] [--mb 1] [--variants 3]
        [--replay 14:100-200] [--towns] [--json]

Each input of ``adversarial.py``'s varied kinds (``--kinds``, ``--mb`` MB, variants 0 to
``--variants`` - 1, each seeded by its variant) runs alone in a fresh worker after one good
page, as the CLI reads it (``Frontlines(isolate=True)``); ``--towns`` adds a 0.9 MB text
file of town names and full stops (text dense in names, no markup). ``--replay
SEED:START-END`` reads that slice of ``adversarial.cases(seed=SEED)`` in one worker, as a
batch does, and reports its largest ratios among inputs of 0.9 MB or more and how many
times the worker was retired for a holed heap. Prints the memory added (MB, the worker's
private memory at its peak) and its ratio to the input's size, and at the end the fork
server's memory (resident, proportional, private: what it costs beside the caller).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import adversarial as adv  # noqa: E402

MB = 1_000_000


def towns_text(size: int = 900_000, seed: int = 1) -> Any:
    """Town names and full stops, ``size`` characters: every sentence a place."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(piece := rng.choice(adv._TOWNS) + ". ")
        total += len(piece)
    return adv.Case("towns-0.txt", "".join(parts).encode())


def alone(kinds: list[str], mb: float, variants: int, towns: bool) -> dict[str, list[Any]]:
    """Runs of a good page then one input, by the input's name."""
    good = adv.good_page(random.Random(0), 0)
    runs = {}
    for kind in kinds:
        for v in range(variants):
            case = adv.VARIED_KINDS[kind](random.Random(v), v, int(mb * MB))
            runs[case.name] = [good, case]
    if towns:
        runs["towns-0.txt"] = [good, towns_text()]
    return runs


def replayed(spec: str) -> list[Any]:
    """``SEED:START-END``: that slice of the adversarial corpus."""
    seed, span = spec.split(":")
    start, end = (int(x) for x in span.split("-"))
    return [c for i, c in enumerate(adv.cases(end, seed=int(seed))) if i >= start]


def measure(app: Any, cases: list[Any], folder: Path) -> list[dict[str, Any]]:
    """Each case read in turn by one isolated runner (a worker, retired as it decides)."""
    rows = []
    with app._runner(None) as run:
        for case in cases:
            path = folder / case.name
            path.write_bytes(case.data)
            outcome = run(str(path))
            path.unlink()
            rows.append({
                "input": case.name, "mb": round(len(case.data) / MB, 2), "status": outcome.status,
                "added_mb": round(outcome.peak_bytes / MB, 1),
                "ratio": round(outcome.peak_bytes / max(1, len(case.data)), 1),
                "retired": getattr(outcome, "worker_retired", False),  # older commits: none
            })  # fmt: skip
    return rows


def process_memory(pid: int) -> dict[str, float]:
    """A process's resident, proportional and private (unique) sizes, MB (Linux)."""
    kb: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                kb[parts[0].rstrip(":")] = int(parts[1])
    private = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return {"rss_mb": round(kb.get("Rss", 0) / 1000, 1), "pss_mb": round(kb.get("Pss", 0) / 1000, 1),
            "private_mb": round(private / 1000, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default=",".join(adv.VARIED_KINDS))
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--variants", type=int, default=3)
    parser.add_argument("--towns", action="store_true")
    parser.add_argument("--replay", action="append", default=[], metavar="SEED:START-END")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from frontlines import Frontlines, Settings

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        app = Frontlines(Settings.from_env(db=str(Path(tmp) / "memory.sqlite")), isolate=True)
        kinds = [k for k in args.kinds.split(",") if k]
        for name, cases in alone(kinds, args.mb, args.variants, args.towns).items():
            out[name] = measure(app, cases, Path(tmp))[-1]
        for spec in args.replay:
            rows = measure(app, replayed(spec), Path(tmp))
            big = sorted((r for r in rows if r["mb"] >= 0.9), key=lambda r: -r["ratio"])
            out[f"replay {spec}"] = {"largest": big[:5],
                                     "retired": sum(r["retired"] for r in rows)}  # fmt: skip
        server: Any = getattr(app, "_workers", None)  # older commits: no fork server
        if server is not None and server.pid:
            out["fork server"] = process_memory(server.pid)
    if args.json:
        print(json.dumps(out))
    else:
        for name, row in out.items():
            print(f"{name:28} {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
