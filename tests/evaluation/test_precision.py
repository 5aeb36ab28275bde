"""eval precision: reads files, folders and id/text TSVs, and counts the false events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.errors import EvaluationError
from frontlines.evaluation.precision import read_documents, run_precision_eval, tsv_documents
from frontlines.ingest import load
from frontlines.records import Analysis, Document, Event, Span


def _read(path: str) -> list[Document]:
    return load(path)


def _tsv(tmp_path: Path) -> Path:
    path = tmp_path / "docs.tsv"
    path.write_text(
        "id\ttext\n1\tthe band played a new song last night .\n2\tshares rose on monday .\n",
        encoding="utf-8",
    )
    return path


def test_tsv_rows_become_documents(tmp_path: Path) -> None:
    docs = tsv_documents(_tsv(tmp_path), dt.date(2020, 1, 2))
    assert [d.text for d in docs] == ["the band played a new song last night .",
                                      "shares rose on monday ."]  # fmt: skip
    assert docs[0].published == dt.date(2020, 1, 2)
    assert docs[0].source.endswith("docs.tsv#1")


def test_tsv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\tbody\n1\thello\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        tsv_documents(path)


def test_folder_is_read_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("A garden show opened in the town hall.", encoding="utf-8")
    (folder / "b.html").write_text(
        "<html><head><title>B</title></head><body><article><p>The choir sang carols for"
        " an hour in the old church on Sunday.</p></article></body></html>",
        encoding="utf-8",
    )
    docs = read_documents([folder], _read)
    assert len(docs) == 2
    assert {d.kind for d in docs} == {"text", "html"}


def test_report_counts_false_events(tmp_path: Path) -> None:
    def analyse(docs: list[Document]) -> list[Analysis]:
        out = [Analysis(document=d) for d in docs]
        sentence = Span(0, 20, "the striker shot twice")
        out[0].events = [Event("Violence against civilians", "Attack", "Unknown", sentence)]
        return out

    report = run_precision_eval([_tsv(tmp_path)], read=_read, analyse=analyse)
    assert report["documents"] == 2
    assert report["events"] == 1
    assert report["documents_with_events"] == 1
    assert report["share_documents_with_events"] == 0.5
    assert report["sub_event_types"] == {"Attack": 1}
