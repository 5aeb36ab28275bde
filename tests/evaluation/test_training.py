"""``frontlines train``: a model from the user's own ACLED-format rows, with held-out scores."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from frontlines.cli import main
from frontlines.errors import ConfigError
from frontlines.evaluation.acled_rows import REQUIRED_COLUMNS
from frontlines.evaluation.training import train_from_csv
from frontlines.extract.types import learned

LOOT = "Armed men looted {} shops in the market and burned the stalls."
MARCH = "About {} residents marched peacefully to the district office over water cuts."


def _csv(path: Path, rows: int = 40) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fp:
        out = csv.DictWriter(fp, fieldnames=list(REQUIRED_COLUMNS))
        out.writeheader()
        for i in range(rows):
            loot = i % 2 == 0
            out.writerow({
                "event_date": "2022-05-01",
                "event_type": "Strategic developments" if loot else "Protests",
                "sub_event_type": "Looting/property destruction" if loot else "Peaceful protest",
                "actor1": "", "actor2": "", "latitude": "1.0", "longitude": "2.0",
                "geo_precision": "1", "fatalities": "0",
                "notes": (LOOT if loot else MARCH).format(i + 3),
            })  # fmt: skip
        out.writerow({"event_date": "not a date", "notes": "x"})
    return path


def test_train_writes_a_model_and_scores_the_held_out_rows(tmp_path: Path) -> None:
    report = train_from_csv(_csv(tmp_path / "rows.csv"), tmp_path / "model.json", holdout=0.25)
    assert report["rows"] == 40 and report["skipped"] == 1
    assert report["holdout"]["rows"] == 10 and report["holdout"]["accuracy"] == 1.0
    model = learned.load(report["model"])
    assert model.predict(LOOT.format(99))[0] == "Looting/property destruction"


def test_bad_holdout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="holdout"):
        train_from_csv(_csv(tmp_path / "rows.csv"), tmp_path / "m.json", holdout=1.0)


def test_cli_prints_one_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _csv(tmp_path / "rows.csv")
    status = main(["train", str(rows), "--out", str(tmp_path / "m.json"), "--json"])
    assert status == 0
    report = json.loads(capsys.readouterr().out)
    assert Path(report["model"]).is_file() and "Peaceful protest" in report["labels"]
