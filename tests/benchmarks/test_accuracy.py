"""benchmarks/accuracy.py: which sections run, how they are stored and printed.

Nothing here runs an evaluation; the gate itself is tests/test_accuracy_gate.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_benchmark


def _bench() -> Any:
    return load_benchmark("accuracy")


bench = _bench()


def test_sections_cover_the_three_event_development_sets() -> None:
    names = bench.sections()
    assert {"events/acled_dev", "events/acled_syria_iraq_dev", "snippets/case2021_dev"} <= set(
        names
    )
    assert not any(n.startswith("baseline/") for n in names)


def test_only_takes_names_and_prefixes_and_refuses_unknown_ones() -> None:
    assert bench.select(["snippets/"]) == ["snippets/case2021_dev"]
    assert bench.select(["events/acled_syria_iraq_dev", "geoparse/TR-News/"]) == [
        "geoparse/TR-News/resolve",
        "geoparse/TR-News/end-to-end",
        "events/acled_syria_iraq_dev",
    ]
    with pytest.raises(SystemExit, match="no section events/nowhere"):
        bench.select(["events/nowhere"])
    assert bench.select(["events/acled_dev"]) == ["events/acled_dev"]  # not _stripped too
    with pytest.raises(SystemExit, match="no section geoparse/TR"):
        bench.select(["geoparse/TR"])  # a prefix ends at a "/"


def test_no_event_is_gated_as_lower_is_better() -> None:
    assert bench.GATED[("events/acled_syria_iraq_dev", "no_event")] is False
    assert bench.GATED[("snippets/case2021_dev", "weighted_f1")] is True
    assert not any(section.startswith("baseline/") for section, _ in bench.GATED)


def test_parallel_groups_give_each_long_run_its_own_process() -> None:
    groups = bench._groups(bench.sections())
    assert groups[0] == ["events/acled_dev"] and groups[1] == ["events/acled_dev_stripped"]
    assert sorted(s for g in groups for s in g) == sorted(bench.sections())
    assert bench._groups(["snippets/case2021_dev"]) == [["snippets/case2021_dev"]]


def test_write_replaces_only_the_measured_sections_unless_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = tmp_path / "figures.json"
    figures.write_text(json.dumps({"events/a": {"x": 1}, "events/b": {"x": 2}}))
    monkeypatch.setattr(bench, "FIGURES", figures)
    bench.write({"events/b": {"x": 3}}, full=False)
    assert json.loads(figures.read_text()) == {"events/a": {"x": 1}, "events/b": {"x": 3}}
    bench.write({"events/c": {"x": 4}}, full=True)
    assert json.loads(figures.read_text()) == {"events/c": {"x": 4}}


def test_table_prints_one_table_per_development_set() -> None:
    events = {"rows": 10, **{k: 0.5 for k in bench.EVENT_KEYS}}
    figures = {
        "events/acled_dev": events,
        "events/acled_dev_stripped": events,
        "events/acled_syria_iraq_dev": {**events, "actor1_accuracy_loose": None},
        "snippets/case2021_dev": {"rows": 5, "weighted_f1": 0.25},
    }
    text = bench.table(figures)
    assert text.count("| metric |") == 3
    assert "| weighted_f1 | 0.250 |" in text and "| actor1_accuracy_loose | - |" in text
    assert "acled_syria_iraq_dev.csv --json" in text


def test_stored_figures_hold_every_section_the_gate_watches() -> None:
    stored = json.loads(bench.FIGURES.read_text(encoding="utf-8"))
    assert all(key in stored.get(section, {}) for section, key in bench.GATED)
