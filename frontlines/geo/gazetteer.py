"""The gazetteer: name lookups over the SQLite index (or an in-memory list for tests)."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..config import Settings
from ..errors import GazetteerError
from ..records import Place
from .build import SCHEMA_VERSION, Progress, build_gazetteer, data_fingerprint
from .fold import alternate_readings, fold, loose_key
from .loose_table import PLACE_COLUMNS as _PLACE_COLUMNS
from .loose_table import has_table, read_groups
from .ranking import ALTERNATE as ALTERNATE
from .ranking import CLOSE_SPELLING as CLOSE_SPELLING
from .ranking import DERIVED as DERIVED
from .ranking import EXACT as EXACT
from .ranking import LOOSE as LOOSE
from .ranking import MAX_CANDIDATES as MAX_CANDIDATES
from .ranking import (
    LooseGroup,
    best_first,
    heard_clearly,
    loose_match,
    only_small,
    read_as,
    scored,
    sounds_alike,
    with_loose,
)
from .ranking import Match as Match

_RANK_QUALITY = {1: EXACT, 0: ALTERNATE, -1: DERIVED}


@runtime_checkable
class Gazetteer(Protocol):
    """Name lookups over places."""

    def lookup(self, name: str) -> list[Place]: ...

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Match]]: ...

    def get(self, place_id: str) -> Place | None: ...

    def country(self, iso2: str) -> Place | None: ...

    def main_town(self, country: str, admin1: str) -> Place | None: ...


def _division_key(division: Place | None, admin1: str) -> str:
    """The folded name a division's seat is expected to carry ("Donetsk" for Donetsk
    oblast), from the division's place or the written name."""
    name = division.name if division is not None else admin1
    return fold(re.sub(_DIVISION_WORDS, "", name).strip())


