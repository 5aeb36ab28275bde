"""Fixtures shared by the whole suite.

The gazetteer index is built once per checkout into ``.cache/`` (gitignored) and reused;
``FRONTLINES_GAZETTEER`` points at an existing index instead.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from .browser import chromium  # noqa: F401  (the session's one browser, for every folder)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "frontlines" / "data" / "samples"


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` imported as a module (registered under its name, so
    that its dataclasses can look their module up)."""
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        pytest.fail(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared/ folder beside the project); it is absent")
    return path


@pytest.fixture(scope="session")
def gazetteer_file() -> Iterator[Path]:
    """A built gazetteer index, exported as FRONTLINES_GAZETTEER for CLI subprocesses."""
    from frontlines import Settings
    from frontlines.geo import open_gazetteer

    env = os.environ.get("FRONTLINES_GAZETTEER")
    path = Path(env) if env else ROOT / ".cache" / "gazetteer-test.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    open_gazetteer(Settings(gazetteer_path=path))  # builds it, or rebuilds a stale one
    old = os.environ.get("FRONTLINES_GAZETTEER")
    os.environ["FRONTLINES_GAZETTEER"] = str(path)
    yield path
    if old is None:
        os.environ.pop("FRONTLINES_GAZETTEER", None)


@pytest.fixture(scope="session")
def app(gazetteer_file: Path) -> object:
    """One Frontlines facade for the session (the spaCy model loads once)."""
    from frontlines import Frontlines, Settings

    return Frontlines(Settings.from_env(gazetteer_path=gazetteer_file))
