"""How deep markup nests, counted before it is parsed (``html_depth``)."""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

from frontlines.ingest import html_depth, read_bytes
from frontlines.ingest.html_depth import (
    BYTES_PER_NODE,
    MAX_NODES,
    MIN_NODES,
    depth_cut,
    drop_empty,
    markup_cut,
    node_budget,
)


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


def test_a_page_of_forty_thousand_empty_paragraphs_is_read_without_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_depth, "MIN_NODES", 100_000)  # a budget this page stays within
    empty = "".join(f"<p id='p{i}'>" for i in range(40_000))  # not copies (``html_runs``)
    page = ("<html><head><title>T</title></head><body>" + empty
            + "<p>Syrian troops clashed with ISIS fighters near Palmyra on Monday.</p>"
            + "</p>" * 40_000 + "</body></html>")  # fmt: skip
    [doc] = read_bytes(page.encode(), source="empty.html")
    assert doc.text == "Syrian troops clashed with ISIS fighters near Palmyra on Monday."
    assert any("empty elements were left out" in w for w in doc.warnings), doc.warnings


def test_a_page_is_read_as_markup_up_to_its_node_budget() -> None:
    html = "<html><body>" + "<p>x" * 20 + "<b>y</b>" * 20 + "</body></html>"
    cut = markup_cut(html, depth=512, nodes=30)  # html, body, 20 p, 8 b
    assert cut == (html.index("<b>") + 8 * len("<b>y</b>"), "nodes")
    assert markup_cut(html, depth=512, nodes=42) is None
    assert markup_cut("<div>" * 40, depth=10, nodes=30) == (9 * len("<div>"), "depth")
    assert markup_cut(html, depth=512, nodes=None) is None


def test_attributes_and_comments_count_as_nodes() -> None:
    unit = "<b id='1' class=\"a>b\" hidden>y</b><!-- c -->"
    html = "<html><body>" + unit * 10 + "</body></html>"
    # html, body, then 5 nodes a copy: the element, 3 attributes, the comment
    assert markup_cut(html, depth=512, nodes=2 + 5 * 3) == (12 + 3 * len(unit), "nodes")
    assert markup_cut(html, depth=512, nodes=52) is None
    one_tag = "<p " + " ".join(f"a{i}" for i in range(5_000)) + ">x</p>"
    assert markup_cut(one_tag, depth=512, nodes=1_000) == (0, "nodes")


def test_the_node_budget_grows_with_the_page_past_its_floor() -> None:
    assert node_budget(1_000) == node_budget(MIN_NODES * BYTES_PER_NODE) == MIN_NODES
    assert node_budget(3_000_000) == 3_000_000 // BYTES_PER_NODE
    assert node_budget(10_000_000) == MAX_NODES


def test_a_flood_of_elements_is_read_as_text_past_the_budget_with_a_warning() -> None:
    text = "Syrian troops clashed with ISIS fighters near Palmyra on Monday."
    last = MIN_NODES // 2 + 10  # an element and an attribute each: past the budget
    rng = random.Random(3)  # names at random: no run of one shape (``html_shapes``)
    names = [rng.choice(("b", "i", "u", "em", "span", "small")) for _ in range(last)]
    flood = "".join(f"<{n} id='b{i}'>w{i}. </{n}>" for i, n in enumerate(names))
    page = (f"<html><head><title>T</title></head><body><article><p>{text}</p>{flood}"
            "<p>Read as text.</p><script>never();</script></article></body></html>")  # fmt: skip
    [doc] = read_bytes(page.encode(), source="flood.html")
    assert doc.text.startswith(text)
    assert f"w{last - 1}." in doc.text and doc.text.endswith("Read as text.")
    assert "never" not in doc.text
    assert any(f"over {MIN_NODES:,} elements, attributes and comments" in w
               for w in doc.warnings), doc.warnings  # fmt: skip
