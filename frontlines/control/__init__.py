"""frontlines.control: who held which place when, from events, statements and a baseline.

claims = claims_from_events(events) + claims_from_text(text, mentions, published)
periods = control_periods(claims, places)
snapshot(periods, date(2018, 5, 1), area=(35.0, 32.0, 42.0, 37.5))
"""

from .baseline import ATTRIBUTION, BASELINE_SINCE, Baseline, baseline_claims, load_baseline
from .events import TERRITORIAL_SUB_EVENTS, claims_from_events, places_from_events
from .holders import HolderTable, default_holders
from .periods import ControlPeriod, combined_confidence, control_periods, snapshot
from .query import PeriodCache, claims_from_analysis, control_at, format_table, store_periods
from .statements import claims_from_text

__all__ = [
    "ATTRIBUTION",
    "BASELINE_SINCE",
    "TERRITORIAL_SUB_EVENTS",
    "Baseline",
    "ControlPeriod",
    "HolderTable",
    "PeriodCache",
    "baseline_claims",
    "claims_from_analysis",
    "claims_from_events",
    "claims_from_text",
    "combined_confidence",
    "control_at",
    "control_periods",
    "default_holders",
    "format_table",
    "load_baseline",
    "places_from_events",
    "snapshot",
    "store_periods",
]
