"""One event told over two sentences: a vague first telling and the sentence that details it.

News reports often open with the event in general terms and give its particulars in the
next sentence: "Turkey stepped up its shelling of Kurdish-held areas in northern Syria.
Artillery fire hit the outskirts of Tal Rifaat." or "Two Iraqi soldiers were killed on
Wednesday. Their vehicle hit a roadside bomb near Samarra." ACLED codes one event, with the
particulars: the place the second sentence names, the weapon it names. The first telling is
vague when its place is only a whole country or the page's main place (no place of its own),
or when it names only casualties ("were killed") and no act.

:func:`details` tells whether a new event, from the sentence right after the previous
event's in the same paragraph, details that event; :func:`merged` is the new event with
what only the first telling knew (an identified actor, a higher death toll).
:func:`continues` tells a sentence that goes on telling the previous event ("Protesters
gathered in Basra. They blocked roads."): the same kind of event with no place of its own,
which adds nothing but what ``merged`` keeps.
"""

from __future__ import annotations

import re

from ..records import Event, Span

# a place chosen for want of one in the sentence itself (``place_choice`` reasons)
_VAGUE_PLACE = ("a whole country named", "the document's main place", "the previous sentence's")
_OWN_PLACE = ("named in the sentence", "read through the units", "found by its sound")
# a telling of casualties with no act: "two soldiers were killed"
_CASUALTY = re.compile(r"(?:killed|wounded|injured|died|dead|deaths?)$", re.I)
_CASUALTY_TYPES = ("Armed clash", "Attack")
_GAP = re.compile(r"\s*")


def _vague_place(event: Event) -> bool:
    return event.location_reason.startswith(_VAGUE_PLACE) or not event.location_reason


def _casualties_only(event: Event, trigger: str) -> bool:
    return event.sub_event_type in _CASUALTY_TYPES and bool(_CASUALTY.fullmatch(trigger.strip()))


def details(
    text: str, previous: Event, previous_sentence: Span, previous_trigger: str,
    event: Event, sentence: Span,
) -> bool:  # fmt: skip
    """Whether ``event`` (of ``sentence``) details ``previous``, told vaguely in the
    sentence right before it: the same kind of event placed, or a weapon's act after a
    telling of casualties."""
    if _GAP.fullmatch(text, previous_sentence.end, sentence.start) is None:
        return False
    if previous.event_date != event.event_date or not event.location_reason.startswith(_OWN_PLACE):
        return False
    if _casualties_only(previous, previous_trigger):
        return event.event_type == "Explosions/Remote violence" or event.event_type == previous.event_type
    return _vague_place(previous) and previous.event_type == event.event_type


def _goes_on(
    text: str, previous: Event, previous_sentence: Span, event: Event, sentence: Span
) -> bool:
    """Whether ``event`` is told in the sentence right after ``previous``'s, on its date,
    with no place of its own and no other side acting."""
    if _GAP.fullmatch(text, previous_sentence.end, sentence.start) is None:
        return False
    same_side = event.actor1 == previous.actor1 or event.actor1.startswith("Unidentified")
    return (
        not event.location_reason.startswith(_OWN_PLACE)
        and same_side
        and previous.event_date == event.event_date
    )


def continues(
    text: str, previous: Event, previous_sentence: Span, event: Event, sentence: Span
) -> bool:
    """Whether ``event`` goes on telling ``previous`` ("Protesters gathered in Basra. They
    blocked roads."): the same kind of event, in the sentence right after, with no place
    of its own and no other side acting."""
    return previous.sub_event_type == event.sub_event_type and _goes_on(
        text, previous, previous_sentence, event, sentence
    )


def tolls(
    text: str, previous: Event, previous_sentence: Span, event: Event, sentence: Span,
    trigger: str,
) -> bool:  # fmt: skip
    """Whether ``event`` only tells the previous event's casualties ("Clashes broke out
    between two tribes in X. Two people were killed."): a telling of casualties with no
    act, in the sentence right after, with no place of its own and no other side named."""
    return (
        _casualties_only(event, trigger)
        and previous.event_type in _TOLLED
        and _goes_on(text, previous, previous_sentence, event, sentence)
    )


_TOLLED = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")


def merged(previous: Event, event: Event) -> Event:
    """``event`` with what only ``previous`` knew: its actors where ``event`` names nobody,
    and the higher death toll."""
    if event.actor1.startswith("Unidentified") and not previous.actor1.startswith("Unidentified"):
        event.actor1, event.inter1 = previous.actor1, previous.inter1
    if not event.actor2 and previous.actor2 and previous.actor2 != event.actor1:
        event.actor2, event.inter2 = previous.actor2, previous.inter2
    if previous.fatalities > event.fatalities:
        event.fatalities, event.fatalities_known = previous.fatalities, previous.fatalities_known
    return event
