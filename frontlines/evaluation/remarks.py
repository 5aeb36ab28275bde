"""ACLED coders' remarks in ``notes``: removed before extraction in the event evaluation.

ACLED's notes carry remarks its coders add for other coders: crowd-size and targeting tags
("[size=about 50]", "[women targeted: girls]"), coding decisions ("(coded to Yuai)",
"(coded as Islamic State)", "[coded separately]") and a leading label naming the
development ("Property destruction: On 4 May ..."). They state the answer (event type,
location, actor) and never occur in news. ``frontlines eval events --strip-remarks`` removes
them (``strip_coder_remarks``) to score extraction from the reporting alone; by default the
notes are scored as written, as the evaluation is specified.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"\s*\[(?:size=|women targeted|[^\]]*\bcod(?:ed|ing)\b)[^\]]*\]", re.I)
_NESTED = r"(?:[^()]|\([^()]*\))*"
_CODED_ASIDE = re.compile(rf"\s*\({_NESTED}\bcod(?:ed|ing)\b{_NESTED}\)", re.I)
_LABEL = re.compile(r"^\s*[A-Z][A-Za-z/-]*(?: [A-Za-z/-]+){0,3}:\s+(?=[A-Z])")


def strip_coder_remarks(notes: str) -> str:
    """``notes`` without ACLED coders' tags, coding asides and leading label."""
    text = _TAG.sub("", notes)
    text = _CODED_ASIDE.sub("", text)
    text = _LABEL.sub("", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
