"""Markup past what a page may cost to parse is read as its text, not dropped.

A parser's tree costs some hundreds of bytes an element, trafilatura's copies of it about
2 kB more, however little markup opens the element: 1 MB of ``<b id='N'>x</b>`` holds
60,000 elements and cost 100 MB to read. ``html_depth`` bounds the elements a page is
parsed with (a number that grows with the page's size); ``as_text`` turns the markup
after that bound into the text a browser would show of it, so that nothing the reader
could see is lost, only the structure: tags become spaces (trafilatura folds a text's
white space, line breaks too), markup comments, declarations and the contents of
scripts, styles and the like are left out. What is left holds no ``<`` that could open markup, so a parser reads it as
one text node. The scan is linear: each raw element's end is looked for once, from its
start, and a raw element left open takes the rest of the page, as it would in a browser.
"""

from __future__ import annotations

import re

_RAW = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "noscript", "template", "svg", "math")  # fmt: skip


def _any_case(names: tuple[str, ...]) -> str:
    """``names`` as alternatives in either case (``[dD][iI][vV]``: faster than ``(?i:)``)."""
    spelled = ("".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in n) for n in names)
    return "|".join(spelled)


_RAW_NAMES = _any_case(_RAW)
_OPEN = re.compile(rf"<({_RAW_NAMES})\b")
_CLOSE = re.compile(rf"</({_RAW_NAMES})\b")
# every comment and raw element here has its end after it (``_closed``): a lazy match
# stops at the first end, and the matches never overlap, so the passes are linear
_HIDDEN = re.compile(rf"<!--.*?-->|<({_RAW_NAMES})\b.*?</(?i:\1)\b[^<>]*>?", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<[!?][^<>]*>")


def as_text(markup: str) -> str:
    """The text of ``markup`` with its tags, comments and raw elements taken out."""
    text = _HIDDEN.sub(" ", _closed(markup))
    return _TAG.sub(" ", text).replace("<", "&lt;")


def _closed(markup: str) -> str:
    """``markup`` up to its first comment or raw element that is never ended (a browser
    reads the rest as that comment's or element's contents, never as text)."""
    last: dict[str, int] = {}
    for m in _CLOSE.finditer(markup):
        last[m.group(1).lower()] = m.start()
    end = markup.rfind("-->")
    cut = markup.find("<!--", end + 3) if end >= 0 else markup.find("<!--")
    cut = len(markup) if cut < 0 else cut
    for m in _OPEN.finditer(markup, 0, cut):
        if m.start() >= last.get(m.group(1).lower(), -1):
            return markup[: m.start()]
    return markup[:cut]
