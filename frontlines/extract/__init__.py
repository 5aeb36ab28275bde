"""frontlines.extract: ACLED event coding from sentences (actors, types, dates, places)."""

from .actors.registry import ActorRegistry
from .attributes.dates import resolve_date
from .attributes.fatalities import parse_fatalities
from .extractor import EventExtractor
from .places.admin_hint import organisation_clues
from .sentences import split_sentences
from .types.eventtypes import classify

__all__ = [
    "ActorRegistry",
    "EventExtractor",
    "classify",
    "organisation_clues",
    "parse_fatalities",
    "resolve_date",
    "split_sentences",
]
