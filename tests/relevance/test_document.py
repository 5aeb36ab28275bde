"""The document-level relevance decision and the stages that use it."""

from __future__ import annotations

from frontlines.records import Analysis, Document
from frontlines.relevance.document import judge
from frontlines.relevance.stage import Gated, Judge

SPORT = (
    "The coach named his squad for the cup final. The striker scored two goals in the league"
    " match and the goalkeeper saved a penalty; fans filled the stadium for the title game."
)
WAR = "Troops shelled the town on Monday and militants attacked an army checkpoint, killing two."


def _doc(text: str, language: str = "en") -> Document:
    return Document(id=text[:8], source="t", title="", text=text, language=language)


def test_sport_page_is_not_relevant() -> None:
    decision = judge(_doc(SPORT))
    assert not decision.relevant
    assert any(reason.startswith("sport:") for reason in decision.reasons)


def test_war_report_is_relevant() -> None:
    decision = judge(_doc(WAR))
    assert decision.relevant and decision.score >= decision.threshold


def test_other_language_is_not_read_and_warned() -> None:
    analysis = Analysis(document=_doc(WAR, language="de"))
    Judge()([analysis])
    assert analysis.document.relevance is not None
    assert not analysis.document.relevance.relevant
    assert any("language 'de'" in w for w in analysis.document.warnings)


def test_gate_runs_the_stage_on_relevant_documents_only() -> None:
    seen: list[str] = []

    def stage(batch: list[Analysis]) -> list[Analysis]:
        seen.extend(a.document.text for a in batch)
        return batch

    batch = Judge()([Analysis(document=_doc(SPORT)), Analysis(document=_doc(WAR))])
    Gated(stage)(batch)
    assert seen == [WAR]


def test_all_sentences_reads_everything() -> None:
    [analysis] = Judge(all_sentences=True)([Analysis(document=_doc(SPORT))])
    assert analysis.document.relevance is not None and analysis.document.relevance.relevant


def test_relevance_is_in_the_document_json() -> None:
    [analysis] = Judge()([Analysis(document=_doc(SPORT))])
    data = analysis.to_dict()["document"]
    assert data["language"] == "en"
    assert data["relevance"]["relevant"] is False
    assert "sport" in data["relevance"]["domains"]
