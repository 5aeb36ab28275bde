"""The one record vocabulary passed between stages.

Every value that comes from a page keeps its provenance: the document id, which part of
the page it came from (``"article"`` or ``"comment"`` with the comment id), and character
offsets into that part's text (``Document.text`` or ``Comment.text``).

    bytes -> Document -> [Mention] (with Place) -> [Event] -> store -> publish

Records are plain dataclasses: stages build them, the store persists them, publishers read
them. ``to_dict`` gives the JSON shape used by ``frontlines extract --json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SourcePart = Literal["article", "comment"]
Credibility = Literal["high", "medium", "low"]

ARTICLE: SourcePart = "article"
COMMENT: SourcePart = "comment"
# The warning an event drawn from a flooding or off-topic comment carries
# (``frontlines.extract.threads``); such events stay out of the map, the exports and
# /api/events unless asked for.
FLAGGED_WARNING = "drawn from a flagged comment"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text: ``start``/``end`` are offsets into one part's text (end-exclusive)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment. ``parent`` is the parent comment's id (None at top level);
    ``signals`` are set by the thread-signals stage."""

    id: str
    author: str
    parent: str | None
    depth: int
    text: str
    published: str | None = None
    # what an analyst should know about it: flooding, off_topic, duplicate,
    # unverified_claim (frontlines.extract.threads defines each)
    signals: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "parent": self.parent,
            "depth": self.depth,
            "text": self.text,
            "published": self.published,
            "signals": list(self.signals),
        }


@dataclass(slots=True)
class Relevance:
    """Whether a document reports political violence, protest or strategic developments
    (ACLED's sense), with the cues that decided: ``score`` is compared with ``threshold``;
    ``domains`` are the other domains the page is mostly about (sport, fiction, ...);
    ``sentences`` lists the candidate sentences whose trigger had another sense."""

    relevant: bool
    score: float
    threshold: float
    reasons: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "relevant": self.relevant,
            "score": self.score,
            "threshold": self.threshold,
            "reasons": list(self.reasons),
            "domains": list(self.domains),
            "sentences": [dict(s) for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relevance:
        return cls(
            relevant=bool(data["relevant"]),
            score=float(data["score"]),
            threshold=float(data["threshold"]),
            reasons=list(data.get("reasons", [])),
            domains=list(data.get("domains", [])),
            sentences=list(data.get("sentences", [])),
        )


@dataclass(slots=True)
class Document:
    """One ingested page: the article text alone, its comments apart, its furniture listed.

    ``id`` is a stable hash of the page's content, so the same page ingested twice has the
    same id. ``published_from`` says where the date came from: ``"metadata"``,
    ``"argument"`` (``--published``) or ``"unknown"``.
    """

    id: str
    source: str
    title: str
    text: str
    published: dt.date | None = None
    published_from: str = "unknown"
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    kind: str = "text"
    comments: list[Comment] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    map_images: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    relevance: Relevance | None = None

    def part_text(self, part: SourcePart, comment_id: str | None = None) -> str:
        """The text that offsets with this ``part``/``comment_id`` point into."""
        if part == ARTICLE:
            return self.text
        for comment in self.comments:
            if comment.id == comment_id:
                return comment.text
        raise KeyError(f"document {self.id} has no comment {comment_id!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
            "kind": self.kind,
            "text": self.text,
            "furniture": list(self.furniture),
            "map_images": list(self.map_images),
            "warnings": list(self.warnings),
            "relevance": self.relevance.to_dict() if self.relevance else None,
            "comment_authors": self.comment_authors(),
        }

    def comment_authors(self) -> dict[str, int]:
        """How many comments each author wrote, most prolific first."""
        counts: dict[str, int] = {}
        for comment in self.comments:
            counts[comment.author] = counts.get(comment.author, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry.

    ``id`` is the gazetteer's own key (``"gn:170794"`` for GeoNames, ``"wp:sy:123"`` for a
    Wikipedia detailed-map point, ``"cur:..."`` for a curated feature). ``feature`` is the
    GeoNames ``class.code`` (``"P.PPL"``, ``"A.ADM1"``, ``"L.RGN"``, ``"T.DSRT"``...).
    ``country`` is ISO 3166-1 alpha-2 ("" when none, e.g. a sea).
    """

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    geonameid: int | None = None
    source: str = "geonames"

    @property
    def feature_class(self) -> str:
        return self.feature.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict(self)`` (every field a scalar), without its deep copy:
        each stored mention writes its place."""
        return {name: getattr(self, name) for name in _PLACE_FIELDS}


_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Place))


