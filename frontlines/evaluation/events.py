"""Score event extraction against rows in ACLED's CSV format.

Each row's ``notes`` is run through the extractor with the row's ``event_date`` as the
publication date. The row is compared with the **first** event extracted (the system's
primary event for that note); there is no best-of-N matching.

Keys of the report (all rates are fractions of ``rows``, the usable rows):

- ``event_type_accuracy``, ``sub_event_type_accuracy``;
- ``sub_event_type_macro_f1`` / ``sub_event_type_weighted_f1``: per-label F1 over the labels
  in gold ∪ predicted. A row with no event is predicted as the label ``NO_EVENT``: it costs
  the gold label recall, and ``NO_EVENT`` itself enters the macro average with F1 0 (it
  never occurs in gold). The weighted average weights each label by its gold support, so
  ``NO_EVENT`` has weight 0 there.
- ``actor1_accuracy``, ``actor2_accuracy``: ACLED names compared after ``normalise_actor``
  (casefold, punctuation and spaces removed). An empty gold actor2 matches an empty
  predicted actor2. ``actor1_accuracy_loose`` (the measure of issue 11) also drops the
  acronym prefix (``"JWS: "`` in ``"JWS: Syrian National Army"``) and every bracketed
  government period (``(2000-)``, ``(2014-2020)``, wherever it stands in the name), so that
  "SNA: Syrian National Army" matches "JWS: Syrian National Army" and "Military Forces of
  Iraq (2014-) Air Force" matches "Military Forces of Iraq (2020-) Air Force".
- ``location_within_5km`` / ``location_within_25km``: great-circle distance between the
  predicted and gold coordinates; a missing coordinate is a miss.
- ``geo_precision_accuracy``, ``fatalities_exact``;
- ``no_event``: the share of rows for which nothing was extracted (wrong on every field);
  ``no_event_rows`` is their number.

Per-label counts, the top confusions and the most-missed actors are under ``details``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from ..config import Settings
from ..errors import EvaluationError
from ..progress import report
from ..records import Event
from .acled_rows import AcledRows, GoldEvent, read_acled_csv
from .remarks import strip_coder_remarks

Extract = Callable[[str, dt.date], list[Event]]
Progress = Callable[[str], None]

NO_EVENT = "NO_EVENT"
EARTH_RADIUS_KM = 6371.0088
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
# "JWS: ", "CPI (Maoist): ": an acronym standing before the full name.
_ACRONYM_PREFIX = re.compile(r"^[^:]{1,40}?:\s+")
_TOP = 15


# ---------------------------------------------------------------- classification metrics


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Fraction of positions where ``predicted`` equals ``gold`` (0.0 for no rows)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def per_label_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Support, predicted count, precision, recall and F1 for each label in gold ∪ predicted.

    A ratio with a zero denominator is 0 (so a label never in gold has recall 0, F1 0).
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    support = Counter(gold)
    guessed = Counter(predicted)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    scores: dict[str, dict[str, Any]] = {}
    for label in sorted(set(support) | set(guessed)):
        tp = hits[label]
        precision = tp / guessed[label] if guessed[label] else 0.0
        recall = tp / support[label] if support[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {
            "support": support[label],
            "predicted": guessed[label],
            "correct": tp,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": f1,
        }
    return scores


def macro_weighted_f1(scores: dict[str, dict[str, Any]]) -> tuple[float, float]:
    """Unweighted mean of per-label F1, and the mean weighted by gold support."""
    if not scores:
        return 0.0, 0.0
    macro = sum(s["f1"] for s in scores.values()) / len(scores)
    total = sum(s["support"] for s in scores.values())
    weighted = sum(s["f1"] * s["support"] for s in scores.values()) / total if total else 0.0
    return macro, weighted


def top_confusions(
    gold: Sequence[str], predicted: Sequence[str], n: int = _TOP
) -> list[dict[str, Any]]:
    """The ``n`` most frequent (gold, predicted) pairs with gold != predicted."""
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [{"gold": g, "predicted": p, "count": c} for (g, p), c in pairs.most_common(n)]


# ---------------------------------------------------------------- field comparisons


def normalise_actor(name: str, *, loose: bool = False) -> str:
    """An ACLED actor name reduced for comparison: casefolded, without accents,
    punctuation or spaces; ``loose`` also drops an acronym prefix (``"JWS: "``) and any
    bracketed period like ``(2000-)``."""
    text = name.strip()
    if loose:
        text = _ACRONYM_PREFIX.sub("", _PERIOD.sub("", text))
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(gold: GoldEvent, event: Event | None) -> float | None:
    """Distance between the gold and predicted coordinates; None when either is missing."""
    if event is None or event.latitude is None or event.longitude is None:
        return None
    if gold.latitude is None or gold.longitude is None:
        return None
    return haversine_km(gold.latitude, gold.longitude, event.latitude, event.longitude)


# ---------------------------------------------------------------- scoring


class _Tally:
    """Per-row comparisons, accumulated."""

    def __init__(self) -> None:
        self.rows = 0
        self.no_event = 0
        self.hits: Counter[str] = Counter()
        self.gold_types: list[str] = []
        self.pred_types: list[str] = []
        self.gold_subs: list[str] = []
        self.pred_subs: list[str] = []
        self.missed_actor1: Counter[str] = Counter()
        self.wrong_actor1: Counter[tuple[str, str]] = Counter()
        self.distances: list[float] = []

    def add(self, gold: GoldEvent, event: Event | None) -> None:
        self.rows += 1
        self.gold_types.append(gold.event_type)
        self.gold_subs.append(gold.sub_event_type)
        if event is None:
            self.no_event += 1
            self.pred_types.append(NO_EVENT)
            self.pred_subs.append(NO_EVENT)
            self.missed_actor1[gold.actor1] += 1
            return
        self.pred_types.append(event.event_type)
        self.pred_subs.append(event.sub_event_type)
        self._compare_fields(gold, event)

    def _compare_fields(self, gold: GoldEvent, event: Event) -> None:
        checks = {
            "actor1": normalise_actor(gold.actor1) == normalise_actor(event.actor1),
            "actor1_loose": normalise_actor(gold.actor1, loose=True)
            == normalise_actor(event.actor1, loose=True),
            "actor2": normalise_actor(gold.actor2) == normalise_actor(event.actor2),
            "geo_precision": gold.geo_precision == event.geo_precision,
            "fatalities": gold.fatalities == event.fatalities,
        }
        km = distance_km(gold, event)
        if km is not None:
            self.distances.append(km)
            checks["within_5km"] = km <= 5.0
            checks["within_25km"] = km <= 25.0
        self.hits.update(name for name, ok in checks.items() if ok)
        if not checks["actor1"]:
            self.missed_actor1[gold.actor1] += 1
            self.wrong_actor1[(gold.actor1, event.actor1)] += 1

    def rate(self, name: str) -> float:
        return round(self.hits[name] / self.rows, 4) if self.rows else 0.0

    def report(self, skipped: AcledRows) -> dict[str, Any]:
        scores = per_label_scores(self.gold_subs, self.pred_subs)
        macro, weighted = macro_weighted_f1(scores)
        return {
            "rows": self.rows,
            "event_type_accuracy": round(accuracy(self.gold_types, self.pred_types), 4),
            "sub_event_type_accuracy": round(accuracy(self.gold_subs, self.pred_subs), 4),
            "sub_event_type_macro_f1": round(macro, 4),
            "sub_event_type_weighted_f1": round(weighted, 4),
            "actor1_accuracy": self.rate("actor1"),
            "actor1_accuracy_loose": self.rate("actor1_loose"),
            "actor2_accuracy": self.rate("actor2"),
            "location_within_5km": self.rate("within_5km"),
            "location_within_25km": self.rate("within_25km"),
            "geo_precision_accuracy": self.rate("geo_precision"),
            "fatalities_exact": self.rate("fatalities"),
            "no_event": round(self.no_event / self.rows, 4) if self.rows else 0.0,
            "no_event_rows": self.no_event,
            "details": self._details(scores, skipped),
        }

    def _details(self, scores: dict[str, dict[str, Any]], read: AcledRows) -> dict[str, Any]:
        distances = sorted(self.distances)
        return {
            "skipped_rows": read.skipped,
            "problems": [f"row {row}: {why}" for row, why in read.problems[:20]],
            "sub_event_types": {
                label: {**s, "f1": round(s["f1"], 4)} for label, s in scores.items()
            },
            "event_type_confusions": top_confusions(self.gold_types, self.pred_types),
            "sub_event_type_confusions": top_confusions(self.gold_subs, self.pred_subs),
            "actor1_missed": [
                {"actor1": a, "count": c} for a, c in self.missed_actor1.most_common(_TOP)
            ],
            "actor1_wrong_pairs": [
                {"gold": g, "predicted": p, "count": c}
                for (g, p), c in self.wrong_actor1.most_common(_TOP)
            ],
            "median_distance_km": round(distances[len(distances) // 2], 2) if distances else None,
            "located_rows": len(distances),
        }


# ---------------------------------------------------------------- running


def default_extract(settings: Settings | None = None, *, geoparse: bool = True) -> Extract:
    """The shipped extractor: geoparse the note (unless ``geoparse`` is False), then
    extract events from it."""
    try:
        extract_mod: Any = importlib.import_module("frontlines.extract")
        geoparser: Any = None
        gazetteer: Any = None
        if geoparse:
            geo_mod: Any = importlib.import_module("frontlines.geo")
            gazetteer = geo_mod.open_gazetteer(settings)
            geoparser = geo_mod.Geoparser(gazetteer, clues=extract_mod.organisation_clues)
        extractor = extract_mod.EventExtractor(settings=settings, gazetteer=gazetteer)
    except (ImportError, AttributeError) as exc:
        raise EvaluationError(
            f"the event extractor is not available ({exc}); install frontlines fully"
        ) from None

    def extract(text: str, published: dt.date) -> list[Event]:
        mentions = geoparser.parse(text) if geoparser is not None else None
        events: list[Event] = extractor.extract_text(text, published, mentions)
        return events

    return extract


def _without_remarks(extract: Extract) -> Extract:
    def run(text: str, published: dt.date) -> list[Event]:
        return extract(strip_coder_remarks(text), published)

    return run


def _write_prediction(out: IO[str] | None, row: int, events: list[Event], error: str = "") -> None:
    if out is None:
        return
    line: dict[str, Any] = {"row": row, "events": [e.to_dict() for e in events]}
    if error:
        line["error"] = error
    out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _open_predictions(path: str | Path | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        return Path(path).open("w", encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(
            f"cannot write the predictions file ({exc.strerror}); choose a writable path",
            source=str(path),
        ) from None


def _names_as_of(date: str) -> contextlib.AbstractContextManager[None]:
    """The extractor's ``names_as_of`` block (a no-op when the extractor is not installed)."""
    try:
        registry: Any = importlib.import_module("frontlines.extract.actors.registry")
    except ImportError:
        return contextlib.nullcontext()
    block: contextlib.AbstractContextManager[None] = registry.names_as_of(date)
    return block


