"""ACLED notes with their places spelled another way: does the event still land there?

    .venv/bin/python benchmarks/respelled_events.py [--json] [--seeds 1 2 3] [--by-rule]
        [--file ../shared/eval/events/acled_syria_iraq_dev.csv]

The development notes of Syria and Iraq spell their places as ACLED's coders spelled them
that quarter; held-out notes (other months, another year, other coders) and news write the
same places otherwise: Rmelan or Rmellan, Qamishli or Gamishli, Jindires or Cindirês. This
benchmark rewrites every note that names its row's ``location`` (case-insensitive, whole
words), replacing the name by one respelling drawn at random from the transliteration rules
of ``benchmarks/transliteration.py`` (Ain/Ein, Tal/Tell, doubled or single consonants, q/k/g,
ou/u, ee/i, the article's forms, Kurdish x/kh, c/j, ş/sh, ...; English words of a name, as
in "Hole Camp", stay as written), and scores the first event's location as ``frontlines eval
events`` does, for the file as written and for each seed.

The rewritten notes live in a temporary folder only; nothing from the evaluation file is
written anywhere else. The gap between the figures as written and respelled is how much
the location figure owes to this quarter's spellings matching the gazetteer's.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from transliteration import respell

DEFAULT_FILE = Path("../shared/eval/events/acled_syria_iraq_dev.csv")
KEYS = ("location_within_5km", "location_within_25km", "geo_precision_accuracy",
        "event_type_accuracy")  # fmt: skip


# English words inside a place's name are not transliterated ("Hole Camp", "Balad Air Base",
# "Third Station"): a respelling that changes one is not another coder's spelling
_ENGLISH_WORDS = (
    "camp station prison military air base airport dam bridge road crossing mountain mountains "
    "lake plain field fields oil refinery hospital university district city town village "
    "lower upper old new first second third fourth fifth"
)
ENGLISH = frozenset(_ENGLISH_WORDS.split(" "))


def _keeps_english(location: str, spelling: str) -> bool:
    written = [w for w in re.split(r"[ -]", location.lower()) if w in ENGLISH]
    return all(w in re.split(r"[ -]", spelling) for w in written)


def spelled_as(written: str, spelling: str) -> str:
    """``spelling`` (lowercase, from ``respell``) with the written name's capitals: each
    word, and each part after a hyphen, starts with a capital when the written one did."""
    words = re.split(r"([ -])", spelling)
    capital = written[:1].isupper()
    return "".join(w[:1].upper() + w[1:] if capital and w not in " -" else w for w in words)


def respelled_rows(rows: list[dict[str, str]], seed: int) -> tuple[list[dict[str, str]], list[str]]:
    """The rows with each note's location respelled by one rule drawn at random, and the
    rule's name per row ("" where the note does not name its location or no rule applies)."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    rules: list[str] = []
    for row in rows:
        location, note = row.get("location", ""), row.get("notes", "")
        pattern = re.compile(rf"(?<!\w){re.escape(location)}(?!\w)", re.I) if location else None
        found = pattern is not None and pattern.search(note) is not None
        options = [o for o in respell(location) if _keeps_english(location, o[1])] if found else []
        if not options or pattern is None:
            out.append(dict(row))
            rules.append("")
            continue
        rule, spelling = rng.choice(options)
        written = spelled_as(location, spelling)
        out.append({**row, "notes": pattern.sub(written.replace("\\", r"\\"), note)})
        rules.append(rule)
    return out, rules


def _within_25km(path: Path, predictions: Path) -> dict[int, bool]:
    """Row -> whether the first event lies within 25 km of the row's point."""
    from frontlines.evaluation.events import haversine_km

    gold = list(csv.DictReader(path.open(encoding="utf-8")))
    out: dict[int, bool] = {}
    for line in predictions.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        row, events = record["row"], record.get("events") or []
        first = events[0] if events else {}
        lat, lon = first.get("latitude"), first.get("longitude")
        g = gold[row]
        out[row] = (
            lat is not None
            and lon is not None
            and haversine_km(lat, lon, float(g["latitude"]), float(g["longitude"])) <= 25.0
        )
    return out


def run(path: Path, seeds: list[int]) -> dict[str, Any]:
    from frontlines.evaluation.events import run_events_eval

    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = list(rows[0]) if rows else []
    result: dict[str, Any] = {"file": path.name, "rows": len(rows), "sets": {}}
    lost: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="respelled-") as tmp:
        base_pred = Path(tmp) / "as_written.jsonl"
        report = run_events_eval(path, predictions=base_pred)
        result["sets"]["as written"] = {k: report[k] for k in KEYS} | {"respelled": 0}
        before = _within_25km(path, base_pred)
        for seed in seeds:
            changed, rules = respelled_rows(rows, seed)
            copy = Path(tmp) / f"seed{seed}.csv"
            with copy.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=fields)
                writer.writeheader()
                writer.writerows(changed)
            pred = Path(tmp) / f"seed{seed}.jsonl"
            report = run_events_eval(copy, predictions=pred)
            count = sum(1 for r in rules if r)
            result["sets"][f"respelled, seed {seed}"] = {k: report[k] for k in KEYS} | {
                "respelled": count
            }
            after = _within_25km(copy, pred)
            for row, rule in enumerate(rules):
                if rule:
                    tried[rule] += 1
                    lost[rule] += before.get(row, False) and not after.get(row, False)
    result["lost_by_rule"] = {rule: [lost[rule], n] for rule, n in tried.most_common()}
    return result


def table(result: dict[str, Any], by_rule: bool) -> str:
    lines = [
        f"{result['file']}, {result['rows']} rows",
        "",
        "| notes | places respelled | within 5 km | within 25 km | geo precision |",
        "|---|---|---|---|---|",
    ]
    for name, figures in result["sets"].items():
        lines.append(
            f"| {name} | {figures['respelled']} | {figures['location_within_5km']:.3f} "
            f"| {figures['location_within_25km']:.3f} | {figures['geo_precision_accuracy']:.3f} |"
        )
    if by_rule:
        lines += ["", "| rule | respelled | placed within 25 km as written, not respelled |",
                  "|---|---|---|"]  # fmt: skip
        lines += [
            f"| {rule} | {n} | {lost} |" for rule, (lost, n) in result["lost_by_rule"].items()
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--by-rule", action="store_true", help="rows lost per rule")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"{args.file}: not found (the development file lives in ../shared/eval/events; "
              "pass --file)", file=sys.stderr)  # fmt: skip
        return 2
    result = run(args.file, args.seeds)
    print(json.dumps(result) if args.json else table(result, args.by_rule))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
