"""Geoparsing evaluation on TR-News, GeoWebNews and GeoVirus: ``frontlines eval geoparse``.

Two modes:

* ``resolve`` (Mordecai 3 style): the system is given the gold spans
  (``resolve_spans(text, spans)``) and only resolution is scored. The spans given are the
  gold toponyms **with coordinates**; for TR-News a span whose surface string sits 1-3
  characters away is given at its true position (``GoldToponym.aligned_*``).
* ``end-to-end``: the system finds the spans itself (``parse(text)``).

Counting rules (they reproduce the published EUPEG / Gritta et al. figures for CamCoder
and CLAVIN on both corpora within 0.001, see tests/evaluation/test_geoparse_calibration.py):

* **Scored gold** = annotations with coordinates: TR-News 1,275 (those with a ``gaztag``),
  GeoWebNews 2,599 (the 2,601 with latitude/longitude less the 2 among the 5 negative-offset
  spans that had them; this is wider than EUPEG's own gold file, which keeps only the 2,401
  with a GeoNames id). Recall, acc161, mean/median km and AUC are over these.
* **Precision**: a predicted span is correct when it overlaps **any** gold annotation, also one
  without coordinates (GeoWebNews has 4,008 such annotations, TR-News 44), so finding a real
  toponym the gold left unresolved is not a false positive.
* **Recall**: a scored gold toponym is found when any predicted span overlaps it. Overlap
  means sharing one character. Matching is not one-to-one (one-to-one matching gives
  GeoWebNews CamCoder recall 0.530 and CLAVIN 0.374, off the published 0.535 / 0.384).
* TR-News' shifted spans are kept as released (EUPEG scored them that way); a gold toponym
  also counts as overlapped when a prediction overlaps its re-aligned span.
* **Distances** (end-to-end): for each found gold toponym, the overlapping prediction sharing
  most characters (and carrying coordinates) gives the error; acc161 is over the found
  toponyms. In resolve mode every scored gold toponym has an error; an unanswered span (no
  place) counts as the largest possible error, 20,039 km.
* Demonyms annotated in the gold ("Turkish", "Syrian") carry their country's coordinates in
  both corpora, so a system is scored on resolving them to the country.
* ``exact_id``: fraction of the distance-scored toponyms with a gold GeoNames id whose
  predicted place has the same id (None when no prediction carries ids, e.g. EUPEG files).
  GeoVirus' gold has no GeoNames ids, so there ``exact_id`` is None and the other figures
  go by the coordinates.
* ``no_candidate``: fraction of the distance-scored toponyms for which no candidate the system
  retrieved is the right place. A candidate is right when its GeoNames id equals the gold
  id, or, when either id is missing, when it lies within 161 km of the gold point. A mention
  with no candidates but a place counts its place as the only candidate; an unanswered one
  has none. None when the system reports no candidates at all (EUPEG files).
* Resolve-mode ``precision``/``recall``/``f1``: a span is correct when resolved within
  161 km; precision = correct / answered, recall = correct / scored gold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TextIO

from frontlines.errors import EvaluationError
from frontlines.records import Mention, Span

from . import metrics
from .corpora import Article, Corpus, GoldToponym, read_corpus, read_eupeg

RESOLVE = "resolve"
END_TO_END = "end-to-end"
MODES = (RESOLVE, END_TO_END)

Progress = Callable[[int, int], None]
Point = tuple[float, float, int | None]


class GeoparseSystem(Protocol):
    """What the harness calls: frontlines' ``Geoparser`` satisfies it."""

    def parse(self, text: str) -> list[Mention]: ...

    def resolve_spans(self, text: str, spans: list[Span]) -> list[Mention]: ...


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted toponym; ``candidates`` is None when the system does not report them."""

    doc: int
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    candidates: tuple[Point, ...] | None = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


def prediction_from_mention(doc: int, mention: Mention) -> Prediction:
    place = mention.place
    cands: tuple[Point, ...] = tuple((c.lat, c.lon, c.geonameid) for c in mention.candidates)
    if not cands and place is not None:
        cands = ((place.lat, place.lon, place.geonameid),)
    return Prediction(
        doc=doc,
        start=mention.start,
        end=mention.end,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonameid=place.geonameid if place else None,
        candidates=cands,
    )


def gold_span(gold: GoldToponym) -> Span:
    """The span a resolve-mode system is given: re-aligned when the released one is off."""
    if gold.aligned_start is not None and gold.aligned_end is not None:
        return Span(gold.aligned_start, gold.aligned_end, gold.surface)
    return Span(gold.start, gold.end, gold.surface)


def run_system(
    corpus: Corpus, system: GeoparseSystem, mode: str, progress: Progress | None = None
) -> list[list[Prediction]]:
    """Run ``system`` over every article; one list of predictions per article."""
    _check_mode(mode)
    out: list[list[Prediction]] = []
    total = len(corpus.articles)
    for art in corpus.articles:
        if mode == RESOLVE:
            spans = [gold_span(g) for g in art.resolvable]
            mentions = system.resolve_spans(art.text, spans) if spans else []
        else:
            mentions = system.parse(art.text)
        out.append([prediction_from_mention(art.index, m) for m in mentions])
        if progress is not None:
            progress(art.index + 1, total)
    return out


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise EvaluationError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")


# ---------------------------------------------------------------- scoring


@dataclass(slots=True)
class _Tally:
    errors: list[float]
    id_hits: int = 0
    id_total: int = 0
    ids_seen: bool = False
    no_candidate: int = 0
    candidates_seen: bool = False
    answered: int = 0

    def add(self, gold: GoldToponym, pred: Prediction | None) -> None:
        if gold.lat is None or gold.lon is None:
            return
        if pred is None or pred.lat is None or pred.lon is None:
            self.errors.append(metrics.MAX_ERROR_KM)
        else:
            self.answered += 1
            self.errors.append(metrics.haversine_km(gold.lat, gold.lon, pred.lat, pred.lon))
        if pred is not None and pred.geonameid is not None:
            self.ids_seen = True
        if gold.geonameid is not None:
            self.id_total += 1
            self.id_hits += int(pred is not None and pred.geonameid == gold.geonameid)
        if pred is not None and pred.candidates is not None:
            self.candidates_seen = True
        cands = pred.candidates if pred is not None and pred.candidates else ()
        if not any(_right_place(gold, c) for c in cands):
            self.no_candidate += 1


def _right_place(gold: GoldToponym, cand: Point) -> bool:
    lat, lon, gid = cand
    if gold.geonameid is not None and gid is not None:
        return gid == gold.geonameid
    if gold.lat is None or gold.lon is None:
        return False
    return metrics.haversine_km(gold.lat, gold.lon, lat, lon) <= metrics.ACC_KM


def _gold_spans(gold: GoldToponym) -> list[tuple[int, int]]:
    spans = [(gold.start, gold.end)]
    aligned = (gold.aligned_start, gold.aligned_end)
    if aligned[0] is not None and aligned[1] is not None and aligned != spans[0]:
        spans.append((aligned[0], aligned[1]))
    return spans


def _overlapping(gold: GoldToponym, preds: Sequence[Prediction]) -> list[Prediction]:
    spans = _gold_spans(gold)
    return [p for p in preds if any(metrics.overlaps(p.start, p.end, s, e) for s, e in spans)]


def _pick(gold: GoldToponym, preds: Sequence[Prediction]) -> Prediction | None:
    """The prediction for a gold toponym: an exact span first, else the largest overlap,
    preferring predictions that carry coordinates."""
    hits = _overlapping(gold, preds)
    if not hits:
        return None
    pool = [p for p in hits if p.resolved] or hits
    spans = _gold_spans(gold)
    for p in pool:
        if (p.start, p.end) in spans:
            return p
    index = metrics.best_overlap(spans[-1], [(p.start, p.end) for p in pool])
    if index is None:
        index = metrics.best_overlap(spans[0], [(p.start, p.end) for p in pool])
    return pool[index] if index is not None else pool[0]


def _score_article(
    art: Article, preds: Sequence[Prediction], tally: _Tally
) -> metrics.OverlapCounts:
    true = sum(1 for p in preds if any(_overlapping(g, [p]) for g in art.toponyms))
    found = 0
    for gold in art.resolvable:
        pick = _pick(gold, preds)
        if pick is not None:
            found += 1
            tally.add(gold, pick)
    return metrics.OverlapCounts(len(preds), true, len(art.resolvable), found)


def _score_article_resolve(art: Article, preds: Sequence[Prediction], tally: _Tally) -> None:
    for gold in art.resolvable:
        tally.add(gold, _pick(gold, preds))


def score(corpus: Corpus, predictions: Sequence[Sequence[Prediction]], mode: str) -> dict[str, Any]:
    """Score per-article predictions against the corpus; the ``--json`` object."""
    _check_mode(mode)
    if len(predictions) != len(corpus.articles):
        raise EvaluationError(
            f"{len(predictions)} prediction lists for {len(corpus.articles)} articles; "
            "give one list per article, in corpus order",
            source=corpus.path,
        )
    tally = _Tally(errors=[])
    counts = metrics.OverlapCounts(0, 0, 0, 0)
    for art, preds in zip(corpus.articles, predictions, strict=True):
        if mode == END_TO_END:
            c = _score_article(art, preds, tally)
            counts = metrics.OverlapCounts(
                counts.predicted + c.predicted,
                counts.predicted_true + c.predicted_true,
                counts.gold + c.gold,
                counts.gold_found + c.gold_found,
            )
        else:
            _score_article_resolve(art, preds, tally)
    if mode == RESOLVE:
        gold_n = sum(len(a.resolvable) for a in corpus.articles)
        correct = sum(1 for e in tally.errors if e <= metrics.ACC_KM)
        counts = metrics.OverlapCounts(tally.answered, correct, gold_n, correct)
    return _summary(corpus, mode, counts, tally)


def _summary(
    corpus: Corpus, mode: str, counts: metrics.OverlapCounts, tally: _Tally
) -> dict[str, Any]:
    errors = tally.errors
    exact = tally.id_hits / tally.id_total if tally.ids_seen and tally.id_total else None
    no_cand = tally.no_candidate / len(errors) if tally.candidates_seen and errors else None
    return {
        "corpus": corpus.name,
        "format": corpus.format,
        "mode": mode,
        "documents": len(corpus.articles),
        "toponyms": counts.gold,
        "predicted": counts.predicted,
        "found": counts.gold_found if mode == END_TO_END else tally.answered,
        "precision": _round(counts.precision),
        "recall": _round(counts.recall),
        "f1": _round(counts.f1),
        "exact_id": _round(exact),
        "acc161": _round(metrics.acc_at(errors)),
        "mean_km": _round(metrics.mean_km(errors), 3),
        "median_km": _round(metrics.median_km(errors), 3),
        "auc": _round(metrics.auc(errors)),
        "no_candidate": _round(no_cand),
        "no_candidate_count": tally.no_candidate if tally.candidates_seen else None,
    }


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


# ---------------------------------------------------------------- entry points


def evaluate(
    corpus: Corpus,
    system: GeoparseSystem,
    mode: str = RESOLVE,
    *,
    predictions: str | Path | TextIO | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run ``system`` on ``corpus`` in ``mode`` and score it; optionally write predictions."""
    preds = run_system(corpus, system, mode, progress)
    if predictions is not None:
        write_predictions(preds, predictions)
    return score(corpus, preds, mode)


