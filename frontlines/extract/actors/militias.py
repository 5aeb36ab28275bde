"""Actors whose ACLED name is built from the words of the text rather than listed.

- A militia named after a state, province or region ("Zamfara militiamen", "a Niger
  militia", "Darfur communal militia") is "<Name> Communal Militia (<country>)"; the
  name must be an administrative unit (the ISO 3166-2 table shipped with the gazetteer
  data) or one of a few historical regions that span several units.
- A local branch of Myanmar's People's Defense Force ("the Tamu PDF", "People's Defense
  Force - Kalay") is "People's Defense Force - <Town>".
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from ...records import Actor, Span
from ..places.admin_hint import fold

COMMUNAL = "{name} Communal Militia ({{country}})"
LOCAL_PDF = "People's Defense Force - {name}"
# Regions that span several first-level units and name militias in reporting.
_REGIONS = frozenset({"darfur", "kordofan", "ituri", "kivu", "donbas", "sahel", "tigray"})
_NOT_NAMES = frozenset(
    {
        "the", "a", "an", "local", "joint", "combined", "armed", "rival", "allied", "this",
        "that", "some", "several", "other", "another", "its", "their", "his", "her", "pro",
        "anti", "new", "former", "township", "village", "district", "region", "state",
        "islamist", "ethnic", "communal", "clan", "tribal", "community", "self", "defence",
        "defense", "people", "peoples", "national", "unidentified", "unknown", "suspected",
        "presumed", "alleged", "government", "military", "police", "army", "civilian",
        "battalion", "battalions", "unit", "units", "company", "column", "brigade", "members",
        "member", "forces", "force", "and", "or", "under", "in", "of", "led", "fighters",
    }
)  # fmt: skip
_COMMUNAL = re.compile(
    r"\b(?P<name>[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)\s+(?:communal\s+)?"
    r"(?:militia(?:men|s)?|militia members?)\b"
)
_PDF_AFTER = re.compile(
    r"\b(?:People['’]s Defen[cs]e Force\s+(?:-\s+)?|PDF\s+-\s+)(?P<name>[A-Z][\w'-]+(?: Township)?)"
)
# ACLED's spelling of towns that reporting spells otherwise.
_ACLED_SPELLING = {"Kale": "Kalay"}
_PDF_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]*)?)\s+(?:PDF|People['’]s Defen[cs]e Force)\b"
)


@cache
def _unit_names() -> frozenset[str]:
    """Folded names of first-level administrative units, country-named ones included."""
    table = "iso3166_2_subdivision_latlng.tsv"
    text = resources.files("frontlines.geo").joinpath("data", table).read_text("utf-8")
    names = {fold(row["name"]) for row in csv.DictReader(text.splitlines(), delimiter="\t")}
    return frozenset(names)


def _is_unit(name: str) -> bool:
    key = fold(name)
    return key in _REGIONS or key in _unit_names()


def _usable(name: str) -> bool:
    return fold(name).split()[0] not in _NOT_NAMES


def named_militias(text: str) -> list[tuple[Span, Actor]]:
    """Communal militias and local defence forces named in ``text``."""
    hits: list[tuple[Span, Actor]] = []
    for match in _COMMUNAL.finditer(text):
        name, start = match.group("name"), match.start()
        if " " in name and not _is_unit(name):  # "Yesterday Sokoto militiamen"
            start += name.index(" ") + 1
            name = name.split(" ", 1)[1]
        if _usable(name) and _is_unit(name):
            span = Span(start, match.end(), text[start : match.end()])
            hits.append((span, Actor(COMMUNAL.format(name=name), 4)))
    for pattern in (_PDF_AFTER, _PDF_BEFORE):
        for match in pattern.finditer(text):
            name = match.group("name")
            if _usable(name) and name.upper() != name:
                name = _ACLED_SPELLING.get(name, name)
                span = Span(match.start(), match.end(), match.group(0))
                hits.append((span, Actor(LOCAL_PDF.format(name=name), 3, "MM")))
    return hits
