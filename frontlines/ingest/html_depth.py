"""Markup nested deeper than any page needs is read only as far as that depth.

A comment thread nested 8,000 deep (1.4 MB) costs lexbor a tree of about 15 times its
size, built in time that grows with the square of the depth. Browsers stop nesting at a
few hundred elements (Blink at 512); real pages stay far below. ``depth_cut`` follows the
open elements the way a parser roughly would (end tags close up to their element, void
elements never open, ``<li>``, ``<p>`` and the like close an open sibling, script and
style hold text only) and gives the offset of the first tag that opens an element
``MAX_DEPTH`` deep: the page is read up to there. Elements cost lexbor a few hundred
bytes each however little markup opens them (10 MB of ``<p>`` took 906 MB and 11 s to
read), attributes and comments less, trafilatura's copies of the tree more: a page is
read as markup only up to its ``node_budget``-th node (elements, attributes, comments;
a number that grows with the page's size, above the densest page of ``../shared`` and
``tests/``), and past it as text (``html_text``). ``drop_empty`` removes empty elements
from a page that holds tens of thousands of them, before trafilatura walks it.
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser

MAX_DEPTH = 512
# Nodes (elements, their attributes, markup comments) read from one page as markup: each
# costs lexbor some hundreds of bytes and trafilatura's copies of its tree about 1.2 kB
# more, however little markup opens it (``<b a=1 b=2>`` is three). A page holding more
# for its size is read as markup only up to ``node_budget(size)`` nodes, as text past
# them (``html_text``): some 130 MB at most, and 15 times a page's size past the floor.
# The floor is a fifth above the densest page of ``../shared`` and ``tests/``
# (``chineselyrics4u.com.zhineng.html``: 9,758 nodes, 4,646 elements, in 253 kB).
MAX_NODES = 100_000
MIN_NODES = 12_000
BYTES_PER_NODE = 100
# A page rarely holds a few hundred empty elements; 100,000 empty paragraphs cost
# trafilatura 8 s of walking its lxml tree for no text.
MAX_EMPTY = 10_000

_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)|<!--")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed"})
# an opening tag closes an open element of these names above the nearest boundary
_LIST = frozenset({"ul", "ol", "menu"})
_TABLE = frozenset({"table", "tbody", "thead", "tfoot"})
_SIBLINGS: dict[str, frozenset[str]] = {
    "li": _LIST, "dt": frozenset({"dl"}), "dd": frozenset({"dl"}), "tr": _TABLE,
    "td": _TABLE | {"tr"}, "th": _TABLE | {"tr"}, "option": frozenset({"select", "datalist"}),
    "optgroup": frozenset({"select"}), "rt": frozenset({"ruby"}), "rp": frozenset({"ruby"}),
}  # fmt: skip
# block elements close an open paragraph
_CLOSE_P = frozenset(
    {"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer", "form",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav", "ol", "p", "pre",
     "section", "table", "ul", "li", "dd", "dt", "figure", "figcaption", "hr"}
)  # fmt: skip
_LOOK = 8  # how far down the open elements an implied end is looked for


def node_budget(size: int) -> int:
    """The nodes a page of ``size`` characters is read with as markup."""
    return min(MAX_NODES, max(MIN_NODES, size // BYTES_PER_NODE))


def depth_cut(html: str, limit: int = MAX_DEPTH) -> int | None:
    """The offset of the tag that opens an element ``limit`` deep, or None if none does."""
    cut = markup_cut(html, depth=limit, nodes=None)
    return cut[0] if cut else None


def markup_cut(
    html: str, *, depth: int = MAX_DEPTH, nodes: int | None = MAX_NODES
) -> tuple[int, str] | None:
    """Where to stop reading ``html`` as markup, and why: ``(offset, "depth")`` at the tag
    that opens an element ``depth`` deep, ``(offset, "nodes")`` at the tag or comment
    that would take the page past ``nodes`` elements, attributes and comments; None when
    the page stays within both."""
    if html.count("<") < depth and (nodes is None or len(html) < 2 * nodes):
        return None
    count = 0
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    pos = 0
    while (m := _TOKEN.search(html, pos)) is not None:
        pos = m.end()
        if m.group(2) is None or not m.group(1):  # a comment or a start tag
            count += 1 if m.group(2) is None else 1 + _attributes(html, pos)
            if nodes is not None and count > nodes:
                return m.start(), "nodes"
        if m.group(2) is None:  # a comment: skip to its end
            end = html.find("-->", pos)
            if end < 0:
                return None
            pos = end + 3
            continue
        name = m.group(2).lower()
        if m.group(1):
            _close(stack, open_names, name)
            continue
        if name in _RAW:
            end = _raw_end(html, name, pos)
            if end < 0:
                return None
            pos = end
        elif name not in _VOID:
            if name in _CLOSE_P and open_names["p"] > 0:
                _implied_end(stack, open_names, "p", frozenset())
            if name in _SIBLINGS and open_names[name] > 0:
                _implied_end(stack, open_names, name, _SIBLINGS[name])
            stack.append(name)
            open_names[name] += 1
            if len(stack) >= depth:
                return m.start(), "depth"
    return None


# an attribute: a name, and a value unquoted or in quotes (which may hold ``>``)
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")
_TAG_END = re.compile(r"""[^"'<>]*(?:(?:"[^"]*"|'[^']*')[^"'<>]*)*>?""")


def _attributes(html: str, pos: int) -> int:
    """The attributes of the start tag whose name ends at ``pos`` (counted at C speed,
    in a copy of the tag only)."""
    end = _TAG_END.match(html, pos)
    stop = end.end() if end is not None else pos
    return _ATTRIBUTE.subn("", html[pos:stop])[1] if stop - pos > 1 else 0


_RAW_END = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in _RAW}


def _raw_end(html: str, name: str, pos: int) -> int:
    found = _RAW_END[name].search(html, pos)
    return found.start() if found else -1


def _implied_end(
    stack: list[str], open_names: Counter[str], name: str, boundary: frozenset[str]
) -> None:
    """Close an open ``name`` among the top open elements, above any ``boundary``."""
    if open_names[name] <= 0:
        return
    for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _LOOK), -1):
        if stack[i] in boundary:
            return
        if stack[i] == name:
            for top in stack[i:]:
                open_names[top] -= 1
            del stack[i:]
            return


def _close(stack: list[str], open_names: Counter[str], name: str) -> None:
    """An end tag: close the latest open ``name`` and what was opened after it (a stray
    end tag, with no such element open, is ignored)."""
    if open_names[name] <= 0:
        return
    while stack:
        top = stack.pop()
        open_names[top] -= 1
        if top == name:
            return


def drop_empty(tree: LexborHTMLParser, limit: int = MAX_EMPTY) -> int:
    """Remove the body's empty elements (void ones kept) when there are more than
    ``limit`` of them; how many were removed."""
    empty = [n for n in tree.css("body :empty") if n.tag not in _VOID]
    if len(empty) <= limit:
        return 0
    for node in empty:
        node.decompose()
    return len(empty)
