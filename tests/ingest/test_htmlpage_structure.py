"""Code, navigation, specification tables and shop furniture never reach the text."""

from frontlines.ingest.htmlpage import read_html_page

PAGE = """<html><head><title>Setting up</title></head><body>
<nav><a href="/">Home</a> <a href="/attack">Attack on Titan</a></nav>
<article>
<p>This guide explains how to prepare a clean environment for a small project at home.</p>
<pre>$ pipenv shell
$ kill -9 1234</pre>
<p>Then enter <code>pipenv shell</code> and carry on with the next step of the guide.</p>
<table><tr><td>Weight</td><td>2 kg</td></tr><tr><td>Battle mode</td><td>yes</td></tr></table>
<p>The rest of the tutorial covers testing and packaging in plain words for beginners.</p>
</article>
<div class="price">19,99 EUR</div>
</body></html>"""


def test_code_navigation_tables_and_prices_are_not_text() -> None:
    page = read_html_page(PAGE)
    assert "clean environment" in page.text
    for absent in ("pipenv", "kill -9", "Battle mode", "Attack on Titan", "19,99"):
        assert absent not in page.text
    kinds = {item.split(":", 1)[0] for item in page.furniture.removed}
    assert {"code", "navigation", "specification table", "shop"} <= kinds


def test_a_page_laid_out_in_a_table_keeps_its_text() -> None:
    prose = "The club met on Saturday to plan the summer walks along the river. " * 4
    page = read_html_page(
        f"<html><head><title>Club</title></head><body><table><tr><td>Menu</td>"
        f"<td><p>{prose}</p><p>{prose}</p></td></tr></table></body></html>"
    )
    assert "summer walks" in page.text
