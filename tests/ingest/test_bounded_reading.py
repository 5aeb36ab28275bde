"""A page far longer than the analysis reads is read only as far as it reads, and the
text kept is what reading the whole page and cutting it would give."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from frontlines.ingest import furniture, read_bytes
from frontlines.ingest.document import MAX_COMMENTS, MAX_TEXT_CHARS
from frontlines.ingest.html_budget import trim_text

SENTENCE = "Syrian troops clashed with ISIS fighters near Palmyra on Monday, killing five."


def _paras(count: int, start: int = 0) -> list[str]:
    return [f"{SENTENCE} Paragraph {i}." for i in range(start, start + count)]


def test_a_long_text_page_keeps_the_same_text_as_a_whole_read_cut_at_the_bound() -> None:
    paras = _paras(4000)  # about 360,000 characters
    page = "Clashes reported\n\nShare this:\n\n" + "\n\n".join(paras) + "\n\nRead more\n"
    [doc] = read_bytes(page.encode(), source="long.txt")
    whole = "\n\n".join(paras)
    cut = whole.rfind("\n", MAX_TEXT_CHARS // 2, MAX_TEXT_CHARS)
    assert doc.title == "Clashes reported"
    assert doc.text == whole[:cut]
    assert any("over 100,000 characters" in w for w in doc.warnings)


def test_a_long_text_page_is_not_read_past_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    rule_for = furniture.rule_for

    def counting(line: str) -> str | None:
        seen.append(line)
        return rule_for(line)

    monkeypatch.setattr("frontlines.ingest.textpage.rule_for", counting)
    page = "Clashes reported\n\n" + "\n\n".join(_paras(40_000))  # about 3.6 MB
    read_bytes(page.encode(), source="long.txt")
    assert sum(len(line) for line in seen) < 4 * MAX_TEXT_CHARS


def test_one_line_of_megabytes_is_cut_before_it_is_split_into_words() -> None:
    line = " ".join(_paras(30_000))  # one line, about 2.7 MB
    assert furniture.rule_for(line) is None
    [doc] = read_bytes(f"Clashes reported\n\n{line}\n".encode(), source="line.txt")
    assert doc.text.startswith(SENTENCE) and len(doc.text) <= MAX_TEXT_CHARS


def test_furniture_longer_than_its_rules_is_still_found_when_only_spaces_pad_it() -> None:
    assert furniture.rule_for(" " * 5000 + "Share this:" + " " * 5000) == "share"


def test_trim_text_keeps_the_first_characters_of_text_and_the_markup_around_them() -> None:
    tree = LexborHTMLParser(
        "<html><head><title>T</title></head><body><p>abc<b>def</b>ghi</p><p>jkl</p>"
        "<div><p>mno</p></div>tail</body></html>"
    )
    assert tree.body is not None
    assert trim_text(tree.body, 7)
    assert tree.body.html == "<body><p>abc<b>def</b>g</p></body>"
    assert tree.css_first("title").text() == "T"


def test_trim_text_leaves_a_page_within_the_budget_alone() -> None:
    html = "<html><body><p>abc<b>def</b>ghi</p><p>jkl</p></body></html>"
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    assert not trim_text(tree.body, 12)
    assert tree.body.html == "<body><p>abc<b>def</b>ghi</p><p>jkl</p></body>"


def test_trim_text_handles_markup_nested_thousands_deep() -> None:
    depth = 5000
    tree = LexborHTMLParser("<div>" * depth + "x" * 50 + "</div>" * depth + "<p>after</p>")
    assert tree.body is not None
    assert trim_text(tree.body, 10)
    assert tree.body.text() == "x" * 10


def test_a_long_html_page_keeps_its_first_text() -> None:
    paras = "".join(f"<p>{p}</p>" for p in _paras(6000))  # about 540,000 characters of text
    page = (
        "<!DOCTYPE html><html><head><title>Clashes reported</title>"
        '<meta property="article:published_time" content="2018-05-14"></head><body>'
        f"<article><h1>Clashes reported</h1>{paras}</article></body></html>"
    )
    [doc] = read_bytes(page.encode(), source="long.html")
    assert doc.title == "Clashes reported"
    assert doc.text.startswith(f"{SENTENCE} Paragraph 0.\n\n{SENTENCE} Paragraph 1.")
    assert len(doc.text) > MAX_TEXT_CHARS // 2
    assert doc.published is not None and doc.published.year == 2018


def test_a_huge_thread_is_read_to_the_comments_kept_and_counted_whole() -> None:
    one = (
        "<li class='comment' id='comment-{i}'><div class='comment-author'>User {i}</div>"
        "<div class='comment-content'><p>Comment number {i}.</p></div></li>"
    )
    thread = "".join(one.format(i=i) for i in range(MAX_COMMENTS + 200))
    page = (
        f"<html><head><title>T</title></head><body><article><p>{SENTENCE}</p></article>"
        f"<ol class='comment-list'>{thread}</ol></body></html>"
    )
    [doc] = read_bytes(page.encode(), source="thread.html")
    assert len(doc.comments) == MAX_COMMENTS
    assert doc.comments[-1].text == f"Comment number {MAX_COMMENTS - 1}."
    assert any(f"{MAX_COMMENTS + 200:,} comments" in w for w in doc.warnings), doc.warnings
