"""Archive fixtures written by the tests themselves (texts made up for this suite):
a WARC.gz crawl, a JSON Lines dump and a Telegram Desktop export."""

from __future__ import annotations

import io
import json
from pathlib import Path

ARTICLES = [
    (
        "Syrian army retakes villages near Palmyra",
        "On Tuesday, Syrian government forces captured three villages east of Palmyra from "
        "Islamic State fighters after two days of clashes, a military source said. Four "
        "soldiers were killed in the fighting.",
    ),
    (
        "Shelling hits market in Idlib",
        "Artillery shells fired by government forces struck a crowded market in the town of "
        "Saraqib in Idlib province on Monday, killing six civilians and wounding twenty, "
        "local rescuers said.",
    ),
    (
        "Protest in Sulaymaniyah over unpaid salaries",
        "Hundreds of teachers protested peacefully in Sulaymaniyah on Sunday, demanding that "
        "the regional government pay salaries that are three months late.",
    ),
    (
        "Airstrike near Deir ez-Zor",
        "Coalition aircraft struck Islamic State positions near the town of Hajin in Deir "
        "ez-Zor province on Wednesday, the Syrian Democratic Forces said.",
    ),
    (
        "Football club wins the cup",
        "The home side won the cup final on Saturday with a late goal, and the fans celebrated "
        "in the streets of the old city until midnight.",
    ),
]


def html_page(title: str, text: str, date: str | None = None) -> str:
    meta = f'<meta name="date" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright the Example Wire. All rights reserved.</footer></body></html>"
    )


def write_warc(path: Path, articles: list[tuple[str, str]] = ARTICLES) -> list[str]:
    """A gzipped WARC with a request, a redirect and an image beside one HTML response
    per article (the first page dated in its metadata); returns the article URIs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uris = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for n, (title, text) in enumerate(articles):
            uri = f"https://wire.example/news/{n}"
            uris.append(uri)
            date = "2018-05-13" if n == 0 else None
            _record(writer, uri, "200 OK", "text/html; charset=utf-8",
                    html_page(title, text, date).encode("utf-8"), f"2018-05-{14 + n:02d}T08:00:00Z")  # fmt: skip
        _record(writer, "https://wire.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n",
                "2018-05-14T08:00:00Z")  # fmt: skip
        _record(writer, "https://wire.example/old", "301 Moved Permanently", "text/html",
                b"<html>moved</html>", "2018-05-14T08:00:00Z")  # fmt: skip
        request = StatusAndHeaders("GET /news/0 HTTP/1.1", [("Host", "wire.example")],
                                   is_http_request=True)  # fmt: skip
        writer.write_record(writer.create_warc_record(
            "https://wire.example/news/0", "request", payload=io.BytesIO(b""),
            http_headers=request))  # fmt: skip
    return uris


def _record(writer: object, uri: str, status: str, ctype: str, body: bytes, date: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(  # type: ignore[attr-defined]
        uri, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )  # fmt: skip
    writer.write_record(record)  # type: ignore[attr-defined]


def write_jsonl(path: Path, articles: list[tuple[str, str]] = ARTICLES, *,
                keys: dict[str, str] | None = None) -> None:  # fmt: skip
    """One line per article: text lines and HTML lines alternate; a broken line between."""
    k = {"url": "url", "title": "title", "text": "text", "html": "html", "published": "published"}
    k.update(keys or {})
    lines = []
    for n, (title, text) in enumerate(articles):
        row = {k["url"]: f"https://dump.example/{n}", k["title"]: title,
               k["published"]: f"2018-06-{n + 1:02d}"}  # fmt: skip
        if n % 2:
            row[k["html"]] = html_page(title, text)
        else:
            row[k["text"]] = text
        lines.append(json.dumps(row))
        if n == 1:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def telegram_export() -> dict[str, object]:
    """A channel export: a service message, posts with entities, a forward, replies."""
    return {
        "name": "Frontline Watch",
        "type": "public_channel",
        "id": 1700000001,
        "messages": [
            {"id": 1, "type": "service", "date": "2018-05-01T09:00:00",
             "actor": "Frontline Watch", "action": "create_channel", "text": ""},
            {"id": 2, "type": "message", "date": "2018-05-14T10:15:00",
             "from": "Frontline Watch",
             "text": ["Syrian government forces ", {"type": "bold", "text": "captured"},
                      " the village of Al Hasyan from Islamic State fighters on Monday. ",
                      {"type": "hashtag", "text": "#Syria"}]},
            {"id": 3, "type": "message", "date": "2018-05-14T11:00:00",
             "from": "Frontline Watch", "reply_to_message_id": 2,
             "text": "Update: two soldiers were wounded in the clashes."},
            {"id": 4, "type": "message", "date": "2018-05-14T11:30:00",
             "from": "Frontline Watch", "reply_to_message_id": 3,
             "text": [{"type": "text_link", "text": "Video", "href": "https://x.example/v"},
                      " of the aftermath."]},
            {"id": 5, "type": "message", "date": "2018-05-15T07:45:00",
             "from": "Frontline Watch", "forwarded_from": "Euphrates Observer",
             "text": "Coalition aircraft struck Islamic State positions near Hajin in Deir "
                     "ez-Zor province on Tuesday."},
            {"id": 6, "type": "message", "date": "2018-05-15T08:00:00",
             "from": "Frontline Watch", "text": "", "photo": "photos/photo_1.jpg"},
        ],
    }  # fmt: skip


def write_telegram(path: Path) -> None:
    path.write_text(json.dumps(telegram_export(), ensure_ascii=False), encoding="utf-8")
