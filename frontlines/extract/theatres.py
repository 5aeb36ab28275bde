"""Theatre packs: one JSON file of region knowledge per theatre of war.

A pack (``data/theatres/<name>.json``, or any ``*.json`` in a folder named by the
``FRONTLINES_THEATRES`` setting, several folders separated by ``os.pathsep``) may hold:

- ``actors``: entries in the format of ``data/actors.json`` (name, inter, country,
  aliases, ...), added to the actor registry before its world-wide entries;
- ``demonyms``: extra "Syrian" -> "SY" pairs;
- ``government_periods``: ISO2 -> period starts (``YYYY-MM[-DD]``), replacing the
  world table's for those countries;
- ``air_arms``: ``{"force", "name", "where"[, "drones", "strikes"]}``: the air arm of
  ``force`` (ISO2) is named apart, as ``<force's military> <name>``, in events in the
  ``where`` countries; with ``"drones": false``, not for a strike told by drones alone (the
  army's drones); ``strikes`` lists the sub-event types it is named on (by default air
  strikes only; the IRGC's strikes across Iran's border include its shelling);
- ``umbrellas``: ``{"name", "inter", "members", "where"[, "against"]}``: in events in
  the ``where`` countries, a member force (its ACLED name without period, e.g. "Military
  Forces of the United States") acts under the umbrella, which becomes the actor with the
  member as its associate; with ``against`` (the starts of the names of the umbrella's
  adversaries, e.g. "Islamic State"), only when the other side is one of them, nobody
  named or civilians: against anyone else the member acts in its own name;
- ``air_launched``: ``{"force", "where"}``: the missile strikes of ``force`` in events in
  the ``where`` countries are fired from aircraft (Israel's on Syria): an air strike, not a
  missile attack from the ground;
- ``front_lines``: lines of contact (see :mod:`.front_line`);
- ``vocabulary``: local words and what they mean ("badia": "desert");
- ``place_words``: words the theatre's reports use around place names ("countryside",
  "axis", "outskirts"), for the location rules;
- ``country_parts``: ISO2 -> compass part ("north", "north-east", "centre") -> the town
  reports mean by that part of the country ("eastern Syria": "Deir ez-Zor"), where an
  event told only so is placed (precision 3) instead of at the capital;
- ``organisations``: name or acronym -> ISO2 of groups and bodies that work in one
  country only ("SDF": "SY"): a text naming one is about that country (the packs' armed
  groups count so by their full names already; an acronym is listed only where it names
  nothing else, so "SNA" is not).

The format is documented with a worked example in ``docs/theatres.md``. Adding a theatre
is adding a file: no code changes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError

_KNOWN = frozenset({
    "_about", "theatre", "countries", "actors", "demonyms", "government_periods", "air_arms",
    "umbrellas", "front_lines", "vocabulary", "place_words", "organisations", "country_parts",
    "air_launched",
})  # fmt: skip


AIR_STRIKE = "Air/drone strike"


@dataclass(frozen=True, slots=True)
class AirArm:
    """The air arm of ``force`` (ISO2), named ``name`` in events in ``where``."""

    force: str
    name: str
    where: frozenset[str]
    drones: bool = True  # whether a strike told by drones alone is the air arm's
    # the strikes (sub-event types) the arm is named on: an air force's air strikes; the
    # IRGC's air strikes and shelling across Iran's border
    strikes: frozenset[str] = frozenset({AIR_STRIKE})


@dataclass(frozen=True, slots=True)
class Umbrella:
    """A coalition or operation that member forces act under in ``where``."""

    name: str
    inter: int
    members: tuple[str, ...]
    where: frozenset[str]
    against: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Theatre:
    """One pack's contents."""

    name: str
    source: str
    countries: tuple[str, ...] = ()
    actors: tuple[dict[str, Any], ...] = ()
    demonyms: dict[str, str] = field(default_factory=dict)
    government_periods: dict[str, tuple[str, ...]] = field(default_factory=dict)
    air_arms: tuple[AirArm, ...] = ()
    umbrellas: tuple[Umbrella, ...] = ()
    front_lines: tuple[dict[str, Any], ...] = ()
    vocabulary: dict[str, str] = field(default_factory=dict)
    place_words: tuple[str, ...] = ()
    organisations: dict[str, str] = field(default_factory=dict)
    # ISO2 -> compass part ("east", "north-east") -> the town reports mean by it
    country_parts: dict[str, dict[str, str]] = field(default_factory=dict)
    # (force ISO2, where ISO2): the force's missiles there are fired from the air
    air_launched: frozenset[tuple[str, str]] = frozenset()


