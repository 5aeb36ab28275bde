"""Which candidates are toponyms: NER gating, vetoes from people's names and organisations,
and the plausibility of a gazetteer match in its context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .focus import in_focus
from .gazetteer import ALTERNATE, DERIVED, Match
from .names import PLACE_LABELS, VETO_LABELS, matches_for
from .ner import (
    sentence_initial,
)
from .recognize import (
    MONTHS,
    Candidate,
    demonyms,
)
from .words import GENERIC_WORDS, TRANSLITERATED


def inherit_vetoes(cands: Iterable[Candidate]) -> None:
    """A gazetteer span inside a PERSON/ORG/... entity takes that entity's label."""
    vetoes = [c for c in cands if c.label in VETO_LABELS]
    order = sorted(range(len(vetoes)), key=lambda i: vetoes[i].start)
    starts = [vetoes[i].start for i in order]
    longest = max((v.end - v.start for v in vetoes), default=0)
    for c in cands:
        if c.label or "gazetteer" not in c.origins:
            continue
        # the first veto (in list order) that holds the span: only those starting at most
        # ``longest`` before it can, so a text repeating one name costs per occurrence
        lo, hi = bisect_left(starts, c.start - longest), bisect_right(starts, c.start)
        holding = [i for i in order[lo:hi] if c.end <= vetoes[i].end]
        if holding:
            v = vetoes[min(holding)]
            c.label = PERSON_PART if _part_of_name(c, v) else v.label


PERSON_PART = "PERSON_PART"  # a word of a person's name ("Clinton" of "Hillary Clinton")


def _part_of_name(c: Candidate, v: Candidate) -> bool:
    return v.label == "PERSON" and c.length < v.length and len(v.text.split()) <= 3


LOWER_WORD = re.compile(r"\b[a-z]+\b")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})  # fmt: skip


def surnames(ents: Iterable[Candidate]) -> list[Candidate]:
    """The last word of each several-word PERSON ("Phillips" of "Sarah Phillips")."""
    return [
        Candidate(e.end - len(e.text.split()[-1]), e.end, e.text.split()[-1], {"ner"},
                  label=PERSON_PART)
        for e in ents if e.label == "PERSON" and " " in e.text
    ]  # fmt: skip


def big_place_match(found: list[Match]) -> bool:
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
    return c.start in propn or not sentence_initial(c.start, text) or big_place_match(found)


def _common_word(word: str, text: str) -> bool:
    """A short word, a month or weekday, or a word the text also writes in lower case."""
    lower = word.lower()
    if len(word) < 3 or lower in MONTHS or lower in WEEKDAYS:
        return True
    return lower.isalpha() and lower in _runs(text)


@lru_cache(maxsize=4)
def _runs(text: str) -> frozenset[str]:
    """The text's maximal runs of word characters and hyphens (a word written on its own
    is one of them), found once per text instead of one search per candidate."""
    return frozenset(re.findall(r"[\w-]+", text))


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
    focused = [m for m in found if in_focus(m.place, focus)]
    if not strong and not (focused and len(c.text) >= 6):
        return False
    if c.label in VETO_LABELS:
        if any(m.place.feature.startswith("A.PCL") for m in strong):
            return True
        if _located_org(c, strong, text):
            return True
        if len(words) == 1 and c.label in ("PERSON", "ORG") and _capital_named(strong):
            return True
        if _INTO.search(text[max(0, c.start - 12) : c.start]) and any(
            m.quality >= ALTERNATE for m in focused
        ):
            return True  # "pushed into Ras al-Ain": a person is not gone into
        if _arabic_place_after_locative(c, strong, text):
            return True
        return any(
            m.quality >= ALTERNATE
            and (m.place.population >= 10_000 or m.place.source != "geonames")
            for m in focused
        )
    if c.start not in propn and sentence_initial(c.start, text):
        return any(m.place.feature.startswith("A.PCL") for m in strong) or _theatre_name(
            c, strong, focus
        )
    big = any(m.place.population >= 50_000 or m.place.feature_class == "A" for m in strong)
    return bool(focused) or big or len(words) > 1


_ARTICLE_START = re.compile(r"^(?:Al|El|Ad|As|Ash|Ar|At|Az|An|Ath|Ez)[- ]\w")


_AT = re.compile(r"\b(?:in|at|near|into|inside|outside|around)\s+$", re.I)


def _arabic_place_after_locative(c: Candidate, strong: list[Match], text: str) -> bool:
    """ "struck the base at Al Tanf": a name written with the Arabic article after a
    locative word, named so (or by an alternate name) in a country whose names are
    transliterated, is that place whatever label the small NER model gives it."""
    return (
        _ARTICLE_START.match(c.text) is not None
        and _AT.search(text[max(0, c.start - 10) : c.start]) is not None
        and any(m.place.country in TRANSLITERATED for m in strong)
    )


