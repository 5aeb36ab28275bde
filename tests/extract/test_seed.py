"""The seed page, with hand-built mentions at the README's coordinates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from frontlines.extract import EventExtractor
from frontlines.records import Comment, Document, Event, Mention, Place

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_df8a6d98738c5656.txt"

PLACES = {
    "Homs-Deir Ezzor desert": Place("cur:badia", "Syrian Desert", 34.8, 39.0, "T.DSRT", "SY"),
    "al-Mayadin": Place("gn:al_mayadin", "Al Mayadin", 35.02, 40.45, "P.PPL", "SY", "Deir ez-Zor"),
    "Palmyra": Place("gn:palmyra", "Tadmur", 34.56, 38.28, "P.PPL", "SY", "Homs"),
    "Euphrates Valley": Place("cur:euphrates", "Euphrates Valley", 35.0, 40.4, "T.VAL", "SY"),
    "Idlib": Place("gn:idlib", "Idlib", 35.93, 36.63, "P.PPLA", "SY", "Idlib"),
    "Al Mayadin": Place("gn:al_mayadin", "Al Mayadin", 35.02, 40.45, "P.PPL", "SY", "Deir ez-Zor"),
}


def _article_and_comments(raw: str) -> tuple[str, list[Comment]]:
    start = raw.index("Syrian government forces are developing")
    end = raw.index("Do you like this content?")
    article = raw[start:end].strip()
    tail = raw[end:]
    comments = []
    for i, block in enumerate(re.split(r"\n\s*[•◦]\s*", tail)[1:]):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        comments.append(Comment(f"c{i}", lines[0], None, 0, " ".join(lines[1:])))
    return article, comments


def _mentions(text: str, part: str = "article", comment_id: str | None = None) -> list[Mention]:
    out = []
    for name, place in PLACES.items():
        for m in re.finditer(re.escape(name), text):
            precision = 3 if place.feature_class != "P" else 1
            out.append(Mention(name, m.start(), m.end(), part, comment_id, place, precision))  # type: ignore[arg-type]
    for m in re.finditer("Al Hasyan", text):
        out.append(Mention("Al Hasyan", m.start(), m.end(), part, comment_id, None))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def events() -> list[Event]:
    if not SEED.exists():
        pytest.skip(f"seed page absent: {SEED} (the shared folder beside the project)")
    article, comments = _article_and_comments(SEED.read_text("utf-8"))
    doc = Document(
        "seed", "seed.txt", "Syrian Forces ...", article, dt.date(2018, 5, 14), comments=comments
    )
    mentions = _mentions(article)
    for c in comments:
        mentions += _mentions(c.text, "comment", c.id)
    return EventExtractor().extract(doc, mentions)


def _article(events: list[Event]) -> list[Event]:
    return [e for e in events if e.source_part == "article"]


def test_regains_territory_near_al_mayadin(events: list[Event]) -> None:
    hits = [e for e in _article(events) if e.location == "Al Mayadin"]
    assert hits, [e.to_dict() for e in events]
    event = hits[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Government regains territory")
    assert event.actor1 == "Military Forces of Syria (2000-)"
    assert event.assoc_actor_1 == "QDW: National Defence Forces"
    assert event.actor2 == "Islamic State (Syria)"
    assert event.geo_precision == 2
    assert event.interaction == 12


def test_al_hasyan_event(events: list[Event]) -> None:
    hits = [e for e in _article(events) if e.location == "Al Hasyan"]
    assert len(hits) == 1
    assert hits[0].sub_event_type == "Government regains territory"
    assert hits[0].geo_precision == 2
    assert hits[0].latitude == pytest.approx(35.02)
    assert hits[0].warnings


def test_security_operation_in_desert(events: list[Event]) -> None:
    hits = [e for e in _article(events) if e.place_id == "cur:badia"]
    assert hits
    assert all(e.geo_precision == 3 for e in hits)
    assert any(e.sub_event_type == "Other" and e.event_date.startswith("2018-03") for e in hits)


def test_no_events_from_threats_plans_or_negations(events: list[Event]) -> None:
    texts = " ".join(e.evidence.text for e in events)
    assert "pose a direct threat" not in texts
    assert "not able to clear" not in texts
    assert "As soon as government troops liberate" not in texts
    assert "easy peasy" not in texts


def test_comment_claims_low_credibility(events: list[Event]) -> None:
    for event in events:
        if event.source_part == "comment":
            assert event.credibility == "low"
            assert "drawn from a reader comment" in event.warnings
    assert len(_article(events)) <= 5
