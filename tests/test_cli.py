"""The command-line contract: one JSON object on stdout, errors on stderr, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLES

PLACE_KEYS = {"name", "resolved_name", "source_part", "comment_id", "start", "end", "lat", "lon",
              "geonameid", "feature", "country", "precision"}  # fmt: skip
EVENT_KEYS = {"event_date", "time_precision", "event_type", "sub_event_type", "actor1",
              "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude", "longitude",
              "geo_precision", "fatalities", "notes", "evidence", "source_part", "comment_id",
              "credibility"}  # fmt: skip


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontlines", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, check=False)  # fmt: skip


def test_extract_json_contract(gazetteer_file: Path) -> None:
    proc = run("extract", str(SAMPLES / "sdf_hajin_wordpress.html"), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"title", "published", "text", "furniture"} <= set(data["document"])
    assert data["document"]["published"] == "2018-12-15"
    comments = data["comments"]
    assert comments and all(
        c["id"] and {"author", "parent", "depth", "text"} <= set(c) for c in comments
    )
    top = [c for c in comments if c["parent"] is None]
    assert all(c["depth"] == 0 for c in top) and max(c["depth"] for c in comments) == 2
    assert data["places"] and all(set(p) >= PLACE_KEYS for p in data["places"])
    assert data["events"] and all(set(e) >= EVENT_KEYS for e in data["events"])
    for place in data["places"]:
        part = data["document"]["text"] if place["source_part"] == "article" else next(
            c["text"] for c in comments if c["id"] == place["comment_id"])  # fmt: skip
        assert part[place["start"] : place["end"]] == place["name"]
    for event in data["events"]:
        if event["source_part"] == "comment":
            assert event["credibility"] == "low"


def test_missing_file_is_one_error_line_and_status_1() -> None:
    proc = run("extract", "no/such/page.html", "--json")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "no/such/page.html" in proc.stderr and proc.stderr.startswith("error:")


def test_usage_error_is_status_2() -> None:
    assert run("export", "--format", "xlsx").returncode == 2


def test_unknown_publication_date_is_a_warning_not_a_failure(
    tmp_path: Path, gazetteer_file: Path
) -> None:
    page = tmp_path / "undated.txt"
    page.write_text("Clashes Near Hajin\n\nSDF fighters clashed with ISIS militants in Hajin.\n")
    proc = run("extract", str(page), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "--published" in proc.stderr
    events = json.loads(proc.stdout)["events"]
    assert events and all(e["event_date"] == "" and e["time_precision"] == 3 for e in events)
