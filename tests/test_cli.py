"""The command-line contract: one JSON object on stdout, errors on stderr, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


HOSTILE_HEAD = "<html><head>{head}<title>Clashes</title></head><body><article><p>"
HOSTILE_BODY = "Syrian troops clashed with ISIS fighters near Palmyra on Monday, killing five.</p>"


def _hostile_batch(tmp_path: Path) -> list[str]:
    pages = {
        "rot13.html": '<meta charset="rot13">',
        "base64.html": '<meta http-equiv="Content-Type" content="text/html; charset=base64">',
        "year1.html": '<meta property="article:published_time" content="0001-01-01">',
    }
    paths = []
    for name, head in pages.items():
        path = tmp_path / name
        path.write_text(HOSTILE_HEAD.format(head=head) + HOSTILE_BODY + "</article></body></html>")
        paths.append(str(path))
    feed = tmp_path / "feed.xml"
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
                    "<title>Item</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>"
                    f"<description>{HOSTILE_BODY[:-4]}</description></item></channel></rss>")  # fmt: skip
    good = tmp_path / "good.txt"
    good.write_text("Clashes Near Hajin\n\nSDF fighters clashed with ISIS militants in Hajin.\n")
    return [*paths, str(feed), str(good)]


def test_hostile_charsets_and_year_one_dates_end_nothing(
    tmp_path: Path, gazetteer_file: Path
) -> None:
    paths = _hostile_batch(tmp_path)
    db = str(tmp_path / "s.sqlite")
    proc = run("ingest", *paths, "--db", db, "--published", "0001-01-01")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "done: 5 ok, 0 failed" in proc.stderr
    assert "not a text encoding" in proc.stderr and "outside 1900" in proc.stderr


def test_a_failed_input_is_one_line_status_1_and_the_rest_is_stored(
    tmp_path: Path, gazetteer_file: Path
) -> None:
    paths = _hostile_batch(tmp_path)
    db = str(tmp_path / "s.sqlite")
    proc = run("ingest", paths[0], str(tmp_path / "missing.html"), *paths[1:], "--db", db)
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "missing.html" in errors[0] and "InputError" in errors[0]
    assert "done: 5 ok, 1 failed" in proc.stderr


def test_internal_error_is_status_3_with_one_line(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    from frontlines import cli
    from frontlines.api import Frontlines

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(Frontlines, "export", broken)
    assert cli.main(["export", "--format", "geojson", "--db", str(tmp_path / "s.sqlite")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("internal error: RuntimeError: a bug") and "errors.log" in err
    assert "Traceback" in (tmp_path / "frontlines" / "errors.log").read_text()
    assert cli.main(["--debug", "export", "--format", "geojson"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_a_bad_setting_is_a_usage_error() -> None:
    proc = run("report", "--area", "0,0,1,1", "--from", "2020-02-01", "--to", "2020-01-01",
               "-o", "/tmp/never")  # fmt: skip
    assert proc.returncode == 2 and "after" in proc.stderr
