"""frontlines: turn war reporting into a sourced, geolocated picture of a conflict.

The public API is what ``__all__`` lists; ``tests/test_public_api.py`` pins it.
"""

from __future__ import annotations

from .api import BatchReport, Frontlines, ItemResult
from .config import Settings
from .errors import FrontlinesError
from .pipeline import Pipeline
from .records import (
    Actor,
    Analysis,
    Comment,
    ControlClaim,
    Document,
    Event,
    Mention,
    Place,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "BatchReport",
    "Comment",
    "ControlClaim",
    "Document",
    "Event",
    "Frontlines",
    "FrontlinesError",
    "ItemResult",
    "Mention",
    "Pipeline",
    "Place",
    "Settings",
    "Span",
    "__version__",
]
