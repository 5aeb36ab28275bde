"""Transliteration benchmark: does the gazetteer find a place under another spelling?

    .venv/bin/python benchmarks/transliteration.py [--json] [--country SY,IQ] [--size 2000]

Every test set is built from the gazetteer index itself (never from evaluation data), for
the places of the chosen countries (GeoNames, the Wikipedia map points, curated features):

* ``alternate/in_index``: places with two or more distinct names (main or alternate rows of
  the ``names`` table); one of those names is the query. The name is in the index, so this
  measures the ranking among the country's namesakes.
* ``alternate/held_out``: the same queries against a temporary copy of the index from which
  the query's own name rows are deleted (for the place and for any place within
  ``SAME_PLACE_KM`` of it, the same town from another source), so the place must be found
  under its other spellings.
* ``respelled``: a place's main name respelled by one transliteration rule (``RULES``:
  Ein/Ain/Ayn, Tal/Tell, Kafr/Kfar, Deir/Dayr, Sheikh/Shaykh, -eh/-ah/-a, doubled
  consonants, q/k, ou/u, ee/i, the article's forms, Kurdish x/kh, ç/ch, ş/sh, ...), kept
  only when the new spelling is none of the place's names in the index, looked up in the
  full index.

Only names in Latin letters are queried. Names that are labels rather than spellings (an alternate name no place has as its main
name, carried by ``LABEL_PLACES`` or more places: a map's or a campaign's title) are left
out of the alternate-name pairs.

A query scores at rank k when, among the candidates ``lookup_many`` returns that lie in the
place's country (in the order returned), one of the first k is the place itself or lies
within ``SAME_PLACE_KM`` of it. The samples are seeded (``--seed``), so a run is
deterministic for a given index. Only the public gazetteer interface is called
(``open_gazetteer``, ``lookup_many``); the test sets are read from the index's ``places``
and ``names`` tables (the queries are the names as written where the index keeps them: a
``names`` column ``name`` or ``spelling`` if there is one, the place's name for its main
name; otherwise the stored key).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import math
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAME_PLACE_KM = 5.0
DEFAULT_COUNTRIES = ("SY", "IQ")
DEFAULT_SIZE = 2000
DEFAULT_SEED = 11
TOP_K = (1, 5)
SPELLING_COLUMNS = ("name", "spelling")  # an original-spelling column in names, if any
# an alternate name that no place has as its main name and that this many places carry is a
# label (a map's or a campaign's title: "Latakia offensive"), not a spelling of each place
LABEL_PLACES = 3


# ---------------------------------------------------------------- the index's rows


@dataclass(frozen=True, slots=True)
class PlaceRow:
    id: str
    name: str
    lat: float
    lon: float
    country: str
    source: str


@dataclass(frozen=True, slots=True)
class NameRow:
    """One ``names`` row: ``key`` as stored, ``spelling`` the text to query with."""

    place_id: str
    key: str
    spelling: str
    primary: int


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    place: PlaceRow
    group: str  # the source (alternate names) or the rule (respellings)
    key: str = ""  # the names key held out (alternate names)


def read_index(path: Path, countries: Sequence[str]) -> tuple[dict[str, PlaceRow], list[NameRow]]:
    """The places of ``countries`` and their main and alternate names (not derived ones)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(countries))
        places = {
            str(r[0]): PlaceRow(
                str(r[0]), str(r[1]), float(r[2]), float(r[3]), str(r[4]), str(r[5])
            )
            for r in conn.execute(
                f"SELECT id, name, lat, lon, country, source FROM places WHERE country IN ({marks})",
                list(countries),
            )
        }
        spelling = _spelling_column(conn)
        sql = (
            f"SELECT n.place_id, n.key, {spelling}, n.primary_name, p.name FROM names n "
            f"JOIN places p ON p.id = n.place_id WHERE p.country IN ({marks}) "
            "AND n.primary_name >= 0"
        )
        names = [
            NameRow(str(r[0]), str(r[1]), _spelling(r, spelling), int(r[3]))
            for r in conn.execute(sql, list(countries))
        ]
    finally:
        conn.close()
    return places, names


def _spelling(row: Sequence[Any], column: str) -> str:
    """The text to query with: the original spelling when the index keeps one, else the
    place's name for its main-name row, else the stored key."""
    if column != "n.key" and row[2]:
        return str(row[2])
    return str(row[4]) if int(row[3]) == 1 and row[4] else str(row[1])


def _spelling_column(conn: sqlite3.Connection) -> str:
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(names)")}
    return next((f"n.{c}" for c in SPELLING_COLUMNS if c in columns), "n.key")


# ---------------------------------------------------------------- alternate-name pairs


