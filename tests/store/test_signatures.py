"""Each document's copy signature is stored when it is saved, once, so that reading merged
events finds the copies of one report without tokenising and hashing every text again."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from frontlines import Frontlines, Settings
from frontlines.events import copies
from frontlines.records import Analysis, Document
from frontlines.store import SqliteStore, Store

from ..events.test_copies import OTHER, STORY, _event, _Unclosed
from .records_factory import make_analysis


def test_a_saved_document_keeps_the_signature_of_its_text(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    [(doc_id, (published, packed))] = store.signatures(["doc-1", "missing"]).items()  # type: ignore[attr-defined]
    assert (doc_id, published) == ("doc-1", analysis.document.published)
    assert packed == copies.signature(analysis.document.text).pack()


def test_a_document_without_events_gets_its_signature_when_saved_with_them(store: Store) -> None:
    store.save(make_analysis(events=[]))  # no events: no copies of it are ever looked for
    assert store.signatures(["doc-1"]) == {}  # type: ignore[attr-defined]
    store.save(make_analysis())
    assert set(store.signatures(["doc-1"])) == {"doc-1"}  # type: ignore[attr-defined]


def test_saving_again_keeps_one_signature(store: Store) -> None:
    store.save(make_analysis())
    first = store.signatures(["doc-1"])  # type: ignore[attr-defined]
    store.save(make_analysis())
    assert store.signatures(["doc-1"]) == first  # type: ignore[attr-defined]


def test_a_signature_made_by_the_pipeline_is_stored_as_given(store: Store) -> None:
    analysis = make_analysis()
    analysis.signature = copies.signature(STORY).pack()
    store.save(analysis)
    assert store.signatures(["doc-1"])["doc-1"][1] == analysis.signature  # type: ignore[attr-defined]


def test_packing_keeps_the_signature() -> None:
    sig = copies.signature(STORY)
    again = copies.unpack(sig.pack())
    assert again is not None
    assert again.shingles == sig.shingles and len(sig.shingles) > 40
    assert (again.full == sig.full).all() and (again.lead == sig.lead).all()


def test_a_signature_of_another_minhash_scheme_is_not_read() -> None:
    packed = copies.signature(STORY).pack()
    assert copies.unpack(b"legacy2 " + packed[8:]) is None


def test_signed_copies_are_the_copies_of_the_texts() -> None:
    texts = [("a", STORY), ("b", "WIRE - " + STORY), ("c", STORY.split("\n\n")[0]),
             ("d", OTHER)]  # fmt: skip
    signed = [(i, copies.unpack(copies.signature(t).pack())) for i, t in texts]
    kept = [(i, s) for i, s in signed if s is not None]
    assert len(kept) == len(texts)
    assert copies.find_signed_copies(kept) == copies.find_copies(texts) == {"b": "a", "c": "a"}


def _save_copies(store: Store) -> None:
    for doc_id, text, date in (("a", STORY, "2018-05-15"),
                               ("b", "BEIRUT (Agency) - " + STORY, "2018-05-22")):  # fmt: skip
        doc = Document(id=doc_id, source=f"http://{doc_id}", title="", text=text)
        event = _event(doc_id, f"http://{doc_id}", date, 34.5 if doc_id == "a" else 34.9)
        store.save(Analysis(document=doc, events=[event]))


def _merged(store: Store) -> list[object]:
    app = Frontlines(Settings())
    app.open_store = lambda db=None: _Unclosed(store)  # type: ignore[method-assign,assignment,arg-type,return-value]
    return app.events(merged=True)  # type: ignore[return-value]


def test_merged_reads_use_the_stored_signatures(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_copies(store)

    def no_recompute(text: str) -> copies.Signature:
        raise AssertionError("a stored signature was computed again")

    monkeypatch.setattr(copies, "signature", no_recompute)
    [event] = _merged(store)
    assert event.sources == ["http://a", "http://b"]  # type: ignore[attr-defined]


def test_a_store_from_before_signatures_gets_them_on_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with SqliteStore.open(path) as store:
        _save_copies(store)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM document_signatures")  # as a store written before 0007
    conn.commit()
    conn.close()
    with SqliteStore.open(path) as store:
        assert store.signatures(["a", "b"]) == {}
        [event] = _merged(store)  # computed from the texts meanwhile: the same answer
        assert event.sources == ["http://a", "http://b"]  # type: ignore[attr-defined]
        _save_copies(store)  # a rerun of the same ingest
        assert set(store.signatures(["a", "b"])) == {"a", "b"}
        assert dataclasses.asdict(_merged(store)[0]) == dataclasses.asdict(event)  # type: ignore[call-overload]