def baseline_predictions(corpus: Corpus, path: str | Path) -> list[list[Prediction]]:
    """Read an EUPEG output file as per-article predictions for ``corpus``.

    Entries with negative offsets cannot point into the text and are left out (EUPEG's
    GeoWebNews gold copies the corpus' 2 broken spans that had ids; TopoCluster's TR-News
    and GeoWebNews outputs have 2 each); ``score_baseline`` reports them as ``skipped``.
    """
    lines = read_eupeg(path, articles=len(corpus.articles))
    return [
        [Prediction(i, e.start, e.end, e.lat, e.lon) for e in entries if 0 <= e.start <= e.end]
        for i, entries in enumerate(lines)
    ]


def score_baseline(
    corpus: Corpus,
    baseline_path: str | Path,
    *,
    predictions: str | Path | TextIO | None = None,
) -> dict[str, Any]:
    """Score a stored parser output (EUPEG line format) end-to-end with the same code."""
    preds = baseline_predictions(corpus, baseline_path)
    if predictions is not None:
        write_predictions(preds, predictions)
    result = score(corpus, preds, END_TO_END)
    entries = sum(len(line) for line in read_eupeg(baseline_path, articles=len(corpus.articles)))
    result["system"] = Path(baseline_path).stem
    result["skipped"] = entries - result["predicted"]
    return result


