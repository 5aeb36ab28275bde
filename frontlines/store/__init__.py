"""frontlines.store: save analyses, read events back (SQLite by default).

with open_store("frontlines.sqlite") as store:
    result = store.save(analysis)
    events = store.events(bbox=(35.0, 32.0, 42.0, 37.5), start="2024-01-01")
"""

from .base import EventFilter, SaveResult, Store, open_store
from .memory import MemoryStore
from .sqlite import SqliteStore

__all__ = ["EventFilter", "MemoryStore", "SaveResult", "SqliteStore", "Store", "open_store"]