def build_pairs(
    places: dict[str, PlaceRow], names: Iterable[NameRow], *, size: int, seed: int
) -> list[Query]:
    """Up to ``size`` (place, one of its names) queries, for places with two or more
    distinct names in Latin letters: one name per place in a first round, a second in the next, and so
    on, so that places with dozens of names do not crowd out the rest."""
    names = list(names)
    skip = labels(names)
    by_place: dict[str, dict[str, NameRow]] = defaultdict(dict)
    for row in names:
        if row.place_id in places and latin(row.spelling) and row.key not in skip:
            by_place[row.place_id].setdefault(row.key, row)
    rng = random.Random(seed)
    pools: list[list[NameRow]] = []
    for place_id in sorted(by_place):
        rows = sorted(by_place[place_id].values(), key=lambda r: r.key)
        if len(rows) >= 2:
            rng.shuffle(rows)
            pools.append(rows)
    rng.shuffle(pools)
    out: list[Query] = []
    for depth in range(max((len(p) for p in pools), default=0)):
        for rows in pools:
            if len(out) >= size:
                return out
            if depth < len(rows):
                row = rows[depth]
                place = places[row.place_id]
                out.append(Query(row.spelling, place, place.source, row.key))
    return out


def latin(text: str) -> bool:
    """Written in Latin letters (the spellings news in English uses), diacritics aside."""
    plain = normal(text)
    return bool(plain) and plain.isascii()


def labels(names: Sequence[NameRow]) -> set[str]:
    """Keys that are labels, not spellings (see ``LABEL_PLACES``)."""
    carriers: dict[str, set[str]] = defaultdict(set)
    main = {row.key for row in names if row.primary == 1}
    for row in names:
        carriers[row.key].add(row.place_id)
    return {k for k, ids in carriers.items() if len(ids) >= LABEL_PLACES and k not in main}


def rounds(queries: Sequence[Query]) -> list[list[Query]]:
    """The queries split so that no place is held out twice in one round."""
    out: list[list[Query]] = []
    seen: list[set[str]] = []
    for query in queries:
        for index, ids in enumerate(seen):
            if query.place.id not in ids:
                ids.add(query.place.id)
                out[index].append(query)
                break
        else:
            seen.append({query.place.id})
            out.append([query])
    return out


# ---------------------------------------------------------------- respellings


@dataclass(frozen=True, slots=True)
class Rule:
    """Spellings of one sound or word that stand for each other.

    ``forms`` are regular expressions over a lowercased name; the matches of a form (all of
    them, or the first ``count``) are replaced by each of ``to`` in turn. ``to`` holds
    templates (``\\1`` is the form's group) or ``SUN``: the article assimilated to the next
    word's first consonant (``ash-sham``, ``ar-raqqa``).
    """

    name: str
    forms: tuple[str, ...]
    to: tuple[str, ...]
    count: int = 0


SUN = "<sun>"
_SUN_LETTERS = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")


def _words(name: str, *words: str) -> Rule:
    """Whole words that are spellings of one another (Tal, Tell, Tall)."""
    forms = tuple(rf"(?<![\w'’`]){re.escape(w)}(?!\w)" for w in words)
    return Rule(name, forms, words)


# Arabic (Levantine and Iraqi) and Kurdish transliteration habits: the spellings of one
# place met in news, in ACLED's notes and on maps.
RULES: tuple[Rule, ...] = (
    _words("ain", "ain", "ayn", "ein", "'ayn", "'ain"),
    _words("tal", "tal", "tell", "tall", "tel"),
    _words("kafr", "kafr", "kfar", "kafar", "kfr"),
    _words("deir", "deir", "dayr", "dair", "der"),
    _words("sheikh", "sheikh", "shaykh", "shaikh", "cheikh", "sheik"),
    _words("beit", "beit", "bayt", "bait"),
    _words("jabal", "jabal", "jebel", "jabel"),
    _words("khirbet", "khirbet", "khirbat", "kherbet", "khirbit"),
    _words("umm", "umm", "um", "oum"),
    _words("abu", "abu", "abou", "abo"),
    Rule("ending_ah", (r"(?<=\w\w)eh\b", r"(?<=\w\w)ah\b", r"(?<=\w\w[^aeiouyh\W])a\b"),
         ("eh", "ah", "a")),
    Rule("ending_oun", (r"(?<=\w\w)oun\b", r"(?<=\w\w)oon\b", r"(?<=\w\w[^aeiou\W])un\b"),
         ("oun", "oon", "un")),
    Rule("double_to_single", (r"([bdfjklmnqrstz])\1",), (r"\1",)),
    Rule("single_to_double", (r"(?<=[aeiou])([bdjklmnqrstz])(?=[aeiou])",), (r"\1\1",), 1),
    Rule("q_k", (r"q",), ("k", "g")),
    Rule("dh", (r"dh",), ("z", "th", "d")),
    Rule("ou_u", (r"ou", r"(?<![aeioq])u"), ("u", "ou"), 1),
    Rule("ee_i", (r"ee", r"(?<=[^aeiou\W])i(?=[^aeiouy\W])"), ("i", "ee"), 1),
    Rule("article", (r"(?<!\w)(?:al|el|ash|as|adh|ad|an|ar|ath|at|az)[- ](?=\w)",),
         ("al-", "el-", "al ", "", SUN)),
    Rule("kurdish_kh", (r"kh", r"x"), ("x", "kh")),
    Rule("kurdish_ch", (r"ch", r"ç"), ("ç", "ch")),
    Rule("kurdish_sh", (r"sh", r"ş"), ("ş", "sh")),
    Rule("kurdish_j", (r"(?<!d)j", r"c(?!h)"), ("c", "j")),
)  # fmt: skip


