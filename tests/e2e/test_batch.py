"""A batch of good and bad inputs: one clear error per bad input, the good ones stored once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontlines", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    files = {
        "empty": d / "empty.html",
        "binary": d / "binary.txt",
        "misencoded": d / "misencoded.txt",
        "huge": d / "huge.html",
        "broken": d / "broken.html",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["misencoded"].write_bytes("Clashes in Homs. ".encode("utf-16-le") * 50)
    with files["huge"].open("wb") as fp:
        fp.write(b"<html><body><p>" + b"x" * (20 * 1024 * 1024) + b"</p></body></html>")
    files["broken"].write_bytes(
        b"<html><head><title></title></head><body><div><script>var a=1;</script></div>"
    )
    return files


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


def test_batch_reports_each_bad_input_and_stores_the_good(
    bad_inputs: dict[str, Path], tmp_path: Path, gazetteer_file: Path
) -> None:
    good = sorted(str(p) for p in SAMPLES.glob("*.html"))
    assert good, "no bundled sample pages"
    db = tmp_path / "batch.sqlite"
    inputs = [*good[:1], *(str(p) for p in bad_inputs.values()), *good[1:]]
    started = time.monotonic()
    first = _run("ingest", *inputs, "--db", str(db))
    elapsed = time.monotonic() - started
    assert first.returncode == 1, first.stderr
    errors = [line for line in first.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad_inputs), first.stderr
    for path in bad_inputs.values():
        assert sum(str(path) in line for line in errors) == 1, (path, errors)
    assert any("size" in line.lower() or "cap" in line.lower() for line in errors if "huge" in line)
    assert elapsed < 120, f"batch took {elapsed:.0f} s"
    docs, events = _count(db, "documents"), _count(db, "events")
    assert docs == len(good) and events > 0

    again = _run("ingest", *inputs, "--db", str(db))
    assert again.returncode == 1
    assert (_count(db, "documents"), _count(db, "events")) == (docs, events)


def test_good_batch_exits_zero_and_exports(tmp_path: Path, gazetteer_file: Path) -> None:
    db = tmp_path / "good.sqlite"
    result = _run("ingest", *map(str, SAMPLES.glob("*.html")), "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "events.geojson"
    assert _run("export", "--format", "geojson", "--db", str(db), "-o", str(out)).returncode == 0
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and data["features"]
    csv_out = tmp_path / "events.csv"
    assert (
        _run("export", "--format", "acled-csv", "--db", str(db), "-o", str(csv_out)).returncode == 0
    )
    header = csv_out.read_text().splitlines()[0].split(",")
    assert header[:5] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type"]
