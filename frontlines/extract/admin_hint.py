"""The country a text's organisations or administrative units point to, when it names
no country.

A trade union, party or movement active in one country only ("KCTU", "IG Metall") says
which country (``data/organisations.json``).

"Gomez Palacio, Durango" or "Valladolid (Castilla y Leon)" says Mexico or Spain even
when no place in it was resolved. The names are the ISO 3166-2 subdivisions shipped
with the gazetteer data (``frontlines/geo/data``: MIT, see its README), with their
English alternates; a name used in more than one country, or that is itself a country
name, says nothing and is left out.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

_TABLE = "iso3166_2_subdivision_latlng.tsv"
_MAX_WORDS = 4
_MIN_LENGTH = 4
# Subdivision names that are also ordinary words or other places' generic parts.
_GENERIC = frozenset(
    [
        "valley",
        "grad",
        "qala",
        "mayo",
        "zaire",
        "north",
        "south",
        "east",
        "west",
        "central",
        "centre",
        "capital",
        "coast",
        "islands",
        "island",
        "river",
        "lake",
        "mountain",
        "mountains",
        "highlands",
        "lowlands",
        "plateau",
        "delta",
        "district",
        "city",
        "town",
        "region",
        "province",
        "state",
    ]
)
# Capitalised word runs ("Castilla y Leon", "Jammu and Kashmir", "Nord-Kivu").
_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:y|and|de|del|do|da|la|of|et)\s+)?[A-Z][\w'-]*)*")


def fold(name: str) -> str:
    """Lower case, without accents or punctuation, spaces single."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]", " ", text.casefold())
    return " ".join(text.split())


def _names(row: dict[str, str]) -> list[str]:
    names = [row["name"]]
    for other in row["local_other_names"].split(","):
        if other.strip().endswith("(eng)"):
            names.append(other.strip()[: -len("(eng)")].strip())
    return names


@cache
def _subdivisions() -> dict[str, str]:
    """Folded subdivision name -> ISO2, for names found in one country only."""
    from .actors import countries

    text = resources.files("frontlines.geo").joinpath("data", _TABLE).read_text("utf-8")
    owners: dict[str, set[str]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        for name in _names(row):
            key = fold(name)
            if len(key) >= _MIN_LENGTH and len(key.split()) <= _MAX_WORDS:
                owners.setdefault(key, set()).add(row["country"])
    country_names = {fold(info.name) for info in countries().values()}
    return {
        key: next(iter(codes))
        for key, codes in owners.items()
        if len(codes) == 1 and key not in country_names and key not in _GENERIC
    }


def admin_country(text: str) -> str:
    """The ISO2 code most subdivision names in ``text`` belong to ("" when none)."""
    table = _subdivisions()
    counts: Counter[str] = Counter()
    for run in _RUN.finditer(text):
        words = fold(run.group(0)).split()
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                code = table.get(" ".join(words[i : i + size]))
                if code:
                    counts[code] += 1
                    i += size
                    break
            else:
                i += 1
    return counts.most_common(1)[0][0] if counts else ""


@cache
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = resources.files("frontlines.extract").joinpath("data", "organisations.json")
    table: dict[str, str] = json.loads(raw.read_text("utf-8"))["organisations"]
    keys = {name.casefold(): code for name, code in table.items()}
    upper = [n for n in table if n.upper() == n]
    other = [n for n in table if n.upper() != n]
    words = "|".join(re.escape(n) for n in sorted(upper, key=len, reverse=True)) or "(?!)"
    names = "|".join(re.escape(n) for n in sorted(other, key=len, reverse=True)) or "(?!)"
    pattern = re.compile(rf"(?<![\w-])(?:{words}|(?i:{names}))(?![\w-])")
    return pattern, keys


def organisation_country(text: str) -> str:
    """The ISO2 code of the country the organisations named in ``text`` work in."""
    pattern, keys = _organisations()
    counts = Counter(keys[m.group(0).casefold()] for m in pattern.finditer(text))
    return counts.most_common(1)[0][0] if counts else ""


def hint_country(text: str) -> str:
    """The country ``text``'s organisations, else its administrative units, point to."""
    return organisation_country(text) or admin_country(text)
