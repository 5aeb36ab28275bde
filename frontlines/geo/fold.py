"""Name keys: ``fold`` (the exact key) and ``loose`` (a transliteration-tolerant key).

``fold`` lowercases, strips diacritics and apostrophe-like marks (Arabic ʿ ʾ), turns hyphens
into spaces, drops the Arabic article (``al-``, ``el-``, ``as-`` before an s-word, ...) and
joins a lone letter to a following number (``T-2`` -> ``t2``)::

    fold("Dayr az-Zawr") == fold("Dayr az Zawr") == "dayr zawr"

``loose`` goes further for spelling variants of Arabic names: it joins the words, drops a
leading article left inside joined forms (``Albu``/``Ezzor``), merges digraphs
(kh, gh, sh, th, dh), treats vowels and the glides w/y as vowels, collapses doubled letters
and keeps the consonant skeleton::

    loose("Deir Ezzor") == loose("Dayr az Zawr") == loose("Deir al-Zour") == "drzr"

The loose key finds candidates; ``spelling_similarity`` ranks them. It compares the two
names' ``canonical`` forms, where the transliteration variants of Arabic and Kurdish names
are written one way (Ein/Ain/Ayn, Tal/Tell/Tall, Deir/Dayr/Dair, Sheikh/Shaykh/Cheikh,
-eh/-ah/-a, ou/u/w, ee/i/y, q/k, dh/th/d, Kurdish x/kh and ç/ch, doubled letters)::

    canonical("Kishkiyeh") == "kiSkia";  canonical("Kashkiyah") == "kaSkia"
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..regex_gate import gated

_MARKS = dict.fromkeys(map(ord, "ʿʾʻʼ'`’‘´ʹ"), None)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,()]+")
# Articles that drop whatever follows them.
_ARTICLES = frozenset({"al", "el", "il", "ul"})
# Assimilated articles (as-Sukhnah, ad-Dana, ez-Zor): dropped when the next word starts with
# the assimilated consonant.
_SUN_ARTICLES = {
    "as": "s", "es": "s", "us": "s", "ash": "sh", "esh": "sh",
    "ad": "d", "ed": "d", "adh": "dh", "ar": "r", "er": "r", "ur": "r",
    "az": "z", "ez": "z", "uz": "z", "at": "t", "et": "t", "ath": "th",
    "an": "n", "en": "n", "un": "n",
}  # fmt: skip
# dh and th are one letter in many spellings (Dhi Qar = Thi Qar); ch is French or Kurdish sh
_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "t"),
             ("ph", "f"), ("x", "k"))  # fmt: skip
_VOWELISH = re.compile(r"[aeiouwy]")
_JOINED_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiou])")


# Kurdish and Turkish ç is written "ch" in Arabic-style spellings (ş stays s: GeoNames
# writes Arabic's emphatic s as ş, "Ḩimş").
_KURDISH = str.maketrans({"ç": "ch", "Ç": "ch"})


def _strip_marks(name: str) -> str:
    if name.isascii():
        return name.translate(_MARKS).lower()
    decomposed = unicodedata.normalize("NFKD", name.translate(_MARKS).translate(_KURDISH))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _drop_articles(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt and word in _ARTICLES:
            continue
        sun = _SUN_ARTICLES.get(word)
        if nxt and sun is not None and nxt.startswith(sun):
            continue
        out.append(word)
    return out


def _join_letter_numbers(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and word.isdigit() and len(out[-1]) == 1 and out[-1].isalpha():
            out[-1] += word
        else:
            out.append(word)
    return out


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The folded name key (see the module docstring)."""
    words = [w for w in _SEPARATORS.split(_strip_marks(name)) if w]
    return " ".join(_join_letter_numbers(_drop_articles(words)))


