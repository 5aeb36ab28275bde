"""The accuracy gate: no gated figure may be more than one point worse than benchmarks/figures.json.

It covers the geoparsing corpora and the three event development sets (ACLED outside Syria
and Iraq, with and without coders' remarks; ACLED in Syria and Iraq; the news snippets).
The sections run in two processes at once where two cores are free (the two ACLED runs over
8,472 notes take most of the time). Update the stored figures deliberately with
``python benchmarks/accuracy.py --write`` (or ``--only SECTION --write``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_benchmark

TOLERANCE = 0.01


def _bench() -> Any:
    return load_benchmark("accuracy")


def regressions(
    gated: dict[tuple[str, str], bool],
    stored: dict[str, dict[str, Any]],
    measured: dict[str, dict[str, Any]],
) -> list[str]:
    """The gated figures more than ``TOLERANCE`` worse than stored (one-sided)."""
    drops = []
    for (section, key), higher_is_better in gated.items():
        was, now = stored[section][key], measured[section][key]
        worse = was - now if higher_is_better else now - was
        if worse > TOLERANCE:
            drops.append(f"{section} {key}: {was:.3f} -> {now:.3f}")
    return drops


@pytest.fixture(scope="module")
def measured(gazetteer_file: Path) -> dict[str, dict[str, Any]]:
    bench = _bench()
    if not (bench.SHARED / "eval").exists():
        pytest.skip(f"needs {bench.SHARED / 'eval'} (the shared/ folder beside the project)")
    sections = sorted({section for section, _ in bench.GATED})
    return dict(bench.measure(only=sections, jobs=min(2, os.cpu_count() or 1)))


def test_every_development_set_is_gated() -> None:
    gated = {section for section, _ in _bench().GATED}
    for section in ("events/acled_dev", "events/acled_dev_stripped",
                    "events/acled_syria_iraq_dev", "snippets/case2021_dev",
                    "precision/web_pages", "precision/bbc_nonpolitical_dev",
                    "geoparse/GeoWebNews/resolve", "geoparse/TR-News/end-to-end"):  # fmt: skip
        assert section in gated


def test_every_gated_figure_is_stored() -> None:
    bench = _bench()
    stored = json.loads(bench.FIGURES.read_text(encoding="utf-8"))
    missing = [f"{s} {k}" for s, k in bench.GATED if k not in stored.get(s, {})]
    assert not missing, "run benchmarks/accuracy.py --write for: " + ", ".join(missing)


def test_the_gate_is_one_sided_with_a_one_point_tolerance() -> None:
    gated = {("events/x", "event_type_accuracy"): True, ("events/x", "no_event"): False}
    stored = {"events/x": {"event_type_accuracy": 0.900, "no_event": 0.050}}
    better = {"events/x": {"event_type_accuracy": 0.990, "no_event": 0.001}}
    within = {"events/x": {"event_type_accuracy": 0.891, "no_event": 0.059}}
    worse = {"events/x": {"event_type_accuracy": 0.888, "no_event": 0.062}}
    assert regressions(gated, stored, better) == []
    assert regressions(gated, stored, within) == []
    assert len(regressions(gated, stored, worse)) == 2


@pytest.mark.shared
@pytest.mark.slow
def test_no_gated_figure_regresses(measured: dict[str, dict[str, Any]]) -> None:
    bench = _bench()
    stored = json.loads(bench.FIGURES.read_text(encoding="utf-8"))
    drops = regressions(bench.GATED, stored, measured)
    assert not drops, "accuracy regressed:\n" + "\n".join(drops)
