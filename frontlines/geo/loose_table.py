"""Loose groups precomputed when the gazetteer is built (table ``loose_groups``).

A look-up that needs a loose key's places (most names in a page are not places, so most
look-ups do) would otherwise join every row of the key to its place (a skeleton such as
``sn`` matches over a thousand) and order them (:class:`~.ranking.LooseGroup`). The build
does that once for every key: a row per key holds what ``LooseGroup`` keeps (the first
``MAX_CANDIDATES`` places outside the transliterated countries, by population then row
order, and every transliterated place with its folded names) and those places' columns,
as JSON. The look-up reads one row per key and builds the same group.

The table is used only while its stamp in ``meta`` (the transliterated countries, the cap
and the number of names) matches the code and the index; otherwise look-ups fall back to
joining the rows, which gives the same groups.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence

from ..records import Place
from .fold import fold
from .ranking import MAX_CANDIDATES, LooseGroup
from .words import TRANSLITERATED

TABLE = "loose_groups"
STAMP_KEY = "loose_groups"

# the columns of a place, in the order ``gazetteer._place`` reads them (the gazetteer's
# queries select the same)
PLACE_COLUMNS = (
    "p.id, p.name, p.lat, p.lon, p.feature, p.country, p.admin1, p.admin2, p.population, "
    "p.geonameid, p.source"
)
_PlaceRow = Sequence[object]
_COMPACT = (",", ":")  # no spaces after separators: a smaller index, decoded faster


def stamp(names: int) -> str:
    """What the table was computed with; it is read only while this still holds."""
    return json.dumps([sorted(TRANSLITERATED), MAX_CANDIDATES, names])


def write_loose_groups(conn: sqlite3.Connection) -> int:
    """(Re)write the table from the index's names and places; returns the number of keys."""
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.execute(f"CREATE TABLE {TABLE} (loose TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID")
    sql = (
        f"SELECT n.loose, n.key, {PLACE_COLUMNS} FROM names n JOIN places p "
        "ON p.id = n.place_id WHERE n.loose != '' ORDER BY n.loose, n.rowid"
    )
    written = 0
    batch: list[tuple[str, str]] = []
    for key, rows in _by_key(conn.execute(sql)):
        batch.append((key, encode(rows)))
        written += 1
        if len(batch) >= 10_000:
            conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", batch)
            batch = []
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", batch)
    names = conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (STAMP_KEY, stamp(names)))
    return written


def _by_key(rows: Iterator[Sequence[object]]) -> Iterator[tuple[str, list[Sequence[object]]]]:
    key: object = None
    group: list[Sequence[object]] = []
    for row in rows:
        if row[0] != key:
            if group:
                yield str(key), group
            key, group = row[0], []
        group.append(row[1:])
    if group:
        yield str(key), group


def encode(rows: Sequence[Sequence[object]]) -> str:
    """One key's rows ``(folded name, *place columns)`` in the index's order, as what
    ``LooseGroup`` keeps of them (see ``LooseGroup._fill``)."""
    places: dict[str, _PlaceRow] = {}
    light = []
    for folded, *place in rows:
        pid = str(place[0])
        places.setdefault(pid, place)
        light.append((pid, str(place[5]), int(place[8]), str(folded)))  # type: ignore[call-overload]
    plain, spelled = LooseGroup.ordered(light)
    kept = [pid for _, pid in plain] + [pid for _, pid, _ in spelled]
    folded = [[n, pid, fold(str(places[pid][1])).replace(" ", "")] for n, pid in plain]
    spelled_keys = [[n, pid, list(keys)] for n, pid, keys in spelled]
    return json.dumps([folded, spelled_keys, [places[pid] for pid in kept]], separators=_COMPACT)


def decode(data: str, place: Callable[[_PlaceRow], Place]) -> LooseGroup:
    """The group of an encoded key; ``place(row)`` builds (or finds) a row's place."""
    plain, spelled, rows = json.loads(data)
    built = {str(row[0]): place(row) for row in rows}
    return LooseGroup.from_ordered(
        [(n, built[pid], folded) for n, pid, folded in plain],
        [(n, built[pid], tuple(keys)) for n, pid, keys in spelled],
    )


def has_table(conn: sqlite3.Connection) -> bool:
    """Whether the index holds the table, computed as this code would."""
    try:
        row = conn.execute("SELECT v FROM meta WHERE k = ?", (STAMP_KEY,)).fetchone()
        names = conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == stamp(names)


def read_groups(
    conn: sqlite3.Connection, keys: list[str], place: Callable[[_PlaceRow], Place]
) -> dict[str, LooseGroup | None]:
    """The groups of ``keys`` (None for a key no name has)."""
    found: dict[str, LooseGroup | None] = dict.fromkeys(keys)
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        sql = f"SELECT loose, data FROM {TABLE} WHERE loose IN ({','.join('?' * len(chunk))})"
        for key, data in conn.execute(sql, chunk):
            found[key] = decode(data, place)
    return found