def score_rows(
    read: AcledRows,
    extract: Extract,
    *,
    predictions: IO[str] | None = None,
    progress: Progress | None = None,
    progress_every: int = 100,
) -> dict[str, Any]:
    """Run ``extract`` on every usable row of ``read`` and build the report. Actor names
    are read as of the file's last event date: a file of ACLED rows was taken after it,
    and names the government periods closed by then as closed ("(2017-2022)")."""
    latest = max((g.event_date for g in read.rows), default=None)
    with _names_as_of(latest.isoformat() if latest else ""):
        return _score_rows(read, extract, predictions, progress, progress_every)


def _score_rows(
    read: AcledRows,
    extract: Extract,
    predictions: IO[str] | None,
    progress: Progress | None,
    progress_every: int,
) -> dict[str, Any]:
    tally = _Tally()
    problems = dict(read.problems)
    gold_by_row = {g.row: g for g in read.rows}
    last = max([*gold_by_row, *problems], default=-1)
    total = len(read.rows)
    for index in range(last + 1):
        if index in problems:
            _write_prediction(predictions, index, [], problems[index])
            continue
        gold = gold_by_row.get(index)
        if gold is None:
            continue
        events = extract(gold.notes, gold.event_date)
        _write_prediction(predictions, index, events)
        tally.add(gold, events[0] if events else None)
        if progress is not None and (tally.rows % progress_every == 0 or tally.rows == total):
            note = f"events: {tally.rows}/{total} rows, {tally.no_event} without an event"
            report(progress, note, done=tally.rows, total=total)
    return tally.report(read)


