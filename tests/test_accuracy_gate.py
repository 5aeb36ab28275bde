"""The accuracy gate: figures may not drop more than one point below benchmarks/figures.json.

Update the stored figures deliberately with ``python benchmarks/accuracy.py --write``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, shared_path

TOLERANCE = 0.01


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured(gazetteer_file: Path) -> dict[str, dict[str, Any]]:
    shared_path("eval")
    return dict(_bench().measure())


@pytest.mark.shared
@pytest.mark.slow
def test_no_gated_figure_regresses(measured: dict[str, dict[str, Any]]) -> None:
    bench = _bench()
    stored = json.loads(bench.FIGURES.read_text(encoding="utf-8"))
    drops = []
    for (section, key), higher_is_better in bench.GATED.items():
        was, now = stored[section][key], measured[section][key]
        worse = was - now if higher_is_better else now - was
        if worse > TOLERANCE:
            drops.append(f"{section} {key}: {was:.3f} -> {now:.3f}")
    assert not drops, "accuracy regressed:\n" + "\n".join(drops)