def respell(name: str, rules: Sequence[Rule] = RULES) -> list[tuple[str, str]]:
    """Every respelling of ``name`` by one rule: (rule name, new spelling), lowercased,
    each differing from the name and from the others."""
    low = name.lower()
    out: dict[str, str] = {}
    for rule in rules:
        for form in rule.forms:
            pattern = _compiled(form)
            if pattern.search(low) is None:
                continue
            for target in rule.to:
                spelling = pattern.sub(_replacer(target), low, count=rule.count)
                if spelling != low and spelling not in out:
                    out[spelling] = rule.name
    return [(rule, spelling) for spelling, rule in out.items()]


@functools.cache
def _compiled(form: str) -> re.Pattern[str]:
    return re.compile(form)


def _replacer(target: str) -> Any:
    def replace(match: re.Match[str]) -> str:
        if target != SUN:
            return match.expand(target)
        tail = match.string[match.end() :]
        sun = next((s for s in _SUN_LETTERS if tail.startswith(s)), None)
        return f"a{sun}-" if sun else match.group(0)

    return replace


def normal(text: str) -> str:
    """Letters and digits only, without diacritics: what "the same spelling" means here."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def build_respellings(
    places: dict[str, PlaceRow], names: Iterable[NameRow], *, size: int, seed: int
) -> list[Query]:
    """Up to ``size`` respelled main names, drawn in turn from each rule so that the
    frequent rules (endings, doubled letters) do not crowd out the rest."""
    known: dict[str, set[str]] = defaultdict(set)
    for row in names:
        known[row.place_id].update({normal(row.key), normal(row.spelling)})
    by_rule: dict[str, list[Query]] = defaultdict(list)
    for place_id in sorted(places):
        place = places[place_id]
        seen = known[place_id] | {normal(place.name)}
        for rule, spelling in respell(place.name):
            if normal(spelling) and normal(spelling) not in seen:
                by_rule[rule].append(Query(spelling, place, rule))
    rng = random.Random(seed)
    pools = [by_rule[r.name] for r in RULES if by_rule[r.name]]
    for pool in pools:
        rng.shuffle(pool)
    out: list[Query] = []
    for depth in range(max((len(p) for p in pools), default=0)):
        for pool in pools:
            if len(out) >= size:
                return out
            if depth < len(pool):
                out.append(pool[depth])
    return out


# ---------------------------------------------------------------- scoring


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)  # fmt: skip
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def rank_of(query: Query, candidates: Sequence[Any]) -> int | None:
    """The 1-based rank of the place among the candidates in its country (None: absent).

    ``candidates`` are the gazetteer's ``Match`` objects (``.place`` with ``id``, ``lat``,
    ``lon``, ``country``)."""
    target = query.place
    local = [m.place for m in candidates if m.place.country == target.country]
    for rank, place in enumerate(local, start=1):
        if place.id == target.id or (
            haversine_km(place.lat, place.lon, target.lat, target.lon) <= SAME_PLACE_KM
        ):
            return rank
    return None


def score(gazetteer: Any, queries: Sequence[Query]) -> list[int | None]:
    """The rank of each query's place (``gazetteer.lookup_many`` in one call)."""
    found = gazetteer.lookup_many([q.text for q in queries])
    return [rank_of(q, found.get(q.text, [])) for q in queries]


