"""The near-duplicate benchmark's fixture and scoring (a small run)."""

from __future__ import annotations

from tests.conftest import load_benchmark


def test_small_run_finds_copies_and_keeps_distinct_apart() -> None:
    bench = load_benchmark("near_duplicates")
    from frontlines.events import find_copies

    fixture = bench.build_fixture(80, 3)
    result = bench.score(fixture, find_copies(fixture["docs"]))
    assert result["distinct"] == 80 and result["copies"] > 40
    assert result["copies_found"] >= 0.9
    assert result["distinct_merged"] <= 0.02


def test_score_counts_a_missed_copy_and_a_false_merge() -> None:
    bench = load_benchmark("near_duplicates")
    fixture = {"docs": [("a", ""), ("b", ""), ("a1", "")], "truth": {"a1": "a"},
               "kinds": {"a1": ["edits"]}}  # fmt: skip
    result = bench.score(fixture, {"b": "a"})
    assert result["copies_found"] == 0.0
    assert result["distinct_merged"] == 1.0
