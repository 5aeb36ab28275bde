"""Score sub-event classification of news snippets (CASE 2021 shared-task codes).

Input: a TSV with the columns ``id``, ``EventSnippet`` and ``SubType``. ``SubType`` is one
of 30 codes: the 25 ACLED sub-event types (``ACLED_CODES``) and five classes that are not
ACLED events (``NON_ACLED_CODES``, see ``frontlines.extract.types.nonacled``).

``classify_snippet`` runs the event extractor; its first event's sub_event_type gives the
code (or a later event's that tells it more precisely: the weapon of a generic attack or
clash, the chemical agent of a shelling or strike, the place a clash or movement won). The
non-ACLED cue classifier is consulted too: it decides when no event was found or the event
is "Other", and it overrides the event when its score reaches ``OVERRIDE_SCORE`` (a claim of
responsibility mentions an attack, a flood report mentions deaths), except for protests and
riots other than mob violence (``TOPICAL_TYPES``), whose cue words name the cause of the
demonstration. With neither, the code is ``OTHER``.

Report: ``rows``, ``accuracy``, ``macro_f1``, ``weighted_f1`` over all rows (labels in
gold ∪ predicted, weighted by gold support), ``weighted_f1_acled25`` over the rows whose
gold code is one of the 25 ACLED codes; per-label scores and confusions under ``details``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..extract.types.nonacled import NON_ACLED_CODES, classify_nonacled, nonacled_scores
from ..extract.types.territory import control_changed
from ..records import Event
from .events import (
    Extract,
    accuracy,
    default_extract,
    macro_weighted_f1,
    per_label_scores,
    top_confusions,
)

Classify = Callable[[str], str]

# CASE 2021 code -> ACLED (event_type, sub_event_type)
CASE_TO_ACLED: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
}
ACLED_CODES: tuple[str, ...] = tuple(CASE_TO_ACLED)
ALL_CODES: tuple[str, ...] = ACLED_CODES + NON_ACLED_CODES
SUB_EVENT_TO_CASE: dict[str, str] = {
    sub.casefold(): code for code, (_, sub) in CASE_TO_ACLED.items()
}

FALLBACK_CODE = "OTHER"
OVERRIDE_SCORE = 0.7
# Event types whose cue words describe the demonstrators' cause, not the event itself.
TOPICAL_TYPES = frozenset({"Protests", "Riots"})
SNIPPET_DATE = dt.date(2021, 1, 1)  # snippets carry no date; classification ignores it
REQUIRED_COLUMNS = ("id", "EventSnippet", "SubType")


def case_code(sub_event_type: str) -> str | None:
    """The CASE code of an ACLED sub_event_type (case-insensitive), None if unknown."""
    return SUB_EVENT_TO_CASE.get(sub_event_type.strip().casefold())


_WEAPON = "Explosions/Remote violence"
_CHEMICAL = "Chemical weapon"
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# What a later sentence may tell more precisely than the first one: a weapon for a generic
# attack or clash, the chemical agent of a shelling or strike, and the territory a clash or
# a movement of forces won (ACLED codes a battle that changes control as the territory type).
_REFINED_BY: dict[str, Callable[[Event], bool]] = {
    "Attack": lambda e: e.event_type == _WEAPON,
    "Armed clash": lambda e: e.event_type == _WEAPON or _won(e),
    "Change to group/activity": lambda e: _won(e),
}


def _won(event: Event) -> bool:
    """A territory event whose sentence says that control changed hands."""
    return event.sub_event_type in _TERRITORY and control_changed(event.evidence.text)


def _refines(first: Event, later: Event) -> bool:
    if first.event_type == _WEAPON and first.sub_event_type != _CHEMICAL:
        return later.sub_event_type == _CHEMICAL
    rule = _REFINED_BY.get(first.sub_event_type)
    return rule is not None and rule(later)


def _main(events: list[Event]) -> Event:
    """The snippet's event: the first, unless a later sentence tells it more precisely
    ("Synchronised attacks hit ten towns. Most used grenades."; "Rebels shelled the town.
    The shells held chlorine."; "Fighting raged. The army retook the hill.")."""
    first = events[0]
    return next((e for e in events[1:] if _refines(first, e)), first)


def combine(events: list[Event], text: str, *, override: float = OVERRIDE_SCORE) -> str:
    """The snippet's code from the extracted events and the non-ACLED cues in ``text``."""
    label, score = classify_nonacled(text)
    code = case_code(_main(events).sub_event_type) if events else None
    if code is None:
        if label is not None:
            return label
        scores = nonacled_scores(text)
        best = max(NON_ACLED_CODES, key=lambda c: scores[c])
        return best if scores[best] > 0 else FALLBACK_CODE
    main = _main(events)
    if main.event_type in TOPICAL_TYPES and main.sub_event_type != "Mob violence":
        return code  # a protest about a flood, a war or corruption is still a protest
    if label is not None and (score >= override or code == FALLBACK_CODE):
        return label  # an extracted "Other" is no better than the non-ACLED cues
    return code


@dataclass(slots=True)
class SnippetClassifier:
    """``classifier(text) -> code``; the extractor is built on first use."""

    extract: Extract | None = None
    override: float = OVERRIDE_SCORE

    def __call__(self, text: str) -> str:
        if self.extract is None:
            self.extract = default_extract(geoparse=False)
        return combine(self.extract(text, SNIPPET_DATE), text, override=self.override)


_DEFAULT = SnippetClassifier()


def classify_snippet(text: str) -> str:
    """The CASE 2021 code of one snippet, with the shipped extractor."""
    return _DEFAULT(text)


# ---------------------------------------------------------------- reading and scoring


@dataclass(slots=True)
class SnippetRows:
    path: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # id, snippet, code
    problems: list[tuple[int, str]] = field(default_factory=list)


def _header(fields: list[str], path: Path) -> dict[str, int]:
    names = {name.strip(): i for i, name in enumerate(fields)}
    for column in REQUIRED_COLUMNS:
        if column not in names:
            raise EvaluationError(
                f"has no {column!r} column; the snippets TSV needs the columns "
                f"{', '.join(REQUIRED_COLUMNS)}",
                source=str(path),
            )
    return {column: names[column] for column in REQUIRED_COLUMNS}


def _row(fields: list[str], columns: dict[str, int]) -> tuple[str, str, str]:
    if len(fields) <= max(columns.values()):
        raise ValueError(f"has {len(fields)} fields, expected at least {max(columns.values()) + 1}")
    ident, text, code = (fields[columns[c]].strip() for c in REQUIRED_COLUMNS)
    if not text:
        raise ValueError("EventSnippet is empty")
    if code not in ALL_CODES:
        raise ValueError(f"SubType {code!r} is not one of the 30 CASE 2021 codes")
    return ident, text, code


def read_snippets_tsv(path: str | Path) -> SnippetRows:
    """Rows of a snippets TSV; bad rows are skipped and listed in ``problems``."""
    source = Path(path)
    result = SnippetRows(path=str(source))
    try:
        with source.open(encoding="utf-8-sig", newline="") as fp:
            lines = list(csv.reader(fp, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError:
        raise EvaluationError(
            "file not found; give the path of a snippets TSV", source=str(source)
        ) from None
    except UnicodeDecodeError:
        raise EvaluationError(
            "is not UTF-8 text; save the TSV as UTF-8", source=str(source)
        ) from None
    if not lines:
        raise EvaluationError(
            "is empty; expected a header id, EventSnippet, SubType", source=str(source)
        )
    columns = _header(lines[0], source)
    for index, fields in enumerate(lines[1:]):
        if not any(f.strip() for f in fields):
            continue
        try:
            result.rows.append(_row(fields, columns))
        except ValueError as exc:
            result.problems.append((index, str(exc)))
    return result


def score_labels(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """The snippet report's metrics for aligned gold and predicted codes."""
    scores = per_label_scores(gold, predicted)
    macro, weighted = macro_weighted_f1(scores)
    acled = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in CASE_TO_ACLED]
    acled_scores = per_label_scores([g for g, _ in acled], [p for _, p in acled])
    return {
        "rows": len(gold),
        "accuracy": round(accuracy(gold, predicted), 4),
        "macro_f1": round(macro, 4),
        "weighted_f1": round(weighted, 4),
        "weighted_f1_acled25": round(macro_weighted_f1(acled_scores)[1], 4),
        "details": {
            "labels": {k: {**v, "f1": round(v["f1"], 4)} for k, v in scores.items()},
            "confusions": top_confusions(gold, predicted),
            "acled25_rows": len(acled),
        },
    }


def run_snippets_eval(
    path: str | Path,
    *,
    predictions: str | Path | None = None,
    classifier: Classify | None = None,
) -> dict[str, Any]:
    """Classify every snippet of the TSV at ``path`` and score the codes.

    ``predictions`` names a JSON-lines file, one ``{"id": ID, "label": CODE}`` per row.
    """
    read = read_snippets_tsv(path)
    classify = classifier if classifier is not None else SnippetClassifier()
    predicted = [classify(text) for _, text, _ in read.rows]
    if predictions is not None:
        try:
            with Path(predictions).open("w", encoding="utf-8") as out:
                for (ident, _, _), label in zip(read.rows, predicted, strict=True):
                    out.write(json.dumps({"id": ident, "label": label}, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise EvaluationError(
                f"cannot write the predictions file ({exc.strerror}); choose a writable path",
                source=str(predictions),
            ) from None
    report = score_labels([code for _, _, code in read.rows], predicted)
    report["details"]["skipped_rows"] = len(read.problems)
    report["details"]["problems"] = [f"row {i}: {why}" for i, why in read.problems[:20]]
    return report
