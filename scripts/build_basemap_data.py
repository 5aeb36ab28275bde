"""Rebuild frontlines/basemap/data from ../shared/basemap and the gazetteer index.

    python scripts/build_basemap_data.py [--gazetteer PATH] [--basemap ../shared/basemap]

Writes (see frontlines/basemap/data/NOTICE.md for sources and licences):
  rivers.geojson, lakes.geojson  Natural Earth 1:50m cut to the region, coordinates rounded
  towns.tsv                      populated places of Syria and Iraq, and cities of 100,000+
                                 in the region around them (name, lon, lat, population, ...)
  provinces.geojson              admin-1 areas of Syria and Iraq derived from the gazetteer
                                 (Voronoi cells of its places merged by admin-1 code,
                                 clipped to the country): approximate
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import shapely
from shapely.geometry import box, mapping, shape

from frontlines.basemap.outlines import COUNTRIES_FILE, WorldAtlasOutlines
from frontlines.basemap.provinces import derive_provinces
from frontlines.config import Settings

REGION = (25.0, 12.0, 63.0, 44.0)  # west, south, east, north
COUNTRIES = ("SY", "IQ")
OUT = Path(__file__).resolve().parents[1] / "frontlines" / "basemap" / "data"


def _cut(source: Path, target: Path, digits: int) -> int:
    data = json.loads(source.read_text("utf-8"))
    frame = box(*REGION)
    kept = []
    for feature in data["features"]:
        geometry = shape(feature["geometry"])
        if not geometry.intersects(frame):
            continue
        part = shapely.set_precision(geometry.intersection(frame), 10**-digits)
        if not part.is_empty:
            kept.append({"type": "Feature", "properties": {}, "geometry": mapping(part)})
    text = json.dumps({"type": "FeatureCollection", "features": kept}, separators=(",", ":"))
    target.write_text(text + "\n", "utf-8")
    return len(kept)


def _towns(db: sqlite3.Connection, target: Path) -> list[tuple[str, float, float, str, str]]:
    marks = ",".join(f"'{c}'" for c in COUNTRIES)
    rows = db.execute(
        f"""SELECT name, lon, lat, population, country, admin1, source FROM places
            WHERE feature LIKE 'P%' AND (country IN ({marks}) OR (population >= 100000
              AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?))
            ORDER BY population DESC, name""",
        (REGION[0], REGION[2], REGION[1], REGION[3]),
    ).fetchall()
    seen: set[tuple[str, int, int]] = set()
    lines = ["#name\tlon\tlat\tpopulation\tcountry\tadmin1\tsource"]
    points = []
    for name, lon, lat, population, country, admin1, source in rows:
        key = (name.casefold(), round(lon * 50), round(lat * 50))
        if key in seen or "\t" in name:
            continue
        seen.add(key)
        lines.append(f"{name}\t{lon:.4f}\t{lat:.4f}\t{int(population or 0)}\t{country}\t"
                     f"{admin1 or ''}\t{source}")  # fmt: skip
        if country in COUNTRIES and admin1:
            points.append((name, float(lon), float(lat), country, admin1))
    target.write_text("\n".join(lines) + "\n", "utf-8")
    return points


def _admin_names(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = db.execute(
        "SELECT country, admin1, name, population FROM places WHERE feature = 'A.ADM1' "
        "ORDER BY population"
    ).fetchall()
    return {(country, admin1): name for country, admin1, name, _ in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=Settings().gazetteer_file)
    parser.add_argument("--basemap", type=Path, default=Path("../shared/basemap"))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rivers = _cut(args.basemap / "ne_50m_rivers_lake_centerlines.geojson",
                  OUT / "rivers.geojson", 3)  # fmt: skip
    lakes = _cut(args.basemap / "ne_50m_lakes.geojson", OUT / "lakes.geojson", 3)
    db = sqlite3.connect(args.gazetteer)
    points = _towns(db, OUT / "towns.tsv")
    outlines = WorldAtlasOutlines(Settings().assets_dir / COUNTRIES_FILE)
    provinces = derive_provinces(points, outlines, _admin_names(db))
    features = [p.to_feature(digits=3, tolerance=0.01) for p in provinces]
    (OUT / "provinces.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                   separators=(",", ":")) + "\n", "utf-8")  # fmt: skip
    print(f"rivers {rivers}, lakes {lakes}, towns {len(points)}, provinces {len(provinces)}")


if __name__ == "__main__":
    main()