_DIVISION_WORDS = re.compile(
    r"\s+(?:oblast|region|province|governorate|state|prefecture|county|district|krai|city)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def admin_seats() -> dict[str, int]:
    """Admin1 code (``IQ.10``) -> the GeoNames id of its seat, where neither the division's
    name nor the populations tell it (``data/admin_seats.tsv``)."""
    from .sources import data_dir, table_rows

    return {row[0]: int(row[1]) for row in table_rows(data_dir() / "admin_seats.tsv")}


@lru_cache(maxsize=1)
def admin_enclosures() -> dict[str, str]:
    """Admin1 code of a city that is a division of its own (``SY.13``, Damascus) -> the
    code of the division around it (``SY.08``, Rural Damascus): the city's "countryside"
    is that division (``data/admin_enclosures.tsv``)."""
    from .sources import data_dir, table_rows

    return {row[0]: row[1] for row in table_rows(data_dir() / "admin_enclosures.tsv")}


def pick_main_town(division: Place | None, admin1: str, towns: Sequence[Place]) -> Place | None:
    """The division's seat: the one ``admin_seats`` names, else a town of at least a tenth
    of the largest one's people named like the division ("Donetsk" in Donetsk oblast), else
    the largest town."""
    ranked = sorted(towns, key=lambda p: -p.population)
    if not ranked:
        return None
    if division is not None:
        seat = admin_seats().get(f"{division.country}.{division.admin1}")
        listed = [town for town in ranked if seat is not None and town.geonameid == seat]
        if listed:
            return listed[0]
    key = _division_key(division, admin1)
    floor = ranked[0].population / 10
    for town in ranked:
        if key and fold(town.name) == key and town.population >= floor:
            return town
    return ranked[0]


# the generic unit word an admin division's own name may carry ("Plateau State", "Béja
# Governorate"): the bare name written in a text is that division's name, not an alias
_UNIT_SUFFIX = re.compile(
    r"\s+(?:state|province|region|governorate|department|district|county|oblast|prefecture"
    r"|division|municipality)$",
    re.IGNORECASE,
)


def unit_named(match: Match, name: str) -> Match:
    """``match`` as exact when the place is a division whose own name is ``name`` plus a
    unit word ("Plateau" for Plateau State): read so where ``name`` is written as a
    division ("X (Plateau)", "Plateau state"), not for a bare name in running text, where
    a town of the name comes first ("Nelson")."""
    place = match.place
    if match.quality not in (ALTERNATE, DERIVED) or place.feature_class != "A" or not name:
        return match
    bare = _UNIT_SUFFIX.sub("", place.name)
    return Match(place, EXACT) if bare != place.name and fold(bare) == fold(name) else match


# A place this close to a division's places may belong to it: the admin codes of points that
# come without them are the nearest town's (``neighbours``), unsure near a border.
BORDER_KM = 10.0


def in_division(place: Place, country: str, admin1: str, members: Sequence[Place]) -> bool:
    """Whether ``place`` lies in the division (its code, or within ``BORDER_KM`` of one of
    the division's places)."""
    if place.country != country or place.feature_class not in "PS":
        return False
    if place.admin1 == admin1:
        return True
    return any(_km(place, m) <= BORDER_KM for m in members)


def _km(a: Place, b: Place) -> float:
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(x, math.radians(b.lat - a.lat))


def sounding(
    name: str, found: Iterable[Match], country: str, admin1: str, members: Sequence[Place]
) -> list[Match]:
    """The matches of ``found`` inside the division, closest spelling first."""
    inside = [m for m in found if in_division(m.place, country, admin1, members)]
    return sorted(inside, key=lambda m: (-m.spelling, -m.place.population))


class MemoryGazetteer:
    """A gazetteer over a list of places, for tests. ``aliases`` maps place id -> names."""

    def __init__(
        self, places: Iterable[Place], aliases: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        self._places = {p.id: p for p in places}
        self._by_key: dict[str, list[Match]] = {}
        self._by_loose: dict[str, list[Match]] = {}
        self._loose_names: dict[tuple[str, str], list[str]] = {}
        for place in self._places.values():
            self._add(place.name, Match(place, EXACT))
            for alias in (aliases or {}).get(place.id, ()):
                self._add(alias, Match(place, ALTERNATE))

    def _add(self, name: str, match: Match) -> None:
        self._by_key.setdefault(fold(name), []).append(match)
        skeleton = loose_key(name)
        if skeleton:
            self._by_loose.setdefault(skeleton, []).append(Match(match.place, LOOSE, 0.0))
            self._loose_names.setdefault((skeleton, match.place.id), []).append(fold(name))

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Match]]:
        out: dict[str, list[Match]] = {}
        for name in names:
            found = self._by_key.get(fold(name), [])
            looser: list[Match] = []
            if only_small(found):
                looser = self._sounding(name)
                if not heard_clearly(looser):
                    looser += [read_as(m) for reading, _ in alternate_readings(name)
                               for m in self._sounding(reading) if sounds_alike(m)]  # fmt: skip
            out[name] = best_first(with_loose(found, looser))
        return out

    def _sounding(self, reading: str) -> list[Match]:
        skeleton = loose_key(reading) or "\0"
        return [
            loose_match(reading, m.place, self._loose_names[(skeleton, m.place.id)])
            for m in self._by_loose.get(skeleton, [])
        ]

    def lookup(self, name: str) -> list[Place]:
        return [m.place for m in self.lookup_many([name])[name]]

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def country(self, iso2: str) -> Place | None:
        found = [p for p in self._places.values() if p.country == iso2 and p.feature == "A.PCLI"]
        return found[0] if found else None

    def main_town(self, country: str, admin1: str) -> Place | None:
        """The seat of a first-level division (its capital if named like it, else its
        largest town); ``admin1`` is the GeoNames code ("05") or the division's name."""
        country = country.upper()
        divisions = [p for p in self._places.values()
                     if p.country == country and p.feature == "A.ADM1"]  # fmt: skip
        code = _admin1_code(divisions, admin1)
        if not code:
            return None
        division = next((p for p in divisions if p.admin1 == code), None)
        towns = [p for p in self._places.values()
                 if p.country == country and p.admin1 == code and p.feature_class == "P"]  # fmt: skip
        return pick_main_town(division, admin1, towns)

    def sounds_in(self, name: str, country: str, admin1: str) -> list[Match]:
        """Places of a first-level division whose names share ``name``'s loose key, with
        their spelling scores (a village the text writes inside the division)."""
        skeleton = loose_key(name)
        members = [p for p in self._places.values()
                   if p.country == country and p.admin1 == admin1 and p.feature_class in "PS"]  # fmt: skip
        found = [
            loose_match(name, m.place, self._loose_names[(skeleton, m.place.id)])
            for m in self._by_loose.get(skeleton, [])
        ] if skeleton and admin1 else []  # fmt: skip
        return sounding(name, found, country, admin1, members)


