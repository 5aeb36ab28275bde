"""Calibration: the stored EUPEG outputs score as published (needs ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.evaluation.corpora import Corpus, read_corpus
from frontlines.evaluation.geoparse import END_TO_END, RESOLVE, evaluate, score_baseline
from frontlines.records import Mention, Place, Span

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "geoparsing"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not SHARED.is_dir(), reason=f"{SHARED} absent: the shared geoparsing corpora are needed"
    ),
]
XML = {"TR-News": "TR-News.xml", "GeoWebNews": "GWN.xml"}

# (corpus, parser): (recall, precision, acc161) as published (EUPEG / Gritta et al.)
PUBLISHED = {
    ("TR-News", "CamCoder"): (0.642, 0.913, 0.819),
    ("TR-News", "CLAVIN"): (0.512, 0.927, 0.822),
    ("GeoWebNews", "CamCoder"): (0.535, 0.936, 0.824),
    ("GeoWebNews", "CLAVIN"): (0.384, 0.968, 0.916),
}


@pytest.fixture(scope="module")
def corpora() -> dict[str, Corpus]:
    return {name: read_corpus(SHARED / file) for name, file in XML.items()}


def test_corpus_sizes(corpora: dict[str, Corpus]) -> None:
    tr, gwn = corpora["TR-News"], corpora["GeoWebNews"]
    assert (len(tr.articles), len(tr.toponyms)) == (118, 1319)
    assert sum(len(a.resolvable) for a in tr.articles) == 1275
    assert (len(gwn.articles), len(gwn.toponyms), gwn.dropped) == (200, 6607, 5)
    assert sum(len(a.resolvable) for a in gwn.articles) == 2599


@pytest.mark.parametrize(("corpus", "parser"), sorted(PUBLISHED))
def test_published_baselines_reproduced(
    corpora: dict[str, Corpus], corpus: str, parser: str
) -> None:
    result = score_baseline(corpora[corpus], SHARED / "baselines" / f"{corpus}_{parser}.txt")
    recall, precision, acc161 = PUBLISHED[(corpus, parser)]
    assert result["recall"] == pytest.approx(recall, abs=0.01)
    assert result["precision"] == pytest.approx(precision, abs=0.01)
    assert result["acc161"] == pytest.approx(acc161, abs=0.01)
    assert result["toponyms"] == (1275 if corpus == "TR-News" else 2599)


def test_tr_news_gold_file_against_itself(corpora: dict[str, Corpus]) -> None:
    result = score_baseline(corpora["TR-News"], SHARED / "baselines" / "TR-News_gold.txt")
    for key in ("precision", "recall", "f1", "acc161"):
        assert result[key] == 1.0
    assert result["mean_km"] == 0.0 and result["auc"] == 0.0


class _Oracle:
    """Returns the corpus gold: scoring it must give 1.0 everywhere."""

    def __init__(self, corpus: Corpus) -> None:
        self.by_text = {a.text: a for a in corpus.articles}

    def parse(self, text: str) -> list[Mention]:
        return [self._m(text, g.start, g.end) for g in self.by_text[text].resolvable]

    def resolve_spans(self, text: str, spans: list[Span]) -> list[Mention]:
        return [self._m(text, s.start, s.end) for s in spans]

    def _m(self, text: str, start: int, end: int) -> Mention:
        for g in self.by_text[text].resolvable:
            if (g.start, g.end) == (start, end) or (g.aligned_start, g.aligned_end) == (
                start,
                end,
            ):
                assert g.lat is not None and g.lon is not None
                place = Place("gn", g.surface, g.lat, g.lon, "P.PPL", geonameid=g.geonameid)
                return Mention(g.surface, start, end, place=place)
        return Mention(text[start:end], start, end)


@pytest.mark.parametrize("mode", [RESOLVE, END_TO_END])
@pytest.mark.parametrize("corpus", sorted(XML))
def test_corpus_gold_against_itself(corpora: dict[str, Corpus], corpus: str, mode: str) -> None:
    result = evaluate(corpora[corpus], _Oracle(corpora[corpus]), mode)
    for key in ("precision", "recall", "f1", "acc161", "exact_id"):
        assert result[key] == 1.0, key
    assert result["no_candidate"] == 0.0
