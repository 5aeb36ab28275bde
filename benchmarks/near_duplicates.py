"""Near-duplicate reports: copies of one article found, distinct articles kept apart.

    .venv/bin/python benchmarks/near_duplicates.py [--originals N] [--seed S] [--json]

The fixture is made here, from a fixed seed:

* distinct articles on one topic (the war in Syria): generated from a few dozen sentence
  patterns about the same places, forces and weapons, so that distinct articles share
  stock phrases the way wire stories on one topic do; plus the GeoWebNews articles
  (``../shared/eval/geoparsing/GWN.xml``) when that corpus is beside the project;
* copies of some of them, each made by one to three of: other page furniture (a wire
  dateline, a byline, "Read more" and sharing lines, a copyright line), light edits
  (words replaced or dropped, a sentence cut, one added), and truncation (the lead only,
  or 40-80% of the text).

``copies_found``: share of copies placed in their original's family.
``distinct_merged``: share of distinct articles placed in a family with another distinct
article. Targets: >= 0.95 and <= 0.01.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GWN = ROOT / ".." / "shared" / "eval" / "geoparsing" / "GWN.xml"

PLACES = ["Palmyra", "Deir ez-Zor", "al-Mayadin", "Abu Kamal", "Hajin", "Raqqa", "Tabqa",
          "Manbij", "Afrin", "Idlib", "Saraqib", "Maarat al-Numan", "Khan Shaykhun", "Hama",
          "Homs", "Daraa", "Quneitra", "Douma", "Harasta", "Jobar", "Aleppo", "al-Bab",
          "Jarabulus", "Tal Abyad", "Qamishli", "Hasakah", "Sukhnah", "Tadmur", "Qaryatayn",
          "Jisr al-Shughur", "Latakia", "Kessab", "Tal Rifaat", "Azaz", "Shadadi"]  # fmt: skip
FORCES = ["Syrian government forces", "the Syrian Arab Army", "the Syrian Democratic Forces",
          "Islamic State fighters", "Turkish-backed rebels", "Hayat Tahrir al-Sham militants",
          "Russian aircraft", "coalition warplanes", "pro-government militias",
          "Kurdish YPG units", "the National Defence Forces", "Free Syrian Army groups"]  # fmt: skip
SOURCES = ["a military source said", "local activists reported", "state media said",
           "the Syrian Observatory for Human Rights said", "residents told reporters",
           "a spokesman for the group said", "medical workers said", "witnesses said"]  # fmt: skip
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "on Saturday", "on Sunday", "overnight", "early in the morning", "late on Sunday"]  # fmt: skip
WEAPONS = ["artillery shells", "barrel bombs", "mortar rounds", "rockets", "drones",
           "air strikes", "car bombs", "heavy machine guns"]  # fmt: skip
PATTERNS = [
    "{f} captured {n} villages near {p} {d} after heavy fighting, {s}.",
    "{f} shelled the outskirts of {p} with {w} {d}, killing {n} civilians, {s}.",
    "At least {n} people were killed when {w} hit a market in {p} {d}, {s}.",
    "{f} launched an offensive towards {p} {d} and advanced several kilometres.",
    "Clashes between {f} and {g} continued around {p} for a {o} day.",
    "{f} said they had repelled an attack by {g} on their positions near {p}.",
    "Thousands of families fled {p} {d} as {w} struck residential areas.",
    "{f} withdrew from {p} {d}, leaving the town to {g}.",
    "A convoy carrying aid reached {p} {d}, the first in {n} weeks.",
    "{f} accused {g} of using {w} against civilians in {p}.",
    "The road between {p} and {q} was cut {d} by {f}.",
    "{n} fighters of {g} surrendered to {f} in {p}, {s}.",
    "Protesters in {p} demanded the release of detainees held by {f}.",
    "{f} reinforced their lines south of {p} with tanks and {w}.",
    "An explosion at a checkpoint of {f} in {p} killed {n} members, {s}.",
    "Talks over the evacuation of {p} collapsed {d}, and {f} resumed the bombardment.",
    "{f} took control of the hills overlooking {p} {d}.",
    "Hospitals in {p} were overwhelmed after {w} struck {q} {d}, {s}.",
    "The United Nations called for a ceasefire in {p} after {n} days of fighting.",
    "{f} and {g} exchanged prisoners near {p} {d}.",
    "Water and electricity were cut in {p} after {w} hit the power station.",
    "{g} claimed responsibility for an ambush that killed {n} soldiers near {p}.",
    "{f} set up new positions on the highway from {p} to {q}.",
    "Schools in {p} closed {d} because of {w} falling on the town.",
    "{f} cleared mines from the centre of {p}, {s}.",
    "Rescue workers pulled {n} bodies from the rubble in {p} {d}.",
    "The front line east of {p} has barely moved in {n} months.",
    "{f} arrested {n} men in {p} accused of working for {g}.",
    "Residents of {p} said {w} could be heard from {q} through the night.",
    "{f} blamed {g} for the attack on {p}, which {g} denied.",
]
ORDINAL = ["second", "third", "fourth", "fifth", "sixth"]
FURNITURE_HEAD = ["DAMASCUS (Wire) - ", "BEIRUT, {d} (Agency) — ", "By our correspondent\n\n",
                  "Updated 14:05 GMT\n\n", "Breaking: "]  # fmt: skip
FURNITURE_TAIL = ["\n\nRead more: Syria's war in maps", "\n\nShare this article on social media",
                  "\n\n(Reporting by a staff writer; editing by the news desk)",
                  "\n\nCopyright 2018 the Agency. All rights reserved.",
                  "\n\nSubscribe to our newsletter for daily updates."]  # fmt: skip
SWAPS = {"killed": "left dead", "said": "reported", "fighting": "clashes", "town": "city",
         "near": "close to", "attack": "assault", "civilians": "non-combatants",
         "captured": "seized", "heavy": "fierce", "villages": "hamlets"}  # fmt: skip


def sentence(rng: random.Random) -> str:
    f, g = rng.sample(FORCES, 2)
    p, q = rng.sample(PLACES, 2)
    text = rng.choice(PATTERNS).format(
        f=f, g=g, p=p, q=q, d=rng.choice(DAYS), s=rng.choice(SOURCES), w=rng.choice(WEAPONS),
        n=rng.randint(2, 60), o=rng.choice(ORDINAL),
    )  # fmt: skip
    return text[0].upper() + text[1:]


def article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 3))))
    return "\n\n".join(paragraphs)


def furnish(text: str, rng: random.Random) -> str:
    head = rng.choice(FURNITURE_HEAD).format(d=rng.choice(DAYS))
    tail = "".join(rng.sample(FURNITURE_TAIL, rng.randint(1, 3)))
    return head + text + tail


def edit(text: str, rng: random.Random) -> str:
    sentences = [s for p in text.split("\n\n") for s in p.split(". ")]
    if len(sentences) > 3 and rng.random() < 0.6:
        sentences.pop(rng.randrange(1, len(sentences)))
    if rng.random() < 0.5:
        sentences.insert(rng.randrange(len(sentences) + 1), sentence(rng).rstrip("."))
    words = ". ".join(sentences).split(" ")
    for _ in range(rng.randint(2, 8)):
        i = rng.randrange(len(words))
        words[i] = SWAPS.get(words[i], words[i] if rng.random() < 0.5 else "")
    return " ".join(w for w in words if w)


def truncate(text: str, rng: random.Random) -> str:
    if rng.random() < 0.3:
        return text.split("\n\n")[0]  # a feed summary: the lead paragraph
    words = text.split(" ")
    return " ".join(words[: max(20, int(len(words) * rng.uniform(0.4, 0.8)))])


def make_copy(text: str, rng: random.Random) -> tuple[str, list[str]]:
    kinds = rng.sample(["furniture", "edits", "truncation"], rng.randint(1, 3))
    for kind in ("edits", "truncation", "furniture"):
        if kind in kinds:
            text = {"furniture": furnish, "edits": edit, "truncation": truncate}[kind](text, rng)
    return text, sorted(kinds)


def build_fixture(originals: int, seed: int, extra: Sequence[str] = ()) -> dict[str, Any]:
    rng = random.Random(seed)
    distinct = [article(rng) for _ in range(originals)] + list(extra)
    docs = [(f"d{n}", text) for n, text in enumerate(distinct)]
    truth: dict[str, str] = {}
    kinds: dict[str, list[str]] = {}
    for n in rng.sample(range(len(distinct)), k=len(distinct) // 2):
        for c in range(rng.randint(1, 3)):
            copy_id = f"d{n}c{c}"
            text, kinds[copy_id] = make_copy(distinct[n], rng)
            docs.append((copy_id, text))
            truth[copy_id] = f"d{n}"
    order = docs[: len(distinct)] + rng.sample(docs[len(distinct) :], len(docs) - len(distinct))
    return {"docs": order, "truth": truth, "kinds": kinds, "distinct": len(distinct)}


def score(fixture: dict[str, Any], copies: dict[str, str]) -> dict[str, Any]:
    family = {doc_id: copies.get(doc_id, doc_id) for doc_id, _ in fixture["docs"]}
    truth: dict[str, str] = fixture["truth"]
    found = sum(family[c] == family[o] for c, o in truth.items())
    distinct_ids = [d for d, _ in fixture["docs"] if d not in truth]
    members: dict[str, int] = {}
    for d in distinct_ids:
        members[family[d]] = members.get(family[d], 0) + 1
    merged = sum(members[family[d]] > 1 for d in distinct_ids)
    by_kind: dict[str, list[int]] = {}
    for c, o in truth.items():
        for kind in fixture["kinds"][c]:
            by_kind.setdefault(kind, []).append(int(family[c] == family[o]))
    return {
        "documents": len(fixture["docs"]),
        "distinct": len(distinct_ids),
        "copies": len(truth),
        "copies_found": round(found / len(truth), 4) if truth else None,
        "distinct_merged": round(merged / len(distinct_ids), 4) if distinct_ids else None,
        "copies_found_by_change": {
            k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())
        },
    }


def gwn_texts() -> list[str]:
    if not GWN.exists():
        return []
    from frontlines.evaluation.corpora import read_corpus

    return [a.text for a in read_corpus(GWN).articles]


def main(argv: Sequence[str] | None = None) -> int:
    from frontlines.events.copies import find_copies

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--originals", type=int, default=500, help="generated distinct articles")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-gwn", action="store_true", help="leave the GeoWebNews texts out")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    extra = [] if args.no_gwn else gwn_texts()
    fixture = build_fixture(args.originals, args.seed, extra)
    start = time.perf_counter()
    copies = find_copies(fixture["docs"])
    seconds = time.perf_counter() - start
    result = {**score(fixture, copies), "gwn_articles": len(extra), "seconds": round(seconds, 3)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['documents']} documents: {result['distinct']} distinct "
              f"({len(extra)} GeoWebNews), {result['copies']} copies")  # fmt: skip
        print(f"copies found:      {result['copies_found']}  (target >= 0.95)")
        print(f"distinct merged:   {result['distinct_merged']}  (target <= 0.01)")
        print(f"by change: {result['copies_found_by_change']}; {result['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
