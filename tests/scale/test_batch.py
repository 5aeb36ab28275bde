"""``batch`` on a local Ray stores exactly what ``ingest`` stores for the same inputs."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from frontlines import Frontlines, Settings
from frontlines.errors import ConfigError
from frontlines.scale import open_sink, ray_available, run_batch
from frontlines.scale.runner import INSTALL_HINT
from frontlines.store import open_store
from tests.conftest import load_benchmark
from tests.ingest.archive_fixtures import write_telegram, write_warc

needs_ray = pytest.mark.skipif(
    not ray_available(), reason="needs Ray: pip install 'frontlines[scale]' (or 'ray[data]')"
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("batch")
    write_warc(d / "crawl.warc.gz")
    write_telegram(d / "result.json")
    bench = load_benchmark("near_duplicates")
    rng = random.Random(7)
    lines = [json.dumps({"url": f"https://dump.example/{n}", "title": f"Report {n}",
                         "text": bench.article(rng), "published": "2018-05-20"})
             for n in range(24)]  # fmt: skip
    (d / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "page.txt").write_text("Clashes near Hajin\n\nOn Monday, the SDF clashed with "
                                "ISIS fighters near Hajin, a source said.\n", encoding="utf-8")  # fmt: skip
    return [str(d / n) for n in ("crawl.warc.gz", "result.json", "dump.jsonl", "page.txt")]


def _content(db: Path) -> tuple[set[str], dict[str, dict[str, Any]]]:
    with open_store(str(db)) as store:
        docs = {d.id for d in store.documents()}
        events = {e.event_id: e.to_dict() for e in store.events()}
    return docs, events


@needs_ray
@pytest.mark.slow
def test_batch_store_equals_ingest_store(
    gazetteer_file: Path, inputs: list[str], tmp_path: Path
) -> None:
    settings = Settings(gazetteer_path=gazetteer_file)
    ingested, batched = tmp_path / "ingest.sqlite", tmp_path / "batch.sqlite"
    assert Frontlines(settings).ingest(inputs, db=ingested).ok
    sink = open_sink(str(batched), None)
    try:
        stats = run_batch(inputs, sink, settings=settings, workers=2)
    finally:
        sink.close()
    assert stats.errors == []
    docs, events = _content(batched)
    assert len(docs) >= 30 and events
    assert (docs, events) == _content(ingested)
    again = open_sink(str(batched), None)
    try:
        rerun = run_batch(inputs, again, settings=settings, workers=1)
    finally:
        again.close()
    assert rerun.documents == 0 and rerun.skipped == stats.documents + stats.skipped
    assert _content(batched) == (docs, events)


@needs_ray
@pytest.mark.slow
def test_batch_to_geoparquet_parts(gazetteer_file: Path, inputs: list[str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    settings = Settings(gazetteer_path=gazetteer_file)
    out = tmp_path / "out"
    sink = open_sink(None, out)
    stats = run_batch(inputs[:2], sink, settings=settings, workers=1)
    events = pq.read_table(out / "events").num_rows
    assert events == stats.events_added > 0
    assert json.loads(pq.read_schema(next((out / "events").glob("*.parquet"))).metadata[b"geo"])
    assert open_sink(None, out).done() == {a for a in _ids(out)}


def _ids(out: Path) -> list[str]:
    import pyarrow.parquet as pq

    return [str(v) for v in pq.read_table(out / "documents").column("id").to_pylist()]


def test_batch_without_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import frontlines.scale.runner as runner

    monkeypatch.setattr(runner, "ray_available", lambda: False)
    with pytest.raises(ConfigError, match=r"pip install 'frontlines\[scale\]'"):
        run_batch(["x"], open_sink(":memory:", None), settings=Settings())
    assert "frontlines ingest" in INSTALL_HINT
