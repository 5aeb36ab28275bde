"""The scale benchmark's generated documents and its helpers (no Ray run here)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import load_benchmark


def test_generated_documents_are_distinct_json_lines(tmp_path: Path) -> None:
    bench = load_benchmark("batch_scale")
    path = bench.write_docs(tmp_path / "docs.jsonl", 30, short=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30 and len({r["url"] for r in rows}) == 30
    assert all(r["text"] and r["published"] for r in rows)


def test_memory_of_this_process_is_read(tmp_path: Path) -> None:
    bench = load_benchmark("batch_scale")
    assert bench.rss(os.getpid()) > 1_000_000
    assert bench.rss(-1) == 0
    assert bench.count(tmp_path / "missing.sqlite") == 0


def test_pipeline_speed_benchmark_loads() -> None:
    bench = load_benchmark("pipeline_speed")
    bench.clear_caches()  # the caches it clears between rounds exist
    assert bench.BATCH > 0
