"""The loose groups computed at build time are the groups a look-up would join and order."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from frontlines.geo import SqliteGazetteer
from frontlines.geo.fold import fold
from frontlines.geo.loose_table import STAMP_KEY, has_table
from frontlines.geo.ranking import LooseGroup


def _comparable(group: LooseGroup) -> tuple[object, ...]:
    return [(n, p) for n, p, _ in group.plain], group.spelled


def test_built_groups_equal_the_joined_ones(gazetteer_path: Path) -> None:
    conn = sqlite3.connect(f"file:{gazetteer_path}?mode=ro", uri=True)
    keys = [r[0] for r in conn.execute("SELECT DISTINCT loose FROM names WHERE loose != ''")]
    assert has_table(conn)
    conn.close()
    rng = random.Random(5)
    wanted = sorted({*rng.sample(keys, 3000), "sn", "drzr", "hms", "=ninawa"} & set(keys))
    built, joined = SqliteGazetteer(gazetteer_path), SqliteGazetteer(gazetteer_path)
    assert built._precomputed()
    joined._loose_table = False  # the fallback: join the rows at look-up time
    from_table, from_join = built._loose_groups(wanted), joined._loose_groups(wanted)
    assert from_table.keys() == from_join.keys() and len(from_table) > 2000
    for key, group in from_table.items():
        assert _comparable(group) == _comparable(from_join[key])
        assert all(f == fold(p.name).replace(" ", "") for _, p, f in group.plain)


def test_look_ups_are_the_same_with_and_without_the_table(gazetteer_path: Path) -> None:
    names = ["Deir Ezzor", "Gayyara", "Sanin", "Trump", "Karama", "Monday", "Aleppo", "Ninawa",
             "Salem", "Springfield", "Al Azim", "Jindires", "Cindirês", "Hajin", "Kobani"]  # fmt: skip
    built, joined = SqliteGazetteer(gazetteer_path), SqliteGazetteer(gazetteer_path)
    joined._loose_table = False
    assert built.lookup_many(names) == joined.lookup_many(names)


def test_a_stale_stamp_falls_back_to_the_join(tmp_path: Path, gazetteer_path: Path) -> None:
    copy = tmp_path / "gaz.sqlite"
    copy.write_bytes(gazetteer_path.read_bytes())
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE meta SET v = '[]' WHERE k = ?", (STAMP_KEY,))
    conn.commit()
    assert not has_table(conn)
    conn.close()
    gaz = SqliteGazetteer(copy)
    assert not gaz._precomputed()
    assert gaz.lookup("Deir Ezzor")[0].geonameid == 170794
