"""The actors of one event as ACLED records them, and helpers shared by the rules that
choose them (:mod:`.assign`, :mod:`.side_order`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Actor


@dataclass(slots=True)
class Sides:
    """Resolved actors (templates filled) for one event."""

    actor1: Actor
    assoc1: str = ""
    actor2: Actor | None = None
    assoc2: str = ""


def has_own_name(actor: Actor) -> bool:
    """True unless ``actor`` is a generic placeholder (unidentified, civilians, a crowd)."""
    return not actor.name.startswith(("Unidentified", "Civilians", "Protesters", "Rioters"))


def unique(actors: list[Actor]) -> list[Actor]:
    """``actors`` without repeated names, first kept."""
    seen: set[str] = set()
    out: list[Actor] = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            out.append(actor)
    return out
