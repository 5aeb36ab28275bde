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


def test_unique_memory_is_private_and_below_resident() -> None:
    bench = load_benchmark("batch_scale")
    uss, pss, pss_file = bench.unique(os.getpid())
    assert 1_000_000 < uss <= pss <= bench.rss(os.getpid()) + 4096
    assert 0 < pss_file < pss
    assert bench.unique(-1) == (0, 0, 0)


def test_memory_course_reads_the_warm_part_only() -> None:
    bench = load_benchmark("batch_scale")
    sampler = bench.Sampler(unique=True)
    mb = 1_000_000
    sampler.uniques = [
        (float(t), (100 * mb, 150 * mb, 50 * mb), [(t * mb, 2 * t * mb, 5 * mb)])
        for t in range(1, 21)
    ]
    sampler.samples = [(float(t), 300 * mb, [400 * mb]) for t in range(1, 21)]
    course = bench.memory_course(sampler, warmup_seconds=10.0)
    assert course["samples"] == 10 and course["seconds"][0] == 11
    assert course["driver_uss_mb"] == [100.0] * 10
    assert course["pss_total_mb"][0] == 150.0 + 22.0 and course["pss_total_mb"][-1] == 150.0 + 40.0
    assert course["actor_uss_max_first_last_fifth_mb"] == [11.5, 19.5]
    assert course["uss_total_first_last_fifth_mb"] == [111.5, 119.5]
    assert course["pss_file_total_mb"] == [55.0] * 10
    assert course["rss_total_mb"] == [700.0] * 10
