"""Reader-comment threads in HTML: WordPress-native and Disqus-style markup.

Keeps each comment's id (the page's own, e.g. ``comment-123`` or ``post-456``), author,
time, parent and depth. Nesting comes from the markup (a comment inside another comment's
``children`` list is a reply to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..records import Comment
from .dates import to_iso

# Elements that hold one comment each (WordPress, then Disqus).
COMMENT_SELECTOR = (
    "li.comment, article.comment, div.comment[id^='comment-'], li[id^='comment-'], "
    "li.post, div.post[data-post-id], li[data-post-id]"
)
# Containers that hold the thread (removed before the article body is extracted).
THREAD_SELECTOR = (
    "#comments, .comments-area, ol.comment-list, ol.commentlist, ul.comment-list, "
    "#respond, .comment-respond, #disqus_thread, .disqus-thread, #post-list, section.comments"
)
_AUTHOR = (
    ".comment-author .fn",
    ".comment-author",
    ".post-byline .author",
    ".author a",
    ".author",
    ".byline",
)
_TEXT = (".comment-content", ".post-message", ".comment-body p", ".comment-text", ".message")
_TIME = (
    "time[datetime]",
    ".post-meta time",
    "a.time-ago[title]",
    ".comment-metadata a",
    ".comment-date",
)


def extract_comments(tree: LexborHTMLParser) -> list[Comment]:
    """All comments on the page, in page order."""
    nodes = _distinct(n for n in tree.css(COMMENT_SELECTOR) if _is_comment(n))
    comments: list[Comment] = []
    ids: dict[int, str] = {}
    depths: dict[int, int] = {}
    for n, node in enumerate(nodes, start=1):
        parent_node = _parent_comment(node, nodes)
        key = parent_node.mem_id if parent_node is not None else None
        parent = ids.get(key) if key is not None else None
        depth = depths.get(key, -1) + 1 if key is not None else 0
        cid = _unique(_native_id(node) or f"c{n}", set(ids.values()))
        ids[node.mem_id] = cid
        depths[node.mem_id] = depth
        comments.append(
            Comment(
                id=cid,
                author=_author(node, nodes),
                parent=parent,
                depth=depth,
                text=_text(node, nodes),
                published=_time(node, nodes),
            )
        )
    return comments


def _distinct(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    seen: set[int] = set()
    out: list[LexborNode] = []
    for node in nodes:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            out.append(node)
    return out


def _is_comment(node: LexborNode) -> bool:
    """A comment element has some message text of its own (skips wrappers)."""
    return any(_own(node, sel, []) is not None for sel in _TEXT)


def _parent_comment(node: LexborNode, nodes: list[LexborNode]) -> LexborNode | None:
    by_id = {other.mem_id: other for other in nodes}
    up = node.parent
    while up is not None:
        if up.mem_id in by_id:
            return by_id[up.mem_id]
        up = up.parent
    return None


def _own(node: LexborNode, selector: str, nodes: list[LexborNode]) -> LexborNode | None:
    """The first match of ``selector`` inside ``node`` that is not inside a nested comment."""
    for match in node.css(selector):
        if not _inside_reply(match, node, nodes):
            return match
    return None


def _inside_reply(match: LexborNode, node: LexborNode, nodes: list[LexborNode]) -> bool:
    ids = {other.mem_id for other in nodes}
    up = match.parent
    while up is not None and up.mem_id != node.mem_id:
        if up.mem_id in ids or "children" in (up.attributes.get("class") or "").split():
            return True
        up = up.parent
    return False


def _native_id(node: LexborNode) -> str | None:
    attrs = node.attributes
    raw = attrs.get("id") or ""
    if re.fullmatch(r"(?:comment|post|div-comment)-[\w-]+", raw):
        return raw.replace("div-comment-", "comment-")
    post_id = attrs.get("data-post-id")
    if post_id:
        return f"post-{post_id}"
    return None


def _unique(cid: str, taken: set[str]) -> str:
    out, k = cid, 2
    while out in taken:
        out, k = f"{cid}-{k}", k + 1
    return out


def _author(node: LexborNode, nodes: list[LexborNode]) -> str:
    for sel in _AUTHOR:
        found = _own(node, sel, nodes)
        if found is not None:
            name = " ".join(found.text(separator=" ").split())
            name = re.sub(r"\s+(?:says|wrote)\s*:?$", "", name, flags=re.I)
            if name:
                return name
    return ""


def _time(node: LexborNode, nodes: list[LexborNode]) -> str | None:
    for sel in _TIME:
        found = _own(node, sel, nodes)
        if found is None:
            continue
        attrs = found.attributes
        raw = attrs.get("datetime") or attrs.get("title") or found.text()
        iso = to_iso(raw or "")
        if iso:
            return iso
    return None


def _text(node: LexborNode, nodes: list[LexborNode]) -> str:
    for sel in _TEXT:
        found = _own(node, sel, nodes)
        if found is None:
            continue
        if sel.endswith(" p"):
            paras = [p for p in node.css(sel) if not _inside_reply(p, node, nodes)]
            return "\n\n".join(_flat(p) for p in paras if _flat(p))
        return block_text(found)
    return ""


def block_text(node: LexborNode) -> str:
    """Text of a block, paragraphs separated by a blank line."""
    paras = node.css("p")
    if paras:
        return "\n\n".join(t for t in (_flat(p) for p in paras) if t)
    return _flat(node)


def _flat(node: LexborNode) -> str:
    return " ".join(node.text(separator=" ").split())
