"""Dense markup alike up to attributes and text is read as text past ``KEEP`` copies in
a row (``html_shapes``), on pages over their node budget only."""

from __future__ import annotations

import random
import re

import pytest

from frontlines.ingest import read_bytes
from frontlines.ingest.html_depth import markup_cut, node_budget
from frontlines.ingest.html_shapes import collapse_shapes
from tests.conftest import SAMPLES, shared_path

TEXT = "Syrian troops clashed with ISIS fighters near Palmyra on Monday."


TAIL = "<h2>Read after the run.</h2></article></body></html>"


def _page(flood: str) -> str:
    return f"<html><head><title>T</title></head><body><article><p>{TEXT}</p>{flood}{TAIL}"


@pytest.mark.parametrize(
    "unit",
    ["<b id='{i}'>x</b>", "<li><a href='/t/{i}'>Tag {i}</a></li>\n",
     "<table><tr><td>{i}</td><td>Raqqa</td></tr></table>", "<a href='#{i}'>Palmyra {i}</a>",
     "<div class='c{i}'><div>Hajin</div></div>"],
)  # fmt: skip
def test_copies_past_the_kept_ones_are_read_as_their_text(unit: str) -> None:
    copies = [unit.format(i=i) for i in range(3_000)]
    page = _page("".join(copies))
    out, alike = collapse_shapes(page, keep=50)
    assert 3_000 - 55 <= alike <= 3_000 - 50  # found within a few copies of its start
    assert out.startswith(_page("".join(copies[:50]))[: -len(TAIL)]) and out.endswith(TAIL)
    assert _words(out) == _words(page)  # the text, all of it, in order
    assert out.count("<") <= _page("".join(copies[:60])).count("<")


def _words(markup: str) -> list[str]:
    return re.sub(r"<[^>]*>", " ", markup).split()


def test_prose_short_runs_and_varied_markup_are_kept_as_they_are() -> None:
    prose = f"{TEXT} Paragraph {{i}} tells of it at length, as reports do. {TEXT}"
    paragraphs = "".join(f"<p id='p{i}'>{prose.format(i=i)}</p>" for i in range(500))
    assert collapse_shapes(_page(paragraphs), keep=50) == (_page(paragraphs), 0)
    short = "".join("".join(f"<b id={i}>x</b>" for i in range(50)) + "<i>y</i>" for _ in range(40))
    assert collapse_shapes(_page(short), keep=50) == (_page(short), 0)
    rng = random.Random(5)
    names = [rng.choice(("b", "i", "u", "em", "span", "small")) for _ in range(3_000)]
    varied = "".join(f"<{name}>{i}</{name}>" for i, name in enumerate(names))
    assert collapse_shapes(_page(varied), keep=50) == (_page(varied), 0)


def test_a_page_of_varied_links_is_read_with_its_article_and_a_warning() -> None:
    html = _page("".join(f"<a href='/t/{i}'>Palmyra {i}</a> " for i in range(41_000)))
    [doc] = read_bytes(html.encode(), source="links.html")
    assert doc.text.startswith(f"{TEXT}\n\nPalmyra 0 Palmyra 1 ")
    assert any("copies of markup alike up to its attributes and text" in w
               for w in doc.warnings), doc.warnings  # fmt: skip


def test_real_pages_stay_within_their_node_budget() -> None:
    """Shapes are collapsed and markup read as text only past a page's node budget."""
    pages = sorted(shared_path("eval", "precision", "web_pages").glob("*.htm*"))
    assert len(pages) >= 100
    pages += sorted(SAMPLES.glob("*.htm*"))
    for page in pages:
        html = page.read_bytes().decode("utf-8", "replace")
        assert markup_cut(html, nodes=node_budget(len(html))) is None, page.name


def test_no_run_is_looked_for_past_the_stop_until_one_is_found() -> None:
    flood = "".join(f"<b id='{i}'>x</b>" for i in range(1_000))
    page = _page(flood)
    assert collapse_shapes(page, keep=50, stop=page.index("<b id")) == (page, 0)
    assert collapse_shapes(page, keep=50, stop=page.index("<b id='100'"))[1] > 900
