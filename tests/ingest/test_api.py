"""The public API of frontlines.ingest is pinned; ids ignore furniture and whitespace."""

from __future__ import annotations

import frontlines.ingest as ingest
from frontlines.ingest import read_bytes
from frontlines.ingest.furniture import rule_for

BODY = "Clashes near Hajin\n\nOn Monday, the SDF clashed with ISIS near Hajin.\n\nBoth sides lost men.\n"


def test_public_api() -> None:
    assert sorted(ingest.__all__) == sorted(
        [
            "FetchResult",
            "Fetcher",
            "HttpFetcher",
            "MemoryFetcher",
            "archive_kind",
            "iter_documents",
            "load",
            "read_bytes",
        ]
    )


def test_same_page_other_furniture_same_id() -> None:
    [plain] = read_bytes(BODY.encode(), source="a.txt")
    noisy = (
        "0 $\n4,700 $\n\n"
        + BODY
        + "\nDo you like this content? Consider helping us!\n\nShare this:\n"
    )
    [with_furniture] = read_bytes(noisy.encode(), source="b.txt")
    assert plain.text == with_furniture.text
    assert plain.id == with_furniture.id
    assert "Share this:" in with_furniture.furniture and plain.furniture == []


def test_id_changes_with_content() -> None:
    [a] = read_bytes(BODY.encode(), source="a.txt")
    [b] = read_bytes(BODY.replace("Monday", "Tuesday").encode(), source="a.txt")
    assert a.id != b.id


def test_flat_comment_marks_give_depth() -> None:
    page = BODY + "\n• Ann\n  First!\n◦ Bob\n  Reply to Ann.\n• Cy\n  Another.\n"
    [doc] = read_bytes(page.encode(), source="c.txt")
    assert [(c.author, c.parent, c.depth) for c in doc.comments] == [
        ("Ann", None, 0),
        ("Bob", "c1", 1),
        ("Cy", None, 0),
    ]
    assert "First!" not in doc.text


def test_article_bullet_list_is_not_a_thread() -> None:
    page = BODY + "\n• Hajin\n• As Susah\n• Baghuz\n"
    [doc] = read_bytes(page.encode(), source="d.txt")
    assert doc.comments == []
    assert "• As Susah" in doc.text


def test_furniture_rules_leave_prose_alone() -> None:
    for prose in (
        "Related to this, the SAA advanced.",
        "The SAA raised its flag over 3 villages.",
        "Support for the SDF grew among locals after the battle ended.",
        "Help arrived.",
    ):
        assert rule_for(prose) is None, prose
    for junk in ("$ 1,000", "€ 250", "924 $ raised of 4,700 $ goal", "Follow us on Telegram",
                 "Share this:", "Subscribe", "Read more: ISIS attacks Palmyra"):  # fmt: skip
        assert rule_for(junk) is not None, junk
