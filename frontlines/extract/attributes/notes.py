"""ACLED-style notes: one short factual sentence built from the coded fields."""

from __future__ import annotations

import datetime as dt

from ...geo.fold import fold
from ...records import Event

_VERBS = {
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Armed clash": "clashed with",
    "Air/drone strike": "carried out an air/drone strike against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "used an explosive device against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used chemical weapons against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "sexually assaulted",
    "Arrests": "arrested",
    "Agreement": "reached an agreement with",
    "Looting/property destruction": "looted or destroyed property of",
    "Disrupted weapons use": "disrupted weapons use by",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "protested; intervention by",
    "Excessive force against protesters": "protested; excessive force by",
    "Violent demonstration": "held a violent demonstration; confronting",
    "Mob violence": "engaged in mob violence against",
}
_MONTH_PRECISION = 3
_WEEK_PRECISION = 2


def _when(event: Event) -> str:
    if not event.event_date:
        return "On an unknown date"
    day = dt.date.fromisoformat(event.event_date)
    if event.time_precision == _MONTH_PRECISION:
        return f"In {day:%B %Y} (month of {day:%B})"
    text = f"On {day.day} {day:%B %Y}"
    return f"{text} (week of)" if event.time_precision == _WEEK_PRECISION else text


def write_note(
    event: Event, sentence: str, trigger: str = "", placed_at: str = "", written: str = ""
) -> str:
    """ "On 14 May 2018, A regained territory from B near X (Admin1). [size=...]" style.

    ``placed_at`` is the gazetteer's place; when the report named another place that the
    gazetteer lacks, the note keeps the report's name: "in the area of X, near Y";
    ``written`` is the report's spelling of a place the gazetteer spells otherwise
    ("Al Hasyan (Al Hassan)")."""
    verb = _VERBS.get(event.sub_event_type, f"engaged in {trigger or 'activity'} against")
    who = event.actor1
    if event.assoc_actor_1:
        who += f" and {event.assoc_actor_1}"
    target = f" {event.actor2}" if event.actor2 else ""
    if not event.actor2 and verb.endswith(
        ("from", "with", "against", "of", "by", "at", "confronting")
    ):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if event.location:
        prep = "in" if event.geo_precision == 1 else "near"
        where = f" {prep} {event.location}"
        if written and fold(written) != fold(event.location):
            where = f" {prep} {written} ({event.location})"
        if placed_at and fold(placed_at) != fold(event.location):
            where = f" in the area of {event.location}, near {placed_at}"
        if event.admin1:
            where += f" ({event.admin1})"
    deaths = f" {event.fatalities} reported fatalities." if event.fatalities else ""
    return f"{_when(event)}, {who} {verb}{target}{where}.{deaths}".strip()