def summary(queries: Sequence[Query], ranks: Sequence[int | None]) -> dict[str, Any]:
    """recall@1, recall@5 and the share with no candidate, overall and per group."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for query, rank in zip(queries, ranks, strict=True):
        groups[query.group].append(rank)
    return {**_rates(ranks), "by": {g: _rates(groups[g]) for g in sorted(groups)}}


def _rates(ranks: Sequence[int | None]) -> dict[str, Any]:
    n = len(ranks)
    out: dict[str, Any] = {"queries": n}
    for k in TOP_K:
        out[f"recall@{k}"] = (
            round(sum(1 for r in ranks if r is not None and r <= k) / n, 4) if n else None
        )
    out["not_found"] = round(sum(1 for r in ranks if r is None) / n, 4) if n else None
    return out


# ---------------------------------------------------------------- held out


@contextlib.contextmanager
def index_copy(path: Path) -> Iterator[Path]:
    """A temporary copy of the index file that may be changed."""
    with tempfile.TemporaryDirectory(prefix="frontlines-translit-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        yield copy


def hold_out(conn: sqlite3.Connection, batch: Sequence[Query]) -> list[tuple[Any, ...]]:
    """Delete the batch's names rows (the key, for the place and any place within
    ``SAME_PLACE_KM``); the deleted rows, to put back with ``restore``.

    Only the ``names`` table is touched: an index that also keeps names elsewhere (a
    trigram or phonetic table) must have those rows deleted here too, or the held-out
    name is still in it."""
    deleted: list[tuple[Any, ...]] = []
    for query in batch:
        sql = ("SELECT n.rowid, p.lat, p.lon, n.* FROM names n JOIN places p ON p.id = n.place_id "
               "WHERE n.key = ?")  # fmt: skip
        for row in conn.execute(sql, (query.key,)).fetchall():
            if haversine_km(row[1], row[2], query.place.lat, query.place.lon) <= SAME_PLACE_KM:
                conn.execute("DELETE FROM names WHERE rowid = ?", (row[0],))
                deleted.append(row[3:])
    conn.commit()
    return deleted


def restore(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    if rows:
        marks = ",".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO names VALUES ({marks})", rows)
        conn.commit()


def held_out_ranks(path: Path, queries: Sequence[Query]) -> list[int | None]:
    """Each query looked up in a copy of the index without its own name rows."""
    from frontlines import Settings
    from frontlines.geo import open_gazetteer

    ranks: dict[int, int | None] = {}
    index = {id(q): i for i, q in enumerate(queries)}
    with index_copy(path) as copy:
        conn = sqlite3.connect(copy)
        conn.execute("PRAGMA synchronous = OFF")
        try:
            for batch in rounds(queries):
                deleted = hold_out(conn, batch)
                gazetteer = open_gazetteer(Settings(gazetteer_path=copy), build=False)
                for query, rank in zip(batch, score(gazetteer, batch), strict=True):
                    ranks[index[id(query)]] = rank
                gazetteer.close()
                restore(conn, deleted)
        finally:
            conn.close()
    return [ranks[i] for i in range(len(queries))]


# ---------------------------------------------------------------- running


def run(path: Path, countries: Sequence[str], *, size: int, seed: int) -> dict[str, Any]:
    from frontlines import Settings
    from frontlines.geo import open_gazetteer

    started = time.monotonic()
    gazetteer = open_gazetteer(Settings(gazetteer_path=path), build=False)
    places, names = read_index(path, countries)
    pairs = build_pairs(places, names, size=size, seed=seed)
    respelled = build_respellings(places, names, size=size, seed=seed)
    result = {
        "countries": list(countries),
        "places": len(places),
        "seed": seed,
        "alternate/in_index": summary(pairs, score(gazetteer, pairs)),
        "alternate/held_out": summary(pairs, held_out_ranks(path, pairs)),
        "respelled": summary(respelled, score(gazetteer, respelled)),
    }
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def table(result: dict[str, Any]) -> str:
    lines = [f"Countries {', '.join(result['countries'])}: {result['places']} places, "
             f"seed {result['seed']}, {result['seconds']} s", "",
             "| test set | group | queries | recall@1 | recall@5 | not found |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for name in ("alternate/in_index", "alternate/held_out", "respelled"):
        part = result[name]
        lines.append(_row(name, "all", part))
        lines += [_row(name, group, rates) for group, rates in part["by"].items()]
    return "\n".join(lines)


def _row(name: str, group: str, rates: dict[str, Any]) -> str:
    cells = [name, group, str(rates["queries"]),
             *(f"{rates[k]:.3f}" for k in ("recall@1", "recall@5", "not_found"))]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--country", default=",".join(DEFAULT_COUNTRIES),
                        help="ISO codes, comma-separated (default SY,IQ)")  # fmt: skip
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="queries per test set")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--gazetteer", type=Path, help="the index file (default: the configured one)"
    )
    args = parser.parse_args(argv)
    from frontlines import Settings
    from frontlines.geo import open_gazetteer

    settings = Settings.from_env(**({"gazetteer_path": args.gazetteer} if args.gazetteer else {}))
    open_gazetteer(settings).close()  # builds the index when missing or stale
    countries = [c.strip().upper() for c in args.country.split(",") if c.strip()]
    result = run(settings.gazetteer_file, countries, size=args.size, seed=args.seed)
    print(json.dumps(result, indent=1) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