def _admin1_code(divisions: Sequence[Place], admin1: str) -> str:
    """A division's GeoNames code from its code or its (folded) name; "" when unknown."""
    if any(p.admin1 == admin1 for p in divisions):
        return admin1
    keys = {fold(admin1), _division_key(None, admin1)}
    for p in divisions:
        if keys & {fold(p.name), _division_key(p, "")}:
            return p.admin1
    return admin1 if admin1.isdigit() or admin1.isupper() else ""


def _place(row: Sequence[object]) -> Place:
    gid = row[9]
    return Place(
        id=str(row[0]), name=str(row[1]), lat=float(row[2]), lon=float(row[3]),  # type: ignore[arg-type]
        feature=str(row[4]), country=str(row[5]), admin1=str(row[6]), admin2=str(row[7]),
        population=int(row[8]), geonameid=int(gid) if gid is not None else None,  # type: ignore[call-overload]
        source=str(row[10]),
    )  # fmt: skip


# a row of the index for a name: (primary_name, the folded name, the place)
_Row = tuple[int, str, Place]


class SqliteGazetteer:
    """The SQLite index built by ``build_gazetteer``; opened lazily, lookups cached."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._cache: dict[str, list[Match]] = {}
        self._places: dict[str, Place] = {}
        self._rows: dict[str, dict[str, list[_Row]]] = {}
        self._groups: dict[str, LooseGroup | None] = {}
        self._loose_table: bool | None = None
        self._countries: dict[str, Place | None] = {}
        self._seats: dict[tuple[str, str], Place | None] = {}
        self._divisions: dict[tuple[str, str], list[Place]] = {}
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect_checked(self.path)
        return self._conn

    def _query(self, column: str, wanted: list[str]) -> dict[str, list[_Row]]:
        """The index's rows ``(primary_name, folded name, place)`` by ``column`` value, in
        the index's order. The rows of each value are fetched once and remembered (one
        loose key is shared by many names)."""
        rows = self._rows.setdefault(column, {})
        if len(rows) > 100_000:
            rows.clear()
            self._groups.clear()
        todo = [w for w in wanted if w not in rows]
        for i in range(0, len(todo), 500):
            rows.update(self._fetch(column, todo[i : i + 500]))
        return {value: rows[value] for value in wanted}

    def _fetch(self, column: str, chunk: list[str]) -> dict[str, list[_Row]]:
        fetched: dict[str, list[_Row]] = {v: [] for v in chunk}
        sql = (
            f"SELECT n.{column}, n.primary_name, n.key, {_PLACE_COLUMNS} FROM names n "
            f"JOIN places p ON p.id = n.place_id WHERE n.{column} IN "
            f"({','.join('?' * len(chunk))})"
        )
        places = self._places
        for row in self._connection().execute(sql, chunk):  # TEXT and INTEGER columns
            place = places.get(row[3]) or self._place(row)
            fetched[row[0]].append((row[1], row[2], place))
        return fetched

    def _place(self, row: Sequence[object]) -> Place:
        """The row's place, built once per place (places are immutable)."""
        place = self._places.get(str(row[3]))
        if place is None:
            if len(self._places) > 500_000:
                self._places.clear()
            place = self._places[str(row[3])] = _place(row[3:])
        return place

    def _exact(self, keys: list[str]) -> dict[str, list[Match]]:
        """The matches of each folded name, by the rank of the name."""
        return {
            key: [Match(place, _RANK_QUALITY.get(rank, ALTERNATE)) for rank, _, place in rows]
            for key, rows in self._query("key", keys).items()
            if rows
        }

    def _loose_groups(self, keys: list[str]) -> dict[str, LooseGroup]:
        """The places of each loose key, ordered once per key (see ``LooseGroup``): from
        the index's rows without their places, then only the places a ranking can take
        are built (a skeleton such as ``sn`` matches over a thousand places)."""
        if len(self._groups) > 100_000:
            self._groups.clear()
        todo = [k for k in keys if k not in self._groups]
        if todo and self._precomputed():
            self._groups.update(read_groups(self._connection(), todo, self._row_place))
            todo = []
        for i in range(0, len(todo), 500):
            for key, rows in self._fetch_loose(todo[i : i + 500]).items():
                group = LooseGroup.from_rows(rows, self._places_by_id) if rows else None
                self._groups[key] = group
        return {k: group for k in keys if (group := self._groups[k]) is not None}

    def _precomputed(self) -> bool:
        """Whether the index holds the loose groups computed at build time (``loose_table``)."""
        if self._loose_table is None:
            self._loose_table = has_table(self._connection())
        return self._loose_table

    def _row_place(self, row: Sequence[object]) -> Place:
        """The place of a row of ``_PLACE_COLUMNS``, built once."""
        place = self._places.get(str(row[0]))
        if place is None:
            if len(self._places) > 500_000:
                self._places.clear()
            place = self._places[str(row[0])] = _place(row)
        return place

    def _fetch_loose(self, chunk: list[str]) -> dict[str, list[tuple[str, str, int, str]]]:
        """``(place id, country, population, folded name)`` of each loose key's rows, in
        the index's order (the order ``_fetch`` gives them in)."""
        fetched: dict[str, list[tuple[str, str, int, str]]] = {v: [] for v in chunk}
        sql = (
            "SELECT n.loose, n.place_id, p.country, p.population, n.key FROM names n "
            f"JOIN places p ON p.id = n.place_id WHERE n.loose IN ({','.join('?' * len(chunk))})"
        )
        for skeleton, *row in self._connection().execute(sql, chunk):
            fetched[skeleton].append(tuple(row))  # type: ignore[arg-type]
        return fetched

    def _places_by_id(self, ids: list[str]) -> dict[str, Place]:
        """The places of the given ids, each built once."""
        if len(self._places) > 500_000:
            self._places.clear()
        todo = list(dict.fromkeys(i for i in ids if i not in self._places))
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            sql = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id IN ({','.join('?' * len(chunk))})"
            for row in self._connection().execute(sql, chunk):
                self._places.setdefault(str(row[0]), _place(row))
        return {i: self._places[i] for i in ids}

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Match]]:
        names = list(dict.fromkeys(names))
        with self._lock:
            todo = [n for n in names if n not in self._cache]
            keys = {n: fold(n) for n in todo}
            exact = self._exact(sorted({k for k in keys.values() if k}))
            missing = {n: loose_key(n) for n in todo if only_small(exact.get(keys[n], []))}
            groups = self._loose_groups(sorted({s for s in missing.values() if s}))
            for name in todo:
                found = exact.get(keys[name], [])
                group = groups.get(missing.get(name, ""))
                kept = group.ranked(name, found) if group else best_first(found)
                self._cache[name] = [scored(name, m) for m in kept]
            unheard = [n for n in missing if not heard_clearly(self._cache[n])]
            readings = {n: alternate_readings(n) for n in unheard}
            alt_groups = self._loose_groups(sorted({k for rs in readings.values() for _, k in rs}))
            for name, reads in readings.items():
                found = exact.get(keys[name], [])
                heard = [read_as(m) for reading, key in reads if (g := alt_groups.get(key))
                         for m in g.ranked(reading, found, score=False) if sounds_alike(m)]  # fmt: skip
                if heard:
                    self._cache[name] = best_first([*self._cache[name], *heard])
            if len(self._cache) > 200_000:
                self._cache.clear()
            return {n: self._cache.get(n, []) for n in names}

    def lookup(self, name: str) -> list[Place]:
        return [m.place for m in self.lookup_many([name])[name]]

    def get(self, place_id: str) -> Place | None:
        sql = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?"
        row = self._connection().execute(sql, (place_id,)).fetchone()
        return _place(row) if row else None

    def country(self, iso2: str) -> Place | None:
        """The country (``A.PCLI``) of an ISO code; all countries are read once, then cached."""
        with self._lock:
            if not self._countries:
                sql = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.feature = 'A.PCLI'"
                rows = self._connection().execute(sql).fetchall()
                self._countries = {str(r[5]): _place(r) for r in reversed(rows)}
            return self._countries.get(iso2.upper())

    def main_town(self, country: str, admin1: str) -> Place | None:
        """The seat of a first-level division (its capital if named like it, else its
        largest town); ``admin1`` is the GeoNames code ("05") or the division's name."""
        country = country.upper()
        key = (country, admin1)
        with self._lock:
            if key not in self._seats:
                self._seats[key] = self._main_town(country, admin1)
            return self._seats[key]

    def _main_town(self, country: str, admin1: str) -> Place | None:
        conn = self._connection()
        sql = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.feature = 'A.ADM1'"
        divisions = [_place(r) for r in conn.execute(sql, (country,))]
        code = _admin1_code(divisions, admin1)
        if not code:
            return None
        division = next((p for p in divisions if p.admin1 == code), None)
        sql = (
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.admin1 = ? "
            "AND p.feature LIKE 'P.%' ORDER BY p.population DESC LIMIT 50"
        )
        towns = [_place(r) for r in conn.execute(sql, (country, code))]
        return pick_main_town(division, admin1, towns)

    def sounds_in(self, name: str, country: str, admin1: str) -> list[Match]:
        """Places of a first-level division whose names share ``name``'s loose key, with
        their spelling scores (a village the text writes inside the division)."""
        skeleton = loose_key(name)
        if not skeleton or not admin1:
            return []
        with self._lock:
            rows = self._query("loose", [skeleton])[skeleton]
            members = self._members(country, admin1)
        spelled: dict[str, list[str]] = {}
        for _, key, place in rows:
            spelled.setdefault(place.id, []).append(key)
        found = [loose_match(name, place, spelled[place.id]) for _, _, place in rows]
        return sounding(name, found, country, admin1, members)

    def _members(self, country: str, admin1: str) -> list[Place]:
        key = (country, admin1)
        if key not in self._divisions:
            sql = (f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.admin1 = ? "
                   "AND (p.feature LIKE 'P.%' OR p.feature LIKE 'S.%')")  # fmt: skip
            self._divisions[key] = [_place(r) for r in self._connection().execute(sql, key)]
        return self._divisions[key]

    def mark(self, place_id: str) -> str:
        """The Wikipedia map's control mark for a place ("" when none)."""
        row = self._connection().execute("SELECT mark FROM places WHERE id = ?", (place_id,))
        found = row.fetchone()
        return str(found[0]) if found else ""

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._loose_table = None


