"""Copies of one report: syndicated and lightly edited versions of the same article.

A wire story reaches a newsroom many times: republished with other page furniture, a
line edited, a paragraph cut, or truncated to its lead in a feed. Each copy is a document
of its own (its content hash differs), but they tell one story and must count once.

Each text becomes a set of word 5-gram shingles. Two MinHash signatures per document
(``datasketch``), one over the whole text and one over its lead (the first 30 words, which
truncations and feed summaries keep), go into one LSH index; candidate pairs are then
checked exactly: a copy shares at least ``CONTAINMENT`` of the shorter text's shingles,
leaving out the stock phrases of the topic (shingles found in more than ``COMMON_SHARE``
of the documents, and at least ``COMMON_MIN`` of them), which distinct articles share.
Linked documents form families (union-find); each family's first document (in the order
given: the store's order of saving) is the original the others are copies of.

    find_copies([(doc_id, text), ...]) -> {copy_id: original_id}
    find_signed_copies([(doc_id, signature(text)), ...])  # the same, from signatures

What the search needs of a text (its two MinHash signatures and its shingles, each shingle
hashed to 64 bits) is its :class:`Signature`, computed once when the document is stored
(``pack``/``unpack`` give the stored bytes), so that reading the events of a store does
not tokenise and hash every text again. Comparing 64-bit hashes of shingles instead of the
shingles themselves gives the same answers (a collision among a store's shingles is
improbably rare).

The figures (copies found, distinct articles merged) come from
``benchmarks/near_duplicates.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

import numpy as np

SHINGLE = 5  # words
LEAD = 30  # words of the lead signature
NUM_PERM = 64
LSH_THRESHOLD = 0.3
CONTAINMENT = 0.4  # share of the shorter text's shingles found in the longer
MIN_SHINGLES = 8  # shorter texts (a caption, a headline) are never linked as copies
COMMON_SHARE = 0.005
COMMON_MIN = 20

_WORD = re.compile(r"\w+", re.U)


def shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    """The word ``size``-grams of a tokenised text (the whole text when it is shorter)."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def words_of(text: str) -> list[str]:
    """Lower-case word tokens; punctuation, case and spacing do not count."""
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Signature:
    """What finding the copies of a text needs of it: the MinHash values of its shingles
    and of its lead's shingles (``NUM_PERM`` each), and its shingles hashed to 64 bits."""

    full: np.ndarray
    lead: np.ndarray
    shingles: frozenset[int]

    def pack(self) -> bytes:
        """The signature as bytes (for the store): the MinHash scheme's name (8 bytes),
        both MinHash arrays, then the shingles."""
        hashed = np.fromiter(sorted(self.shingles), dtype="<u8", count=len(self.shingles))
        parts = (self.full.astype("<u8"), self.lead.astype("<u8"), hashed)
        return _header() + b"".join(part.tobytes() for part in parts)


def unpack(data: bytes) -> Signature | None:
    """The :class:`Signature` that :meth:`Signature.pack` wrote; None when its MinHash
    values come from another hashing scheme than this ``datasketch``'s (compute it again)."""
    if data[:8] != _header():
        return None
    values = np.frombuffer(data[8:], dtype="<u8").astype(np.uint64)
    full, lead = values[:NUM_PERM], values[NUM_PERM : 2 * NUM_PERM]
    return Signature(full, lead, frozenset(values[2 * NUM_PERM :].tolist()))


@cache
def _scheme() -> str | None:
    """The MinHash hashing scheme of the installed ``datasketch`` (None before 2.0)."""
    from datasketch import MinHash

    return getattr(MinHash(num_perm=1), "scheme", None)


def _header() -> bytes:
    return (_scheme() or "legacy").encode("ascii").ljust(8)[:8]


def _restored(hashvalues: np.ndarray) -> object:
    from datasketch import MinHash

    scheme = _scheme()
    if scheme is None:
        return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues)
    return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme=scheme)


def signature(text: str) -> Signature:
    """The :class:`Signature` of ``text``."""
    words = words_of(text)
    full = shingles(words)
    return Signature(
        _minhash(full).hashvalues,  # type: ignore[attr-defined]
        _minhash(shingles(words[:LEAD])).hashvalues,  # type: ignore[attr-defined]
        frozenset(_hash64(s) for s in full),
    )


def _hash64(shingle: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little"
    )


def find_copies(documents: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{copy id: original id}`` for every document that copies an earlier one."""
    return find_signed_copies((doc_id, signature(text)) for doc_id, text in documents)


def find_signed_copies(documents: Iterable[tuple[str, Signature]]) -> dict[str, str]:
    """:func:`find_copies` from the documents' signatures, in the same order."""
    from datasketch import MinHashLSH

    docs = [(doc_id, sig) for doc_id, sig in documents if len(sig.shingles) >= MIN_SHINGLES]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    signatures = []
    for n, (_, sig) in enumerate(docs):
        pair = [_restored(sig.full), _restored(sig.lead)]
        signatures.append(pair)
        for part, hashed in zip(("f", "l"), pair, strict=True):
            lsh.insert(f"{n}:{part}", hashed)
    common = _common([sig.shingles for _, sig in docs])
    parent = list(range(len(docs)))
    for n, (_, sig) in enumerate(docs):
        for m in _candidates(lsh, signatures[n], n):
            if is_copy(sig.shingles - common, docs[m][1].shingles - common):
                _union(parent, n, m)
    return {
        docs[n][0]: docs[_find(parent, n)][0]
        for n in range(len(docs))
        if _find(parent, n) != n and docs[_find(parent, n)][0] != docs[n][0]
    }


def is_copy(a: AbstractSet[Hashable], b: AbstractSet[Hashable]) -> bool:
    """Whether the shorter shingle set is mostly inside the longer one."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_SHINGLES:
        return False
    return len(shorter & longer) >= CONTAINMENT * len(shorter)


def _common(shingled: list[frozenset[int]]) -> frozenset[int]:
    """The topic's stock phrases: shingles in many of the documents."""
    limit = max(COMMON_MIN, COMMON_SHARE * len(shingled))
    counts = Counter(s for found in shingled for s in found)
    return frozenset(s for s, n in counts.items() if n > limit)


@cache
def _blank() -> object:
    """An empty MinHash, never updated: its copies share its permutations, which a new
    ``MinHash`` would draw again from its seed (the same ones, at a third of the cost of
    hashing a page's shingles)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM)


def _minhash(values: set[str]) -> object:
    signature = _blank().copy()  # type: ignore[attr-defined]
    signature.update_batch([v.encode("utf-8") for v in values])
    return signature


def _candidates(lsh: object, pair: list[object], n: int) -> set[int]:
    found: set[int] = set()
    for signature in pair:
        for key in lsh.query(signature):  # type: ignore[attr-defined]
            m = int(key.split(":", 1)[0])
            if m > n:
                found.add(m)
    return found


def _find(parent: list[int], n: int) -> int:
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # the earlier document stays the original
