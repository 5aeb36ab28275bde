"""Pipeline stages: judge each document first, then spend the expensive stages (spaCy NER,
event coding) only on the documents judged relevant.

    Pipeline([Judge(threshold), Gated(geoparser), Gated(extractor)])

A document judged not relevant (or not English) keeps its record and yields no events; a
warning says why. Its places are read only on request (``Settings.all_places``, the CLI's
``--all-places``: ``Routed(geoparser, cheap_geoparser(geoparser))``, from the gazetteer
alone, without NER); by default it keeps none. ``all_sentences`` reads every document as
relevant.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..records import Analysis
from .document import DEFAULT_THRESHOLD, ENGLISH, judge

Stage = Callable[[list[Analysis]], list[Analysis]]


def _read(analysis: Analysis) -> bool:
    relevance = analysis.document.relevance
    return relevance is None or relevance.relevant


class Judge:
    """Sets ``document.relevance``; warns when a document will yield no events."""

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        all_sentences: bool = False,
        all_places: bool = True,
    ) -> None:
        self.threshold = threshold
        self.all_sentences = all_sentences
        self.places = "its places are kept" if all_places else "its places are not read"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for analysis in batch:
            doc = analysis.document
            doc.relevance = judge(doc, self.threshold)
            if self.all_sentences:
                doc.relevance.relevant = True
                doc.relevance.reasons.append("read anyway: --all-sentences")
            elif doc.language != ENGLISH:
                doc.warnings.append(
                    f"language {doc.language!r}: no events (the event rules read English "
                    f"only); {self.places}"
                )
            elif not doc.relevance.relevant:
                doc.warnings.append(
                    f"not conflict reporting (relevance {doc.relevance.score} < "
                    f"{doc.relevance.threshold}): no events; {self.places} "
                    "(--all-sentences reads it anyway)"
                )
        return batch


class Routed:
    """``relevant`` runs on the documents judged relevant, ``other`` on the rest."""

    def __init__(self, relevant: Stage, other: Stage) -> None:
        self.relevant, self.other = relevant, other

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        read = [a for a in batch if _read(a)]
        rest = [a for a in batch if not _read(a)]
        if read:
            self.relevant(read)
        if rest:
            self.other(rest)
        return batch


class Gated(Routed):
    """``stage`` runs only on the documents judged relevant."""

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage, lambda batch: batch)


def cheap_geoparser(geoparser: Any) -> Stage:
    """A geoparser like ``geoparser`` that reads places from the gazetteer alone (no NER)."""
    from ..geo.geoparser import Geoparser

    class GazetteerOnly(Geoparser):
        def _entities(self, *args: Any, **kwargs: Any) -> list[Any]:
            return []

    return GazetteerOnly(geoparser.gazetteer, settings=getattr(geoparser, "_settings", None))
