"""frontlines.basemap: the geography under the events, offline.

Country outlines (world-atlas, read from the assets folder), provinces derived from the
gazetteer's admin-1 codes, and the Natural Earth rivers, lakes and town list shipped in
``data/`` (see ``data/NOTICE.md``).

    outlines = WorldAtlasOutlines(settings.assets_dir / COUNTRIES_FILE)
    syria = outlines.country("SY")          # a shapely geometry, or None
    provinces = load_provinces()            # [Province(country, code, name, geometry)]
"""

from .layers import Label, Town, load_lakes, load_rivers, load_towns, town_labels
from .outlines import (
    COUNTRIES_FILE,
    MemoryOutlines,
    Outlines,
    WorldAtlasOutlines,
    default_outlines,
)
from .provinces import Province, derive_provinces, find_province, load_provinces

__all__ = [
    "COUNTRIES_FILE",
    "Label",
    "MemoryOutlines",
    "Outlines",
    "Province",
    "Town",
    "WorldAtlasOutlines",
    "default_outlines",
    "derive_provinces",
    "find_province",
    "load_lakes",
    "load_provinces",
    "load_rivers",
    "load_towns",
    "town_labels",
]
