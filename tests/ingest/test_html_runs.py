"""Markup repeated back to back is read only ``KEEP`` times (``html_runs``)."""

from __future__ import annotations

import pytest

from frontlines.ingest import read_bytes
from frontlines.ingest.html_runs import KEEP, LONGEST_REAL_RUN, collapse_runs
from tests.conftest import SAMPLES, shared_path

TEXT = "Syrian troops clashed with ISIS fighters near Palmyra on Monday."


def _page(flood: str) -> str:
    return (f"<html><head><title>T</title></head><body><article><p>{TEXT}</p>{flood}"
            "<h2>Read after the run.</h2></article></body></html>")  # fmt: skip


@pytest.mark.parametrize(
    "unit", ["<p>", "<br>", "<b></b>", "<i>x</i>", "<a href='#'>Palmyra</a>",
             "<div><div>Raqqa</div></div>", "<li><a href='/a'>Tag</a></li>\n"],
)  # fmt: skip
def test_copies_past_the_kept_ones_are_left_out(unit: str) -> None:
    html = _page(unit * 5_000)
    out, dropped = collapse_runs(html, keep=50)
    assert dropped == 5_000 - 50
    assert out == _page(unit * 50)


def test_runs_up_to_keep_copies_and_varied_markup_are_kept_as_they_are() -> None:
    html = _page(
        "<a href='#'>Palmyra</a>" * 50 + "".join(f"<b id='{i}'>x</b>" for i in range(9_000))
    )
    assert collapse_runs(html, keep=50) == (html, 0)
    runs_of_keep = "".join(f"<i id='{j}'>" + "<b>x</b>" * 50 for j in range(100))
    assert collapse_runs(_page(runs_of_keep), keep=50) == (_page(runs_of_keep), 0)
    assert collapse_runs(_page("<p>" * 51), keep=50) == (_page("<p>" * 50), 1)


def test_each_run_is_collapsed_on_its_own() -> None:
    html = _page("<br>" * 300 + "<p>Between.</p>" + "<a href='#'>Hajin</a>" * 300 + "<br>" * 300)
    out, dropped = collapse_runs(html, keep=10)
    expected = "<br>" * 10 + "<p>Between.</p>" + "<a href='#'>Hajin</a>" * 10 + "<br>" * 10
    assert (out, dropped) == (_page(expected), 870)


def test_a_page_of_forty_thousand_copied_links_is_read_with_its_article() -> None:
    html = _page("<a href='#'>Palmyra</a>" * 41_000)
    [doc] = read_bytes(html.encode(), source="links.html")
    assert doc.text.startswith(TEXT)
    assert doc.text.endswith("Read after the run.")
    assert doc.text.count("Palmyra") <= KEEP + 1
    assert any(f"{41_000 - KEEP:,} copies of markup" in w for w in doc.warnings), doc.warnings


def test_real_pages_never_come_near_the_kept_copies() -> None:
    pages = sorted(shared_path("eval", "precision", "web_pages").glob("*.htm*"))
    assert len(pages) >= 100
    pages += sorted(SAMPLES.glob("*.htm*"))
    for page in pages:
        html = page.read_bytes().decode("utf-8", "replace")
        assert collapse_runs(html, keep=LONGEST_REAL_RUN) == (html, 0), page.name
    assert KEEP >= 20 * LONGEST_REAL_RUN


def test_the_costly_readers_get_only_the_kept_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.ingest import htmlpage

    handed: list[int] = []
    real = htmlpage._trafilatura

    def spy(markup: str, url: str | None) -> dict[str, object]:
        handed.append(len(markup))
        return real(markup, url)

    monkeypatch.setattr(htmlpage, "_trafilatura", spy)
    page = htmlpage.read_html_page(_page("<a href='#'>Palmyra</a>" * 41_000))  # 1 MB
    assert page.text.startswith(TEXT)
    assert handed and handed[0] < 2 * KEEP * len("<a href='#'>Palmyra</a>")
