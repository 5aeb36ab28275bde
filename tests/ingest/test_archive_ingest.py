"""Archives go through ``ingest`` like any page: every record stored once, with events."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines import Frontlines, Settings

from .archive_fixtures import ARTICLES, write_jsonl, write_telegram, write_warc


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    warc, dump, export = (
        tmp_path / "crawl.warc.gz",
        tmp_path / "dump.jsonl",
        tmp_path / "result.json",
    )
    write_warc(warc)
    write_jsonl(dump)
    write_telegram(export)
    return [warc, dump, export]


def test_ingest_takes_warc_jsonl_and_telegram(
    gazetteer_file: Path, inputs: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "store.sqlite"
    app = Frontlines(Settings(gazetteer_path=gazetteer_file, db=str(db)))
    report = app.ingest(inputs)
    assert report.ok, report.failed
    counts = [item.documents for item in report.items]
    assert counts == [len(ARTICLES), len(ARTICLES), 2]
    with app.open_store() as store:
        events = store.events()
        kinds = {d.kind for d in store.documents()}
    assert kinds == {"html", "telegram"}
    # the dump repeats the crawl's articles: the same content, so no new documents
    assert [item.documents_new for item in report.items] == [len(ARTICLES), 0, 2]
    assert any(e.source_url == "https://wire.example/news/0" for e in events)
    assert any(e.source == "Euphrates Observer" for e in events)
    again = app.ingest(inputs)
    assert sum(i.documents_new for i in again.items) == 0
