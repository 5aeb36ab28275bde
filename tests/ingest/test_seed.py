"""The seed page (../shared/seed), read as plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.ingest import load

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_df8a6d98738c5656.txt"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not SEED.exists(), reason=f"seed page not found at {SEED} (../shared absent)"
    ),
]
TITLE = "Syrian Forces Develop Security Operation Against ISIS Cells In Homs-Deir Ezzor Desert"


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    [document] = load(SEED)
    return document


def test_title_once_and_not_in_text(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.title == TITLE
    assert TITLE not in doc.text
    assert doc.kind == "text"


def test_five_paragraphs_verbatim(doc) -> None:  # type: ignore[no-untyped-def]
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0] == (
        "Syrian government forces are developing their anti-ISIS operation in the "
        "Homs-Deir Ezzor desert."
    )
    assert "in the area of Al Hasyan, which has been cleared from ISIS members." in paragraphs[1]
    assert paragraphs[4].endswith("may become not the main area of the SAA’s efforts.")


def test_furniture_kept_apart(doc) -> None:  # type: ignore[no-untyped-def]
    for piece in (
        "0 $",
        "2,350 $",
        "4,700 $",
        "924 $",
        "Do you like this content? Consider helping us!",
    ):
        assert piece in doc.furniture
    assert "$" not in doc.text
    assert "Consider helping us" not in doc.text
    assert "Click to see the full-size map" not in doc.text
    assert len(doc.map_images) == 1


def test_comments(doc) -> None:  # type: ignore[no-untyped-def]
    comments = doc.comments
    assert len(comments) == 13
    assert [c.id for c in comments] == [f"c{i}" for i in range(1, 14)]
    assert sum(c.author == "Rob" for c in comments) == 7
    assert len({c.author for c in comments}) == 7
    replies = [c for c in comments if c.parent is not None]
    assert [(r.author, r.parent, r.depth) for r in replies] == [
        ("You can call me Al", "c1", 1),
        ("FlorianGeyer", "c7", 1),
    ]
    assert comments[0].author == "Hrky75"
    assert comments[6].text == "Rebellion and murder has begun in Idlib-"
    assert comments[11].text.endswith("Shame.\nGet out from Palestine and other Muslim countries.")
    assert all(c.text for c in comments)
    assert "Hrky75" not in doc.text and "easy peasy" not in doc.text


def test_unknown_date_warns_and_argument_wins(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.published is None and doc.published_from == "unknown"
    assert any("--published YYYY-MM-DD" in w for w in doc.warnings)
    [dated] = load(SEED, published=dt.date(2018, 5, 14))
    assert dated.published == dt.date(2018, 5, 14)
    assert dated.published_from == "argument"
    assert not any("--published" in w for w in dated.warnings)
    assert dated.id == doc.id


def test_idempotent_id(doc) -> None:  # type: ignore[no-untyped-def]
    [again] = load(SEED)
    assert again.id == doc.id
    assert doc.id.startswith("sha256:") and len(doc.id) == 7 + 64
