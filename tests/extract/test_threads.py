"""Comment-thread signals: flooding, off_topic, duplicate, unverified_claim (general rules)."""

from __future__ import annotations

from frontlines.extract.actors.registry import ActorRegistry
from frontlines.extract.threads import (
    FLAGGED_WARNING,
    ThreadSignals,
    is_flagged,
    mark_flagged,
    thread_signals,
    unflagged,
)
from frontlines.records import Analysis, Comment, Document, Event, Mention, Place, Span

ARTICLE = "Fighters of ISIS attacked an army post near Qaryatayn in the desert."
QARYATAYN = Place("gn:1", "Al Qaryatayn", 34.23, 37.24, "P.PPL", "SY")
RAQQA = Place("gn:2", "Ar Raqqah", 35.95, 39.01, "P.PPLA", "SY")
SYRIA = Place("gn:3", "Syria", 35.0, 38.0, "A.PCLI", "SY")
FRANCE = Place("gn:4", "France", 46.0, 2.0, "A.PCLI", "FR")


def mention(text: str, body: str, place: Place, comment_id: str | None = None) -> Mention:
    at = body.index(text)
    part = "comment" if comment_id else "article"
    return Mention(text, at, at + len(text), part, comment_id, place)  # type: ignore[arg-type]


def signals_of(comments: list[Comment], mentions: list[Mention]) -> dict[str, list[str]]:
    doc = Document("d", "t.txt", "T", ARTICLE, comments=comments)
    article = [mention("Qaryatayn", ARTICLE, QARYATAYN)]
    out = thread_signals(doc, article + mentions, ActorRegistry.default())
    return {c.id: list(c.signals) for c in out}


def test_one_author_with_a_large_share_of_the_thread_is_flooding() -> None:
    comments = [
        Comment(f"c{i}", "amy" if i % 2 else f"u{i}", None, 0, f"note {i}") for i in range(8)
    ]
    found = signals_of(comments, [])
    assert all(("flooding" in found[c.id]) == (c.author == "amy") for c in comments)


def test_a_short_thread_or_a_small_share_is_not_flooding() -> None:
    short = [Comment(f"c{i}", "amy", None, 0, f"note {i}") for i in range(3)]
    assert not any("flooding" in s for s in signals_of(short, []).values())
    spread = [Comment(f"c{i}", f"u{i % 5}", None, 0, f"note {i}") for i in range(10)]
    assert not any("flooding" in s for s in signals_of(spread, []).values())


def test_off_topic_needs_something_named_and_nothing_shared() -> None:
    texts = {
        "far": "Everyone knows France is behind the war in Raqqa.",
        "place": "Qaryatayn was hit before, last year.",
        "actor": "ISIS will be back, mark my words.",
        "country": "France and Syria again.",
        "talk": "Ha ha, good one!",
    }
    comments = [Comment(k, k, None, 0, t) for k, t in texts.items()]
    mentions = [
        mention("France", texts["far"], FRANCE, "far"),
        mention("Raqqa", texts["far"], RAQQA, "far"),
        mention("Qaryatayn", texts["place"], QARYATAYN, "place"),
        mention("France", texts["country"], FRANCE, "country"),
        mention("Syria", texts["country"], SYRIA, "country"),
    ]
    found = signals_of(comments, mentions)
    assert "off_topic" in found["far"]
    assert "off_topic" in found["country"]  # a shared country alone is too broad
    assert "off_topic" not in found["place"]
    assert "off_topic" not in found["actor"]
    assert "off_topic" not in found["talk"]  # names nothing: not judged


def test_repeated_text_is_duplicate_in_every_copy() -> None:
    comments = [
        Comment("a", "x", None, 0, "Free the prisoners now!"),
        Comment("b", "y", None, 0, "free  the prisoners, NOW"),
        Comment("c", "z", None, 0, "Free the prisoners later."),
        Comment("d", "x", None, 0, "ok"),
        Comment("e", "y", None, 0, "ok"),
    ]
    found = signals_of(comments, [])
    assert "duplicate" in found["a"] and "duplicate" in found["b"]
    assert not found["c"] and not found["d"] and not found["e"]  # too short to count


def test_news_flash_without_a_source_is_an_unverified_claim() -> None:
    comments = [
        Comment("a", "x", None, 0, "BREAKING: the dam has collapsed"),
        Comment("b", "x", None, 0, "Breaking: the dam has collapsed, according to SANA"),
        Comment("c", "x", None, 0, "Urgent - convoy hit https://example.org/report"),
        Comment("d", "x", None, 0, "Just in: a convoy was hit"),
        Comment("e", "x", None, 0, "This is breaking news to me: no idea."),
    ]
    found = signals_of(comments, [])
    assert "unverified_claim" in found["a"] and "unverified_claim" in found["d"]
    assert "unverified_claim" not in found["b"] + found["c"] + found["e"]


def _event(comment_id: str | None) -> Event:
    part = "comment" if comment_id else "article"
    return Event("Battles", "Armed clash", "X", Span(0, 1, "x"), source_part=part,  # type: ignore[arg-type]
                 comment_id=comment_id)  # fmt: skip


def test_events_from_flooding_or_off_topic_comments_are_flagged() -> None:
    comments = [
        Comment("a", "x", None, 0, "t", signals=("flooding",)),
        Comment("b", "y", None, 0, "t", signals=("off_topic", "duplicate")),
        Comment("c", "z", None, 0, "t", signals=("duplicate", "unverified_claim")),
    ]
    events = [_event(None), _event("a"), _event("b"), _event("c")]
    mark_flagged(events, comments)
    mark_flagged(events, comments)  # once only
    assert [is_flagged(e) for e in events] == [False, True, True, False]
    assert events[2].warnings == [f"{FLAGGED_WARNING} (off_topic)"]
    assert unflagged(events) == [events[0], events[3]]
    assert unflagged(events, include_flagged=True) == events


def test_stage_sets_signals_and_document_json_counts_authors() -> None:
    comments = [Comment(f"c{i}", "amy" if i < 4 else "bo", None, 0, f"n {i}") for i in range(6)]
    doc = Document("d", "t.txt", "T", ARTICLE, comments=comments)
    [analysis] = ThreadSignals(lambda: None)([Analysis(doc)])
    data = analysis.to_dict()
    assert data["document"]["comment_authors"] == {"amy": 4, "bo": 2}
    assert data["comments"][0]["signals"] == ["flooding"]
    assert data["comments"][5]["signals"] == []
