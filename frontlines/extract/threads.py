"""Signals on a comment thread: which comments an analyst should not take at face value.

Each comment gets ``signals``, a tuple of these names (defined for any thread):

- ``flooding``: the comment's author wrote a large share of the thread: at least
  ``FLOOD_MIN_COMMENTS`` comments and at least ``FLOOD_SHARE`` of a thread of at least
  ``FLOOD_MIN_THREAD`` comments. Every comment by that author carries it.
- ``off_topic``: the comment names something (a place, countries included, or an actor)
  but shares nothing with the article: no place below the level of a whole country (a
  country is too broad to tie a comment to a report), no named actor (generic ones such as
  "Military Forces of ..." or "Unidentified Armed Group" do not count) and no place of an
  event. A comment that names nothing (small talk, a joke) is not judged.
- ``duplicate``: the comment's text (case, spacing and punctuation aside; at least
  ``DUPLICATE_MIN_WORDS`` words) also appears in another comment of the thread; every
  copy carries it.
- ``unverified_claim``: the comment is presented as news (it opens with a news-flash
  marker such as "Breaking:", "Urgent:", "Just in:", "Exclusive:") and cites no source
  (no link, no "according to", "via", "reported by", "source:", no @handle).

Events drawn from a ``flooding`` or ``off_topic`` comment carry :data:`FLAGGED_WARNING`
and stay out of the map and the exports unless asked for (``--include-flagged``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..records import (
    ARTICLE,
    COMMENT,
    FLAGGED_WARNING,
    Analysis,
    Comment,
    Document,
    Event,
    Mention,
    is_flagged,
)
from .actors.registry import ActorRegistry, _named

FLOODING = "flooding"
OFF_TOPIC = "off_topic"
DUPLICATE = "duplicate"
UNVERIFIED_CLAIM = "unverified_claim"
HIDING = frozenset({FLOODING, OFF_TOPIC})
__all__ = ["FLAGGED_WARNING", "is_flagged", "mark_flagged", "thread_signals", "unflagged"]

FLOOD_MIN_THREAD = 6
FLOOD_MIN_COMMENTS = 3
FLOOD_SHARE = 1 / 3
DUPLICATE_MIN_WORDS = 3

_NEWS_FLASH = re.compile(
    r"^\W*(breaking(\s+news)?|urgent|just\s+in|exclusive|developing|alert|confirmed)\s*[:!\-–—|]",
    re.IGNORECASE,
)
_SOURCED = re.compile(
    r"https?://|www\.|\baccording\s+to\b|\bvia\b|\breported\s+by\b|\bsources?\s*:|"
    r"\bcited\s+by\b|\bquoted\s+by\b|(?<!\w)@\w{2,}",
    re.IGNORECASE,
)
_COUNTRY_FEATURES = ("A.PCL",)


def thread_signals(
    document: Document, mentions: list[Mention], actors: ActorRegistry | None = None
) -> list[Comment]:
    """The document's comments with their ``signals`` set (a new list)."""
    comments = document.comments
    flooders = _flooders(comments)
    repeated = _repeated(comments)
    article = _topic(document.text, [m for m in mentions if m.source_part == ARTICLE], actors)
    out: list[Comment] = []
    for comment in comments:
        signals: list[str] = []
        if comment.author and comment.author in flooders:
            signals.append(FLOODING)
        own = [m for m in mentions if m.source_part == COMMENT and m.comment_id == comment.id]
        if _off_topic(comment.text, own, actors, article):
            signals.append(OFF_TOPIC)
        if comment.id in repeated:
            signals.append(DUPLICATE)
        if _NEWS_FLASH.search(comment.text) and not _SOURCED.search(comment.text):
            signals.append(UNVERIFIED_CLAIM)
        out.append(dataclasses.replace(comment, signals=tuple(signals)))
    return out


def hides(comment: Comment) -> bool:
    """True when events drawn from ``comment`` stay out of the map and exports."""
    return bool(HIDING.intersection(comment.signals))


def unflagged(events: Iterable[Event], include_flagged: bool = False) -> list[Event]:
    """``events`` without those drawn from flagged comments (all when ``include_flagged``)."""
    return list(events) if include_flagged else [e for e in events if not is_flagged(e)]


def mark_flagged(events: list[Event], comments: list[Comment]) -> None:
    """Add :data:`FLAGGED_WARNING` (with the signals) to events drawn from hiding comments."""
    by_id = {c.id: c for c in comments}
    for event in events:
        comment = by_id.get(event.comment_id or "") if event.source_part == COMMENT else None
        if comment is None or not hides(comment) or is_flagged(event):
            continue
        names = ", ".join(s for s in comment.signals if s in HIDING)
        event.warnings.append(f"{FLAGGED_WARNING} ({names})")


def _flooders(comments: list[Comment]) -> set[str]:
    if len(comments) < FLOOD_MIN_THREAD:
        return set()
    counts = Counter(c.author for c in comments if c.author)
    return {
        author for author, n in counts.items()
        if n >= FLOOD_MIN_COMMENTS and n >= FLOOD_SHARE * len(comments)
    }  # fmt: skip


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _repeated(comments: list[Comment]) -> set[str]:
    groups: dict[str, list[str]] = {}
    for comment in comments:
        key = _normal(comment.text)
        if len(key.split()) >= DUPLICATE_MIN_WORDS:
            groups.setdefault(key, []).append(comment.id)
    return {cid for ids in groups.values() if len(ids) > 1 for cid in ids}


Topic = tuple[set[str], set[str], int]  # shared-able places, named actors, everything named


def _topic(text: str, mentions: list[Mention], actors: ActorRegistry | None) -> Topic:
    places: set[str] = set()
    named = 0
    for mention in mentions:
        if mention.kind != "toponym":
            continue
        named += 1
        place = mention.place
        if place is not None and place.feature.startswith(_COUNTRY_FEATURES):
            continue
        places.add(_normal(mention.text))
        if place is not None:
            places.update({place.id, _normal(place.name)})
    found = actors.find(text) if actors is not None else []
    names = {actor.name for _, actor in found if _named(actor)}
    return places, names, named + len(found)


def _off_topic(
    text: str, mentions: list[Mention], actors: ActorRegistry | None, article: Topic
) -> bool:
    places, names, named = _topic(text, mentions, actors)
    if named == 0:
        return False
    return not (places & article[0]) and not (names & article[1])


class ThreadSignals:
    """The pipeline stage: sets every comment's ``signals`` (needs the places found)."""

    def __init__(self, actors: Callable[[], ActorRegistry | None]) -> None:
        self._actors = actors

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for analysis in batch:
            document = analysis.document
            if document.comments:
                document.comments = thread_signals(document, analysis.mentions, self._actors())
        return batch
