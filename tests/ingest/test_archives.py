"""WARC crawls, JSON Lines dumps and Telegram exports read into Documents."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import ConfigError, EmptyInputError, InputError
from frontlines.ingest import archive_kind, iter_documents, load
from frontlines.ingest.jsonl import JsonlFields
from frontlines.ingest.telegram import flatten_text

from .archive_fixtures import ARTICLES, telegram_export, write_jsonl, write_telegram, write_warc


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_one_document_per_html_response(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    uris = write_warc(path)
    docs = load(path)
    assert [d.source for d in docs] == uris  # images, redirects and requests passed over
    assert [d.url for d in docs] == uris
    assert docs[1].title == ARTICLES[1][0]
    assert "Saraqib" in docs[1].text and "Copyright" not in docs[1].text


def test_warc_date_dates_pages_without_their_own(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs = load(path)
    assert docs[0].published == dt.date(2018, 5, 13)  # the page's own metadata
    assert docs[1].published == dt.date(2018, 5, 15)  # the record's WARC-Date
    assert docs[1].published_from == "metadata"
    assert load(path, published=dt.date(2020, 1, 1))[1].published == dt.date(2020, 1, 1)


def test_warc_is_sniffed_by_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path)
    renamed = tmp_path / "crawl.bin"
    path.rename(renamed)
    assert archive_kind(renamed) == "warc"


def test_broken_warc_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nnonsense\r\n\r\n")
    with pytest.raises(InputError, match=r"broken\.warc"):
        load(path)


def test_jsonl_text_and_html_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    write_jsonl(path)
    docs = load(path)
    assert len(docs) == len(ARTICLES)
    assert docs[0].text == ARTICLES[0][1] and docs[0].kind == "jsonl"
    assert docs[1].title == ARTICLES[1][0] and "Home" not in docs[1].text
    assert [d.published for d in docs][:2] == [dt.date(2018, 6, 1), dt.date(2018, 6, 2)]
    assert docs[1].url == "https://dump.example/1" == docs[1].source
    assert any("line 3 skipped: " in w for w in docs[2].warnings)  # the broken line


def test_jsonl_field_names_are_configurable(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson.gz"
    plain = tmp_path / "plain.jsonl"
    write_jsonl(plain, keys={"text": "body", "published": "date", "url": "link"})
    path.write_bytes(gzip.compress(plain.read_bytes()))
    settings = Settings(jsonl_fields="text=body, published=date,url=link")
    docs = load(path, settings=settings)
    assert docs[0].text == ARTICLES[0][1]
    assert docs[0].published == dt.date(2018, 6, 1)
    assert docs[0].source == "https://dump.example/0"
    defaults = load(path)  # the default names find only the HTML lines' text
    assert len(defaults) == len(ARTICLES) // 2
    assert any("no 'text' or 'html' text" in w for w in defaults[0].warnings)


def test_jsonl_bad_field_spec() -> None:
    with pytest.raises(ConfigError, match="FIELD=KEY"):
        JsonlFields.parse("body")


def test_telegram_messages_replies_and_forwards(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    write_telegram(path)
    assert archive_kind(path) == "telegram"
    docs = load(path)
    assert len(docs) == 2  # replies are comments, the photo without caption has no text
    post, forward = docs
    assert post.text.startswith("Syrian government forces captured the village of Al Hasyan")
    assert post.text.endswith("#Syria")
    assert post.outlet == "Frontline Watch" and post.kind == "telegram"
    assert post.url == "https://t.me/c/1700000001/2"
    assert post.published == dt.date(2018, 5, 14)
    assert [(c.id, c.parent, c.depth) for c in post.comments] == [("3", None, 0), ("4", "3", 1)]
    assert post.comments[1].text == "Video of the aftermath."
    assert forward.source == "Euphrates Observer"
    assert forward.outlet == "Frontline Watch"


def test_telegram_whole_account_export(tmp_path: Path) -> None:
    import json

    path = tmp_path / "result.json"
    data = {"about": "export", "chats": {"list": [telegram_export()]}}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(load(path)) == 2


def test_telegram_entities_flattened() -> None:
    assert flatten_text(["a ", {"type": "bold", "text": "b"}, " c"]) == "a b c"
    assert flatten_text("plain") == "plain"
    assert flatten_text(None) == ""


def test_plain_json_is_not_telegram(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    assert archive_kind(path) is None


def test_iter_documents_streams(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    first = next(iter_documents(path))
    assert first.source == "https://wire.example/news/0"


def test_empty_archive_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match=r"empty\.jsonl.*line 1 skipped"):
        load(path)
