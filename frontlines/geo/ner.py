"""Gated NER: run spaCy's entity recogniser only on the sentences that need it.

The geoparser asks spaCy for entities where they can change a decision: sentences that
hold a capitalised n-gram the gazetteer knows (NER confirms it as a place or vetoes it as
a person, organisation...). Sentences without such a span are skipped, which is where most
of the text of a news page lies. A name is sent to NER once per text (its first sentence);
the entities found are then carried to the name's other occurrences ("one sense per
discourse", ``propagate``). Consecutive needed sentences are sent as one chunk (up to
``MAX_CHUNK`` characters), and the chunks of a text go through ``nlp.pipe`` in groups of
up to ``MAX_CHUNK`` characters.

spaCy's recogniser holds some 16 kB of arrays a token while it reads a text (the layers'
intermediate arrays live until the model returns), about 3.2 kB a character of running
text: what one call is sent sets the memory it takes. ``MAX_CHUNK`` is above every chunk of
the evaluation corpora (2,061 characters at most, in GeoWebNews) and bounds a call at
about 8 MB where text dense in names (a run of them with no full stop) would otherwise
send 5,000 characters at once (16 MB).

Without a part-of-speech tagger, a sentence-initial word counts as a proper noun when the
text also writes the same word capitalised in the middle of a sentence (``proper_starts``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..longtext import cut_long
from .recognize import Candidate, ner_candidates

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MAX_CHUNK = 2_500


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` (a cheap splitter: end punctuation or newlines;
    none longer than ``MAX_SENTENCE``)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            out.extend(cut_long(text, pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.extend(cut_long(text, pos, len(text)))
    return out


def chunks(spans: Sequence[tuple[int, int]], wanted: Iterable[int]) -> list[tuple[int, int]]:
    """Join the sentences that hold a ``wanted`` offset into runs of consecutive ones."""
    marks = sorted(set(wanted))
    out: list[tuple[int, int]] = []
    i = 0
    for start, end in spans:
        while i < len(marks) and marks[i] < start:
            i += 1
        if i >= len(marks) or marks[i] >= end:
            continue
        if out and out[-1][1] >= start - 2 and end - out[-1][0] <= MAX_CHUNK:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def entities(nlp: Any, text: str, spans: Sequence[tuple[int, int]]) -> list[Candidate]:
    """NER candidates of ``text`` found in the given chunks (offsets into ``text``)."""
    pieces = [text[s:e] for s, e in spans]
    pipe = getattr(nlp, "pipe", None)
    if pipe is not None:
        docs: Iterable[Any] = (doc for group in batches(pieces) for doc in pipe(group))
    else:
        docs = (nlp(p) for p in pieces)
    out: list[Candidate] = []
    for (start, _end), doc in zip(spans, docs, strict=True):
        for c in ner_candidates(doc):
            c.start, c.end = c.start + start, c.end + start
            out.append(c)
    return out


def batches(pieces: Sequence[str], limit: int = MAX_CHUNK) -> Iterator[list[str]]:
    """Consecutive pieces, at most ``limit`` characters a group (a longer piece alone).

    spaCy's ``pipe`` holds one minibatch's arrays at once (some 16 kB a token), so a text
    whose NER chunks add up to 10,000 characters would cost some 30 MB sent together;
    sent ``limit`` characters at a time, the cost stays that of one chunk."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece) > limit:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


def first_occurrences(triggers: Iterable[tuple[int, str]]) -> list[int]:
    """The offset of the first occurrence of each distinct name."""
    first: dict[str, int] = {}
    for start, name in triggers:
        if name not in first or start < first[name]:
            first[name] = start
    return list(first.values())


def propagate(
    text: str, found: Sequence[Candidate], done: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """Copies of the entities in ``found`` at the other places where their exact text
    occurs outside the chunks that NER read (the first label given to a text wins)."""
    labels: dict[str, str] = {}
    for c in found:
        labels.setdefault(c.text, c.label)
    out: list[Candidate] = []
    read = _Covered(done)
    for name, label in labels.items():
        for start in whole_word_offsets(text, name):
            if not read.covers(start):
                out.append(Candidate(start, start + len(name), name, {"ner"}, label=label))
    return out


def whole_word_offsets(text: str, name: str) -> Iterator[int]:
    r"""Where ``name`` occurs in ``text`` with no word character or hyphen right before or
    after it, left to right, not overlapping: the matches of ``(?<![\w-])NAME(?![\w-])``,
    found by substring search (no pattern compiled per name)."""
    size = len(name)
    i = text.find(name) if size else -1
    while i >= 0:
        end = i + size
        if not (_word_edge(text, i - 1) or _word_edge(text, end)):
            yield i
            i = text.find(name, end)
        else:
            i = text.find(name, i + 1)


def _word_edge(text: str, i: int) -> bool:
    r"""Whether ``text[i]`` exists and is a word character (``\w``) or a hyphen."""
    if i < 0 or i >= len(text):
        return False
    char = text[i]
    return char.isalnum() or char in "_-"


class _Covered:
    """``covers(i)``: whether some ``(start, end)`` span holds offset ``i`` (``start <= i <
    end``), by bisection: a name repeated thousands of times is not checked against every
    chunk NER read."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, i: int) -> bool:
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and self.reach[k] > i


def proper_starts(text: str) -> set[int]:
    """Offsets of sentence-initial capitalised words that the text also writes capitalised
    in the middle of a sentence (so they are names, not just capitalised by position)."""
    firsts: dict[str, list[int]] = {}
    inner: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        if sentence_initial(m.start(), text):
            firsts.setdefault(word, []).append(m.start())
        else:
            inner.add(word)
    return {pos for word, found in firsts.items() if word in inner for pos in found}


_OPENERS = frozenset(" \t\"'“‘(")
_ENDERS = frozenset(".!?:\n•◦-–—")


def sentence_initial(start: int, text: str) -> bool:
    """Whether ``start`` begins a sentence, line or list item (after quotes/brackets)."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _ENDERS
