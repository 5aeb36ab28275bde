"""Page furniture: the parts of a page that are not the report.

Fundraising bars, calls to action, share and follow lines, cookie notices, "related" and
"read more" links, comment-form headers and map links. The rules work on one line (or one
paragraph) at a time and are shared by the text, HTML and feed readers; whatever they
remove is kept in ``Document.furniture``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CUR = r"[$€£¥]|US\$|USD|EUR|GBP"
_AMOUNT = r"\d[\d,.\s]*\d|\d"
_SOCIAL = (
    r"facebook|twitter|x|telegram|whatsapp|reddit|linkedin|pinterest|vk|vkontakte|email|e-mail|"
    r"print|tumblr|pocket|mastodon|youtube|instagram|tweet|share|pin|rss|gab|minds|odnoklassniki"
)

# (rule name, pattern matched against the whole stripped line, longest line it may take)
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("fundraising", re.compile(rf"(?:{_CUR})?\s*(?:{_AMOUNT})?\s*(?:{_CUR})", re.I), 40),
    ("fundraising", re.compile(rf"(?:{_CUR})\s*(?:{_AMOUNT})", re.I), 40),
    (
        "fundraising",
        re.compile(
            rf"(?=.*\b(?:raised|collected|donated|goal|target)\b)(?=.*(?:{_CUR})).*"
            r"|.*\braised\b.*\bof\b.*\b(?:goal|target)\b.*",
            re.I,
        ),
        120,
    ),
    (
        "call to action",
        re.compile(
            r"(?:do you (?:like|enjoy|value) (?:this|our) (?:content|work|reporting)\??.*)"
            r"|.*\bconsider (?:helping|supporting|donating to) us\b.*"
            r"|(?:please\s+)?(?:support|donate to|help|back|fund)\s+(?:us|our work|our (?:reporting|journalism)|this site)\b.*"
            r"|(?:please\s+)?(?:donate|support us|subscribe|become a (?:patron|member|supporter)|"
            r"join us on \w+|sign up for (?:our|the) newsletter)\b.{0,80}"
            r"|.*\b(?:patreon|paypal|buy me a coffee)\b.{0,60}",
            re.I,
        ),
        160,
    ),
    (
        "share",
        re.compile(
            rf"(?:share|share this|share this (?:article|story|post)|spread the word)\s*[:!]?.*"
            rf"|(?:(?:{_SOCIAL})\s*[|·•,/:]*\s*)+"
            rf"|(?:share|post|send) (?:on|to|via) (?:{_SOCIAL})\b.*"
            r"|like this:?|loading\.{0,3}|click to (?:share|print|email)\b.*",
            re.I,
        ),
        120,
    ),
    (
        "follow",
        re.compile(
            rf"(?:follow|find|join) us on\b.*|(?:follow|subscribe to) (?:our|the) (?:{_SOCIAL}|channel|page)\b.*",
            re.I,
        ),
        160,
    ),
    (
        "cookie notice",
        re.compile(
            r".*\bcookies?\b.*\b(?:use|uses|using|accept|consent|agree|policy|experience|settings)\b.*"
            r"|(?:accept|reject|allow)(?: all)? cookies?|got it!?|i agree",
            re.I,
        ),
        300,
    ),
    (
        "related",
        re.compile(
            r"(?:related(?: articles| posts| news| stories| content)?|read (?:more|also|next)|"
            r"see also|you (?:may|might) also (?:like|be interested in)|more (?:from|on) this|"
            r"recommended(?: for you)?|most (?:read|popular)|trending(?: now)?|previous (?:post|article)|"
            r"next (?:post|article))(?:\s*[:»>…|-].{0,150})?",
            re.I,
        ),
        170,
    ),
    (
        "comment form",
        re.compile(
            r"(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s+\(\d+\))?"
            r"|(?:leave|post|add|write) (?:a |your )?(?:reply|comment|response)\b.{0,60}"
            r"|join the discussion.{0,40}|(?:show|load) (?:more )?comments|"
            r"you must be logged in to post a comment.{0,40}|cancel reply|reply",
            re.I,
        ),
        80,
    ),
)

_MAP_LINK = re.compile(
    r"(?:click|tap)(?: here)? (?:to|for) (?:see|view|open|enlarge)?\s*(?:the )?full[- ]?(?:size|resolution|screen)\s+(?:map|image)"
    r"|(?:click|tap)(?: here)? to enlarge(?: the)? map|(?:see|view|open) (?:the )?full[- ]size map",
    re.I,
)


_MAP_LINK_LONGEST = 120


@dataclass(slots=True)
class Furniture:
    """What the rules removed from one page."""

    removed: list[str] = field(default_factory=list)
    map_links: list[str] = field(default_factory=list)


def rule_for(line: str) -> str | None:
    """The furniture rule that ``line`` matches, or None when it is content."""
    if len(line) > _PROBE and len(" ".join(line[:_PROBE].split())) > _LONGEST + 1:
        return None  # longer than any rule takes, as its start already shows
    text = " ".join(line.split())
    if not text:
        return None
    if is_map_link(text):
        return "map link"
    for name, pattern, longest in _RULES:
        if len(text) <= longest and pattern.fullmatch(text):
            return name
    return None


_LONGEST = max(_MAP_LINK_LONGEST, *(longest for _name, _pattern, longest in _RULES))
_PROBE = 4 * _LONGEST  # a line is probed this far before it is split into words


def is_map_link(line: str) -> bool:
    text = " ".join(line.split())
    return len(text) <= _MAP_LINK_LONGEST and _MAP_LINK.fullmatch(text.rstrip(".!:»> ")) is not None


def strip_paragraphs(paragraphs: list[str], found: Furniture) -> list[str]:
    """Keep the paragraphs that are content; record the rest in ``found``."""
    kept: list[str] = []
    for para in paragraphs:
        if rule_for(para) is None:
            kept.append(para)
            continue
        record(para, found)
    return kept


def record(piece: str, found: Furniture) -> None:
    """Note ``piece`` as furniture removed (and as a map link when it is one)."""
    found.removed.append(piece.strip())
    if is_map_link(piece):
        found.map_links.append(f"{' '.join(piece.split())} (link text only)")
