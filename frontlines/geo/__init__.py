"""frontlines.geo: gazetteer, toponym recognition and resolution.

gazetteer = open_gazetteer()            # builds the index into the cache on first use
mentions = Geoparser(gazetteer).parse("Clashes near al-Mayadin, Deir ez-Zor province")
"""

from .build import build_gazetteer, import_geonames
from .fold import fold, loose
from .gazetteer import Gazetteer, Match, MemoryGazetteer, SqliteGazetteer, open_gazetteer
from .geoparser import Geoparser

__all__ = [
    "Gazetteer",
    "Geoparser",
    "Match",
    "MemoryGazetteer",
    "SqliteGazetteer",
    "build_gazetteer",
    "fold",
    "import_geonames",
    "loose",
    "open_gazetteer",
]
