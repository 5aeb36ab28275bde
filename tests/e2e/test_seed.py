"""The seed page, end to end through `frontlines extract --json` (the backbone's golden test)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES

SEED = SAMPLES / "syria_desert_operation.txt"
MAYADIN = (35.02, 40.45)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed(gazetteer_file: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "frontlines", "extract", str(SEED), "--published", "2018-05-14", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout))


def test_document_and_furniture(seed: dict[str, Any]) -> None:
    doc = seed["document"]
    assert (
        doc["title"]
        == "Syrian Forces Develop Security Operation Against ISIS Cells In Homs-Deir Ezzor Desert"
    )
    assert doc["published"] == "2018-05-14"
    assert "2,350 $" not in doc["text"] and "924 $" not in doc["text"]
    assert "Consider helping us" not in doc["text"]
    assert "Click to see the full-size map" not in doc["text"]
    assert "Al Hasyan" in doc["text"]
    assert any("helping us" in f for f in doc["furniture"])


def test_comment_thread(seed: dict[str, Any]) -> None:
    comments = seed["comments"]
    assert len(comments) == 13
    replies = [c for c in comments if c["parent"] is not None]
    assert len(replies) == 2
    assert all(c["depth"] == 1 for c in replies)
    assert sum(c["author"] == "Rob" for c in comments) == 7
    ids = {c["id"] for c in comments}
    assert all(c["id"] for c in comments) and all(r["parent"] in ids for r in replies)


def _events(seed: dict[str, Any], sub: str) -> list[dict[str, Any]]:
    return [
        e for e in seed["events"] if e["sub_event_type"] == sub and e["source_part"] == "article"
    ]


def test_government_regains_territory_near_mayadin(seed: dict[str, Any]) -> None:
    grt = _events(seed, "Government regains territory")
    near = [
        e for e in grt
        if e["latitude"] is not None and km((e["latitude"], e["longitude"]), MAYADIN) <= 25
    ]  # fmt: skip
    assert near, seed["events"]
    event = near[0]
    assert event["event_type"] == "Battles"
    assert event["actor1"] == "Military Forces of Syria (2000-)"
    assert event["actor2"] == "Islamic State (Syria)"
    assert event["credibility"] in ("high", "medium")
    assert event["evidence"]["text"] in seed["document"]["text"]
    start, end = event["evidence"]["start"], event["evidence"]["end"]
    assert seed["document"]["text"][start:end] == event["evidence"]["text"]


def test_al_hasyan_event(seed: dict[str, Any]) -> None:
    assert any(
        "Hasyan" in e["location"] or "Hasyan" in e["evidence"]["text"]
        for e in _events(seed, "Government regains territory")
    )


def test_desert_operation_event(seed: dict[str, Any]) -> None:
    desert = [
        e for e in seed["events"] if e["source_part"] == "article" and e["geo_precision"] == 3
    ]
    assert any("security operation" in e["evidence"]["text"] for e in desert), seed["events"]


def test_no_event_from_threats_plans_or_hypotheticals(seed: dict[str, Any]) -> None:
    for event in seed["events"]:
        text = event["evidence"]["text"]
        assert "direct threat" not in text
        assert "As soon as" not in text
        assert "easy peasy" not in text and "If they attack" not in text
        if event["source_part"] == "comment":
            assert event["credibility"] == "low"


def test_places(seed: dict[str, Any]) -> None:
    places = seed["places"]
    expected = {
        "Homs": (34.73, 36.71), "Deir Ezzor": (35.34, 40.14), "al-Mayadin": (35.02, 40.45),
        "Palmyra": (34.56, 38.28), "Al Bukamal": (34.45, 40.92), "Al Sukhnah": (34.89, 38.87),
        "Idlib": (35.93, 36.63), "Humaymah": (34.44, 39.76), "T-2": (34.38, 40.15),
    }  # fmt: skip
    for name, where in expected.items():
        found = [p for p in places if p["name"] == name and p["lat"] is not None]
        assert found, f"{name} not found in {[p['name'] for p in places]}"
        assert all(km((p["lat"], p["lon"]), where) <= 25 for p in found), (name, found)
    assert any("Hasyan" in p["name"] for p in places)
    assert not any(p["name"] == "May" for p in places)
    hyp = [p for p in places if p["source_part"] == "comment" and "Humaymah" in p["name"]]
    assert hyp and hyp[0]["comment_id"]
