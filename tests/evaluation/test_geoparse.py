"""The geoparse harness with fake systems and a hand-made EUPEG output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from frontlines.errors import EvaluationError
from frontlines.evaluation import metrics
from frontlines.evaluation.corpora import Corpus, read_corpus
from frontlines.evaluation.geoparse import (
    END_TO_END,
    RESOLVE,
    Prediction,
    evaluate,
    run_geoparse_eval,
    score,
    score_baseline,
)
from frontlines.records import Mention, Place, Span

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "geoparse"
KEYS = {
    "documents", "toponyms", "precision", "recall", "f1", "exact_id", "acc161",
    "mean_km", "median_km", "auc", "no_candidate",
}  # fmt: skip


def _place(lat: float, lon: float, gid: int | None, name: str = "x") -> Place:
    return Place(id=f"gn:{gid}", name=name, lat=lat, lon=lon, feature="P.PPL", geonameid=gid)


class GoldSystem:
    """Answers every question with the gold, found by article text."""

    def __init__(self, corpus: Corpus) -> None:
        self.by_text = {a.text: a for a in corpus.articles}
        self.spans_seen: list[list[Span]] = []

    def parse(self, text: str) -> list[Mention]:
        art = self.by_text[text]
        return [self._mention(text, g.start, g.end) for g in art.toponyms if g.has_coords]

    def resolve_spans(self, text: str, spans: list[Span]) -> list[Mention]:
        self.spans_seen.append(spans)
        return [self._mention(text, s.start, s.end) for s in spans]

    def _mention(self, text: str, start: int, end: int) -> Mention:
        for gold in self.by_text[text].resolvable:
            if metrics.overlaps(start, end, gold.start, gold.end) or (gold.aligned_start == start):
                assert gold.lat is not None and gold.lon is not None
                place = _place(gold.lat, gold.lon, gold.geonameid)
                return Mention(text=text[start:end], start=start, end=end, place=place)
        return Mention(text=text[start:end], start=start, end=end)


class WrongSystem(GoldSystem):
    """Resolves everything to (0, 0) but keeps the right place among its candidates."""

    def _mention(self, text: str, start: int, end: int) -> Mention:
        right = super()._mention(text, start, end)
        wrong = _place(0.0, 0.0, 1)
        cands = (wrong, right.place) if right.place else (wrong,)
        return Mention(text=right.text, start=start, end=end, place=wrong, candidates=cands)


@pytest.fixture(scope="module")
def trnews() -> Corpus:
    return read_corpus(DATA / "a.xml")


@pytest.fixture(scope="module")
def gwn() -> Corpus:
    return read_corpus(DATA / "b.xml")


@pytest.mark.parametrize("mode", [RESOLVE, END_TO_END])
@pytest.mark.parametrize("name", ["a.xml", "b.xml"])
def test_gold_against_itself_scores_perfectly(name: str, mode: str) -> None:
    corpus = read_corpus(DATA / name)
    result = evaluate(corpus, GoldSystem(corpus), mode)
    assert set(result) >= KEYS
    for key in ("precision", "recall", "f1", "acc161", "no_candidate"):
        assert result[key] == (0.0 if key == "no_candidate" else 1.0), key
    assert result["mean_km"] == 0.0 and result["median_km"] == 0.0 and result["auc"] == 0.0


def test_exact_id_counts_only_gold_with_ids(trnews: Corpus, gwn: Corpus) -> None:
    assert evaluate(trnews, GoldSystem(trnews), RESOLVE)["exact_id"] == 1.0
    # Bostonians has coordinates but no id: it is not in exact_id's denominator
    assert evaluate(gwn, GoldSystem(gwn), RESOLVE)["exact_id"] == 1.0


def test_resolve_mode_gives_gold_spans_realigned(trnews: Corpus) -> None:
    system = GoldSystem(trnews)
    result = evaluate(trnews, system, RESOLVE)
    first = system.spans_seen[0]
    assert [s.text for s in first] == ["Turkish", "Ankara", "Paris", "Aleppo"]
    text = trnews.articles[0].text
    assert all(text[s.start : s.end] == s.text for s in first)
    assert result["toponyms"] == 5 and result["documents"] == 2


def test_wrong_resolution_with_right_candidate(trnews: Corpus) -> None:
    result = evaluate(trnews, WrongSystem(trnews), RESOLVE)
    assert result["acc161"] == 0.0
    assert result["exact_id"] == 0.0
    assert result["no_candidate"] == 0.0
    assert result["precision"] == 0.0 and result["recall"] == 0.0
    assert result["auc"] > 0.5


class SilentSystem(GoldSystem):
    def resolve_spans(self, text: str, spans: list[Span]) -> list[Mention]:
        return []

    def parse(self, text: str) -> list[Mention]:
        return []


def test_unanswered_spans_count_as_the_largest_error(trnews: Corpus) -> None:
    result = evaluate(trnews, SilentSystem(trnews), RESOLVE)
    assert result["mean_km"] == pytest.approx(metrics.MAX_ERROR_KM)
    assert result["acc161"] == 0.0 and result["recall"] == 0.0
    assert result["precision"] is None
    assert result["no_candidate"] is None  # no candidates reported at all
    e2e = evaluate(trnews, SilentSystem(trnews), END_TO_END)
    assert e2e["recall"] == 0.0 and e2e["acc161"] is None


def test_hand_made_baseline_scores(trnews: Corpus) -> None:
    result = score_baseline(trnews, DATA / "a_parser.txt")
    assert result["predicted"] == 4
    assert result["precision"] == 0.75  # "officer" overlaps no gold annotation
    assert result["recall"] == 0.6  # Ankara, Paris, Springfield of 5
    assert result["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35, abs=1e-4)
    assert result["acc161"] == pytest.approx(1 / 3, abs=1e-4)  # only Ankara
    paris_tx = metrics.haversine_km(48.85341, 2.3488, 33.66094, -95.55551)
    assert result["median_km"] == pytest.approx(paris_tx, abs=0.01)
    assert result["exact_id"] is None and result["no_candidate"] is None
    assert result["system"] == "a_parser"


def test_prediction_on_unresolved_gold_annotation_is_not_a_false_positive(gwn: Corpus) -> None:
    text = gwn.articles[0].text
    start = text.index("supporters")
    preds = [[_pred(0, start, start + 10)], []]
    result = score(gwn, preds, END_TO_END)
    assert result["precision"] == 1.0 and result["recall"] == 0.0


def _pred(doc: int, start: int, end: int) -> Prediction:
    return Prediction(doc, start, end, 0.0, 0.0)


def test_predictions_file_has_one_line_per_gold_span_in_resolve_mode(
    trnews: Corpus, tmp_path: Path
) -> None:
    out = tmp_path / "pred.jsonl"
    run_geoparse_eval(DATA / "a.xml", mode=RESOLVE, predictions=out, system=GoldSystem(trnews))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 5
    assert set(rows[0]) == {"doc", "start", "end", "lat", "lon", "geonameid"}
    assert rows[0] == {
        "doc": 0,
        "start": 2,
        "end": 9,
        "lat": 39.0,
        "lon": 35.0,
        "geonameid": 298795,
    }
    assert rows[-1]["doc"] == 1


def test_run_with_baseline_writes_its_predictions(tmp_path: Path) -> None:
    buf = io.StringIO()
    result = run_geoparse_eval(DATA / "a.xml", baseline=DATA / "a_parser.txt", predictions=buf)
    assert result["recall"] == 0.6 and result["mode"] == END_TO_END
    assert len(buf.getvalue().splitlines()) == 4
    json.dumps(result)  # serialisable as the --json object


def test_unknown_mode_and_wrong_prediction_count(trnews: Corpus) -> None:
    with pytest.raises(EvaluationError, match="unknown mode"):
        run_geoparse_eval(DATA / "a.xml", mode="fast", system=GoldSystem(trnews))
    with pytest.raises(EvaluationError, match="one list per article"):
        score(trnews, [[]], END_TO_END)


def test_progress_callback(trnews: Corpus) -> None:
    seen: list[tuple[int, int]] = []
    evaluate(trnews, GoldSystem(trnews), END_TO_END, progress=lambda n, t: seen.append((n, t)))
    assert seen == [(1, 2), (2, 2)]


def test_negative_offset_entries_are_skipped_and_reported(trnews: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "neg.txt"
    path.write_text("Ankara,,Ankara,,39.92,,32.85,,35,,41||X,,X,,0,,0,,-9,,-3\n\n")
    result = score_baseline(trnews, path)
    assert result["skipped"] == 1 and result["predicted"] == 1
    assert result["precision"] == 1.0


@pytest.mark.parametrize("mode", [RESOLVE, END_TO_END])
def test_geovirus_is_scored_by_coordinates_without_exact_id(mode: str) -> None:
    corpus = read_corpus(DATA / "c_geovirus.xml")
    result = evaluate(corpus, GoldSystem(corpus), mode)
    assert result["format"] == "geovirus"
    assert result["toponyms"] == 3
    assert result["exact_id"] is None  # the gold has Wikipedia pages, not GeoNames ids
    assert result["acc161"] == 1.0 and result["recall"] == 1.0
    assert result["no_candidate"] == 0.0


def test_geovirus_wrong_places_lower_acc161_and_show_in_no_candidate() -> None:
    corpus = read_corpus(DATA / "c_geovirus.xml")
    result = evaluate(corpus, WrongSystem(corpus), RESOLVE)
    assert result["acc161"] == 0.0 and result["precision"] == 0.0
    assert result["no_candidate"] == 0.0  # the right place was among the candidates
