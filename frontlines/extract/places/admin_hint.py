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
from functools import cache, lru_cache
from importlib import resources

from ...regex_gate import grouped_alternation
from ..types.clue_hits import Hit, HitFinder, clues_of

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
# An Arabic article may open a word in lower case ("Salah al-Din", "in al-Hasakah").
_ARTICLE = r"(?:(?:al|el|an|ar|as|ash|at|ad|az|ath|adh)-)?"
_RUN = re.compile(
    rf"{_ARTICLE}[A-Z][\w'-]*(?:\s+(?:(?:y|and|de|del|do|da|la|of|et)\s+)?{_ARTICLE}[A-Z][\w'-]*)*"
)


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
    from ..actors.registry import countries

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


@cache
def _loose_subdivisions() -> dict[str, list[tuple[str, str]]]:
    """Transliteration key -> (name, ISO2) of the subdivisions of the countries whose
    names reach English transliterated (``geo.words.TRANSLITERATED``): "Al-Hasakeh" and
    "Idleb" are Al Hasakah and Idlib as the theatre's reports spell them."""
    from ...geo.fold import loose_key
    from ...geo.words import TRANSLITERATED

    text = resources.files("frontlines.geo").joinpath("data", _TABLE).read_text("utf-8")
    keys: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        if row["country"] not in TRANSLITERATED:
            continue
        for name in _names(row):
            key = loose_key(name)
            if key and len(fold(name)) >= _MIN_LENGTH and fold(name) not in _GENERIC:
                keys.setdefault(key, []).append((name, row["country"]))
    return keys


# how alike a spelling must be to a subdivision's name for it to count as that name; a
# short key (two consonants: "Meka", "Sweida") is shared by too many words to say anything
_LOOSE_SIMILARITY = 0.8
_LOOSE_MIN_KEY = 3


@lru_cache(maxsize=4096)  # a page repeats its capitalised runs; each is weighed once
def _loose_country(words: str) -> str:
    """The one country a subdivision spelled like ``words`` lies in ("" when none or
    several)."""
    from ...geo.fold import loose_key, spelling_similarity

    key = loose_key(words)
    if len(key) < _LOOSE_MIN_KEY:
        return ""
    scored = [
        (spelling_similarity(words, name), code)
        for name, code in _loose_subdivisions().get(key, [])
    ]
    best = max((score for score, _ in scored), default=0.0)
    codes = {code for score, code in scored if score == best}
    return next(iter(codes)) if best >= _LOOSE_SIMILARITY and len(codes) == 1 else ""


def admin_country(text: str) -> str:
    """The ISO2 code most subdivision names in ``text`` belong to ("" when none)."""
    return clues_of(text, _admin_hits).winner()


def _admin_hits(text: str) -> list[Hit]:
    """(start of the word, end of its run, ISO2) of each subdivision name in ``text``."""
    table = _subdivisions()
    hits: list[Hit] = []
    for run in _RUN.finditer(text):
        words = _folded_words(run.group(0), run.start())
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                key = " ".join(w for w, _ in words[i : i + size])
                code = table.get(key) or (_loose_country(key) if len(key) >= _MIN_LENGTH else "")
                if code:
                    hits.append((words[i][1], run.end(), code))
                    i += size
                    break
            else:
                i += 1
    return hits


def _folded_words(run: str, offset: int) -> list[tuple[str, int]]:
    """The words of ``fold(run)``, each with the offset of the token it comes from
    (``fold`` works character by character, so folding token by token is the same)."""
    return [
        (word, offset + token.start())
        for token in re.finditer(r"\S+", run)
        for word in _folded_token(token.group(0))
    ]


@lru_cache(maxsize=8192)  # a page repeats its capitalised words; each is folded once
def _folded_token(token: str) -> tuple[str, ...]:
    return tuple(fold(token).split())


# the theatre packs' armed groups and militias (ACLED inter 2, 3, 4) named for one
# country work in that country: "the SDF", "Kataib Hezbollah" say Syria, Iraq
_GROUP_INTERS = (2, 3, 4)


_ACRONYM = re.compile(r"[A-Z0-9.&-]{2,7}")


def _pack_groups() -> dict[str, str]:
    """Name -> ISO2 of the packs' one-country organisations and of their armed groups
    that have a country of their own (by full name: an acronym only where the pack lists
    it among its organisations)."""
    from ..theatres import pack_actors, pack_organisations

    entries, _ = pack_actors()
    return pack_organisations() | {
        alias: str(entry["country"])
        for entry in entries
        if entry.get("country") and int(entry.get("inter", 0)) in _GROUP_INTERS
        for alias in entry.get("aliases", ())
        if not _ACRONYM.fullmatch(alias)  # "SNA": Syria's National Army, Somalia's too
    }


@cache
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = resources.files("frontlines.extract").joinpath("data", "organisations.json")
    table: dict[str, str] = {
        **_pack_groups(),
        **json.loads(raw.read_text("utf-8"))["organisations"],
    }
    keys = {name.casefold(): code for name, code in table.items()}
    upper = [n for n in table if n.upper() == n]
    other = [n for n in table if n.upper() != n]
    words = sorted(upper, key=len, reverse=True)
    names = sorted(other, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(words, names)})(?![\w-])")
    return pattern, keys


def _alternation(words: list[str], names: list[str]) -> str:
    """``words`` (as written) then ``names`` (in any case), grouped by first letter
    (:func:`grouped_alternation`: the same matches, each letter's group alone tried)."""
    grouped = grouped_alternation(words, names)
    if grouped is not None:
        return grouped
    exact = "|".join(re.escape(n) for n in words) or "(?!)"
    return f"{exact}|(?i:{'|'.join(re.escape(n) for n in names) or '(?!)'})"


def organisation_clues(text: str) -> list[str]:
    """The ISO2 code of each organisation or armed group named in ``text`` that works in
    one country (repeats kept): evidence of the text's country for the geoparser."""
    return [code for _, _, code in _organisation_hits(text)]


def organisation_country(text: str) -> str:
    """The ISO2 code of the country the organisations named in ``text`` work in."""
    return clues_of(text, _organisation_hits).winner()


def _organisation_hits(text: str) -> list[Hit]:
    return list(_organisation_hits_of(text))


@lru_cache(maxsize=64)  # the geoparser's clues, then the event's place, read the same page
def _organisation_hits_of(text: str) -> tuple[Hit, ...]:
    pattern, keys = _organisations()
    return tuple((m.start(), m.end(), keys[m.group(0).casefold()]) for m in pattern.finditer(text))


def masked_hint(text: str, start: int, end: int, *, admin: bool = True) -> str:
    """``organisation_country(masked) or admin_country(masked)`` (the first alone when
    ``admin`` is False) where ``masked`` is
    ``text`` with ``text[start:end]`` blanked, at the cost of a window around the span:
    the hits of the whole text are found once per text, so a page with many events is
    not rescanned once per event."""
    for finder in (_organisation_hits, _admin_hits) if admin else (_organisation_hits,):
        code = _winner_without(text, start, end, finder)
        if code:
            return code
    return ""


@lru_cache(maxsize=16)
def _winner_without(text: str, start: int, end: int, finder: HitFinder) -> str:
    """Kept for the next call: an event's place asks for the organisations' clue alone,
    then for it again before the administrative units'."""
    return clues_of(text, finder).winner_without(text, start, end, finder)


def hint_country(text: str) -> str:
    """The country ``text``'s organisations, else its administrative units, point to."""
    return organisation_country(text) or admin_country(text)