@lru_cache(maxsize=200_000)
def loose(name: str) -> str:
    """The loose key: the consonant skeleton of the folded, joined name ("" when too short)."""
    words = fold(name).split()
    if not words:
        return ""
    words = [w[:-1] if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou" else w for w in words]
    text = "".join(words)
    if len(text) > 5:
        text = _JOINED_ARTICLE.sub("", text)
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    text = text.replace("q", "k").replace("c", "k").replace("j", "g")
    skeleton = _VOWELISH.sub("", text)
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    # a two-consonant skeleton tells a name only when the name is long: counted as
    # ``canonical`` spells it, so that "Barra" and "Bara", "Marre" and "Mare" get one key
    long_enough = len(skeleton) >= 3 or (len(skeleton) == 2 and len(canonical(name)) >= 4)
    return skeleton if long_enough else ""


SHORT_KEY_LETTERS = 4

# Letters that stand for different Arabic or Kurdish sounds in different spellings, each
# with the letter another spelling writes for it: g for qaf in Iraqi speech ("Gayyara" is
# Qayyarah), j for the Kurdish c ("Cindirês" is Jindires) and back, z or d for dhal ("Al
# Azim" is Al Adhaim). A name is also looked up read so (``alternate_readings``).
_ALTERNATE_LETTERS = (
    (re.compile(r"g(?!h)"), "q"),
    (re.compile(r"j"), "c"),
    (re.compile(r"(?<!s)c(?!h)"), "j"),
    (re.compile(r"z"), "dh"),
    (re.compile(r"(?<!d)d(?!h)"), "dh"),
)


_KURDISH_SH = re.compile("[şŞ]")


def alternate_readings(name: str) -> list[tuple[str, str]]:
    """The name read with one ambiguous letter as another spelling writes it, each with
    its loose key (only readings whose key differs from the name's own, but for the
    Kurdish ş read as sh, which changes the spelling under the same key)."""
    folded = fold(name)
    own = loose_key(name)
    out: dict[str, str] = {}
    if _KURDISH_SH.search(name):  # Kurdish and Turkish ş is sh ("Şiheil" is Shiheil)
        reading = fold(_KURDISH_SH.sub("sh", name))
        if key := loose_key(reading):  # even under the same key: it is spelled otherwise
            out[reading] = key
    for pattern, letter in _ALTERNATE_LETTERS:
        if pattern.search(folded) is None:
            continue
        reading = pattern.sub(letter, folded)
        key = loose_key(reading)
        if key and key != own and key not in out.values():
            out[reading] = key
    return list(out.items())


def loose_key(name: str) -> str:
    """The key loose matches are indexed by: the consonant skeleton, or for a name whose
    skeleton is too short to tell ("Ninewa": "nn"), its ``canonical`` spelling marked with
    ``=`` ("Ninewa" and "Ninawa" are one name); "" for a short word."""
    skeleton = loose(name)
    if skeleton:
        return skeleton
    spelled = canonical(name)
    return f"={spelled}" if len(spelled) >= SHORT_KEY_LETTERS else ""


# (pattern, replacement) applied in order to a folded name; see the module docstring. A
# pattern of plain letters is replaced as a string (``str.replace`` replaces what ``re.sub``
# would), the others only in a name holding a letter they need (``GatedPattern``).
_CANONICAL = tuple(
    (p if re.fullmatch("[a-z]+", p) else gated(p), r)
    for p, r in (
        (r"(?<![aeiou])x", "kh"),  # Kurdish x: Xanesor = Khanasor
        (r"ch", "sh"),  # French and Kurdish ch: Cheikh = Sheikh
        (r"kh", "K"), (r"gh", "G"), (r"sh", "S"), (r"[dt]h", "D"), (r"ph", "f"),
        (r"q", "k"), (r"c", "k"), (r"j", "g"),
        (r"(?<=[aeiouy])h\b", ""),  # -eh, -ah: a final h after a vowel is not written
        (r"ou|oo|aw\b|w(?![aeiouy])", "u"),
        (r"ee|ie|ey|y", "i"),
        (r"e", "a"), (r"o", "u"),
        (r"(.)\1+", r"\1"),
    )
)  # fmt: skip


@lru_cache(maxsize=200_000)
def canonical(name: str) -> str:
    """One spelling for a name's transliteration variants (words joined)."""
    text = fold(name).replace(" ", "")
    for pattern, replacement in _CANONICAL:
        if isinstance(pattern, str):
            text = text.replace(pattern, replacement)
        else:
            text = pattern.sub(replacement, text)
    return text


def spelling_similarity(written: str, found: str) -> float:
    """How close two spellings of a name are, 0..1, after ``canonical``."""
    a, b = canonical(written), canonical(found)
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    from .similarity import ratio

    return ratio(a, b, autojunk=False)
