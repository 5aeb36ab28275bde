"""The Ray runner: read as blocks, analyse on a pool of actors, write from the driver."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..errors import ConfigError, FrontlinesError
from ..events.copies import signature
from ..records import Analysis
from ..store.base import needs_signature
from .sinks import Sink

INSTALL_HINT = (
    "frontlines batch runs on Ray, which is not installed; install it with "
    "pip install 'frontlines[scale]' (or pip install 'ray[data]'), or use frontlines ingest "
    "(one process, no Ray needed)"
)
ANALYSE_BATCH = 16  # documents per actor call
WRITE_BATCH = 64  # analyses per sink write
BLOCK_BYTES = 256 * 1024  # Ray Data block size for documents on their way to the actors

Progress = Callable[[str], None]


@dataclass(slots=True)
class BatchStats:
    """What a batch did; ``errors`` names each input or document that failed."""

    documents: int = 0
    skipped: int = 0
    documents_new: int = 0
    events_added: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # until every actor had sent back its first result (Ray started, models loaded), and
    # the documents analysed by then
    warmup_seconds: float = 0.0
    warmup_documents: int = 0
    workers_seen: set[int] = field(default_factory=set)

    @property
    def steady_documents_per_second(self) -> float:
        """Documents per second after the warm-up."""
        busy = self.seconds - self.warmup_seconds
        return (self.documents - self.warmup_documents) / busy if busy > 0 else 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"batch: {self.documents} documents analysed ({self.documents_per_second:.1f}/s), "
            f"{self.skipped} already stored, {self.events_added} events found, "
            f"{len(self.errors)} errors"
        )


def ray_available() -> bool:
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def run_batch(
    inputs: Sequence[str],
    sink: Sink,
    *,
    settings: Settings,
    address: str | None = None,
    workers: int = 1,
    published: dt.date | None = None,
    relevance_threshold: float | None = None,
    progress: Progress | None = None,
    every: float = 5.0,
) -> BatchStats:
    """Analyse every document of ``inputs`` on Ray and write the new ones to ``sink``."""
    if not ray_available():
        raise ConfigError(INSTALL_HINT)
    if workers < 1:
        raise ConfigError(f"--workers {workers}: give 1 or more")
    stats = BatchStats()
    started = time.perf_counter()
    done = sink.done()
    _start_ray(address, workers)
    rows = _dataset(inputs, done, settings, workers, published, relevance_threshold)
    last = started
    pending: list[Analysis] = []
    for row in rows:
        _take(row, stats, pending)
        if len(stats.workers_seen) < workers or not stats.warmup_seconds:
            _warming(stats, row, time.perf_counter() - started, workers)
        if len(pending) >= WRITE_BATCH:
            _flush(sink, pending, stats)
        now = time.perf_counter()
        if progress and now - last >= every:
            stats.seconds, last = now - started, now
            progress(stats.line())
    _flush(sink, pending, stats)
    stats.skipped = rows.skipped
    stats.seconds = time.perf_counter() - started
    return stats


def _warming(stats: BatchStats, row: dict[str, Any], seconds: float, workers: int) -> None:
    """Move the end of the warm-up on until every actor has sent a result back (a small
    input may never reach them all: then the warm-up ends with the first result)."""
    if not stats.warmup_seconds or row["worker"] not in stats.workers_seen:
        stats.workers_seen.add(row["worker"])
        stats.warmup_seconds, stats.warmup_documents = seconds, stats.documents


def _take(row: dict[str, Any], stats: BatchStats, pending: list[Analysis]) -> None:
    if row["error"]:
        stats.errors.append(str(row["error"]))
        return
    pending.append(pickle.loads(row["analysis"]))
    stats.documents += 1


def _flush(sink: Sink, pending: list[Analysis], stats: BatchStats) -> None:
    new, events = sink.write(pending)
    stats.documents_new += new
    stats.events_added += events
    pending.clear()


def _start_ray(address: str | None, workers: int) -> None:
    import logging

    import ray

    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": "ERROR"}
    if ray.is_initialized():
        pass
    elif address:
        ray.init(address=address, **quiet)
    else:  # a local Ray: one CPU per worker and one for reading the inputs
        ray.init(num_cpus=workers + 1, include_dashboard=False, **quiet)
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # small blocks: one archive's documents are spread over every actor, not one block
    context.target_max_block_size = BLOCK_BYTES


class _Rows:
    """The analysed rows as they arrive, counting the documents skipped as stored."""

    def __init__(self, dataset: Any) -> None:
        self.dataset = dataset
        self.skipped = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for batch in self.dataset.iter_batches(batch_size=WRITE_BATCH, batch_format="numpy"):
            for i in range(len(batch["error"])):
                if batch["skip"][i]:
                    self.skipped += 1
                    continue
                yield {"error": str(batch["error"][i]), "analysis": batch["analysis"][i],
                       "worker": int(batch["worker"][i])}  # fmt: skip


def _dataset(
    inputs: Sequence[str], done: set[str], settings: Settings, workers: int,
    published: dt.date | None, relevance_threshold: float | None,
) -> _Rows:  # fmt: skip
    import ray
    import ray.data

    items = [{"input": str(source)} for source in inputs]
    ds: Any = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), 64)))
    ds = ds.flat_map(
        _Reader,
        fn_constructor_kwargs={"settings": settings, "published": published, "done": done},
        compute=ray.data.ActorPoolStrategy(size=1),
        num_cpus=0.25,
    )
    ds = ds.map_batches(
        _Analyser,
        fn_constructor_kwargs={"settings": settings, "threshold": relevance_threshold},
        batch_size=ANALYSE_BATCH,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )
    return _Rows(ds)


class _Reader:
    """Ray Data reader: each input row becomes one row per document (pickled), marked
    ``skip`` when the sink already holds it; an unreadable input becomes an error row."""

    def __init__(self, settings: Settings, published: dt.date | None, done: set[str]) -> None:
        self.settings = settings
        self.published = published
        self.done = done

    def __call__(self, row: dict[str, Any]) -> Iterator[dict[str, Any]]:
        from ..ingest import iter_documents

        source = str(row["input"])
        try:
            for document in iter_documents(
                source, published=self.published, settings=self.settings
            ):
                skip = document.id in self.done
                yield {"doc": b"" if skip else pickle.dumps(document), "skip": skip, "error": ""}
        except FrontlinesError as exc:
            yield {"doc": b"", "skip": False, "error": str(exc)}
        except (OSError, ValueError, UnicodeError) as exc:
            yield {"doc": b"", "skip": False, "error": f"{source}: {type(exc).__name__}: {exc}"}


class _Analyser:
    """One loaded pipeline per actor (models and gazetteer loaded once)."""

    def __init__(self, settings: Settings, threshold: float | None) -> None:
        from ..api import Frontlines

        self.app = Frontlines(settings, relevance_threshold=threshold)
        self.app.analyze([])  # load the stages now, not on the first batch

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {"analysis": [], "skip": [], "error": [], "worker": []}
        work = [
            i for i in range(len(batch["doc"])) if not batch["skip"][i] and not batch["error"][i]
        ]
        docs = [pickle.loads(batch["doc"][i]) for i in work]
        analyses = dict(zip(work, self._analyse(docs), strict=True))
        for i in range(len(batch["doc"])):
            result = analyses.get(i)
            error = str(batch["error"][i]) or (result if isinstance(result, str) else "")
            out["analysis"].append(b"" if result is None or error else pickle.dumps(result))
            out["skip"].append(bool(batch["skip"][i]))
            out["error"].append(error)
            out["worker"].append(os.getpid())
        return out

    def _analyse(self, docs: list[Any]) -> list[Analysis | str]:
        try:
            found: list[Analysis | str] = list(self.app.analyze(docs))
        except FrontlinesError:
            found = [self._one(doc) for doc in docs]
        for analysis in found:
            # the copy signature of a page with events, made here, not in the driver
            if isinstance(analysis, Analysis) and needs_signature(analysis):
                analysis.signature = signature(analysis.document.text).pack()
        return found

    def _one(self, doc: Any) -> Analysis | str:
        try:
            [analysis] = self.app.analyze([doc])
        except FrontlinesError as exc:
            return f"{doc.source}: {exc}"
        return analysis
