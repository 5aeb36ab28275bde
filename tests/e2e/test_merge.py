"""The same clash reported by two pages becomes one exported event with two sources."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

PAGE_A = """SDF And ISIS Clash In Hajin

On Monday, the Syrian Democratic Forces (SDF) clashed with ISIS militants in the town of Hajin in the Deir ez-Zor countryside.
"""
PAGE_B = """Fighting Near The Euphrates

Fighters of the Syrian Democratic Forces (SDF) and ISIS militants clashed on Monday in the town of Hajin, local sources said.
"""


def test_two_pages_one_event_two_sources(app: Any, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(PAGE_A, encoding="utf-8")
    b.write_text(PAGE_B, encoding="utf-8")
    db = tmp_path / "merge.sqlite"
    report = app.ingest([a, b], db=db, published=dt.date(2018, 11, 21))
    assert report.ok, [i.error for i in report.items]
    raw = app.events(db=db)
    clashes = [e for e in raw if e.sub_event_type == "Armed clash"]
    assert len({e.document_id for e in clashes}) == 2, [e.to_dict() for e in raw]

    out = tmp_path / "events.geojson"
    app.export("geojson", out, db=db)
    features = json.loads(out.read_text())["features"]
    merged = [f for f in features if f["properties"]["sub_event_type"] == "Armed clash"]
    assert len(merged) == 1
    assert len(merged[0]["properties"]["sources"]) == 2
