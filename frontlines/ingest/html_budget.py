"""Cutting a parsed page to what the analysis can read, before the costly readers run.

The analysis reads at most ``MAX_TEXT_CHARS`` of a page's article text. A 10 MB page
would still cost trafilatura (an lxml parse, copies of the tree, htmldate's regular
expressions over the whole page) what all of it costs, only for the text past that
bound to be cut. ``trim_text`` removes, in document order, every text node and element
that starts after ``budget`` characters of text: what is kept is the page's first
``budget`` characters of text with the markup around them, so an article that starts
in the page's first ``budget - MAX_TEXT_CHARS`` characters reads the same.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .document import MAX_TEXT_CHARS

TEXT_BUDGET = 3 * MAX_TEXT_CHARS


def trim_text(root: LexborNode, budget: int = TEXT_BUDGET) -> bool:
    """Cut the text under ``root`` after ``budget`` characters; True when anything was."""
    if len(root.text(deep=True)) <= budget:
        return False
    left = budget
    node = root.first_child
    while node is not None:
        if left <= 0:
            after = _after(node, root)
            node.decompose()
            node = after
        elif node.is_text_node:
            after, text = _after(node, root), node.text_content or ""
            if len(text) > left:
                node.replace_with(text[:left])
            left -= len(text)
            node = after
        else:
            node = node.first_child or _after(node, root)
    return True


def _after(node: LexborNode, root: LexborNode) -> LexborNode | None:
    """The node after ``node`` and all it holds, in document order, within ``root``."""
    current: LexborNode | None = node
    while current is not None and current.mem_id != root.mem_id:
        if current.next is not None:
            return current.next
        current = current.parent
    return None
