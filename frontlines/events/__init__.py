"""frontlines.events: the same event from several pages becomes one, all sources kept;
copies of one report (syndicated, edited, truncated) are found and count once."""

from .copies import Signature, find_copies, find_signed_copies, signature
from .merge import merge_events, merge_with_members, same_event, split_merged

__all__ = [
    "Signature", "find_copies", "find_signed_copies", "merge_events", "merge_with_members",
    "same_event", "signature", "split_merged",
]  # fmt: skip
