"""An optional dated baseline: the control marks of Wikipedia's detailed war maps.

The points come from "Module:Syrian Civil War detailed map" and "Module:Iraqi insurgency
detailed map" (Wikipedia contributors, CC BY-SA 4.0; see
``frontlines/geo/data/wikipedia/WIKIPEDIA_MODULES_LICENSE.md``). Their marks show control
around mid-2017, so every claim is dated ``BASELINE_SINCE``, of kind ``"baseline"`` and of
low confidence: any later event or statement replaces it.

A mark's prefix names the holder (``gov``, ``SDF``, ``opp``, ``IS``, ``JaN``, ``Trk``);
marks naming two holders (``gov_IS``, ``stable_gov_SDF``) give two claims, which the
period builder flags as contested. Overlay images, passes and unknown marks give nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..records import ControlClaim, Place
from .holders import HolderTable, default_holders

BASELINE_SINCE = "2017-07-01"
BASELINE_CONFIDENCE = 0.2
ATTRIBUTION = (
    "Baseline control marks: Wikipedia contributors, 'Module:Syrian Civil War detailed map' "
    "and 'Module:Iraqi insurgency detailed map', CC BY-SA 4.0"
)
FILES: dict[str, str] = {
    "SY": "wikipedia_syria_detailed_map.tsv",
    "IQ": "wikipedia_iraq_detailed_map.tsv",
}
_HOLDER_CODES = ("gov", "SDF", "opp", "IS", "JaN", "Trk")
_FACILITY = {"hill", "base", "air", "oil", "industry", "naval", "heli", "rural4"}


@dataclass(frozen=True, slots=True)
class Baseline:
    """The baseline's claims and the places they are about."""

    claims: list[ControlClaim]
    places: dict[str, Place]
    attribution: str = ATTRIBUTION


def default_folder() -> Path:
    """The package folder holding the detailed-map TSV files."""
    return Path(str(resources.files("frontlines.geo").joinpath("data/wikipedia")))


def mark_holders(mark: str) -> list[str]:
    """The holder codes a mark names: ``"gov_hill"`` -> ``["gov"]``, ``"gov_IS"`` -> both."""
    if not mark or mark.startswith(("F:", "pass_")):
        return []
    parts = [p for p in mark.split("_") if p not in _FACILITY and p != "stable"]
    if not parts or any(p not in _HOLDER_CODES for p in parts):
        return []
    return list(dict.fromkeys(parts))


def load_baseline(folder: Path | None = None, *, holders: HolderTable | None = None) -> Baseline:
    """Read every known detailed-map file in ``folder`` (the package data by default)."""
    base = folder if folder is not None else default_folder()
    table = holders or default_holders()
    claims: list[ControlClaim] = []
    places: dict[str, Place] = {}
    for country, name in FILES.items():
        path = base / name
        if path.exists():
            _read(path, country, table, claims, places)
    return Baseline(claims, places)


def baseline_claims(folder: Path | None = None) -> list[ControlClaim]:
    """The baseline's claims alone (see :func:`load_baseline`)."""
    return load_baseline(folder).claims


def _read(
    path: Path,
    country: str,
    table: HolderTable,
    claims: list[ControlClaim],
    places: dict[str, Place],
) -> None:
    try:
        with path.open(encoding="utf-8", newline="") as fp:
            rows = list(csv.DictReader(fp, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"cannot read the baseline file ({exc})", source=str(path)) from exc
    for number, row in enumerate(rows, start=1):
        place = _place(row, country, number)
        if place is None:
            continue
        for code in mark_holders(row.get("mark") or ""):
            holder = table.actor(f"mark:{code}", country=country, on=BASELINE_SINCE)
            if not holder:
                continue
            places[place.id] = place
            claims.append(
                ControlClaim(
                    place_id=place.id,
                    place_name=place.name,
                    holder=holder,
                    since=BASELINE_SINCE,
                    confidence=BASELINE_CONFIDENCE,
                    kind="baseline",
                    document_id=f"baseline:{path.name}",
                )
            )


def _place(row: dict[str, str], country: str, number: int) -> Place | None:
    try:
        lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
    except ValueError:
        return None
    name = (row.get("name") or "").strip()
    if not name:
        return None
    place_id = f"wp:{country.lower()}:{number}"
    return Place(place_id, name, lat, lon, "", country, source="wikipedia")
