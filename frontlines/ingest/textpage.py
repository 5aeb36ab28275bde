"""Plain-text pages (HTML already stripped, as in the seed page).

Layout read: optional furniture, the headline (perhaps repeated), article paragraphs
separated by blank lines, then a comment thread whose nesting shows as bullets and
indentation (author on the bullet line, the comment text on the following, deeper lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..records import Comment
from .document import MAX_TEXT_CHARS
from .furniture import Furniture, record, rule_for

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[•◦▪‣●○·▸►*-])[ \t]+(?P<rest>\S.*)$")
_REPLY_MARKS = {"◦": 1, "○": 1, "▪": 2, "‣": 2, "▸": 2}
_TITLE_MAX = 200
_AUTHOR_MAX = 60


@dataclass(slots=True)
class TextPage:
    title: str
    text: str
    comments: list[Comment]
    furniture: Furniture = field(default_factory=Furniture)


@dataclass(slots=True)
class _Bullet:
    line: int
    indent: int
    mark: str
    author: str
    body: list[str]


def read_text_page(text: str) -> TextPage:
    """Split a plain-text page into title, article text, comments and furniture."""
    lines = [line.rstrip() for line in text.split("\n")]
    start = _comment_block_start(lines)
    article_lines = lines if start is None else lines[:start]
    comments = [] if start is None else _read_comments(lines[start:])
    found = Furniture()
    paragraphs = _content(article_lines, found)
    title, paragraphs = _take_title(paragraphs, found)
    return TextPage(title, "\n\n".join(paragraphs), comments, found)


def _content(lines: list[str], found: Furniture) -> list[str]:
    """The paragraphs that are content, read only as far as the analysis will: once the
    paragraphs after the first (a title, perhaps) hold more than ``MAX_TEXT_CHARS``, the
    rest would be cut from the document anyway (``make_document``), so it is not read;
    the kept text is the same as if the whole page had been. A 10 MB page costs what its
    first ``MAX_TEXT_CHARS`` cost, not what its every line would."""
    kept: list[str] = []
    total = 0
    for para in _paragraphs(_content_lines(lines, found)):
        if rule_for(para) is not None:
            record(para, found)
            continue
        kept.append(para)
        if len(kept) > 1 and _norm(para) != _norm(kept[0]):
            total += len(para) + 2
        if total > MAX_TEXT_CHARS:
            break
    return kept


def _content_lines(lines: Iterable[str], found: Furniture) -> Iterator[str]:
    """Each line, blanked when it is furniture; a line longer than the analysis reads
    is cut there (its tail could never be read, and no furniture rule takes so long a
    line)."""
    for line in lines:
        if len(line) > MAX_TEXT_CHARS:
            line = line[: MAX_TEXT_CHARS + 1]
        if rule_for(line) is None:
            yield line
            continue
        record(line, found)
        yield ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of a text: runs of non-blank lines, each kept verbatim."""
    return list(_paragraphs(line.rstrip() for line in text.split("\n")))


def _paragraphs(lines: Iterable[str]) -> Iterator[str]:
    current: list[str] = []
    for line in _then_blank(lines):
        if line.strip():
            current.append(line.strip() if not current else line.rstrip())
            continue
        if current:
            yield "\n".join(current)
            current = []


def _then_blank(lines: Iterable[str]) -> Iterator[str]:
    yield from lines
    yield ""


def _take_title(paragraphs: list[str], found: Furniture) -> tuple[str, list[str]]:
    if not paragraphs:
        return "", paragraphs
    first = paragraphs[0]
    looks_like_title = (
        "\n" not in first and len(first) <= _TITLE_MAX and not first.endswith((".", ":", ";"))
    )
    if not looks_like_title or len(paragraphs) == 1:
        return "", paragraphs
    rest = [p for p in paragraphs[1:] if " ".join(p.split()) != " ".join(first.split())]
    found.removed.extend(first for _ in range(len(paragraphs) - 1 - len(rest)))
    return first, rest


def _comment_block_start(lines: list[str]) -> int | None:
    """Index of the first line of the trailing comment thread, or None.

    The thread is the tail of the page where every non-blank line is a bullet line or an
    indented line, and most bullets carry text on deeper lines below them.
    """
    start: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.strip():
            continue
        if _BULLET.match(line):
            start = i
        elif not line[:1].isspace() and rule_for(line) is None:
            break
    if start is None:
        return None
    bullets = _bullets(lines[start:])
    with_body = sum(1 for b in bullets if b.body)
    return start if bullets and with_body * 2 >= len(bullets) else None


def _bullets(lines: list[str]) -> list[_Bullet]:
    out: list[_Bullet] = []
    for i, line in enumerate(lines):
        m = _BULLET.match(line)
        if m and (not out or _indent(line) <= _body_indent(out[-1]) or not out[-1].body):
            indent = len(m.group("indent").expandtabs(4))
            out.append(_Bullet(i, indent, m.group("mark"), m.group("rest").strip(), []))
        elif out and (line.strip() or out[-1].body):
            out[-1].body.append(line)
    return out


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _body_indent(b: _Bullet) -> int:
    indents = [_indent(x) for x in b.body if x.strip()]
    return min(indents) if indents else b.indent + 1


def _read_comments(lines: list[str]) -> list[Comment]:
    bullets = _bullets(lines)
    depths = _depths(bullets)
    comments: list[Comment] = []
    last_at_depth: dict[int, str] = {}
    for n, (b, depth) in enumerate(zip(bullets, depths, strict=True), start=1):
        cid = f"c{n}"
        author, text = _author_and_text(b)
        parent = last_at_depth.get(depth - 1) if depth > 0 else None
        if depth > 0 and parent is None:
            depth = 0
        comments.append(Comment(id=cid, author=author, parent=parent, depth=depth, text=text))
        last_at_depth[depth] = cid
        for deeper in [d for d in last_at_depth if d > depth]:
            del last_at_depth[deeper]
    return comments


def _depths(bullets: list[_Bullet]) -> list[int]:
    indents = sorted({b.indent for b in bullets})
    if len(indents) > 1:
        raw = [indents.index(b.indent) for b in bullets]
    else:
        raw = [_REPLY_MARKS.get(b.mark, 0) for b in bullets]
    depths: list[int] = []
    for d in raw:
        limit = depths[-1] + 1 if depths else 0
        depths.append(min(d, limit))
    return depths


def _author_and_text(b: _Bullet) -> tuple[str, str]:
    body = "\n".join(_dedent(b.body))
    paragraphs = list(_paragraphs(body.split("\n")))
    text = "\n\n".join(paragraphs)
    if not text and len(b.author) > _AUTHOR_MAX:
        return "", b.author
    return b.author, text


def _dedent(lines: list[str]) -> list[str]:
    cut = min((_indent(x) for x in lines if x.strip()), default=0)
    return [x.expandtabs(4)[cut:] for x in lines]
