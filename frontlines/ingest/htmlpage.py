"""HTML pages: trafilatura for the article body and metadata, our own comment reader,
then the shared furniture rules on the body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml.etree import LxmlError
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..records import Comment
from .dates import metadata_date, to_date
from .document import MAX_COMMENTS
from .furniture import Furniture, is_map_link, strip_paragraphs
from .html_budget import TEXT_BUDGET, trim_text
from .html_comments import COMMENT_SELECTOR, THREAD_SELECTOR, read_thread
from .html_depth import MAX_DEPTH, MAX_EMPTY, drop_empty, markup_cut, node_budget
from .html_runs import KEEP, collapse_runs
from .html_shapes import collapse_shapes
from .html_text import as_text

_THREAD_KEYS = (
    "comments",
    "comments-area",
    "comment-list",
    "commentlist",
    "respond",
    "disqus_thread",
    "post-list",
)


@dataclass(slots=True)
class HtmlPage:
    title: str
    text: str
    comments: list[Comment]
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    furniture: Furniture = field(default_factory=Furniture)
    comments_seen: int = 0  # the comments on the page (``comments`` holds the first ones)
    warnings: list[str] = field(default_factory=list)


def read_html_page(html: str, *, url: str | None = None) -> HtmlPage:
    """Read one HTML page. An empty ``text`` means no article text was found.

    The page is parsed once by lexbor (comments, dates, furniture), cut to the text the
    analysis can read (``html_budget``), and handed to trafilatura as markup only after
    lexbor's tree is freed, so that the two parsers never hold the page at once. Markup
    nested deeper than ``MAX_DEPTH`` is read only up to there (``html_depth``), and past
    the nodes it may cost for its size (``node_budget``) as text (``html_text``);
    markup repeated back to back more than ``KEEP`` times is read ``KEEP`` times
    (``html_runs``)."""
    notes: list[str] = []
    html, copies = collapse_runs(html)
    if copies:
        notes.append(f"{copies:,} copies of markup repeated over {KEEP} times in a row were "
                     "left out of the page")  # fmt: skip
    html = _bounded(html, notes)
    tree = LexborHTMLParser(html)
    comments, seen = read_thread(tree, MAX_COMMENTS)
    published = metadata_date(tree, skip=_THREAD_KEYS)
    found = Furniture()
    _take_map_links(tree, found, url)
    _drop_threads(tree)
    _drop_not_prose(tree, found)
    if drop_empty(tree):
        notes.append(f"over {MAX_EMPTY:,} empty elements were left out of the page")
    if tree.body is not None:
        trim_text(tree.body)
    fallback_title, markup = _fallback_title(tree), tree.html or ""
    del tree, html  # the caller's copy of ``html`` is the only one left
    meta = _trafilatura(markup, url)
    del markup
    body = str(meta.get("text") or "")
    paragraphs = strip_paragraphs([p for p in body.split("\n") if p.strip()], found)
    title = str(meta.get("title") or "") or fallback_title
    paragraphs = [p for p in paragraphs if " ".join(p.split()) != " ".join(title.split())]
    return HtmlPage(
        title=" ".join(title.split()),
        text="\n\n".join(p.strip() for p in paragraphs),
        comments=comments,
        published=published or to_date(str(meta.get("date") or "")),
        url=str(meta.get("url") or "") or url,
        outlet=str(meta.get("sitename") or "") or None,
        furniture=found,
        comments_seen=seen,
        warnings=notes,
    )


def _bounded(html: str, notes: list[str]) -> str:
    """``html`` read up to its ``MAX_DEPTH``-th level of nesting, and as markup up to its
    ``node_budget``-th node (elements, attributes, comments), as text past it
    (``html_text``)."""
    budget = node_budget(len(html))
    cut = markup_cut(html, nodes=budget)
    if cut is not None and cut[1] == "nodes":
        html, alike = _alike_as_text(html, budget, cut[0], notes)
        cut = markup_cut(html, nodes=budget) if alike else cut
    if cut is None:
        return html
    at, why = cut
    if why == "depth":
        notes.append(f"the markup nests deeper than {MAX_DEPTH} elements: the page is read "
                     f"only up to there (its first {at:,} characters)")  # fmt: skip
        return html[:at]
    notes.append(f"the page holds over {budget:,} elements, attributes and comments for its "
                 f"{len(html):,} characters: its markup past its first {at:,} characters is "
                 "read as text")  # fmt: skip
    # past ``TEXT_BUDGET`` characters, ``trim_text`` would cut the text anyway
    return html[:at] + as_text(html[at:])[:TEXT_BUDGET]


def _alike_as_text(html: str, budget: int, cut: int, notes: list[str]) -> tuple[str, int]:
    """A page over its node budget (reached at ``cut``) with dense runs of markup alike up
    to attributes and text: their copies past the ``KEEP``-th read as text
    (``html_shapes``; runs are looked for before ``cut``, or past it once one is found)."""
    html, alike = collapse_shapes(html, tags=budget, stop=cut)
    if alike:
        notes.append(f"{alike:,} copies of markup alike up to its attributes and text, past "
                     f"{KEEP} in a row, were read as text")  # fmt: skip
    return html, alike


def _take_map_links(tree: LexborHTMLParser, found: Furniture, base: str | None) -> None:
    for anchor in tree.css("a"):
        label = " ".join(anchor.text(separator=" ").split())
        if not is_map_link(label):
            continue
        href = anchor.attributes.get("href") or ""
        found.removed.append(label)
        found.map_links.append(urljoin(base or "", href) if href else f"{label} (link text only)")
        anchor.decompose()


def _drop_threads(tree: LexborHTMLParser) -> None:
    """Remove comment threads, forms and scripts so they cannot reach the body."""
    for selector in (THREAD_SELECTOR, COMMENT_SELECTOR, "script, style, noscript, form"):
        for node in tree.css(selector):
            _decompose(node)


# Code, program output, keyboard input, navigation and shop furniture are not prose: they
# never reach the text (and so never yield events); what they held is kept as furniture.
NOT_PROSE = (
    ("code", "pre, code, kbd, samp, tt, var, .highlight, .codehilite, .sourceCode"),
    ("navigation", "nav, [role=navigation], .breadcrumb, .breadcrumbs, .menu, .navbar"),
    ("specification table", "table, dl.specifications, .specifications, .product-specs"),
    ("shop", ".price, .product-price, .add-to-cart, .cart, .basket, [itemprop=price], .woocommerce-Price-amount"),
)  # fmt: skip


LONGEST_CELL = 150  # a table with a longer cell holds prose (a page laid out in a table)


def _layout_table(node: LexborNode) -> bool:
    """A table that lays out a page (tables inside it, or cells of running text)."""
    if node.tag != "table":
        return False
    if len(node.css("table")) > 1:  # the node itself, then the tables inside it
        return True
    cells = node.css("td, th")
    return any(len(" ".join(c.text(separator=" ").split())) > LONGEST_CELL for c in cells)


def _drop_not_prose(tree: LexborHTMLParser, found: Furniture) -> None:
    for kind, selector in NOT_PROSE:
        for node in tree.css(selector):
            if node.parent is None or _layout_table(node):
                continue
            text = " ".join(node.text(separator=" ").split())
            if text:
                found.removed.append(f"{kind}: {text[:120]}")
            node.decompose()


def _decompose(node: LexborNode) -> None:
    if node.parent is not None:
        node.decompose()


def _trafilatura(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura  # heavy import, only for HTML

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_recall=True,
        )
    except (ValueError, TypeError, RecursionError, LxmlError):
        return {}  # unreadable markup: the caller reports "no article text found"
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    out: dict[str, Any] = doc.as_dict()
    return out


def warm_html() -> None:
    """Load what reading an HTML page needs once (trafilatura, and the stop words of its
    justext fallback, which it builds on first use): a worker forked afterwards starts
    with them, instead of paying for them in its first page's time and memory."""
    read_html_page(_WARM_PAGE)
    try:
        from trafilatura import external

        if not external.JT_STOPLIST:
            external.jt_stoplist_init()
    except (ImportError, AttributeError):  # another trafilatura: it loads them itself
        pass


_WARM_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><p>Syrian troops clashed "
    "with ISIS fighters near Palmyra on Monday.</p></article></body></html>"
)


def _fallback_title(tree: LexborHTMLParser) -> str:
    for selector in ("meta[property='og:title']", "h1", "title"):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get("content") if selector.startswith("meta") else node.text()
        if value and value.strip():
            return re.split(r"\s+[|–—-]\s+", value.strip())[0]
    return ""
