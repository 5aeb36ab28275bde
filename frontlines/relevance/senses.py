"""Senses, not strings: does a trigger word in a sentence report conflict in ACLED's sense?

ACLED codes an event when an armed or political actor, a weapon, a victim or a crowd takes
part. A trigger ("attack", "shot", "clash", "agreement", ...) therefore counts only when
its clause names such a participant (:func:`participants`), and not when the words around
it give it another sense: an idiom ("shot to prominence"), code ("$ pipenv shell"), or the
vocabulary of sport, business, technology, fiction, labour or law with no actor, weapon or
crowd beside it. :func:`sense_reason` answers None when the trigger keeps its conflict
sense, else the reason it does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Protocol

from ..records import Span
from .vocabulary import vocabulary

_CLAUSE_BREAK = re.compile(
    r"[;:!?\n]|\s[\u2013\u2014]\s|,\s(?:but|while|whereas|although|though|as|and)\s|"
    r"\.\s|\s\|\s|\u2022"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,6}(?:[-/][A-Z0-9]+)*s?\b")
_NUMBER = re.compile(r"\b(?:\d[\d,.]*|hundreds|thousands|dozens|scores)\b", re.I)
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
MIN_CLAUSE_WORDS = 4
_CODE = re.compile(r"^\s*(?:[$#>%]|>>>)\s+[a-z]|\w\(\)|\s--[a-z][\w-]*|[{}]|\w+\.\w+\(|`|==|::")


class Found(Protocol):
    """What the classifier found: its trigger span (offsets in the sentence)."""

    @property
    def trigger(self) -> Span: ...

    @property
    def sub_event_type(self) -> str: ...


SenseCheck = Callable[[str, Found, Collection[str]], "str | None"]


def clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` that holds ``sentence[start:end]``."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    after = _CLAUSE_BREAK.search(sentence, end)
    found = sentence[left : after.start() if after else len(sentence)]
    # a leading label ("Agreement: ...") or a fragment is read with its whole sentence
    return found if len(found.split()) >= MIN_CLAUSE_WORDS else sentence


def participants(text: str) -> dict[str, list[str]]:
    """The participants ``text`` names, by kind (actor, political, weapon, victim, crowd);
    an acronym in a text not all in capitals ("FARDC", "SDF") names an organisation."""
    found = {kind: words.found(text) for kind, words in vocabulary().participants.items()}
    if not text.isupper():
        found["named"] = _ACRONYM.findall(text)
    return {kind: words for kind, words in found.items() if words}


def _protest_sense(text: str, sentence: str, end: int, who: dict[str, list[str]]) -> bool:
    """A protest verb with a crowd, a number of people or an organisation beside it, or
    followed by where or what for ("demonstrated in X", "gathered to demand")."""
    return (
        bool(who)
        or bool(_NUMBER.search(text))
        or bool(vocabulary().protest_after.match(sentence[end:]))
    )


def families(text: str) -> dict[str, list[str]]:
    """The non-conflict domains whose words ``text`` uses (sport, business, ...)."""
    found = {kind: words.found(text) for kind, words in vocabulary().families.items()}
    return {kind: words for kind, words in found.items() if words}


def idiom(sentence: str, start: int, end: int) -> str:
    """The idiom of ``sentence`` that contains the trigger at ``start``..``end``, or ""."""
    for pattern in vocabulary().idioms:
        for m in pattern.finditer(sentence):
            if m.start() < end and start < m.end():
                return m.group(0).strip()
    return ""


def sense_reason(sentence: str, found: Found, domains: Collection[str] = ()) -> str | None:
    """None when the trigger keeps its conflict sense in ``sentence``, else why not.

    ``domains`` are the other domains the whole page is about (a game review, a match
    report): there a trigger needs an armed actor, a weapon or a crowd beside it."""
    start, end = found.trigger.start, found.trigger.end
    trigger = found.trigger.text.lower()
    phrase = idiom(sentence, start, end)
    if phrase:
        return f"idiom: {phrase!r}"
    text = clause(sentence, start, end)
    if _CODE.search(text):
        return f"code: {trigger!r} in {text.strip()[:60]!r}"
    # a trigger inside a name is not its own participant ("Rocket League" names no rocket)
    in_name = found.trigger.text[:1].isupper() and bool(_NAME_NEXT.match(sentence[end:]))
    who = participants(text.replace(found.trigger.text, " ") if in_name else text)
    needs = bool(vocabulary().needs_participants.found(trigger))
    if found.sub_event_type in vocabulary().protest_types:
        # the vocabulary of a protest's cause (pay, prices, courts) is no other sense
        if needs and not _protest_sense(text, sentence, end, who):
            return f"{trigger!r} with no crowd, number or place beside it"
        return None
    if needs and not who:
        return f"{trigger!r} with no actor, weapon, victim or crowd in its clause"
    armed = [kind for kind in ("actor", "named", "political") if kind in who]
    if found.sub_event_type in vocabulary().needs_armed_actor and not armed:
        return f"{found.sub_event_type!r} with no armed or political actor"
    other = families(text)
    strong = [kind for kind in vocabulary().strong if kind in who]
    distinct = {word for words in other.values() for word in words}
    if domains and not strong:
        return f"{trigger!r} on a page about {', '.join(domains)}, with no actor, weapon or crowd"
    if (other and not who) or (len(distinct) >= 2 and not strong):
        named = "; ".join(f"{kind} ({', '.join(sorted(set(words))[:3])})"
                          for kind, words in other.items())  # fmt: skip
        return f"other sense of {trigger!r}: {named}"
    return None


def conflict_sense(sentence: str, found: Found, domains: Collection[str] = ()) -> bool:
    """True when the trigger of ``found`` reports conflict (:func:`sense_reason`)."""
    return sense_reason(sentence, found, domains) is None
