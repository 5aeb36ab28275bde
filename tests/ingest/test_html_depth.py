"""How deep markup nests, counted before it is parsed (``html_depth``)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from frontlines.ingest import read_bytes
from frontlines.ingest.html_depth import MAX_ELEMENTS, depth_cut, drop_empty, markup_cut


def test_nesting_past_the_limit_is_cut_at_the_tag_that_reaches_it() -> None:
    html = "<html><body>" + "<div>" * 20 + "x" + "</div>" * 20 + "</body></html>"
    cut = depth_cut(html, limit=10)
    assert cut == html.index("<div>") + 7 * len("<div>")  # html, body, 7 divs; the 8th is 10th
    assert depth_cut(html, limit=30) is None


def test_closed_void_sibling_and_raw_elements_do_not_deepen() -> None:
    items = "<li>one<li>two<p>a<p>b<br><img src=x><hr>" * 50
    raw = "<script>" + "<div>" * 100 + "</script><style>" + "<div>" * 100 + "</style>"
    comment = "<!--" + "<div>" * 100 + "-->"
    balanced = "<div><span>x</span></div>" * 100
    html = f"<html><body><ul>{items}</ul>{raw}{comment}{balanced}</body></html>"
    assert depth_cut(html, limit=8) is None


def test_an_end_tag_closes_what_was_opened_after_its_element() -> None:
    unclosed_inside = "<div>" + "<span>" * 5 + "</div>"  # the spans close with the div
    assert depth_cut(unclosed_inside * 100, limit=8) is None
    stray = "</b>" * 1000 + "<div>" * 3
    assert depth_cut(stray, limit=3) == stray.index("<div>") + 2 * len("<div>")


def test_empty_elements_are_dropped_only_by_the_ten_thousand() -> None:
    html = (
        "<html><body><p>Kept text.</p>"
        + "<p></p><span></span>" * 10
        + "<br><img src=x></body></html>"
    )
    few = LexborHTMLParser(html)
    assert drop_empty(few, limit=100) == 0 and few.html == LexborHTMLParser(html).html
    many = LexborHTMLParser(html)
    assert drop_empty(many, limit=10) == 20
    assert many.body is not None
    assert many.body.html == '<body><p>Kept text.</p><br><img src="x"></body>'


def test_a_page_of_forty_thousand_empty_paragraphs_is_read_without_them() -> None:
    empty = "".join(f"<p id='p{i}'>" for i in range(40_000))  # not copies (``html_runs``)
    page = ("<html><head><title>T</title></head><body>" + empty
            + "<p>Syrian troops clashed with ISIS fighters near Palmyra on Monday.</p>"
            + "</p>" * 40_000 + "</body></html>")  # fmt: skip
    [doc] = read_bytes(page.encode(), source="empty.html")
    assert doc.text == "Syrian troops clashed with ISIS fighters near Palmyra on Monday."
    assert any("empty elements were left out" in w for w in doc.warnings), doc.warnings


def test_a_page_is_read_up_to_its_element_budget() -> None:
    html = "<html><body>" + "<p>x" * 20 + "<b>y</b>" * 20 + "</body></html>"
    cut = markup_cut(html, depth=512, elements=30)  # html, body, 20 p, 8 b
    assert cut == (html.index("<b>") + 8 * len("<b>y</b>"), "elements")
    assert markup_cut(html, depth=512, elements=42) is None
    assert markup_cut("<div>" * 40, depth=10, elements=30) == (9 * len("<div>"), "depth")
    assert markup_cut(html, depth=512, elements=None) is None


def test_a_flood_of_elements_is_read_only_to_the_budget_with_a_warning() -> None:
    text = "Syrian troops clashed with ISIS fighters near Palmyra on Monday."
    page = (f"<html><head><title>T</title></head><body><article><p>{text}</p></article>"
            + "".join(f"<b id='b{i}'></b>" for i in range(MAX_ELEMENTS + 10))
            + "<p>Never read.</p></body></html>")  # fmt: skip
    [doc] = read_bytes(page.encode(), source="flood.html")
    assert doc.text == text
    assert any(f"over {MAX_ELEMENTS:,} elements" in w for w in doc.warnings), doc.warnings
