"""Property tests: the decoder, the date parser and the comment-tree builder."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from frontlines.errors import InputError
from frontlines.extract.attributes.dates import resolve_date
from frontlines.ingest.decode import clean_text, decode
from frontlines.ingest.html_comments import extract_comments

CHARSETS = ["utf-8", "latin-1", "cp1252", "koi8-r", "shift_jis", "rot13", "base64", "hex",
            "zlib", "uu", "utf-7", "utf-16", "idna", "undefined", "x-nope", "", "gb18030"]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(CHARSETS), st.sampled_from(["meta", "header"]))
def test_decoder_raises_only_input_errors(data: bytes, charset: str, where: str) -> None:
    head = f'<meta charset="{charset}">'.encode() if where == "meta" else b""
    header = f"text/html; charset={charset}" if where == "header" else None
    try:
        decoded = decode(head + data, "fuzz", content_type=header)
    except InputError as exc:
        assert "fuzz" in str(exc)
        return
    assert "\r" not in decoded.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500).filter(lambda t: not t.startswith("\ufeff")))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    try:
        decoded = decode(text.encode("utf-8"), "t")
    except InputError:
        return  # binary-looking control characters or BOM-less UTF-16 lookalikes
    assert decoded.text == clean_text(text) and decoded.encoding == "utf-8"


_WORDS = st.sampled_from(["yesterday", "on Monday", "in March", "March 3", "3 March 2018",
                          "last week", "two days ago", "since then", "2018-05-14", "troops",
                          "attacked", "Palmyra", "may", "0001-01-01", "9999-12-31", ","])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.dates() | st.none())
def test_dates_resolve_to_a_date_or_unknown(words: list[str], published: dt.date | None) -> None:
    found = resolve_date(" ".join(words), published)
    assert found.precision in (1, 2, 3)
    assert found.date == "" or dt.date.fromisoformat(found.date)


@st.composite
def threads(draw: st.DrawFn) -> list[tuple[int | None, str]]:
    """(parent index or None, page id) per comment, parents before children."""
    n = draw(st.integers(1, 40))
    out: list[tuple[int | None, str]] = []
    for i in range(n):
        parent = draw(st.none() | st.integers(0, i - 1)) if i else None
        out.append((parent, draw(st.sampled_from(["comment-1", "comment-2", "post-7", ""]))))
    return out


def _html(thread: list[tuple[int | None, str]]) -> str:
    def render(i: int) -> str:
        kids = [j for j, (p, _) in enumerate(thread) if p == i]
        ident = f" id='{thread[i][1]}'" if thread[i][1] else ""
        inner = "".join(render(j) for j in kids)
        return (f"<li class='comment'{ident}><div class='comment-author'>a{i}</div>"
                f"<div class='comment-content'><p>text {i}</p></div>"
                f"{'<ul class=children>' + inner + '</ul>' if kids else ''}</li>")  # fmt: skip

    roots = "".join(render(i) for i, (p, _) in enumerate(thread) if p is None)
    return f"<html><body><ol class='comment-list'>{roots}</ol></body></html>"


@settings(max_examples=150, deadline=None)
@given(threads())
def test_comment_tree_keeps_every_comment_its_parent_and_depth(
    thread: list[tuple[int | None, str]],
) -> None:
    comments = extract_comments(LexborHTMLParser(_html(thread)))
    assert sorted(c.text for c in comments) == sorted(f"text {i}" for i in range(len(thread)))
    assert len({c.id for c in comments}) == len(comments)
    by_text = {c.text: c for c in comments}
    ids = {c.id: c for c in comments}
    for i, (parent, _) in enumerate(thread):
        comment = by_text[f"text {i}"]
        assert comment.author == f"a{i}"
        if parent is None:
            assert (comment.parent, comment.depth) == (None, 0)
        else:
            assert comment.parent == by_text[f"text {parent}"].id
            assert comment.depth == ids[comment.parent].depth + 1
