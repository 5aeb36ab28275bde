"""Vocabulary shared by the gazetteer build and the resolver."""

from __future__ import annotations

# Words that name a kind of thing rather than a place, however capitalised.
_GENERIC = """university college school academy institute hospital clinic center centre court
    council church cathedral basilica chapel mosque temple station airport port street
    avenue road drive lane square park hall city county state district office house tower
    club stadium arena market bank embassy ministry department police government republic
    federal national international general regional central north south east west northern
    southern eastern western upper lower high middle new old great royal saint st the of
    and hotel restaurant museum library gallery bridge village town municipal executive
    memorial downtown domestic industrial harbour metro island glider skypark"""
GENERIC_WORDS = frozenset(_GENERIC.split())


def generic_only(name: str) -> bool:
    """Whether every word of ``name`` is a kind word ("State", "City Hall")."""
    return all(w.lower() in GENERIC_WORDS for w in name.split())
