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

The figures (copies found, distinct articles merged) come from
``benchmarks/near_duplicates.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

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


@dataclass(slots=True)
class _Doc:
    id: str
    full: set[str]
    lead: set[str]


def find_copies(documents: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{copy id: original id}`` for every document that copies an earlier one."""
    from datasketch import MinHash, MinHashLSH

    docs = [_doc(doc_id, text) for doc_id, text in documents]
    docs = [d for d in docs if len(d.full) >= MIN_SHINGLES]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    signatures = []
    for n, doc in enumerate(docs):
        pair = [_minhash(MinHash, doc.full), _minhash(MinHash, doc.lead)]
        signatures.append(pair)
        for part, signature in zip(("f", "l"), pair, strict=True):
            lsh.insert(f"{n}:{part}", signature)
    common = _common(docs)
    parent = list(range(len(docs)))
    for n, doc in enumerate(docs):
        for m in _candidates(lsh, signatures[n], n):
            if is_copy(doc.full - common, docs[m].full - common):
                _union(parent, n, m)
    return {
        docs[n].id: docs[_find(parent, n)].id
        for n in range(len(docs))
        if _find(parent, n) != n and docs[_find(parent, n)].id != docs[n].id
    }


def is_copy(a: set[str], b: set[str]) -> bool:
    """Whether the shorter shingle set is mostly inside the longer one."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_SHINGLES:
        return False
    return len(shorter & longer) >= CONTAINMENT * len(shorter)


def _common(docs: list[_Doc]) -> set[str]:
    """The topic's stock phrases: shingles in many of the documents."""
    limit = max(COMMON_MIN, COMMON_SHARE * len(docs))
    counts = Counter(s for doc in docs for s in doc.full)
    return {s for s, n in counts.items() if n > limit}


def _doc(doc_id: str, text: str) -> _Doc:
    words = words_of(text)
    return _Doc(doc_id, shingles(words), shingles(words[:LEAD]))


def _minhash(kind: type, values: set[str]) -> object:
    signature = kind(num_perm=NUM_PERM)
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
