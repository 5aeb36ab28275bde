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
    return read_thread(tree)[0]


def read_thread(tree: LexborHTMLParser, limit: int | None = None) -> tuple[list[Comment], int]:
    """The first ``limit`` comments on the page (all when None), in page order, and how
    many the page holds: a thread of 20,000 comments, of which a document keeps the first
    1,000, is not read whole.

    Linear in the thread's size however deep it nests: the comment elements are indexed
    once, and each comment's own parts are found from its first match down.
    """
    nodes = _distinct(n for n in tree.css(COMMENT_SELECTOR) if _is_comment(n))
    thread = _Thread(nodes, tree, kept={node.mem_id for node in nodes[:limit]})
    comments: list[Comment] = []
    ids: dict[int, str] = {}
    depths: dict[int, int] = {}
    for n, node in enumerate(nodes[:limit], start=1):
        parent_node = _parent_comment(node, thread)
        key = parent_node.mem_id if parent_node is not None else None
        parent = ids.get(key) if key is not None else None
        depth = depths.get(key, -1) + 1 if key is not None else 0
        cid = thread.unique(_native_id(node) or f"c{n}")
        ids[node.mem_id] = cid
        depths[node.mem_id] = depth
        comments.append(
            Comment(
                id=cid,
                author=_author(node, thread),
                parent=parent,
                depth=depth,
                text=_text(node, thread),
                published=_time(node, thread),
            )
        )
    return comments, len(nodes)


class _Thread:
    """The comment elements by memory id, each one's own matches of a selector, and the
    comment ids given so far."""

    def __init__(
        self,
        nodes: list[LexborNode],
        tree: LexborHTMLParser | None = None,
        kept: set[int] | None = None,
    ) -> None:
        self.by_id = {node.mem_id: node for node in nodes}
        self.kept = kept  # the comments read (their matches alone are kept); None: all
        self.tree = tree
        self.owned: dict[str, dict[int, list[LexborNode]]] = {}
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def own(self, node: LexborNode, selector: str) -> list[LexborNode]:
        """The matches of ``selector`` that belong to ``node`` (not to a reply), found for
        every comment in one pass over the page: each match belongs to the nearest
        comment above it, unless a ``children`` list comes first."""
        if selector not in self.owned and self.tree is not None:
            owners: dict[int, list[LexborNode]] = {}
            for match in self.tree.css(selector):
                owner = self._owner(match)
                if owner is not None and (self.kept is None or owner in self.kept):
                    owners.setdefault(owner, []).append(match)
            self.owned[selector] = owners
        return self.owned.get(selector, {}).get(node.mem_id, [])

    def _owner(self, match: LexborNode) -> int | None:
        up = match.parent
        while up is not None:
            if up.mem_id in self.by_id:
                return int(up.mem_id)
            if "children" in (up.attributes.get("class") or "").split():
                return None
            up = up.parent
        return None

    def unique(self, cid: str) -> str:
        """``cid``, or ``cid-2``, ``cid-3``... when taken (a page repeating one id)."""
        out, k = cid, self.next_suffix.get(cid, 2)
        while out in self.taken:
            out, k = f"{cid}-{k}", k + 1
        self.next_suffix[cid] = k
        self.taken.add(out)
        return out


_NO_THREAD = _Thread([])


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
    return any(_own(node, sel, _NO_THREAD) is not None for sel in _TEXT)


def _parent_comment(node: LexborNode, thread: _Thread) -> LexborNode | None:
    up = node.parent
    while up is not None:
        if up.mem_id in thread.by_id:
            return thread.by_id[up.mem_id]
        up = up.parent
    return None


def _own(node: LexborNode, selector: str, thread: _Thread) -> LexborNode | None:
    """The first match of ``selector`` inside ``node`` that is not inside a nested comment."""
    if thread.tree is not None:
        found = thread.own(node, selector)
        return found[0] if found else None
    # Before the thread is known (telling comments from wrappers): the first match in
    # page order usually is the comment's own, as its parts come before its replies.
    first = node.css_first(selector)
    if first is None or not _inside_reply(first, node, thread):
        return first
    for match in node.css(selector):
        if not _inside_reply(match, node, thread):
            return match
    return None


def _inside_reply(match: LexborNode, node: LexborNode, thread: _Thread) -> bool:
    up = match.parent
    while up is not None and up.mem_id != node.mem_id:
        if up.mem_id in thread.by_id or "children" in (up.attributes.get("class") or "").split():
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


def _author(node: LexborNode, thread: _Thread) -> str:
    for sel in _AUTHOR:
        found = _own(node, sel, thread)
        if found is not None:
            name = " ".join(found.text(separator=" ").split())
            name = re.sub(r"\s+(?:says|wrote)\s*:?$", "", name, flags=re.I)
            if name:
                return name
    return ""


def _time(node: LexborNode, thread: _Thread) -> str | None:
    for sel in _TIME:
        found = _own(node, sel, thread)
        if found is None:
            continue
        attrs = found.attributes
        raw = attrs.get("datetime") or attrs.get("title") or found.text()
        iso = to_iso(raw or "")
        if iso:
            return iso
    return None


def _text(node: LexborNode, thread: _Thread) -> str:
    for sel in _TEXT:
        found = _own(node, sel, thread)
        if found is None:
            continue
        if sel.endswith(" p"):
            paras = thread.own(node, sel)
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
