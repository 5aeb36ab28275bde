"""The user-trained sub-event model: training, prediction, refinement, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.extract.types import learned
from frontlines.extract.types.eventtypes import make_class
from frontlines.records import Span

ROWS = [
    ("Gunmen on motorbikes robbed the grain store and burned it down.", "Looting/property destruction"),
    ("Raiders looted shops in the market and set stalls ablaze.", "Looting/property destruction"),
    ("Looters emptied the warehouse of the aid agency overnight.", "Looting/property destruction"),
    ("Residents marched peacefully to the town hall over water cuts.", "Peaceful protest"),
    ("Teachers rallied peacefully outside the ministry over unpaid wages.", "Peaceful protest"),
    ("Farmers marched peacefully along the main road over fuel prices.", "Peaceful protest"),
]  # fmt: skip


def test_features_drop_the_leading_date_and_fold_numbers() -> None:
    feats = learned.features("On 3 May 2022, 40 farmers marched.")
    assert "may" not in feats and "0" in feats and "0 farmers" in feats


def test_trained_model_predicts_its_classes() -> None:
    model = learned.train(ROWS, min_count=1)
    label, posterior = model.predict("Shops were looted and burned by raiders.")
    assert label == "Looting/property destruction" and 0.5 < posterior <= 1.0
    assert model.predict("Nurses marched peacefully over pay.")[0] == "Peaceful protest"


def test_refine_relabels_only_when_confident() -> None:
    model = learned.train(ROWS, min_count=1)
    rules = make_class("Attack", Span(0, 6, "robbed"))
    model.threshold = 0.5
    assert model.refine("Raiders looted and burned shops.", rules).sub_event_type == (
        "Looting/property destruction"
    )
    model.threshold = 1.01  # never confident enough
    assert model.refine("Raiders looted and burned shops.", rules) is rules


def test_unknown_label_and_empty_training_are_refused() -> None:
    with pytest.raises(ConfigError, match="not an ACLED sub-event type"):
        learned.train([("text", "Picnic")])
    with pytest.raises(ConfigError, match="no training rows"):
        learned.train([])


def test_model_file_round_trip_and_bad_files(tmp_path: Path) -> None:
    model = learned.train(ROWS, min_count=1)
    path = learned.save(model, tmp_path / "m.json")
    again = learned.load(path)
    text = "Looters burned the market."
    assert again.predict(text) == pytest.approx(model.predict(text))
    (tmp_path / "bad.json").write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.json.*not a frontlines sub-event model"):
        learned.load(tmp_path / "bad.json")
    with pytest.raises(ConfigError, match=r"missing\.json"):
        learned.load(tmp_path / "missing.json")


def test_extractor_lets_a_confident_model_relabel_but_never_invent() -> None:
    from frontlines.extract import EventExtractor

    only_protests = learned.train([r for r in ROWS if r[1] == "Peaceful protest"], min_count=1)
    extractor = EventExtractor(event_model=only_protests)
    day = None
    [event] = extractor.extract_text("Raiders looted shops in the market.", day)
    assert event.sub_event_type == "Peaceful protest" and event.event_type == "Protests"
    assert extractor.extract_text("The weather was mild and the shops were open.", day) == []
    assert EventExtractor().extract_text("Raiders looted shops in the market.", day)[
        0
    ].sub_event_type == ("Looting/property destruction")


def test_extractor_reads_the_model_named_in_settings(tmp_path: Path) -> None:
    from frontlines.config import Settings
    from frontlines.extract import EventExtractor

    path = learned.save(learned.train(ROWS, min_count=1), tmp_path / "m.json")
    assert EventExtractor(settings=Settings(event_model=path)).event_model is not None
    assert EventExtractor(settings=Settings()).event_model is None
    broken = EventExtractor(settings=Settings(event_model=tmp_path / "none.json"))
    with pytest.raises(ConfigError, match=r"none\.json"):
        _ = broken.event_model
