"""A sub-event classifier users train on their own ACLED-format rows (``frontlines train``).

frontlines ships rules only; nothing it ships is trained on ACLED data. A user with an ACLED
licence (or their own hand-coded rows) can train this small model on their rows and point
``FRONTLINES_EVENT_MODEL`` at the file: the extractor then lets the model re-label the
sub-event type of a sentence the rules already found to be an event, when the model is
confident (posterior >= ``threshold``, 0.99 by default: naive Bayes is
overconfident, so check the held-out figures ``frontlines train`` prints). The rules still decide *whether* a sentence is an
event (modality, negation, hypotheticals), so the model can never invent events.

The model is multinomial naive Bayes over word unigrams and bigrams (numbers folded to
``0``, words lower-cased), with add-``alpha`` smoothing: fast to train in pure Python on
tens of thousands of rows, and stored as plain JSON that can be inspected.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from .taxonomy import EVENT_TYPES, EventClass, make_class

FORMAT = "frontlines-subevent-nb/1"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_LEADING_DATE = re.compile(
    r"^\s*(?:[A-Za-z /]+:\s*)?(?:[Oo]n|[Aa]round|[Bb]etween|[Ii]n)?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}[,\s]*"
)


def features(text: str) -> list[str]:
    """Unigrams and bigrams of ``text`` (a leading "On 3 May 2022," dropped)."""
    words = ["0" if w.isdigit() else w for w in _WORD.findall(_LEADING_DATE.sub("", text).lower())]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(slots=True)
class SubEventModel:
    """Naive Bayes over ``features``; ``predict`` gives (label, posterior)."""

    labels: list[str]
    log_prior: dict[str, float]
    log_likelihood: dict[str, dict[str, float]]
    log_unseen: dict[str, float]
    trained_rows: int = 0
    threshold: float = 0.99
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, text: str) -> dict[str, float]:
        feats = [f for f in features(text) if any(f in self.log_likelihood[c] for c in self.labels)]
        out = {}
        for label in self.labels:
            table, unseen = self.log_likelihood[label], self.log_unseen[label]
            out[label] = self.log_prior[label] + sum(table.get(f, unseen) for f in feats)
        return out

    def predict(self, text: str) -> tuple[str, float]:
        scores = self.scores(text)
        top = max(scores, key=lambda k: scores[k])
        norm = math.log(sum(math.exp(v - scores[top]) for v in scores.values()))
        return top, math.exp(-norm)

    def refine(self, sentence: str, found: EventClass) -> EventClass:
        """The rules' class, or the model's sub-event type when it is confident."""
        label, posterior = self.predict(sentence)
        if label == found.sub_event_type or posterior < self.threshold:
            return found
        return make_class(label, found.trigger)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "labels": self.labels,
            "log_prior": self.log_prior,
            "log_likelihood": self.log_likelihood,
            "log_unseen": self.log_unseen,
            "trained_rows": self.trained_rows,
            "threshold": self.threshold,
            "meta": self.meta,
        }


def train(
    examples: Iterable[tuple[str, str]], *, alpha: float = 0.5, min_count: int = 2
) -> SubEventModel:
    """Train on (text, ACLED sub-event type) pairs; unknown types are refused by name."""
    counts: dict[str, Counter[str]] = {}
    docs: Counter[str] = Counter()
    for text, label in examples:
        if label not in EVENT_TYPES:
            raise ConfigError(f"{label!r} is not an ACLED sub-event type; fix the training row")
        counts.setdefault(label, Counter()).update(features(text))
        docs[label] += 1
    if not docs:
        raise ConfigError("no training rows: give a CSV with notes and sub_event_type columns")
    total_feats: Counter[str] = Counter()
    for c in counts.values():
        total_feats.update(c)
    vocab = {f for f, n in total_feats.items() if n >= min_count}
    n_docs = sum(docs.values())
    model = SubEventModel(labels=sorted(docs), log_prior={}, log_likelihood={}, log_unseen={})
    for label in model.labels:
        kept = {f: n for f, n in counts[label].items() if f in vocab}
        denom = sum(kept.values()) + alpha * (len(vocab) + 1)
        model.log_prior[label] = math.log(docs[label] / n_docs)
        model.log_likelihood[label] = {f: math.log((n + alpha) / denom) for f, n in kept.items()}
        model.log_unseen[label] = math.log(alpha / denom)
    model.trained_rows = n_docs
    return model


def split(
    examples: Sequence[tuple[str, str]], holdout: float, seed: int = 13
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A seeded shuffle split into (train, held out)."""
    order = list(examples)
    random.Random(seed).shuffle(order)
    cut = round(len(order) * (1 - holdout))
    return order[:cut], order[cut:]


def save(model: SubEventModel, path: str | Path) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    return out


def load(path: str | Path) -> SubEventModel:
    """Read a model file; ``ConfigError`` naming the file when it is not one."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"cannot read the event model ({exc}); train one with `frontlines train`",
            source=str(source),
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(
            f"not a frontlines sub-event model (expected format {FORMAT!r}); "
            "train one with `frontlines train`",
            source=str(source),
        )
    return SubEventModel(
        labels=list(data["labels"]),
        log_prior=dict(data["log_prior"]),
        log_likelihood={k: dict(v) for k, v in data["log_likelihood"].items()},
        log_unseen=dict(data["log_unseen"]),
        trained_rows=int(data.get("trained_rows", 0)),
        threshold=float(data.get("threshold", 0.99)),
        meta=dict(data.get("meta", {})),
    )
