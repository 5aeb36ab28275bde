"""Control claims from explicit statements in article text.

A small, general pattern set, each naming a holder and pointing at the places it holds:

- adjective before the places: "the government-held areas in the Euphrates Valley",
  "ISIS-held Raqqa", "SDF-controlled Tabqa", "rebel-held eastern Ghouta";
- the places before the phrase: "Palmyra is under the control of the government",
  "Manbij, under SDF control", "the town, held by ISIS";
- a verb: "the SDF controls Tabqa", "rebels still hold Idlib".

Places are the resolved toponyms (``Mention`` with a ``Place``) of the article inside the
same clause. Holders go through the holder table (``holders.tsv``); an unknown or
ambiguous holder ("militant-held") gives no claim. A statement dates from the document's
published date. Reader comments never give claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import ARTICLE, ControlClaim, Mention, Span
from .holders import HolderTable, default_holders

STATEMENT_CONFIDENCE = 0.45
SCOPE_CHARS = 160
_NEGATION = re.compile(r"\b(?:formerly|former|previously|once|no longer|not|never|ex)[-\s]*$", re.I)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
_CLAUSE_BREAK = re.compile(
    r",\s+(?:where|which|while|but|whereas|although|though|and\s+(?:the|a)\s)|\s(?:while|but|whereas)\s",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Match:
    holder_text: str
    start: int
    end: int
    places_after: bool


def _patterns(table: HolderTable) -> list[tuple[re.Pattern[str], bool]]:
    terms = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in table.terms())
    holder = rf"(?P<holder>{terms})"
    article = r"(?:the\s+)?"
    flags = re.IGNORECASE
    return [
        (re.compile(rf"\bunder\s+{article}(?:full\s+|complete\s+|firm\s+)?control\s+of\s+{article}{holder}\b", flags), False),
        (re.compile(rf"\bunder\s+{article}{holder}\s+control\b", flags), False),
        (re.compile(rf"\b(?:held|controlled|occupied|run)\s+by\s+{article}{holder}\b", flags), False),
        (re.compile(rf"\b{holder}[-\s](?:held|controlled|occupied|run)\b", flags), True),
        (re.compile(rf"\b{holder}\s+(?:still\s+|now\s+|currently\s+)?(?:controls|holds|control|hold)\b", flags), True),
    ]  # fmt: skip


def _find(text: str, table: HolderTable) -> list[_Match]:
    found: list[_Match] = []
    taken: list[tuple[int, int]] = []
    for pattern, after in _patterns(table):
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            raw = m.group("holder")
            if raw.lower() == "is" and raw != "IS":
                continue
            if _NEGATION.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            taken.append((m.start(), m.end()))
            found.append(_Match(raw, m.start(), m.end(), after))
    found.sort(key=lambda x: x.start)
    return found


def _scope(text: str, match: _Match, others: list[_Match]) -> tuple[int, int]:
    if match.places_after:
        stop = min(len(text), match.end + SCOPE_CHARS)
        for pattern in (_SENTENCE_END, _CLAUSE_BREAK):
            hit = pattern.search(text, match.end, stop)
            if hit:
                stop = hit.start()
        nxt = [o.start for o in others if o.start >= match.end]
        return match.end, min([stop, *nxt])
    begin = max(0, match.start - SCOPE_CHARS)
    for hit in _SENTENCE_END.finditer(text, begin, match.start):
        begin = hit.end()
    prev = [o.end for o in others if o.end <= match.start]
    return max([begin, *prev]), match.start


def claims_from_text(
    text: str,
    mentions: Iterable[Mention],
    published: dt.date | None,
    *,
    document_id: str = "",
    country: str = "",
    holders: HolderTable | None = None,
) -> list[ControlClaim]:
    """Claims stated in ``text`` (an article) about the resolved ``mentions`` in it.

    ``country`` (ISO alpha-2) is the fallback context for holder names when a place has
    none. No date, no claim: a statement is dated by ``published``.
    """
    if published is None:
        return []
    table = holders or default_holders()
    places = [
        m for m in mentions
        if m.place is not None and m.source_part == ARTICLE and m.kind == "toponym"
    ]  # fmt: skip
    matches = _find(text, table)
    claims: list[ControlClaim] = []
    for match in matches:
        lo, hi = _scope(text, match, [o for o in matches if o is not match])
        inside = [m for m in places if lo <= m.start and m.end <= hi]
        claims.extend(_claims(text, match, inside, published, document_id, country, table))
    return claims


def _claims(
    text: str,
    match: _Match,
    mentions: list[Mention],
    published: dt.date,
    document_id: str,
    country: str,
    table: HolderTable,
) -> list[ControlClaim]:
    if not mentions:
        return []
    start = min(match.start, *(m.start for m in mentions))
    end = max(match.end, *(m.end for m in mentions))
    evidence = Span(start, end, text[start:end])
    on = published.isoformat()
    claims: list[ControlClaim] = []
    seen: set[str] = set()
    for mention in mentions:
        place = mention.place
        if place is None or place.id in seen:
            continue
        holder = table.actor(match.holder_text, country=place.country or country, on=on)
        if not holder:
            continue
        seen.add(place.id)
        claims.append(
            ControlClaim(
                place_id=place.id,
                place_name=place.name,
                holder=holder,
                since=on,
                confidence=STATEMENT_CONFIDENCE,
                kind="statement",
                evidence=evidence,
                document_id=document_id,
            )
        )
    return claims
