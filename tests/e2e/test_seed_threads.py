"""The seed page's comment thread: Rob floods it with slogans; the map shows none of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES

SEED = SAMPLES / "syria_desert_operation.txt"


@pytest.fixture(scope="module")
def seed(gazetteer_file: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "frontlines", "extract", str(SEED), "--published", "2018-05-14", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(proc.stdout))


def _by_text(seed: dict[str, Any], fragment: str) -> dict[str, Any]:
    return next(c for c in seed["comments"] if fragment in c["text"])


def test_every_comment_by_rob_is_flooding(seed: dict[str, Any]) -> None:
    assert seed["document"]["comment_authors"]["Rob"] == 7
    for comment in seed["comments"]:
        assert ("flooding" in comment["signals"]) == (comment["author"] == "Rob")


def test_robs_slogans_are_off_topic_not_the_comments_about_the_operation(
    seed: dict[str, Any],
) -> None:
    for slogan in ("Trump, May and Macron use", "illegal military bases", "head choppers",
                   "very significant role", "red by the blood"):  # fmt: skip
        assert "off_topic" in _by_text(seed, slogan)["signals"], slogan
    for on_topic in ("eliminating ISIS", "in that pocket", "attack frkm Al Mayadin"):
        assert "off_topic" not in _by_text(seed, on_topic)["signals"], on_topic


def test_breaking_claim_without_source(seed: dict[str, Any]) -> None:
    assert "unverified_claim" in _by_text(seed, "Breaking:")["signals"]
    assert sum("unverified_claim" in c["signals"] for c in seed["comments"]) == 1


def test_the_map_shows_robs_slogans_nowhere(app: Any, tmp_path: Path) -> None:
    db = tmp_path / "seed.sqlite"
    report = app.ingest([SEED], db=db)
    assert report.ok
    rob = [c.text for d in app.open_store(db).documents() for c in d.comments if c.author == "Rob"]
    assert len(rob) == 7
    html = Path(app.write_map(tmp_path / "map.html", db=db)).read_text("utf-8")
    for text in rob:
        words = text.split()
        for start in range(0, max(1, len(words) - 3), 3):
            assert " ".join(words[start : start + 4]) not in html, text
    flagged = Path(app.write_map(tmp_path / "all.html", db=db, include_flagged=True)).read_text(
        "utf-8"
    )
    assert "Rebellion and murder" in flagged  # the event is kept, only left out by default
