"""frontlines.serve: the HTTP API over a store (FastAPI); no I/O at import.

app = create_app(lambda: open_store("frontlines.sqlite"), token="secret")
serve("frontlines.sqlite", "127.0.0.1", 8000, token=os.environ.get("FRONTLINES_TOKEN"))
"""

from .app import create_app
from .net import is_public_address
from .params import BadParameter
from .reviews import MemoryReviewLog, Review, ReviewLog, SqliteReviewLog
from .run import review_log_for, serve

__all__ = [
    "BadParameter",
    "MemoryReviewLog",
    "Review",
    "ReviewLog",
    "SqliteReviewLog",
    "create_app",
    "is_public_address",
    "review_log_for",
    "serve",
]
