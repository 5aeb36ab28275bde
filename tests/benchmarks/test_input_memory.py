"""The per-input memory benchmark: its inputs, and one measured run at a tiny size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_benchmark

input_memory: Any = load_benchmark("input_memory")


def test_towns_text_is_town_names_and_full_stops() -> None:
    case = input_memory.towns_text(size=3000)
    text = case.data.decode()
    assert case.name.endswith(".txt") and 3000 <= len(text) < 3020
    names = {s.strip() for s in text.split(".") if s.strip()}
    assert names <= set(input_memory.adv._TOWNS) and len(names) > 3


def test_a_replay_is_that_slice_of_the_adversarial_corpus() -> None:
    slice_ = input_memory.replayed("3:5-9")
    assert [c.data for c in slice_] == [c.data for c in input_memory.adv.cases(9, seed=3)][5:]


def test_each_input_alone_follows_one_good_page() -> None:
    runs = input_memory.alone(["mixed", "deep"], 0.01, 2, towns=True)
    assert sorted(runs) == ["deep-0.html", "deep-1.html", "mixed-0.html", "mixed-1.html",
                            "towns-0.txt"]  # fmt: skip
    assert all(len(cases) == 2 and cases[0].good for cases in runs.values())
    assert runs["mixed-1.html"][1].data == input_memory.alone(["mixed"], 0.01, 2, False)[
        "mixed-1.html"][1].data  # fmt: skip


@pytest.mark.slow
def test_a_measured_run_reports_each_inputs_memory(gazetteer_file: Path, tmp_path: Path) -> None:
    from frontlines import Frontlines, Settings

    app = Frontlines(Settings.from_env(db=str(tmp_path / "m.sqlite")), isolate=True)
    cases = input_memory.alone(["mixed"], 0.01, 1, towns=False)["mixed-0.html"]
    rows = input_memory.measure(app, cases, tmp_path)
    assert [r["input"] for r in rows] == ["good-0.html", "mixed-0.html"]
    assert [r["status"] for r in rows] == ["ok", "ok"]
    assert all(r["added_mb"] >= 0 and r["ratio"] >= 0 for r in rows)


def test_process_memory_reads_this_process_sizes() -> None:
    import os

    sizes = input_memory.process_memory(os.getpid())
    assert sizes["rss_mb"] >= sizes["pss_mb"] > 0 and 0 < sizes["private_mb"] <= sizes["rss_mb"]
