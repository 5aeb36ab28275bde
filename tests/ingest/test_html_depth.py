"""How deep markup nests, counted before it is parsed (``html_depth``)."""

from __future__ import annotations

from frontlines.ingest.html_depth import depth_cut


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