def _theatre_name(c: Candidate, strong: list[Match], focus: dict[str, float]) -> bool:
    """A name opening its sentence that is a town of the text's focus in a country whose
    names are transliterated, written with their article ("Al-Kut came under fire") or
    in several words: such names are no English words opening a sentence."""
    words = c.text.split()
    if not (_ARTICLE_START.match(c.text) or len(words) > 1) or c.text.lower() in stop_words():
        return False
    return any(m.place.country in TRANSLITERATED and in_focus(m.place, focus) for m in strong)


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
    return not any(_big_place(m) for m in matches_for(c, matches) if m.quality >= ALTERNATE)


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


_LIST_GAP = 8  # "A, and B": the longest gap between two names of a list, and then some


def _list_neighbours(c: Candidate, others: Sequence[Candidate], text: str) -> list[Candidate]:
    out = []
    for o in others:
        gap = text[o.end : c.start] if o.end <= c.start else text[c.end : o.start]
        if o is not c and len(gap) < _LIST_GAP and gap.strip() in (",", "and", ", and", "&"):
            out.append(o)
    return out


def _near_edges(cands: Sequence[Candidate]) -> Callable[[Candidate], list[Candidate]]:
    """``near(c)``: the candidates ending just before ``c`` or starting just after it,
    in their order in ``cands`` (those ``_list_neighbours`` may keep), found through an
    index of offsets instead of a scan of every candidate for every candidate."""
    by_edge: dict[int, list[int]] = {}
    for i, o in enumerate(cands):
        by_edge.setdefault(o.end, []).append(i)
        by_edge.setdefault(o.start, []).append(i)

    def near(c: Candidate) -> list[Candidate]:
        found: set[int] = set()
        for at in (*range(c.start - _LIST_GAP, c.start + 1), *range(c.end, c.end + _LIST_GAP)):
            found.update(by_edge.get(at, ()))
        return [cands[i] for i in sorted(found)]

    return near


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|into|outside|across|of)\s+(?:the\s+)?$", re.I
)
_CONTAINER_AFTER = re.compile(r"^,\s+[A-Z]")
# words a place follows and a person seldom does
_INTO = re.compile(r"\b(?:in|into|inside|near|outside|across|towards?)\s+(?:the\s+)?$", re.I)


_TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Ambassador|President|Senator|Sen|Rep|Gov|Governor"
    r"|Mayor|Minister|Secretary|Judge|Prof|Professor|Rev|Pope|Sgt|Capt|Col|Lt|Gen|Cpl|Pvt"
)
_TITLE_LEAD = re.compile(rf"^(?:{_TITLES})\.?\s+[A-Z]")
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLES})\.?\s+(?:[A-Z][a-z]+\s+)?$")


def _titled(c: Candidate, text: str) -> bool:
    """A name led by a person's title ("Mr Marra", "Ambassador Andrei Karlov", "Mayor Ryan
    Bingham"): a person, not a place (cue-found spans are kept)."""
    if "cue" in c.origins or c.kind == "demonym" or c.text.split()[-1].lower() in GENERIC_WORDS:
        return False  # "Pope County", "President Street"
    return bool(
        _TITLE_LEAD.match(c.text) or _TITLE_BEFORE.search(text[max(0, c.start - 40) : c.start])
    )


def _institution(c: Candidate, found: list[Match], text: str) -> bool:
    """A seat of power named for the power ("the White House said", "the Kremlin denied"):
    a building the project curates, written with no locative word before it."""
    name = re.sub(r"^the\s+", "", c.text.lower())
    if "cue" in c.origins or name not in SEATS_OF_POWER or not found:
        return False
    if not all(m.place.source == "curated" and m.place.feature_class == "S" for m in found):
        return False
    return not _LOCATIVE_BEFORE.search(text[max(0, c.start - 20) : c.start])


SEATS_OF_POWER = frozenset(
    {"white house", "kremlin", "pentagon", "downing street", "élysée", "elysee"}
)


def _surnames_of_people(cands: Sequence[Candidate]) -> set[str]:
    """Last words of the several-word people NER found in the text ("Nick Burton")."""
    return {c.text.split()[-1] for c in cands
            if c.label == "PERSON" and "ner" in c.origins and " " in c.text}  # fmt: skip


def _first_names_of_people(cands: Sequence[Candidate]) -> set[str]:
    """First words of the several-word people NER found in the text ("Amber Sinclair")."""
    return {c.text.split()[0] for c in cands
            if c.label == "PERSON" and "ner" in c.origins and " " in c.text}  # fmt: skip


def _a_persons_first_name(c: Candidate, found: list[Match], firsts: set[str], text: str) -> bool:
    """ "Amber Sinclair ... Amber will attend": a bare first name of a person the text
    names is the person, unless it also names a large town or an administrative unit
    ("Jordan", "Georgia" the state, "Calgary"), whose bare uses stay places."""
    if big_place_match(found):
        return False  # "Calgary MLA Sandra Jansen", "Seattle Fire" read as people by NER
    return _a_persons_surname(c, firsts, text)


