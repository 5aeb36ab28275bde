"""frontlines.events: the same event from several pages becomes one, all sources kept."""

from .merge import merge_events, merge_with_members, same_event, split_merged

__all__ = ["merge_events", "merge_with_members", "same_event", "split_merged"]