MMAP_BYTES = 1 << 30
_FIX = "run `frontlines gazetteer build` (or delete the file so it is rebuilt)"


def connect_checked(path: Path) -> sqlite3.Connection:
    """Open the index read-only and check its metadata; ``GazetteerError`` if broken."""
    if not path.is_file():
        raise GazetteerError(f"the gazetteer index does not exist; {_FIX}", source=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # read through a memory map: look-ups copy no pages into SQLite's own cache
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())
        places = conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(
            f"the gazetteer index is unreadable ({exc}); {_FIX}", source=str(path)
        ) from exc
    problem = _meta_problem(meta, places)
    if problem:
        conn.close()
        raise GazetteerError(f"the gazetteer index is {problem}; {_FIX}", source=str(path))
    return conn


def _meta_problem(meta: dict[str, str], places: int) -> str:
    if meta.get("complete") != "1":
        return "incomplete (an interrupted build)"
    if meta.get("version") != SCHEMA_VERSION:
        return f"of version {meta.get('version')!r}, expected {SCHEMA_VERSION!r}"
    if meta.get("fingerprint") != data_fingerprint():
        return "built from other data than this frontlines ships (stale)"
    if places == 0 or str(places) != meta.get("places"):
        return f"damaged ({places} places, metadata says {meta.get('places')})"
    return ""


def open_gazetteer(
    settings: Settings | None = None, *, build: bool = True, progress: Progress | None = None
) -> SqliteGazetteer:
    """Open the index at ``settings.gazetteer_file``, building it first when missing/broken
    (``build=True``); with ``build=False`` a missing/broken index raises ``GazetteerError``."""
    settings = settings or Settings.from_env()
    path = settings.gazetteer_file
    try:
        connect_checked(path).close()
    except GazetteerError:
        if not build:
            raise
        build_gazetteer(path, progress=progress)
        connect_checked(path).close()
    return SqliteGazetteer(path)