def write_predictions(predictions: Iterable[Iterable[Prediction]], out: str | Path | TextIO) -> int:
    """Write one JSON line per prediction; returns how many lines were written."""
    if isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8") as fp:
            return write_predictions(predictions, fp)
    n = 0
    for doc_preds in predictions:
        for pred in doc_preds:
            out.write(json.dumps(pred.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def default_system() -> GeoparseSystem:
    """frontlines' own geoparser over the local gazetteer, with the country clues of the
    organisations a text names, as the pipeline runs it (imported lazily)."""
    from frontlines.extract import organisation_clues
    from frontlines.geo import Geoparser, open_gazetteer

    system: GeoparseSystem = Geoparser(open_gazetteer(), clues=organisation_clues)
    return system


def run_geoparse_eval(
    corpus_path: str | Path,
    *,
    mode: str = RESOLVE,
    predictions: str | Path | TextIO | None = None,
    baseline: str | Path | None = None,
    system: GeoparseSystem | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """What ``frontlines eval geoparse CORPUS [--mode] [--predictions] [--baseline]`` runs.

    With ``baseline`` the stored output is scored (end-to-end, since EUPEG files carry
    their own spans) and no system is built; otherwise ``system`` (default: frontlines'
    ``Geoparser(open_gazetteer())``) is run in ``mode``.
    """
    _check_mode(mode)
    corpus = read_corpus(corpus_path)
    if baseline is not None:
        return score_baseline(corpus, baseline, predictions=predictions)
    chosen = system if system is not None else default_system()
    result = evaluate(corpus, chosen, mode, predictions=predictions, progress=progress)
    result["system"] = type(chosen).__name__
    return result
