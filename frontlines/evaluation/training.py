"""``frontlines train``: a sub-event model from the user's own ACLED-format rows.

The rows are read like the event evaluation reads them (``read_acled_csv``: bad rows are
skipped and reported). With ``holdout`` > 0 a seeded share of the rows is kept apart and
the model trained on the rest is scored on it, so the user sees what the model is worth
on their data before using it: the model alone, the rules alone and the rules with the model
(the way the extractor uses it; ``compare``). The model written to ``out`` is then trained on
every row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..extract.types import learned
from .acled_rows import GoldEvent, read_acled_csv
from .events import accuracy, macro_weighted_f1, per_label_scores

Progress = Callable[[str], None]


def _score(model: learned.SubEventModel, rows: list[tuple[str, str]]) -> dict[str, Any]:
    gold = [label for _, label in rows]
    answers = [model.predict(text) for text, _ in rows]
    predicted = [label for label, _ in answers]
    confident = [posterior >= model.threshold for _, posterior in answers]
    macro, weighted = macro_weighted_f1(per_label_scores(gold, predicted))
    sure = [(g, p) for g, p, c in zip(gold, predicted, confident, strict=True) if c]
    return {
        "rows": len(rows),
        "accuracy": round(accuracy(gold, predicted), 4),
        "macro_f1": round(macro, 4),
        "weighted_f1": round(weighted, 4),
        "confident_share": round(len(sure) / len(rows), 4) if rows else 0.0,
        "confident_accuracy": round(accuracy([g for g, _ in sure], [p for _, p in sure]), 4)
        if sure
        else None,
    }


def _with_rules(model: learned.SubEventModel | None, rows: list[GoldEvent]) -> dict[str, Any]:
    """Sub-event scores of the extractor's primary event (rules, plus ``model``)."""
    from ..extract import EventExtractor

    extractor = EventExtractor(event_model=model)
    gold, predicted = [], []
    for row in rows:
        events = extractor.extract_text(row.notes, row.event_date)
        gold.append(row.sub_event_type)
        predicted.append(events[0].sub_event_type if events else "NO_EVENT")
    _, weighted = macro_weighted_f1(per_label_scores(gold, predicted))
    return {"accuracy": round(accuracy(gold, predicted), 4), "weighted_f1": round(weighted, 4)}


def train_from_csv(
    path: str | Path,
    out: str | Path,
    *,
    holdout: float = 0.2,
    threshold: float = 0.99,
    compare: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Train on ``path`` (ACLED CSV), write the model to ``out``; returns a report."""
    if not 0.0 <= holdout < 1.0:
        raise ConfigError(f"--holdout {holdout} must be at least 0 and below 1")
    read = read_acled_csv(path)
    examples = [(r.notes, r.sub_event_type) for r in read.rows]
    by_note = {r.notes: r for r in read.rows}
    if progress is not None:
        progress(f"train: {len(examples)} rows read, {read.skipped} skipped")
    report: dict[str, Any] = {"file": str(path), "rows": len(examples), "skipped": read.skipped}
    if holdout and len(examples) >= 10:
        fit, held = learned.split(examples, holdout)
        trial = learned.train(fit)
        trial.threshold = threshold
        report["holdout"] = _score(trial, held)
        if compare:
            rows = [by_note[text] for text, _ in held]
            report["holdout"]["rules_alone"] = _with_rules(None, rows)
            report["holdout"]["rules_with_model"] = _with_rules(trial, rows)
    model = learned.train(examples)
    model.threshold = threshold
    model.meta = {"trained_on": Path(path).name, "rows": len(examples)}
    report["model"] = str(learned.save(model, out))
    report["labels"] = model.labels
    if progress is not None:
        progress(f"train: model written to {report['model']}")
    return report
