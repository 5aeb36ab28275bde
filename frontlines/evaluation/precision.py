"""Count false events on texts that are not conflict reporting (precision).

Input: files, folders of files (any kind ``ingest`` reads: text, HTML, RSS/Atom) or TSV
files with the columns ``id`` and ``text`` (one document a row). Every event found there
is false. Report: ``documents``, ``events``, ``documents_with_events``, their shares
(``events_per_document``, ``share_documents_with_events``), the trigger words and
sub-event types of the false events (most frequent first), the documents' languages, and the seconds the analysis took.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import EvaluationError, FrontlinesError
from ..progress import note, report
from ..records import Analysis, Document, Event

Progress = Callable[[str], None]
Reader = Callable[[str], list[Document]]
Analyse = Callable[[list[Document]], list[Analysis]]
TSV_COLUMNS = ("id", "text")
BATCH = 8
TOP = 25


def tsv_documents(path: Path, published: dt.date | None = None) -> list[Document]:
    """One plain-text Document per row of a TSV with the columns ``id`` and ``text``."""
    from ..ingest.document import make_document

    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [name.strip() for name in next(reader, [])]
        if not all(column in header for column in TSV_COLUMNS):
            raise EvaluationError(f"{path}: a TSV needs the columns {', '.join(TSV_COLUMNS)}")
        at_id, at_text = header.index("id"), header.index("text")
        return [
            make_document(
                source=f"{path}#{row[at_id]}",
                title="",
                text=row[at_text],
                kind="text",
                published_arg=published,
            )
            for row in reader
            if len(row) > max(at_id, at_text) and row[at_text].strip()
        ]


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the files inside the folders named (sorted, not hidden)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        elif path.is_file():
            yield path
        else:
            raise EvaluationError(f"{path}: no such file or folder")


def read_documents(
    paths: Iterable[str | Path],
    read: Reader,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> list[Document]:
    """Every document in ``paths``; an input that cannot be read is reported and skipped."""
    documents: list[Document] = []
    for path in input_files(paths):
        if path.suffix.lower() == ".tsv":
            documents.extend(tsv_documents(path, published))
            continue
        try:
            documents.extend(read(str(path)))
        except FrontlinesError as exc:
            note(progress, f"skipped: {exc}")
    return documents


def trigger_word(event: Event) -> str:
    """The word that made the evidence sentence an event (lower case), "" if unknown."""
    from ..extract.types.eventtypes import classify

    found = classify(event.evidence.text)
    return found.trigger.text.lower() if found is not None else ""


def score(analyses: list[Analysis], seconds: float) -> dict[str, Any]:
    """The precision report over analysed documents that hold no true event."""
    documents = len(analyses)
    events = [event for a in analyses for event in a.events]
    with_events = sum(1 for a in analyses if a.events)
    languages = Counter(a.document.language for a in analyses)
    return {
        "documents": documents,
        "events": len(events),
        "documents_with_events": with_events,
        "events_per_document": round(len(events) / documents, 4) if documents else 0.0,
        "share_documents_with_events": round(with_events / documents, 4) if documents else 0.0,
        "languages": dict(languages.most_common()),
        "triggers": dict(Counter(trigger_word(e) for e in events).most_common(TOP)),
        "sub_event_types": dict(Counter(e.sub_event_type for e in events).most_common()),
        "examples": [
            {
                "source": e.source,
                "sub_event_type": e.sub_event_type,
                "evidence": e.evidence.text[:200],
            }
            for e in events[:TOP]
        ],
        "seconds": round(seconds, 2),
    }


def run_precision_eval(
    paths: Iterable[str | Path],
    *,
    read: Reader,
    analyse: Analyse,
    published: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Read every input, analyse it and report the false events (see the module doc)."""
    documents = read_documents(paths, read, published, progress)
    if not documents:
        raise EvaluationError("no documents to score; give files, folders or an id/text TSV")
    analyses: list[Analysis] = []
    started = time.perf_counter()
    for at in range(0, len(documents), BATCH):
        analyses.extend(analyse(documents[at : at + BATCH]))
        if progress and (at // BATCH) % 10 == 9:
            note = f"precision: {len(analyses)}/{len(documents)} documents"
            report(progress, note, done=len(analyses), total=len(documents))
    return score(analyses, time.perf_counter() - started)
