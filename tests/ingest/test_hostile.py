"""Pages built to break a reader: codec tricks, year-1 dates, deep threads, huge lines."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from frontlines.extract import split_sentences
from frontlines.ingest import read_bytes
from frontlines.ingest.decode import decode
from frontlines.ingest.document import MAX_COMMENTS, MAX_TEXT_CHARS, make_document
from frontlines.longtext import MAX_SENTENCE

BODY = "<p>Syrian troops clashed with ISIS fighters near Palmyra on Monday, killing five.</p>"
NOT_TEXT = ["rot13", "rot-13", "base64", "hex", "zlib", "uu", "bz2", "quopri", "idna", "utf-7",
            "undefined", "punycode", "x-no-such-charset"]  # fmt: skip


def _page(head: str, body: str = BODY) -> bytes:
    return f"<html><head>{head}<title>T</title></head><body><article>{body}</article></body></html>".encode()


@pytest.mark.parametrize("name", NOT_TEXT)
def test_a_codec_that_is_not_a_text_encoding_is_ignored_with_a_warning(name: str) -> None:
    for head, content_type in (
        (f'<meta charset="{name}">', None),
        (f'<meta http-equiv="Content-Type" content="text/html; charset={name}">', None),
        ("", f"text/html; charset={name}"),
    ):
        [doc] = read_bytes(_page(head), source="trick.html", content_type=content_type)
        assert "Palmyra" in doc.text
        assert any(repr(name) in w and "ignored" in w for w in doc.warnings), doc.warnings
    decoded = decode(f'<?xml version="1.0" encoding="{name}"?><rss/>'.encode(), "f.xml")
    assert decoded.encoding == "utf-8"


def test_bom_beats_the_declaration_and_the_declaration_beats_detection() -> None:
    text = "<meta charset='iso-8859-1'><p>caf\u00e9 \u0627\u0644\u0631\u0642\u0629</p>"
    assert decode(b"\xef\xbb\xbf" + text.encode(), "a").text.endswith("\u0631\u0642\u0629</p>")
    latin = "<meta charset='koi8-r'><p>\u0412\u043e\u0439\u043d\u0430</p>".encode("koi8-r")
    assert decode(latin, "b").encoding == "koi8-r"


def test_undeclared_legacy_text_is_detected_and_named_in_a_warning() -> None:
    data = (
        "Headline\n\n" + "\u0412\u043e\u0439\u0441\u043a\u0430 \u0432\u043e\u0448\u043b\u0438 "
        "\u0432 \u0433\u043e\u0440\u043e\u0434 \u041f\u0430\u043b\u044c\u043c\u0438\u0440\u0430. "
        * 20
    )
    decoded = decode(data.encode("cp1251"), "ru.txt")
    assert "\u041f\u0430\u043b\u044c\u043c\u0438\u0440\u0430" in decoded.text
    assert decoded.warnings and "not valid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_implausible_page_dates_are_unknown_with_a_warning(value: str) -> None:
    head = f'<meta property="article:published_time" content="{value}">'
    [doc] = read_bytes(_page(head), source="old.html")
    assert doc.published is None and any("outside 1900" in w for w in doc.warnings)


def test_implausible_published_argument_is_unknown_too() -> None:
    [doc] = read_bytes(_page(""), source="p.html", published=dt.date(1, 1, 1))
    assert doc.published is None and any("--published" in w for w in doc.warnings)


def test_year_one_feed_date_is_unknown() -> None:
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>I"
            "</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate><description>Troops "
            "clashed near Palmyra.</description></item></channel></rss>")  # fmt: skip
    docs = read_bytes(feed.encode(), source="feed.xml")
    assert all(d.published is None or d.published.year >= 1900 for d in docs)


def test_deep_thread_with_one_repeated_id_keeps_every_comment_in_order() -> None:
    depth = 200  # 400 elements deep: within html_depth.MAX_DEPTH
    opening = ("<li class='comment' id='comment-1'><div class='comment-author'>Rob</div>"
               "<div class='comment-content'><p>Aleppo is next.</p></div><ul class='children'>")  # fmt: skip
    thread = "<ol class='comment-list'>" + opening * depth + "</ul></li>" * depth + "</ol>"
    [doc] = read_bytes(_page("", BODY + f"<div id='comments'>{thread}</div>"), source="deep.html")
    comments = doc.comments
    assert len(comments) == depth and len({c.id for c in comments}) == depth
    assert comments[0].id == "comment-1" and comments[1].id == "comment-1-2"
    assert [c.depth for c in comments] == list(range(depth))
    assert all(c.parent == p.id for p, c in pairwise(comments))
    assert all(c.text == "Aleppo is next." and c.author == "Rob" for c in comments)


def test_unpunctuated_text_is_cut_into_bounded_sentences() -> None:
    text = "Aleppo " * 20_000
    spans = split_sentences(text)
    assert max(s.end - s.start for s in spans) <= MAX_SENTENCE
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert "".join(s.text for s in spans).replace(" ", "") == text.replace(" ", "")


def test_overlong_text_and_threads_are_bounded_with_warnings() -> None:
    from frontlines.records import Comment

    comments = [Comment(f"c{i}", "Rob", None, 0, "x" * 10) for i in range(MAX_COMMENTS + 5)]
    doc = make_document(source="big.txt", title="T", text="word\n" * MAX_TEXT_CHARS,
                        kind="text", comments=comments)  # fmt: skip
    assert len(doc.text) <= MAX_TEXT_CHARS and len(doc.comments) == MAX_COMMENTS
    assert sum("only" in w for w in doc.warnings) == 2


def test_text_without_sentence_ends_is_read_only_to_its_first_unbroken_run() -> None:
    from frontlines.ingest.document import MAX_UNBROKEN_CHARS

    words = " ".join(["army", "town", "near", "Raqqa"] * 60_000)  # 200,000 words, no full stop
    [doc] = read_bytes(f"Untitled\n\nSome lead sentence.\n\n{words}\n".encode(), source="u.txt")
    assert len(doc.text) <= len("Some lead sentence.\n\n") + MAX_UNBROKEN_CHARS
    assert doc.text.startswith("Some lead sentence.\n\narmy town near Raqqa")
    assert not doc.text.endswith(" ")
    assert any("without a sentence end" in w for w in doc.warnings), doc.warnings


def test_ordinary_long_text_is_not_cut_as_unbroken() -> None:
    sentence = "Syrian troops clashed with ISIS fighters near Palmyra on Monday. "
    text = sentence * 500 + "\n" + ("word " * 1_900 + "\n") * 5  # lines of 9,500 characters
    doc = make_document(source="t.txt", title="T", text=text, kind="text")
    assert doc.text == text
    assert not any("without a sentence end" in w for w in doc.warnings)


def test_a_thread_nested_thousands_deep_is_read_only_to_the_depth_browsers_build() -> None:
    from frontlines.ingest.html_depth import MAX_DEPTH

    depth = 8000  # each comment its own id: no copies to collapse (``html_runs``)
    opening = ("<li class='comment' id='comment-{i}'><div class='comment-author'>Rob</div>"
               "<div class='comment-content'><p>Aleppo is next.</p></div><ul class='children'>")  # fmt: skip
    openings = "".join(opening.format(i=i) for i in range(depth))
    thread = "<ol class='comment-list'>" + openings + "</ul></li>" * depth + "</ol>"
    [doc] = read_bytes(_page("", BODY + f"<div id='comments'>{thread}</div>"), source="deep.html")
    assert doc.text.startswith("Syrian troops clashed with ISIS fighters near Palmyra")
    assert MAX_DEPTH // 2 - 10 < len(doc.comments) < MAX_DEPTH // 2
    assert not any("in a row" in w for w in doc.warnings), doc.warnings
    assert any(f"deeper than {MAX_DEPTH} elements" in w for w in doc.warnings), doc.warnings


def test_a_thread_of_one_comment_copied_thousands_deep_is_read_to_its_first_copies() -> None:
    from frontlines.ingest.html_runs import KEEP

    opening = ("<li class='comment' id='comment-1'><div class='comment-author'>Rob</div>"
               "<div class='comment-content'><p>Aleppo is next.</p></div><ul class='children'>")  # fmt: skip
    thread = "<ol class='comment-list'>" + opening * 8000 + "</ul></li>" * 8000 + "</ol>"
    [doc] = read_bytes(_page("", BODY + f"<div id='comments'>{thread}</div>"), source="deep.html")
    assert doc.text.startswith("Syrian troops clashed with ISIS fighters near Palmyra")
    assert len(doc.comments) == KEEP
    assert any(f"{8000 - KEEP:,} copies of markup" in w for w in doc.warnings), doc.warnings
