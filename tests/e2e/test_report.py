"""The situation report for the seed's area and spring 2018 (issue: analyst's desk)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES


def test_seed_report_shows_events_and_sources(app: Any, tmp_path: Path) -> None:
    db = tmp_path / "seed.sqlite"
    seed = SAMPLES / "syria_desert_operation.txt"
    assert app.ingest([seed], db=db, published=dt.date(2018, 5, 14)).ok
    out = tmp_path / "report"
    paths = app.report("Syria", dt.date(2018, 3, 1), dt.date(2018, 5, 31), out, db=db)
    html = Path(paths.html).read_text(encoding="utf-8")
    assert paths.events >= 3
    assert "Government regains territory" in html
    assert "Al Hasyan" in html  # the evidence sentence is quoted
    assert "syria_desert_operation.txt" in html  # every source is listed
    png = Path(paths.png)
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (
        Path(paths.markdown).read_text(encoding="utf-8").count("Government regains territory") >= 1
    )


def test_report_for_an_empty_area_still_written(app: Any, tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    paths = app.report("0,0,1,1", dt.date(2018, 3, 1), dt.date(2018, 5, 31), tmp_path / "r", db=db)
    assert paths.events == 0 and Path(paths.png).exists() and Path(paths.html).exists()