def _a_persons_surname(c: Candidate, people: set[str], text: str) -> bool:
    """A bare one-word name that is the surname of a person the text names ("Nick Burton
    ... Burton said"), written with no locative word before it ("in Burton") and no
    container after it ("Burton, Mich."): the person, whatever label NER gave it elsewhere."""
    if c.text not in people or not c.text.istitle() or "cue" in c.origins or c.kind == "demonym":
        return False
    before, after = text[max(0, c.start - 20) : c.start], text[c.end : c.end + 4]
    return not _LOCATIVE_BEFORE.search(before) and not _CONTAINER_AFTER.match(after)


def _acronym_suffix(c: Candidate, text: str) -> bool:
    """ "CPN(US)", "CPN(MC)": capitals bracketed onto the word before them are part of an
    organisation's acronym, not a place."""
    glued = c.start >= 2 and text[c.start - 1] == "(" and text[c.start - 2].isalnum()
    return glued and text[c.end : c.end + 1] == ")" and c.text.isupper() and len(c.text) <= 4


def _not_a_place(
    c: Candidate, found: list[Match], people: set[str], firsts: set[str], text: str
) -> bool:
    """A person's surname, first name or titled name, a seat of power speaking, part of
    an organisation's acronym, or a military operation's name."""
    return (
        _acronym_suffix(c, text)
        or c.text.startswith("Operation ")  # a military operation's name ("Operation Claw-Lock")
        or _a_persons_surname(c, people, text)
        or _titled(c, text)
        or _a_persons_first_name(c, found, firsts, text)
        or _institution(c, found, text)
    )


_COMMA = re.compile(r"\s*,\s*")


def _chained(
    cands: Sequence[Candidate], matches: dict[str, list[Match]], text: str
) -> set[tuple[int, int]]:
    """Spans of "Town, Province" pairs that the gazetteer reads one inside the other (a
    town of the province written after it): two names that vouch for each other as places
    whatever label the small NER model gives them ("in Al Amadiya, Duhok", both ORG)."""
    by_start = {c.start: c for c in cands if "gazetteer" in c.origins}
    out: set[tuple[int, int]] = set()
    for inner in by_start.values():
        gap = _COMMA.match(text, inner.end)
        if gap is None or not text[gap.end() : gap.end() + 1].isupper():
            continue
        outer = by_start.get(gap.end())
        if outer is None:
            continue
        if _holds(matches_for(outer, matches), matches_for(inner, matches)):
            out |= {(inner.start, inner.end), (outer.start, outer.end)}
    return out


def _holds(outer: list[Match], inner: list[Match]) -> bool:
    units = [m.place for m in outer if m.quality >= ALTERNATE and m.place.feature_class == "A"]
    towns = [m.place for m in inner if m.quality >= ALTERNATE and m.place.feature_class == "P"]
    return any(
        unit.country == town.country and unit.admin1 and unit.admin1 == town.admin1
        for unit in units
        for town in towns
    )


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
    chained = _chained(cands, matches, text)
    for c in cands:
        found = matches_for(c, matches)
        if (
            c.kind == "demonym"
            or ("cue" in c.origins and (c.hint != "object" or _known(found)))
            or ("ner" in c.origins and c.label in PLACE_LABELS)
            or (
                "gazetteer" in c.origins
                and ((c.start, c.end) in chained or _plausible(c, found, focus, propn, text))
                and not _name_tail(c, matches, text)
            )
        ):
            accepted.append(c)
        elif c.label == "PERSON" and "ner" in c.origins:
            rejected_people.append(c)
    near = _near_edges(rejected_people)
    accepted = [
        c for c in accepted
        if c.label not in VETO_LABELS or "cue" in c.origins
        or not _list_neighbours(c, near(c), text)
    ]  # fmt: skip
    people, firsts = _surnames_of_people(cands), _first_names_of_people(cands)
    accepted = [c for c in accepted
                if not _not_a_place(c, matches_for(c, matches), people, firsts, text)]  # fmt: skip
    accepted.sort(key=lambda c: (-("cue" in c.origins and bool(c.second)), -c.length,
                                 -("cue" in c.origins), c.start))  # fmt: skip
    return _without_overlaps(accepted)


def _known(found: list[Match]) -> bool:
    """A name the gazetteer knows well enough for a verb's object to be read as a place
    ("shelled Manbij"; not "attacked Al Shabaab"): by a name of its own, or, in a country
    whose names are transliterated, by another spelling of its name ("pounded Maarat
    al-Numan")."""
    return any(
        m.quality >= DERIVED or (m.spelling >= 1.0 and m.place.country in TRANSLITERATED)
        for m in found
    )


def _without_overlaps(ranked: list[Candidate]) -> list[Candidate]:
    """Each candidate in rank order that overlaps none taken before it, by offset (the
    spans taken never overlap, so a sorted list of them answers by bisection)."""
    taken: list[Candidate] = []
    starts: list[int] = []
    for c in ranked:
        i = bisect_right(starts, c.start)
        if i > 0 and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        taken.insert(i, c)
        starts.insert(i, c.start)
    return taken
