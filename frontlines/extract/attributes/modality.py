"""Is a sentence an act that happened, or a threat, plan, hypothesis, denial or question?

:func:`modality` returns ``"asserted"``, ``"reported"`` (a claim attributed to someone:
still an event, credibility "medium") or ``"irrealis"`` (not an event). The cue must
govern the trigger: it is looked for in the stretch of the sentence before the trigger
(and for negation, right before it), so "Troops, who plan to advance, captured X" stays
an event only when the trigger is "captured".
"""

from __future__ import annotations

import re

_IRREALIS_CLAUSE = re.compile(
    r"(?:^|[\s,;(\"“])(?:if|unless|as soon as|once|when(?:ever)?|in case|should they|whether)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:(?-i:will|may)(?!\s+\d)|would|shall|could|might|must|should|can|going to|about to|plans? to|planning to"
    r"|plann?ed to|aims? to|aiming to|intends? to|intend(?:ed|ing) to|expected to|is expected|are expected"
    r"|threaten\w*|vow\w*|pledg\w* to|prepar\w+ (?:to|for)|ready to|in order to|seek\w* to|wants? to|hope\w* to"
    r"|pose\w* (?:a |an )?(?:direct |serious |major )?threat|possible|potential"
    # a call, demand or proposal to act is not the act: "calls to send troops"
    r"|calls? (?:for|to|on \w+ to)|urg\w+ (?:\w+ ){0,3}to|demand\w* (?:that|to)|propos\w+ to"
    # "likely to attack" is a forecast; "likely IS militants", "likely to be IS", a guess at who.
    r"|likely to (?!be\b)|(?:is|are|was|were) (?:most |highly |very )?likely"
    r"|[a-z]+'ll|\bi'll|it'll|they'll)\b",
    re.I,
)
# the act named as the subject of a modal ("an offensive on Idlib could push ...", "a strike
# would trigger ..."): a forecast of it, not the act (not "could have": that one happened)
_MODAL_AFTER = re.compile(
    r"[\w-]+(?:\s+(?:on|in|against|of|by|into)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
    r"\s+(?-i:could|would|might|may)\s+(?!have\b)",  # not "May Day"
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|n't|failed to|fail to|unable to|yet to|denied|deny|denies|refuted"
    r"|rejected claims|without success|not able to|been not able to|(?<![\'\"\u2018\u201c])(?-i:no))\b",
    re.I,
)
# "denied reports on social media that militants had seized a village": the report told is
# the one denied, however far its verb
_DENIED_REPORT = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted|rebuffed)\s+(?:the\s+|these\s+|such\s+)?"
    r"(?:[\w-]+\s+)?(?:reports?|claims?|allegations?|rumou?rs?|accounts?)\b[^.;]{0,80}?\bthat\s+[^.;]*$",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:claim\w*|according to|reportedly|allegedly|reports? (?:say|said|suggest)|sources? (?:say|said)"
    r"|said that|is said to|were said to|purportedly|unconfirmed|rumou?r\w*)\b",
    re.I,
)


def modality(sentence: str, trigger_start: int) -> str:
    """``asserted``, ``reported`` or ``irrealis`` for the trigger at ``trigger_start``."""
    text = sentence.strip()
    if text.endswith("?"):
        return "irrealis"
    before = sentence[:trigger_start]
    clause = _clause_before(before)
    if _irrealis_clause(clause, sentence[trigger_start : trigger_start + 60]) or _FUTURE.search(
        clause
    ):
        return "irrealis"
    if _MODAL_AFTER.match(sentence, trigger_start):
        return "irrealis"  # "a government offensive on Idlib could push thousands ..."
    if _NEGATION.search(before[-40:]) and not _NEGATION_OK.search(before[-40:]):
        return "irrealis"
    if _DENIED_REPORT.search(before):
        return "irrealis"
    if _REPORTED.search(sentence):
        return "reported"
    return "asserted"


# "killed when a mine went off", "hit once it was inside": a clause of time told in the
# past is a fact, not a condition.
_TIME_WORDS = frozenset({"when", "whenever", "once", "as soon as"})
_PAST = re.compile(
    r"\b(?:was|were|had|did|\w+ed|struck|hit|went|blew|shot|threw|fought|took|ran|drove|came"
    r"|fell|broke|began|tore|caught|stole|overran|led|met|sent|put|set|got|left)\b",
    re.I,
)


def _irrealis_clause(clause: str, after: str) -> bool:
    """A condition or a future time governs the trigger (``after`` is the text from it)."""
    for match in _IRREALIS_CLAUSE.finditer(clause):
        word = match.group(0).strip(' ,;("“').lower()
        told = clause[match.end() :] + " " + re.split(r"[,;]", after, maxsplit=1)[0]
        # "were killed when ...": a clause of time after a main clause told in the past
        past = _PAST.search(told) or _PAST.search(clause[: match.start()])
        if word in _TIME_WORDS and past and not _FUTURE.search(told):
            continue
        return True
    return False


_NEGATION_OK = re.compile(r"\bnot only\b|\bno sooner\b", re.I)


def _clause_before(before: str) -> str:
    """The part of ``before`` in the trigger's own clause (after the last ';' or a
    sentence-internal full stop), where its modal cues apply."""
    cut = max(before.rfind(";"), before.rfind(" – "), before.rfind(" - "))
    return before[cut + 1 :] if cut >= 0 else before
