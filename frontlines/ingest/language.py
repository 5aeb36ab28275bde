"""The language a document is written in (ISO 639-1), from py3langid's bundled model.

The model is loaded once, on first use. A text too short to judge, or one the model is not
sure of, is taken to be English (``DEFAULT``): the reader then decides, and English is what
the event rules read. A text in another language is named only when the model is sure
(``SURE``; ``SURE_SHORT`` for texts under ``SHORT`` characters).
"""

from __future__ import annotations

import re
import threading
from typing import Any

DEFAULT = "en"
SAMPLE = 6000  # characters read: enough for a page's language, cheap to score
SHORT = 300
MIN_LETTERS = 20
SURE = 0.9
SURE_SHORT = 0.999
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LOCK = threading.Lock()
_MODEL: list[Any] = []


def _identifier() -> Any:
    with _LOCK:
        if not _MODEL:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
        return _MODEL[0]


def identify(text: str) -> tuple[str, float]:
    """``(language, probability)`` of ``text``; ``(DEFAULT, 0.0)`` when too short to judge."""
    sample = text[:SAMPLE]
    if not _enough_letters(sample):
        return DEFAULT, 0.0
    language, probability = _identifier().classify(sample)
    return str(language), float(probability)


def _enough_letters(sample: str) -> bool:
    """Whether ``sample`` holds at least ``MIN_LETTERS`` letters (counting stops there)."""
    return any(n + 1 >= MIN_LETTERS for n, _ in enumerate(_LETTERS.finditer(sample)))


def document_language(title: str, text: str) -> str:
    """The language of a page from its title and text (see the module doc)."""
    sample = f"{title}\n{text}" if title else text
    language, probability = identify(sample)
    sure = SURE_SHORT if len(sample) < SHORT else SURE
    if language != DEFAULT and probability < sure:
        return DEFAULT
    return language
