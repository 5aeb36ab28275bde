"""The non-ACLED cue classifier, on sentences written for these tests."""

from __future__ import annotations

import pytest

from frontlines.extract.types.nonacled import (
    ATTRIB,
    DIPLO,
    MAN_MADE_DISASTER,
    MIN_SCORE,
    NATURAL_DISASTER,
    ORG_CRIME,
    classify_nonacled,
    matched_cues,
    nonacled_scores,
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Flash floods swept through three villages after two days of torrential rain.",
            NATURAL_DISASTER,
        ),
        ("A magnitude 6.1 earthquake struck the mountain district before dawn.", NATURAL_DISASTER),
        (
            "Firefighters battled a wildfire that forced thousands from their homes.",
            NATURAL_DISASTER,
        ),
        (
            "Health officials declared a cholera outbreak in the displacement camps.",
            NATURAL_DISASTER,
        ),
        ("Twelve workers died in a gas explosion at the fertiliser factory.", MAN_MADE_DISASTER),
        ("A packed minibus overturned on the mountain pass, killing nine.", MAN_MADE_DISASTER),
        (
            "The ferry capsized in the estuary with over a hundred people on board.",
            MAN_MADE_DISASTER,
        ),
        ("The old dam burst after years of neglect, flooding the valley below.", MAN_MADE_DISASTER),
        ("The union imposed new sanctions on the defence ministry and its suppliers.", DIPLO),
        ("The country recalled its ambassador in protest at the border incursion.", DIPLO),
        (
            "The foreign minister condemned the bombing and called on both sides to show restraint.",
            DIPLO,
        ),
        ("Border guards seized a truck of smuggled cigarettes bound for the cartel.", ORG_CRIME),
        ("The former governor was charged with embezzlement and money laundering.", ORG_CRIME),
        ("Hackers hit the port authority with ransomware, halting cargo for days.", ORG_CRIME),
        ("The militant group claimed responsibility for the roadside bombing.", ATTRIB),
        ("The rebels denied any involvement in the massacre of villagers.", ATTRIB),
        ("No group has claimed the attack so far.", ATTRIB),
        ("The army blamed the separatists for the attack on the checkpoint.", ATTRIB),
    ],
)
def test_classes_on_own_sentences(text: str, label: str) -> None:
    found, score = classify_nonacled(text)
    assert found == label, (text, nonacled_scores(text))
    assert MIN_SCORE <= score <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Government troops clashed with rebels near the river crossing.",
        "Demonstrators gathered outside parliament to demand fresh elections.",
        "",
    ],
)
def test_acled_events_get_no_nonacled_class(text: str) -> None:
    found, _ = classify_nonacled(text)
    assert found is None


def test_scores_combine_evidence() -> None:
    one = nonacled_scores("The storm reached the coast.")[NATURAL_DISASTER]
    two = nonacled_scores("The storm and a landslide hit the coast.")[NATURAL_DISASTER]
    assert 0 < one < two <= 1


def test_min_score_threshold_controls_abstention() -> None:
    text = "The storm reached the coast."
    assert classify_nonacled(text, min_score=0.99)[0] is None
    assert classify_nonacled(text, min_score=0.1)[0] == NATURAL_DISASTER


def test_matched_cues_explain_decision() -> None:
    cues = matched_cues("The group claimed responsibility.")
    assert cues[ATTRIB] and not cues[DIPLO]
