"""Markup past a page's node budget is read as its text (``html_text``)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from frontlines.ingest.html_text import as_text


def test_tags_become_spaces_and_the_text_is_kept() -> None:
    assert as_text("<b id='1'>Palmyra</b><a href='/t/2'>Raqqa</a>") == " Palmyra  Raqqa "
    assert as_text("<p title='a\"b'>x &amp; y</p>") == " x &amp; y "


def test_scripts_styles_and_comments_are_left_out_with_their_contents() -> None:
    markup = "a<SCRIPT>x('<p>')</script >b<Style>p{}</STYLE>c<!-- <p>d</p> -->e<!DOCTYPE x>f"
    assert as_text(markup).split() == ["a", "b", "c", "e", "f"]


def test_a_comment_or_raw_element_never_ended_takes_the_rest() -> None:
    assert as_text("a<!-- b <p>c</p>").split() == ["a"]
    assert as_text("a<!-- b --> c <!-- d <p>e").split() == ["a", "c"]
    assert as_text("a<script>if (x < y) {}<p>z").split() == ["a"]
    assert as_text("a<script>1</script>b<script>2").split() == ["a", "b"]


def test_what_is_left_opens_no_markup() -> None:
    for markup in ("1 < 2 <3 <", "<a <b <c", "x</", "<p <!-- >", "a<\tb"):
        text = as_text(markup)
        tree = LexborHTMLParser(f"<html><body><div>{text}</div></body></html>")
        div = tree.css_first("div")
        assert div is not None and div.child is not None and div.child.is_text_node, markup
        assert div.child.next is None, markup


def test_hostile_floods_are_read_in_one_pass() -> None:
    # thousands of unclosed openings: each is looked at once (no rescans to the end)
    assert as_text("<script>" * 20_000) == ""
    assert as_text("<!--" * 20_000) == ""
    assert as_text("<a title='>" * 20_000).count("&lt;") == 0
    assert as_text("<a" * 20_000) == "&lt;a" * 20_000