def read_pack(path: Path) -> Theatre:
    """The pack in the JSON file at ``path``; ConfigError names what is wrong."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read theatre pack: {exc}", source=str(path)) from exc
    return parse_pack(raw, str(path))


def parse_pack(raw: Any, source: str) -> Theatre:
    """A pack from its decoded JSON ``raw`` (``source`` names it in errors)."""
    if not isinstance(raw, dict):
        raise ConfigError("a theatre pack is a JSON object; see docs/theatres.md", source=source)
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise ConfigError(
            f"unknown theatre pack keys {unknown}; use {sorted(_KNOWN)}", source=source
        )
    try:
        return Theatre(
            name=str(raw.get("theatre", Path(source).stem)),
            source=source,
            countries=tuple(str(c).upper() for c in raw.get("countries", ())),
            actors=tuple(raw.get("actors", ())),
            demonyms={str(k): str(v) for k, v in raw.get("demonyms", {}).items()},
            government_periods={
                str(k).upper(): tuple(str(s) for s in v)
                for k, v in raw.get("government_periods", {}).items()
            },
            air_arms=tuple(
                AirArm(
                    str(a["force"]).upper(),
                    str(a["name"]),
                    frozenset(a["where"]),
                    bool(a.get("drones", True)),
                    frozenset(str(k) for k in a.get("strikes", (AIR_STRIKE,))),
                )
                for a in raw.get("air_arms", ())
            ),
            air_launched=frozenset(
                (str(a["force"]).upper(), str(w).upper())
                for a in raw.get("air_launched", ())
                for w in a["where"]
            ),
            umbrellas=tuple(
                Umbrella(
                    str(u["name"]),
                    int(u["inter"]),
                    tuple(u["members"]),
                    frozenset(u["where"]),
                    tuple(str(a) for a in u.get("against", ())),
                )
                for u in raw.get("umbrellas", ())
            ),
            front_lines=tuple(raw.get("front_lines", ())),
            vocabulary={str(k): str(v) for k, v in raw.get("vocabulary", {}).items()},
            place_words=tuple(str(w) for w in raw.get("place_words", ())),
            organisations={
                str(k): str(v).upper() for k, v in raw.get("organisations", {}).items()
            },
            country_parts={
                str(code).upper(): {str(k).lower(): str(v) for k, v in parts.items()}
                for code, parts in raw.get("country_parts", {}).items()
            },
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(
            f"malformed theatre pack ({exc!r}); see docs/theatres.md", source=source
        ) from exc


def _packaged() -> list[Theatre]:
    folder = resources.files("frontlines.extract").joinpath("data", "theatres")
    packs = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".json"):
            packs.append(parse_pack(json.loads(item.read_text("utf-8")), f"theatres/{item.name}"))
    return packs


@cache
def load_theatres(folders: tuple[str, ...] = ()) -> tuple[Theatre, ...]:
    """The packaged packs, then those in ``folders`` (each ``*.json`` in name order)."""
    packs = _packaged()
    for folder in folders:
        root = Path(folder).expanduser()
        if not root.is_dir():
            raise ConfigError(
                "FRONTLINES_THEATRES names a folder that does not exist; fix or unset it",
                source=str(root),
            )
        packs.extend(read_pack(path) for path in sorted(root.glob("*.json")))
    return tuple(packs)


def theatres() -> tuple[Theatre, ...]:
    """All packs: the packaged ones and those in the folders ``FRONTLINES_THEATRES`` names."""
    setting = os.environ.get("FRONTLINES_THEATRES", "")  # Settings.theatres
    return load_theatres(tuple(p for p in setting.split(os.pathsep) if p.strip()))


def pack_actors() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Every pack's actor entries and demonyms, in pack order."""
    entries: list[dict[str, Any]] = []
    demonyms: dict[str, str] = {}
    for pack in theatres():
        entries.extend(pack.actors)
        demonyms.update(pack.demonyms)
    return entries, demonyms


def pack_organisations() -> dict[str, str]:
    """Name or acronym -> ISO2 of the groups and bodies the packs say work in one
    country only (``organisations``)."""
    out: dict[str, str] = {}
    for pack in theatres():
        out.update(pack.organisations)
    return out


def government_periods() -> dict[str, tuple[str, ...]]:
    """ISO2 -> government period starts, as the packs give them."""
    periods: dict[str, tuple[str, ...]] = {}
    for pack in theatres():
        periods.update(pack.government_periods)
    return periods


def air_arm(
    force: str, where: str, *, by_drones: bool = False, strike: str = AIR_STRIKE
) -> str:
    """The name ACLED gives the arm of ``force`` (ISO2) that carries out its ``strike``s
    in events in ``where`` ("Air Force", "Syrian Arab Air Force", "Islamic Revolutionary
    Guard Corps"); "" when it names no arm apart there, or when the strike is told
    ``by_drones`` alone and the pack says drones are not its."""
    for pack in theatres():
        for arm in pack.air_arms:
            if arm.force == force and where in arm.where and strike in arm.strikes:
                return arm.name if arm.drones or not by_drones else ""
    return ""


def air_launched(force: str, where: str) -> bool:
    """Whether the missile strikes of ``force`` (ISO2) in events in ``where`` are fired
    from the air (ACLED's "Air/drone strike": Israel's missiles on Syria)."""
    return any((force, where) in pack.air_launched for pack in theatres())


def umbrellas(where: str) -> tuple[Umbrella, ...]:
    """The umbrellas member forces act under in events in ``where`` (ISO2)."""
    return tuple(u for pack in theatres() for u in pack.umbrellas if where in u.where)


def front_lines() -> tuple[dict[str, Any], ...]:
    """Every pack's lines of contact."""
    return tuple(line for pack in theatres() for line in pack.front_lines)


def place_words() -> frozenset[str]:
    """Words the packs' theatres use around place names ("countryside", "axis")."""
    return frozenset(w.lower() for pack in theatres() for w in pack.place_words)


def vocabulary() -> dict[str, str]:
    """Local words and their meanings, from every pack."""
    words: dict[str, str] = {}
    for pack in theatres():
        words.update(pack.vocabulary)
    return words


def country_part(country: str, part: str) -> str:
    """The town the packs say reports mean by a compass ``part`` ("east", "north-east") of
    ``country`` (ISO2) ("eastern Syria": Deir ez-Zor); "" when no pack says."""
    for pack in theatres():
        town = pack.country_parts.get(country, {}).get(part, "")
        if town:
            return town
    return ""