@dataclass(slots=True)
class Mention:
    """A place named in the text, resolved (``place``) or not (``place is None``).

    ``precision`` is ACLED's geo precision: 1 the place itself, 2 near it / part of a
    region, 3 a larger region. ``relation`` keeps a spatial cue such as ``"southwest of"``.
    ``kind`` is ``"toponym"`` or ``"demonym"`` (demonyms inform the country focus but are
    not plotted).
    """

    text: str
    start: int
    end: int
    source_part: SourcePart = ARTICLE
    comment_id: str | None = None
    place: Place | None = None
    precision: int = 1
    relation: str = ""
    kind: str = "toponym"
    score: float = 0.0
    candidates: tuple[Place, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        place = self.place
        return {
            "name": self.text,
            "resolved_name": place.name if place else None,
            "source_part": self.source_part,
            "comment_id": self.comment_id,
            "start": self.start,
            "end": self.end,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "geonameid": place.geonameid if place else None,
            "place_id": place.id if place else None,
            "feature": place.feature if place else None,
            "country": place.country if place else None,
            "precision": self.precision,
            "relation": self.relation,
            "kind": self.kind,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor in ACLED's naming, with its ACLED inter code (1-8)."""

    name: str
    inter: int
    country: str = ""
    aliases: tuple[str, ...] = ()


# ACLED's own columns, names and order (the export writes these first).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


@dataclass(slots=True)
class Event:
    """An event in ACLED's schema, plus its provenance.

    ``evidence`` points into ``document.part_text(source_part, comment_id)``.
    ``time_precision``: 1 day, 2 week, 3 month (ACLED). ``event_date`` is ``YYYY-MM-DD`` or
    "" when no publication date was known. ``credibility`` is ``"low"`` for anything
    drawn from a reader comment.
    """

    event_type: str
    sub_event_type: str
    actor1: str
    evidence: Span
    event_date: str = ""
    time_precision: int = 3
    disorder_type: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    fatalities_known: bool = False
    notes: str = ""
    source_part: SourcePart = ARTICLE
    comment_id: str | None = None
    credibility: Credibility = "high"
    document_id: str = ""
    source: str = ""
    source_url: str = ""
    place_id: str = ""
    # why the place was chosen: the candidates' winning reasons, "; "-joined
    location_reason: str = ""
    warnings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    event_id: str = ""

    ACLED_FIELDS = (
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude", "longitude",
        "geo_precision", "fatalities", "notes",
    )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.ACLED_FIELDS}
        out.update(
            {
                "event_id": self.event_id,
                "disorder_type": self.disorder_type,
                "inter1": self.inter1,
                "inter2": self.inter2,
                "interaction": self.interaction,
                "civilian_targeting": self.civilian_targeting,
                "country": self.country,
                "admin1": self.admin1,
                "admin2": self.admin2,
                "fatalities_known": self.fatalities_known,
                "evidence": self.evidence.to_dict(),
                "source_part": self.source_part,
                "comment_id": self.comment_id,
                "credibility": self.credibility,
                "document_id": self.document_id,
                "source": self.source,
                "source_url": self.source_url,
                "place_id": self.place_id,
                "location_reason": self.location_reason,
                "warnings": list(self.warnings),
                "sources": list(self.sources),
            }
        )
        return out


@dataclass(slots=True)
class Analysis:
    """What the pipeline knows about one document; stages fill it in turn."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # the packed copy signature of the text (``events.copies``), when computed before saving
    signature: bytes = b""

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "document": doc.to_dict(),
            "comments": [c.to_dict() for c in doc.comments],
            "places": [m.to_dict() for m in self.mentions if m.kind == "toponym"],
            "events": [e.to_dict() for e in self.events],
            "warnings": list(doc.warnings),
        }


@dataclass(frozen=True, slots=True)
class ControlClaim:
    """A statement that ``holder`` controls ``place`` from a date (territorial evidence)."""

    place_id: str
    place_name: str
    holder: str
    since: str
    until: str = ""
    confidence: float = 0.5
    kind: str = "event"
    evidence: Span | None = None
    document_id: str = ""
    event_id: str = ""


def is_flagged(event: Event) -> bool:
    """True for an event drawn from a flooding or off-topic comment."""
    return any(w.startswith(FLAGGED_WARNING) for w in event.warnings)
