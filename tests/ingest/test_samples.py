"""Golden tests for the bundled sample pages (frontlines/data/samples)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontlines.ingest import load
from frontlines.records import Document

SAMPLES = Path(__file__).resolve().parents[2] / "frontlines" / "data" / "samples"


def _one(name: str) -> Document:
    [doc] = load(SAMPLES / name)
    return doc


@pytest.fixture(scope="module")
def wordpress() -> Document:
    return _one("sdf_hajin_wordpress.html")


@pytest.fixture(scope="module")
def disqus() -> Document:
    return _one("saa_sukhnah_disqus.html")


@pytest.fixture(scope="module")
def iraq() -> Document:
    return _one("iraq_qaim_liberation.html")


def test_wordpress_metadata(wordpress: Document) -> None:
    assert wordpress.kind == "html"
    assert wordpress.title == "SDF Captures Hajin From ISIS After Weeks Of Heavy Clashes"
    assert wordpress.published == dt.date(2018, 12, 15)
    assert wordpress.published_from == "metadata"
    assert wordpress.outlet == "Euphrates Frontline"
    assert wordpress.url == "https://euphrates-frontline.example/2018/12/15/sdf-captures-hajin/"
    assert wordpress.warnings == []


def test_wordpress_text_and_furniture(wordpress: Document) -> None:
    text = wordpress.text
    assert text.startswith(
        "On Friday, the Syrian Democratic Forces (SDF) captured the town of Hajin"
    )
    assert len(text.split("\n\n")) == 5
    for junk in ("$", "Donate", "Share this", "Consider helping us", "Related articles",
                 "cookies", "Follow us", "Leave a Reply", "full-size map"):  # fmt: skip
        assert junk not in text
    assert "Do you like this content? Consider helping us!" in wordpress.furniture
    assert wordpress.map_images == [
        "https://euphrates-frontline.example/wp-content/uploads/2018/12/hajin-map-15-12-2018.jpg"
    ]


def test_wordpress_comments(wordpress: Document) -> None:
    got = [(c.id, c.author, c.parent, c.depth) for c in wordpress.comments]
    assert got == [
        ("comment-9101", "Euphrates Watcher", None, 0),
        ("comment-9102", "Kobani Kid", "comment-9101", 1),
        ("comment-9103", "Euphrates Watcher", "comment-9102", 2),
        ("comment-9104", "script_kiddie", None, 0),
        ("comment-9105", "Deirezzor24 fan", None, 0),
        ("comment-9106", "Kobani Kid", "comment-9105", 1),
    ]
    first = wordpress.comments[0]
    assert first.published == "2018-12-15T10:12"
    assert (
        first.text
        == "Finally. Hajin took far longer than anyone expected.\n\nThe tunnels there were a nightmare."
    )
    for comment in wordpress.comments:
        assert comment.text not in wordpress.text


def test_xss_payload_is_kept_as_text(wordpress: Document) -> None:
    xss = wordpress.comments[3].text
    assert "<script>window.__xss=1</script>" in xss
    assert "<img src=x onerror=alert(1)>" in xss
    assert "__xss" not in wordpress.text


def test_disqus(disqus: Document) -> None:
    assert disqus.title == "Syrian Army Takes Full Control Of As Sukhnah From ISIS"
    assert disqus.published == dt.date(2017, 8, 13)
    assert disqus.outlet == "Desert Front News"
    got = [(c.id, c.author, c.parent, c.depth, c.published) for c in disqus.comments]
    assert got == [
        ("post-3391001", "Palmyra Watch", None, 0, "2017-08-13T17:10"),
        ("post-3391002", "HomsBoy", "post-3391001", 1, "2017-08-13T17:32"),
        ("post-3391005", "Tiger Fan", None, 0, "2017-08-13T18:01"),
    ]
    assert "took full control of the town of As Sukhnah" in disqus.text
    for junk in ("cookies", "Patreon", "Read more", "road to Deir ez-Zor is open", "Facebook"):
        assert junk not in disqus.text
    assert "Support us on Patreon" in disqus.furniture


def test_iraq(iraq: Document) -> None:
    assert iraq.title == "Iraqi Forces Liberate Al-Qa'im From ISIS"
    assert iraq.published == dt.date(2017, 11, 4)
    assert iraq.comments == []
    assert iraq.map_images == ["/images/maps/western-anbar-2017-11-04.png"]
    assert iraq.text.startswith("On Friday, the Iraqi Security Forces (ISF)")
    for junk in ("Subscribe", "Share on", "Related", "Follow us", "full-size map"):
        assert junk not in iraq.text


def test_feed() -> None:
    docs = load(SAMPLES / "sample_feed.xml")
    assert [d.kind for d in docs] == ["feed-item", "feed-item"]
    assert [d.title for d in docs] == [
        "Iraqi Army And PMF Capture Tal Afar City Center",
        "SDF Clashes With ISIS Near Hajin",
    ]
    assert [d.published for d in docs] == [dt.date(2017, 8, 27), dt.date(2018, 11, 20)]
    assert docs[0].url == "https://levant-front-wire.example/2017/08/27/tal-afar-center/"
    assert docs[0].outlet == "Levant Front Wire"
    assert docs[0].text.startswith(
        "On Saturday, the Iraqi Army and the Popular Mobilization Forces"
    )
    assert "<p>" not in docs[0].text and "Share this" not in docs[0].text
    assert "Consider helping us" not in docs[1].text
    assert docs[0].id != docs[1].id


def test_published_argument_wins(iraq: Document) -> None:
    [doc] = load(SAMPLES / "iraq_qaim_liberation.html", published=dt.date(2017, 11, 5))
    assert doc.published == dt.date(2017, 11, 5) and doc.published_from == "argument"
    assert doc.id == iraq.id
