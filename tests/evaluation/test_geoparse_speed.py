"""The speed benchmark's counting logic, with stub runners and a fake clock."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_benchmark

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "geoparse_speed.py"
DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "geoparse"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("geoparse_speed")


class FakeClock:
    """Each runner advances time by a set number of seconds per text."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def runner(self, per_text: float) -> object:
        def run(texts: Sequence[str]) -> object:
            self.now += per_text * len(texts)
            return None

        return run


def test_compare_counts_words_and_ratio(bench: ModuleType) -> None:
    clock = FakeClock()
    texts = ["one two three", "four  five\nsix seven", ""]
    result = bench.compare(texts, clock.runner(2.0), clock.runner(0.5), clock=clock)
    assert result["words"] == 7 and result["texts"] == 3
    assert result["frontlines_seconds"] == 6.0 and result["spacy_seconds"] == 1.5
    assert result["frontlines_words_per_second"] == pytest.approx(7 / 6, abs=0.1)
    assert result["spacy_words_per_second"] == pytest.approx(7 / 1.5, abs=0.1)
    assert result["ratio"] == 0.25


def test_compare_warms_up_each_runner_once(bench: ModuleType) -> None:
    calls: list[int] = []

    def run(texts: Sequence[str]) -> object:
        calls.append(len(texts))
        return None

    bench.compare(["a b", "c"], run, run)
    assert calls == [1, 1, 2, 2]


def test_zero_time_gives_no_throughput(bench: ModuleType) -> None:
    result = bench.compare(["a"], lambda t: None, lambda t: None, clock=lambda: 1.0)
    assert result["frontlines_words_per_second"] is None and result["ratio"] is None


def test_load_texts_reads_articles(bench: ModuleType) -> None:
    texts = bench.load_texts(DATA / "b.xml")
    assert len(texts) == 2 and texts[0].startswith("Rock & roll")
    first = bench.load_texts(DATA / "a.xml", limit=1)
    assert len(first) == 1 and first[0].startswith("A Turkish officer")