def run_events_eval(
    path: str | Path,
    *,
    predictions: str | Path | None = None,
    extractor: Extract | None = None,
    progress: Progress | None = None,
    limit: int | None = None,
    progress_every: int = 100,
    strip_remarks: bool = False,
) -> dict[str, Any]:
    """Evaluate ``extractor`` (default: the shipped one) on an ACLED-format CSV.

    Notes are read as written. ``strip_remarks`` first removes ACLED coders' remarks
    ("[size=...]", "(coded to X)", a leading "Displacement:" label; see
    ``remarks.strip_coder_remarks``): they state the answer and never occur in news, so the
    stripped figures are the ones to expect on news text. Evidence offsets in
    ``predictions`` point into the note as it was given to the extractor.

    ``predictions`` names a JSON-lines file: one ``{"row": N, "events": [...]}`` per data
    row (N 0-based, events primary first; skipped rows carry an ``"error"``).
    ``progress(message)`` gets a one-line status every ``progress_every`` rows.
    """
    read = read_acled_csv(path, limit=limit)
    extract = extractor if extractor is not None else default_extract()
    if strip_remarks:
        extract = _without_remarks(extract)
    out = _open_predictions(predictions)
    try:
        report = score_rows(
            read, extract, predictions=out, progress=progress, progress_every=progress_every
        )
        report["details"]["coder_remarks"] = "removed" if strip_remarks else "kept"
        return report
    finally:
        if out is not None:
            out.close()
