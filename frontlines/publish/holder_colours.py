"""One colour per holder, the same on the map app and on the static map.

Known holders take the colours readers know from Wikipedia's detailed war maps
(government red, rebels green, SDF yellow, Islamic State dark grey, ...); any other holder
gets a colour from a fixed palette chosen by a hash of its name, so it never changes
between runs or between maps.
"""

from __future__ import annotations

import hashlib

_KNOWN: tuple[tuple[str, str], ...] = (
    ("popular mobilization", "#a3293e"),
    ("military forces of syria", "#e0413a"),
    ("opposition rebels", "#3f9e3a"),
    ("free syrian army", "#3f9e3a"),
    ("syrian national army", "#2c7f56"),
    ("sdf", "#f0cf2b"),
    ("ypg", "#f0cf2b"),
    ("islamic state", "#3d3d3d"),
    ("hayat tahrir", "#9a9a9a"),
    ("nusra", "#9a9a9a"),
    ("military forces of turkey", "#17a2a2"),
    ("military forces of iraq", "#d9608f"),
    ("peshmerga", "#f28e2b"),
    ("kurdistan", "#f28e2b"),
    ("military forces of russia", "#7a3b10"),
    ("military forces of israel", "#3a6fb0"),
    ("military forces of the united states", "#5b5bb8"),
)
PALETTE = (
    "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4", "#b15928",
    "#6a3d9a", "#33a02c", "#fb9a99", "#8dd3c7",
)  # fmt: skip


def holder_colour(holder: str) -> str:
    """The hex colour of ``holder`` (an ACLED actor name)."""
    folded = holder.casefold()
    for key, colour in _KNOWN:
        if key in folded:
            return colour
    digest = hashlib.sha1(holder.encode("utf-8"), usedforsecurity=False).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def short_holder(holder: str) -> str:
    """A holder's name for a legend: ACLED's parenthesised years dropped."""
    text = holder
    for suffix in (" (2000-)", " (2014-)", " (2024-)", " (2000-2024)"):
        text = text.replace(suffix, "")
    text = text.replace("SDF: Syrian Democratic Forces", "SDF")
    return text.replace("Military Forces of Iraq Popular Mobilization Forces", "Popular Mobilization Forces")
