"""The document-level relevance decision: is this page reporting political violence,
protest or strategic developments (ACLED's sense)?

Cheap by design (word counts, no parsing), so it runs before geoparsing and event coding.
``score = C / (C + N * OTHER_WEIGHT + PRIOR)``: ``C`` counts the conflict cues of the page (killed,
troops, shelling, protesters, ...; each word at most ``CAP`` times), ``N`` the words of the
other domains (sport, business, technology, code, fiction, labour, law; same cap). A page
is relevant when ``score >= threshold`` or when it has fewer than ``MIN_OTHER`` words of
other domains (a short report with no cue either way is read). A page not in English is not read by the English
rules whatever its score. The reasons name the cues that decided; ``domains`` names the
other domains the page is mostly about (``DOMAIN_MIN`` capped words), which the sentence
check reads (:mod:`.senses`).
"""

from __future__ import annotations

from collections import Counter

from ..records import Document, Relevance
from .vocabulary import vocabulary

DEFAULT_THRESHOLD = 0.2
MIN_OTHER = 3  # a page is set aside only when it has this much other-domain vocabulary
CAP = 3
PRIOR = 2.0
OTHER_WEIGHT = 0.5
DOMAIN_MIN = 6  # capped words of one other domain that make it the page's domain
ENGLISH = "en"
SHOWN = 6


def _capped(counts: Counter[str]) -> int:
    return sum(min(n, CAP) for n in counts.values())


def _top(counts: Counter[str]) -> str:
    return ", ".join(f"{w}×{n}" if n > 1 else w for w, n in counts.most_common(SHOWN))


def relevance_score(text: str) -> tuple[float, Counter[str], dict[str, Counter[str]]]:
    """``(score, conflict cues, other-domain words by domain)`` of ``text``."""
    score, conflict, other, _ = _score(text)
    return score, conflict, other


def _score(text: str) -> tuple[float, Counter[str], dict[str, Counter[str]], int]:
    vocab = vocabulary()
    conflict = vocab.conflict.counts(text)
    other = {name: words.counts(text) for name, words in vocab.families.items()}
    other = {name: counts for name, counts in other.items() if counts}
    c = _capped(conflict)
    n = sum(_capped(counts) for counts in other.values())
    return round(c / (c + n * OTHER_WEIGHT + PRIOR), 3), conflict, other, n


def judge(document: Document, threshold: float = DEFAULT_THRESHOLD) -> Relevance:
    """The relevance of ``document`` (see the module doc)."""
    text = f"{document.title}\n{document.text}"
    score, conflict, other, n = _score(text)
    reasons = [f"conflict cues: {_top(conflict) or 'none'}"]
    for name, counts in sorted(other.items(), key=lambda kv: -sum(kv[1].values())):
        reasons.append(f"{name}: {_top(counts)}")
    relevant = score >= threshold or n < MIN_OTHER
    if score >= threshold:
        reasons.append(f"score {score} >= threshold {threshold}")
    else:
        reasons.append(f"score {score} < threshold {threshold}"
                       + ("" if relevant else f" with {n} words of other domains"))  # fmt: skip
    if document.language != ENGLISH:
        relevant = False
        reasons.insert(0, f"language {document.language}: the event rules read English only")
    domains = sorted(name for name, counts in other.items() if _capped(counts) >= DOMAIN_MIN)
    return Relevance(relevant, score, threshold, reasons, domains)
