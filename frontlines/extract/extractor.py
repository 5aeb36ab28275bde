"""EventExtractor: sentences -> ACLED events with evidence, date, place and actors."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..config import Settings
from ..errors import GazetteerError
from ..geo.gazetteer import Gazetteer
from ..geo.ranking import named_quality
from ..geo.sources import admin_names
from ..records import (
    ARTICLE,
    COMMENT,
    Analysis,
    Document,
    Event,
    Mention,
    Place,
    SourcePart,
    Span,
)
from ..relevance.senses import SenseCheck, sense_reason
from .actors.claims import BLAME, blamed, claimant
from .actors.perpetrators import perpetrator_kind, rename
from .actors.registry import ActorRegistry, country_info
from .assign import Sides, assign, paragraph_battle
from .attributes.dates import DateResolution, resolve_date
from .attributes.fatalities import parse_fatalities
from .attributes.modality import modality
from .attributes.notes import write_note
from .elaboration import continues, details, merged, tolls
from .places.admin_context import Lookup
from .places.admin_hint import masked_hint, organisation_country
from .places.country_prior import organisations_capital, prior_country_location
from .places.front_line import Where, on_line, on_the_line
from .places.location import (
    Location,
    based_at,
    district_precision,
    headed,
    main_place,
    text_country,
    wording_precision,
)
from .places.place_choice import PREVIOUS, Sentence, step
from .places.place_choice import choose as choose_place
from .places.region_town import Capital, country_capital, country_part_town, region_town
from .places.sounded import SoundsIn
from .places.unseen import unseen_location
from .sentences import split_sentences
from .threads import mark_flagged
from .types.conventions import by_actors
from .types.eventtypes import (
    TERRITORY,
    EventClass,
    actor_anchor,
    civilian_targeting,
    classify,
    crowd_fight,
    interaction,
    make_class,
    territory_type,
)
from .types.learned import SubEventModel
from .types.learned import load as load_model
from .types.territory import refine

NO_DATE_WARNING = "no publication date: pass --published YYYY-MM-DD"
COMMENT_WARNING = "drawn from a reader comment"
_PARAGRAPH = re.compile(r"\n\s*\n")


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions by offset, without those nested inside a longer one ("Homs" inside "the
    Homs-Deir Ezzor desert"): the outer span is what the sentence is about."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in ordered:
        if (
            kept
            and m.start >= kept[-1].start
            and m.end <= kept[-1].end
            and (m.start, m.end) != (kept[-1].start, kept[-1].end)
        ):
            continue
        kept.append(m)
    return kept


@dataclass(slots=True)
class _Part:
    """One part of a page being read, and what earlier sentences established."""

    text: str
    source_part: SourcePart
    comment_id: str | None
    mentions: list[Mention]
    published: dt.date | None
    main_country: str
    main: Mention | None
    previous_date: DateResolution | None = None
    previous_sides: Sides | None = None
    previous_location: Location | None = None
    previous_paragraph: int = -1
    context: str = ""
    events: list[Event] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # of ``mentions``, which are by offset
    # the sentence of the last event and its trigger word, for a detailing sentence after it
    last_sentence: Span | None = None
    last_trigger: str = ""

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end): all a sentence or a paragraph reads,
        found by bisection so that a long page is not scanned once per sentence."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


class EventExtractor:
    """Finds ACLED events in documents. No I/O happens until the first extraction."""

    def __init__(
        self,
        actors: ActorRegistry | None = None,
        settings: Settings | None = None,
        gazetteer: Gazetteer | None = None,
        event_model: SubEventModel | None = None,
        sense_check: SenseCheck | None = sense_reason,
    ) -> None:
        self.sense_check = sense_check  # None reads every trigger (--all-sentences)
        self._actors = actors
        self._settings = settings
        self._gazetteer = gazetteer
        self._gazetteer_tried = gazetteer is not None
        self._model = event_model
        self._model_tried = event_model is not None

    @property
    def event_model(self) -> SubEventModel | None:
        """A user-trained sub-event model (``FRONTLINES_EVENT_MODEL``), or None: it may
        re-label the sub-event type of a sentence the rules found to be an event."""
        if not self._model_tried:
            self._model_tried = True
            path = self._settings.event_model if self._settings else None
            self._model = load_model(path) if path else None
        return self._model

    @property
    def gazetteer(self) -> Gazetteer | None:
        """The gazetteer used to read "Place (District, Province)" qualifiers: the one
        given, else the built index opened on first use (None when there is none)."""
        if not self._gazetteer_tried:
            self._gazetteer_tried = True
            from ..geo.gazetteer import open_gazetteer

            try:
                self._gazetteer = open_gazetteer(self._settings, build=False)
            except GazetteerError:
                self._gazetteer = None
        return self._gazetteer

    def _lookup(self) -> Lookup | None:
        gazetteer = self.gazetteer
        if gazetteer is None:
            return None

        def lookup(names: Iterable[str]) -> dict[str, list[tuple[Place, float]]]:
            found = gazetteer.lookup_many(names)
            return {name: [(m.place, named_quality(m)) for m in ms] for name, ms in found.items()}

        return lookup

    def _sounds(self) -> SoundsIn | None:
        """The gazetteer's places of a division sounding like a name (``sounds_in``)."""
        found = getattr(self.gazetteer, "sounds_in", None)
        return found if callable(found) else None

    def _capital(self) -> Capital | None:
        """The gazetteer's main town of a province, when the gazetteer offers one
        (``main_town(country, admin1)``)."""
        found = getattr(self.gazetteer, "main_town", None)
        return found if callable(found) else None

    @property
    def actors(self) -> ActorRegistry:
        if self._actors is None:
            actors_file = self._settings.actors_file if self._settings else None
            self._actors = (
                ActorRegistry.load(actors_file) if actors_file else ActorRegistry.default()
            )
        return self._actors

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for analysis in batch:
            analysis.events = self.extract(analysis.document, analysis.mentions)
        return batch

    def extract(self, document: Document, mentions: list[Mention]) -> list[Event]:
        """Events in the article, then in each comment (low credibility); those drawn from a
        flooding or off-topic comment are marked (``frontlines.extract.threads``)."""
        events = self._extract(document, mentions)
        mark_flagged(events, document.comments)
        return events

    def _extract(
        self, document: Document, mentions: list[Mention], context: str = ""
    ) -> list[Event]:
        article = [m for m in mentions if m.source_part == ARTICLE]
        country = (
            text_country(document.text, article)
            or _main_country(mentions, document.text)
            or self.actors.country_in(document.text)
        )
        events = self._part(document, document.text, ARTICLE, None, article, country, context)
        by_comment: dict[str | None, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.source_part == COMMENT:
                by_comment[m.comment_id].append(m)
        for comment in document.comments:
            own = by_comment.get(comment.id, [])
            events += self._part(document, comment.text, COMMENT, comment.id, own, country)
        return events

    def extract_text(
        self, text: str, published: dt.date | None, mentions: list[Mention] | None = None
    ) -> list[Event]:
        """Events in a short note (evaluation); the primary event comes first and is
        classified with the whole note as context."""
        doc = Document(id="text", source="text", title="", text=text, published=published)
        return self._extract(doc, mentions or [], context=text)

    def _part(
        self,
        document: Document,
        text: str,
        source_part: SourcePart,
        comment_id: str | None,
        mentions: list[Mention],
        country: str,
        context: str = "",
    ) -> list[Event]:
        part = _Part(
            text,
            source_part,
            comment_id,
            outermost(mentions),
            document.published,
            country,
            main_place(mentions, text),
            context=context,
        )
        paragraphs = _paragraphs(text)
        starts = [s for s, _ in paragraphs]
        for sentence in split_sentences(text):
            self._sentence(document, part, sentence, paragraphs, starts)
        return part.events

    def _sentence(
        self,
        document: Document,
        part: _Part,
        sentence: Span,
        paragraphs: list[tuple[int, int]],
        starts: list[int],
    ) -> None:
        para_index = _paragraph_of(sentence.start, paragraphs, starts)
        if para_index != part.previous_paragraph:
            part.previous_sides = None
            part.previous_location = None
            part.previous_paragraph = para_index
            part.last_sentence = None
        date = resolve_date(sentence.text, part.published, part.previous_date)
        if not date.inherited:
            part.previous_date = date
        found = classify(sentence.text, part.context)
        if self._claimed(part, sentence, date.date, found):
            return
        if found is None or not self._conflict_sense(document, sentence, found):
            return
        if self.event_model is not None:
            found = self.event_model.refine(sentence.text, found)
        mood = modality(sentence.text, found.trigger.start)
        if mood == "irrealis":
            return
        event = self._event(document, part, sentence, found, date, paragraphs[para_index])
        if mood == "reported":
            event.credibility = "medium"
        self._add(part, event, sentence, found.trigger.text)

    def _add(self, part: _Part, event: Event, sentence: Span, trigger: str) -> None:
        """Add ``event``, or let it replace the previous event when it details it (the
        previous sentence told it vaguely: :mod:`.elaboration`)."""
        last, last_trigger = part.last_sentence, part.last_trigger
        part.last_sentence, part.last_trigger = sentence, trigger
        if last is None or not part.events:
            part.events.append(event)
            return
        previous = part.events[-1]
        if continues(part.text, previous, last, event, sentence) or tolls(
            part.text, previous, last, event, sentence, trigger
        ):
            part.events[-1] = merged(event, previous)  # the first telling stays
            return
        if not details(part.text, previous, last, last_trigger, event, sentence):
            part.events.append(event)
            return
        actor1 = event.actor1
        event = merged(previous, event)
        event.interaction = interaction(event.inter1, event.inter2)
        if event.actor1 != actor1:
            event.notes = event.notes.replace(actor1, event.actor1, 1)
        part.events[-1] = event

    def _claimed(self, part: _Part, sentence: Span, when: str, found: EventClass | None) -> bool:
        """Whether ``sentence`` claims the event its paragraph has just told ("IS claimed
        the attack"), or lays it at a side and tells no event of its own ("Baghdad blamed
        Turkey."): the claimant becomes that event's perpetrator where none was
        identified, and the sentence makes no event of its own."""
        sides = part.previous_sides
        if sides is None or not part.events:
            return False
        if any(
            m.place is not None and not m.place.feature.startswith("A.PCL")
            for m in part.mentions_between(sentence.start, sentence.end)
        ):
            # a place of its own: an event told with its claim ("HTS claimed an attack in
            # X"); a country is the claimant or the blamed ("Iraq blamed Turkey")
            return False
        event = part.events[-1]
        who = claimant(self.actors, sentence.text, event.country, when) or (
            blamed(self.actors, sentence.text, event.country, when)
            if found is None and BLAME.search(sentence.text)
            else None
        )
        if who is None:
            return False
        if event.actor1.startswith("Unidentified"):
            event.actor1, event.inter1 = who.name, who.inter
            event.interaction = interaction(event.inter1, event.inter2)
            sides.actor1 = who
        return True

    def _conflict_sense(self, document: Document, sentence: Span, found: EventClass) -> bool:
        """False when the trigger has another sense here (frontlines.relevance.senses); the
        reason is kept on the document's relevance."""
        domains = document.relevance.domains if document.relevance else ()
        reason = self.sense_check(sentence.text, found, domains) if self.sense_check else None
        if reason is not None and document.relevance is not None:
            document.relevance.sentences.append({"start": sentence.start, "end": sentence.end,
                "trigger": found.trigger.text, "reason": reason})  # fmt: skip
        return reason is None

    def _event(
        self,
        document: Document,
        part: _Part,
        sentence: Span,
        found: EventClass,
        date: DateResolution,
        paragraph: tuple[int, int],
    ) -> Event:
        trigger = sentence.start + found.trigger.start
        lookup = self._lookup()
        # what the place choice reads lies in the sentence or its paragraph (of a paragraph
        # longer than a page, the part within PARAGRAPH_REACH of the sentence)
        reach = _reach(paragraph, sentence)
        near = part.mentions_between(min(reach[0], sentence.start), max(reach[1], sentence.end))
        where = Sentence(part.text, sentence.start, sentence.end, trigger, paragraph,
                         part.main_country, near)  # fmt: skip
        chosen = choose_place(
            where, lookup, part.previous_location, _main_location(part.main), self._sounds()
        )
        if chosen is not None and chosen.score > PREVIOUS:
            part.previous_location = chosen.location
        location = chosen.location if chosen is not None else None
        if location is not None:
            location = self._refine_place(location, part, sentence, lookup, date.date)
        country = (
            location.place.country
            if location and location.place.country
            else part.main_country or organisation_country(part.text)
        )
        armed = [
            span
            for span, actor in self.actors.find(sentence.text)
            if actor.inter in (1, 2, 3, 4, 8) and span.start < found.trigger.end + 80
        ]
        if crowd_fight(found, sentence.text, bool(armed)):
            found = make_class("Mob violence", found.trigger)
        found = refine(found, sentence.text, part.context)
        earlier = part.text[reach[0] : sentence.start]  # the paragraph before the sentence
        previous = part.previous_sides or paragraph_battle(
            self.actors, earlier, sentence.text, country, date.date
        )
        for _ in range(2):  # ACLED's conventions on who acts on whom may re-type the event once
            sides = assign(
                self.actors,
                sentence.text,
                actor_anchor(found, sentence.text),
                found.sub_event_type,
                found.event_type,
                country,
                date.date,
                previous,
                _where(location),
            )
            revised = by_actors(
                found, sentence.text, self.actors.find(sentence.text), sides.actor1, country
            )
            if revised is found:
                break
            found = revised
        kind = perpetrator_kind(part.context or sentence.text)
        if kind:
            default = self.actors.unidentified(country)
            sides.actor1 = rename(sides.actor1, default, kind, country) or sides.actor1
            sides.actor2 = rename(sides.actor2, default, kind, country)
        if sides.actor1.name.startswith("Unidentified"):
            # "...; Baghdad blamed Turkey": the side the report lays the attack at
            laid = blamed(self.actors, sentence.text, country, date.date)
            if laid is not None:
                sides.actor1 = laid
                if sides.actor2 is not None and sides.actor2.name == laid.name:
                    sides.actor2 = None
        if found.sub_event_type == TERRITORY:
            found = make_class(territory_type(sides.actor1.inter), found.trigger)
        part.previous_sides = sides
        event = _build(found, sides, sentence, date, location, country)
        if location is None:
            event.geo_precision = wording_precision(part.text, near, sentence.start, sentence.end)
        deaths = parse_fatalities(sentence.text)
        event.fatalities, event.fatalities_known = deaths.count, deaths.known
        _provenance(event, document, part)
        placed_at = location.place.name if location is not None else ""
        # the report's own spelling, when it names the very place chosen
        same = location is not None and location.mention.place == location.place
        written = location.mention.text if location is not None and same else ""
        event.notes = write_note(
            event, sentence.text, found.trigger.text.lower(), placed_at, written
        )
        return event

    def _refine_place(
        self,
        location: Location,
        part: _Part,
        sentence: Span,
        lookup: Lookup | None,
        when: str,
    ) -> Location:
        """The chosen place re-read by what the rest of the text says of its country,
        its province and its front line; each change adds its reason."""
        span = location.mention
        organisations = masked_hint(part.text, span.start, span.end, admin=False)
        clue = organisations or masked_hint(part.text, span.start, span.end)
        location = step(location, prior_country_location(location, clue),
                        f"the text's clues point to {clue}")  # fmt: skip
        if clue and location.place.country != clue and lookup is not None:
            other = unseen_location(part.text, sentence.start, sentence.end, lookup, clue)
            if (
                other is not None
                and other.place.country == clue
                and other.mention.start != location.mention.start
                and not headed(part.text, location.mention)
            ):
                location = step(location, other, f"{other.name!r}, a place in {clue}")
        if lookup is not None:
            town = region_town(location, part.text, sentence.start, lookup, self._capital())
            location = step(location, town, "a province's name read as its main town")
            compass = country_part_town(location, part.text, lookup)
            location = step(location, compass, "the town the theatre pack names for that part")
            location = step(location, country_capital(location, lookup), "the country's capital")
        location = step(location, district_precision(part.text, location),
                        "written as a district or beside the place: precision 2")  # fmt: skip
        if lookup is not None:
            capital = organisations_capital(location, organisations, lookup)
            location = step(location, capital, "the capital of the organisations' country")
        return step(location, _near_the_line(location, sentence.text, when),
                    "its namesake on the Donbas line of contact")  # fmt: skip


def _build(
    found: EventClass,
    sides: Sides,
    sentence: Span,
    date: DateResolution,
    location: Location | None,
    country: str,
) -> Event:
    actor2 = sides.actor2
    event = Event(
        event_type=found.event_type,
        sub_event_type=found.sub_event_type,
        actor1=sides.actor1.name,
        evidence=sentence,
        event_date=date.date,
        time_precision=date.precision,
        disorder_type=found.disorder_type,
        assoc_actor_1=sides.assoc1,
        inter1=sides.actor1.inter,
        actor2=actor2.name if actor2 else "",
        assoc_actor_2=sides.assoc2,
        inter2=actor2.inter if actor2 else 0,
    )
    event.interaction = interaction(event.inter1, event.inter2)
    event.civilian_targeting = civilian_targeting(event.sub_event_type, event.inter2)
    info = country_info(country) if country else None
    event.country = info.name if info else country
    if location is not None:
        _place(event, location)
    return event


def _near_the_line(location: Location, sentence: str, when: str) -> Location:
    """``location`` re-read as its namesake on Donbas's 2015-2022 line of contact when the
    sentence is a monitor's report of fire there (:func:`on_the_line`)."""
    place = location.place
    if place.country != "UA" or (where := _where(location)) is None or on_line(where, when):
        return location
    mention = location.mention
    better = on_the_line(mention.text, mention.candidates, sentence, when)
    if better is None:
        return location
    return Location(better.name, better, location.precision,
                    replace(mention, place=better), list(location.warnings))  # fmt: skip


def _where(location: Location | None) -> Where | None:
    """The town or village where the event happened, for rules that depend on which side
    of a front line it lay; None when only a region is known."""
    if location is None or location.place.feature_class != "P":
        return None
    place = location.place
    return Where(place.lat, place.lon, place.country, admin_names(place)[0])


def _place(event: Event, location: Location) -> None:
    place = location.place
    event.location = location.name
    event.latitude, event.longitude = place.lat, place.lon
    event.admin1, event.admin2 = admin_names(place)
    event.geo_precision = location.precision
    event.place_id = place.id
    event.location_reason = "; ".join(location.reasons)
    event.warnings.extend(location.warnings)


def _provenance(event: Event, document: Document, part: _Part) -> None:
    event.source_part = part.source_part
    event.comment_id = part.comment_id
    event.document_id = document.id
    event.source = document.source
    event.source_url = document.url or ""
    if part.source_part == COMMENT:
        event.credibility = "low"
        event.warnings.append(COMMENT_WARNING)
    if document.published is None:
        event.event_date = ""
        event.time_precision = 3
        event.warnings.append(NO_DATE_WARNING)
    event.event_id = event_id(event)


def event_id(event: Event) -> str:
    """First 16 hex digits of sha256 over the event's provenance, type and place."""
    key = "\x1f".join(
        str(v)
        for v in (
            event.document_id,
            event.source_part,
            event.comment_id or "",
            event.evidence.start,
            event.evidence.end,
            event.sub_event_type,
            event.location,
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# How far from a sentence its paragraph is read (for the nearest town, the forces named
# before it): a paragraph of 100,000 characters without a break is not re-read whole
# for each of its sentences.
PARAGRAPH_REACH = 5_000


def _reach(paragraph: tuple[int, int], sentence: Span) -> tuple[int, int]:
    """The part of ``paragraph`` within ``PARAGRAPH_REACH`` of ``sentence``."""
    return (
        max(paragraph[0], sentence.start - PARAGRAPH_REACH),
        min(paragraph[1], sentence.end + PARAGRAPH_REACH),
    )


def _paragraph_of(start: int, paragraphs: list[tuple[int, int]], starts: list[int]) -> int:
    """The index of the paragraph holding offset ``start`` (0 when none does)."""
    i = bisect_right(starts, start) - 1
    return i if i >= 0 and paragraphs[i][0] <= start < paragraphs[i][1] else 0


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text) + 1))
    return bounds


def _main_country(mentions: list[Mention], text: str) -> str:
    counts = Counter(m.place.country for m in mentions
                     if m.place is not None and m.place.country and not based_at(text, m))  # fmt: skip
    return counts.most_common(1)[0][0] if counts else ""


def _main_location(main: Mention | None) -> Location | None:
    if main is None or main.place is None:
        return None
    if main.place.feature_class != "P":
        return Location(main.place.name, main.place, max(3, main.precision), main)
    # the text's main town: as precise as the text names it ("in X" 1, "near X" 2)
    return Location(main.place.name, main.place, max(1, main.precision), main)
