"""Imports of external event data (ACLED and UCDP GED CSV exports) as frontlines events.

``read_acled_csv(path)`` and ``read_ucdp_ged_csv(path)`` return an ``ImportResult``: the
events, and the malformed rows skipped with their line numbers. The events carry their
origin in ``source`` ("ACLED (imported)", "UCDP GED") and ``document_id``
(``acled:<event_id_cnty>``, ``ucdp:<id>``) so they can be stored beside extracted ones.
"""

from __future__ import annotations

from ._csv import ImportResult, SkippedRow
from .acled import ACLED_SOURCE, read_acled_csv
from .ucdp import UCDP_SOURCE, read_ucdp_ged_csv

__all__ = [
    "ACLED_SOURCE",
    "UCDP_SOURCE",
    "ImportResult",
    "SkippedRow",
    "read_acled_csv",
    "read_ucdp_ged_csv",
]
