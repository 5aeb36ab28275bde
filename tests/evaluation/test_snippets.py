"""The snippet (CASE 2021 codes) evaluation, with a fake extractor and invented snippets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.errors import EvaluationError
from frontlines.evaluation.snippets import (
    ACLED_CODES,
    ALL_CODES,
    CASE_TO_ACLED,
    SnippetClassifier,
    case_code,
    combine,
    read_snippets_tsv,
    run_snippets_eval,
    score_labels,
)
from frontlines.records import Event, Span

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "events"
SAMPLE = DATA / "snippets_sample.tsv"
CATEGORIES = (
    Path(__file__).resolve().parents[3] / "shared" / "eval" / "events" / "event_categories.csv"
)


def _event(sub: str, etype: str) -> Event:
    return Event(event_type=etype, sub_event_type=sub, actor1="X", evidence=Span(0, 1, "x"))


# keyword in the snippet -> what the fake extractor finds
FAKE_RULES: list[tuple[str, Event]] = [
    ("fought", _event("Armed clash", "Battles")),
    ("marched", _event("Peaceful protest", "Protests")),
    ("raid", _event("Attack", "Violence against civilians")),
    ("killing", _event("Attack", "Violence against civilians")),
    ("shelling", _event("Shelling/artillery/missile attack", "Explosions/Remote violence")),
    ("shells", _event("Shelling/artillery/missile attack", "Explosions/Remote violence")),
    ("detained", _event("Arrests", "Strategic developments")),
]


def fake_extract(text: str, published: dt.date) -> list[Event]:
    return [event for word, event in FAKE_RULES if word in text][:1]


def test_code_tables() -> None:
    assert len(ACLED_CODES) == 25 and len(ALL_CODES) == 30
    assert case_code("Shelling/artillery/missile attack") == "ART_MISS_ATTACK"
    assert case_code("arrests") == "ARREST"
    assert case_code("Something else") is None


@pytest.mark.skipif(
    not CATEGORIES.is_file(), reason="needs ../shared/eval/events beside the project"
)
def test_mapping_covers_acled_categories() -> None:
    lines = CATEGORIES.read_text(encoding="utf-8").splitlines()[1:]
    pairs = {tuple(line.split(",")[:2]) for line in lines}
    assert set(CASE_TO_ACLED.values()) == pairs


def test_reader_skips_bad_rows() -> None:
    read = read_snippets_tsv(SAMPLE)
    assert len(read.rows) == 9
    assert [i for i, _ in read.problems] == [9, 10]
    assert "NOT_A_CODE" in read.problems[0][1]


def test_reader_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\tText\tSubType\n1\tx\tOTHER\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="EventSnippet") as info:
        read_snippets_tsv(path)
    assert "bad.tsv" in str(info.value)


def test_combine_rules() -> None:
    clash = [_event("Armed clash", "Battles")]
    assert combine(clash, "Troops fought rebels.") == "ARMED_CLASH"
    assert combine(clash, "The rebels claimed responsibility for the clash.") == "ATTRIB"
    assert combine([], "Nothing of note happened.") == "OTHER"
    assert combine([], "A storm reached the coast.") == "NATURAL_DISASTER"  # weak cue, no event
    assert combine(clash, "Fighting resumed as a storm reached the coast.") == "ARMED_CLASH"


def test_run_with_fake_extractor(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    report = run_snippets_eval(
        SAMPLE, predictions=out, classifier=SnippetClassifier(extract=fake_extract)
    )
    assert report["rows"] == 9
    assert report["accuracy"] == 1.0
    assert report["weighted_f1_acled25"] == 1.0
    assert report["details"]["acled25_rows"] == 4
    assert report["details"]["skipped_rows"] == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"id": "s1", "label": "ARMED_CLASH"}
    assert [line["id"] for line in lines] == [f"s{i}" for i in range(1, 10)]
    assert {line["label"] for line in lines} >= {"ATTRIB", "DIPLO", "ORG_CRIME"}


def test_score_labels_hand_computed() -> None:
    gold = ["ATTACK", "ATTACK", "DIPLO", "ARREST"]
    pred = ["ATTACK", "DIPLO", "DIPLO", "OTHER"]
    report = score_labels(gold, pred)
    # ATTACK P1 R.5 F 2/3; DIPLO P.5 R1 F 2/3; ARREST 0; OTHER 0 (never gold)
    assert report["accuracy"] == 0.5
    assert report["macro_f1"] == round((2 / 3 + 2 / 3) / 4, 4)
    assert report["weighted_f1"] == round((2 * 2 / 3 + 2 / 3) / 4, 4)
    # ACLED rows only: ATTACK, ATTACK, ARREST vs ATTACK, DIPLO, OTHER -> ATTACK F 2/3 (x2), ARREST 0
    assert report["weighted_f1_acled25"] == round((2 * 2 / 3) / 3, 4)


def test_protest_topic_does_not_override_protest() -> None:
    protest = [_event("Peaceful protest", "Protests")]
    text = "Residents protested against the sanctions and condemned the embassy closure."
    assert combine(protest, text) == "PEACE_PROTEST"
    assert combine([], text) == "DIPLO"


def test_extracted_other_yields_to_a_non_acled_cue() -> None:
    other = [_event("Other", "Strategic developments")]
    assert combine(other, "Residents were evacuated after a fertiliser plant exploded.") == (
        "MAN_MADE_DISASTER"
    )
    assert combine(other, "Residents were evacuated from the valley.") == "OTHER"


def test_a_later_weapon_types_a_generic_attack() -> None:
    events = [
        _event("Attack", "Violence against civilians"),
        _event("Grenade", "Explosions/Remote violence"),
    ]
    assert combine(events, "Attacks hit ten towns. Most used grenades.") == "GRENADE"
    clash_then_protest = [
        _event("Armed clash", "Battles"),
        _event("Peaceful protest", "Protests"),
    ]
    assert combine(clash_then_protest, "Troops fought rebels. Residents marched.") == (
        "ARMED_CLASH"
    )


def _told(sub: str, etype: str, sentence: str) -> Event:
    return Event(
        event_type=etype, sub_event_type=sub, actor1="X", evidence=Span(0, len(sentence), sentence)
    )


def test_a_later_sentence_tells_the_chemical_agent_or_the_ground_won() -> None:
    shelled = _told("Shelling/artillery/missile attack", "Explosions/Remote violence", "Shelled.")
    gas = _told("Chemical weapon", "Explosions/Remote violence", "The shells held chlorine.")
    assert combine([shelled, gas], "Rebels shelled the town. The shells held chlorine.") == (
        "CHEM_WEAP"
    )
    clash = _told("Armed clash", "Battles", "Troops fought rebels.")
    took = _told("Government regains territory", "Battles", "The army took control of the hill.")
    advanced = _told("Government regains territory", "Battles", "The army advanced in the east.")
    text = "Troops fought rebels. The army took control of the hill."
    assert combine([clash, took], text) == "GOV_REGAINS_TERIT"
    assert combine([clash, advanced], text) == "ARMED_CLASH"  # no place said to change hands
    moved = _told("Change to group/activity", "Strategic developments", "Troops deployed.")
    assert combine([moved, took], text) == "GOV_REGAINS_TERIT"
    assert combine([took, clash], text) == "GOV_REGAINS_TERIT"


def test_a_disaster_overrides_a_mob_reading() -> None:
    mob = [_event("Mob violence", "Riots")]
    assert combine(mob, "A tsunami after an eruption killed 200 people.") == "NATURAL_DISASTER"
