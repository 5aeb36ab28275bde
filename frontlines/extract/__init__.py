"""frontlines.extract: ACLED event coding from sentences (actors, types, dates, places)."""

from .actors import ActorRegistry
from .dates import resolve_date
from .eventtypes import classify
from .extractor import EventExtractor
from .fatalities import parse_fatalities
from .sentences import split_sentences

__all__ = [
    "ActorRegistry",
    "EventExtractor",
    "classify",
    "parse_fatalities",
    "resolve_date",
    "split_sentences",
]
