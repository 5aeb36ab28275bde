"""Telegram Desktop exports (``result.json``): one document per channel message.

A message's text is its plain text with the formatting entities flattened (bold, links,
hashtags and mentions keep their visible text). Replies are kept as comments of the
message they answer (a reply to a reply nests under it), not as documents of their own.
A forwarded message keeps the channel it was forwarded from as its source; the channel
that exported it is the outlet. Each document's URL is the message's ``t.me`` link.

Both a single-chat export (``{"name", "type", "id", "messages"}``) and a whole-account
export (``{"chats": {"list": [...]}}``) are read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..records import Comment, Document
from .archive import Skipped, open_binary
from .dates import to_date
from .decode import clean_text
from .document import make_document


@dataclass(slots=True)
class Post:
    """A message that is not a reply, with the replies that answer it."""

    message: dict[str, Any]
    comments: list[Comment] = field(default_factory=list)


def read_telegram(
    path: Path, *, published: dt.date | None = None, settings: Settings
) -> Iterator[Document]:
    """The messages of every chat in the export, in message order."""
    skipped = Skipped(str(path))
    for chat in _chats(_load(path, settings), str(path)):
        for document in chat_documents(chat, published=published):
            yield skipped.attach(document)
    skipped.finish("Telegram export (no message with text)")


def _load(path: Path, settings: Settings) -> Any:
    try:
        with open_binary(path) as fh:
            return json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            f"not a readable Telegram export ({exc}); give the result.json that Telegram "
            "Desktop writes (Export chat history, format JSON)",
            source=str(path),
        ) from exc


def _chats(data: Any, source: str) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        return [data]
    chats = data.get("chats", {}).get("list") if isinstance(data, dict) else None
    if isinstance(chats, list):
        return [c for c in chats if isinstance(c, dict) and isinstance(c.get("messages"), list)]
    raise InputError(
        "a JSON file without Telegram messages; give the result.json of a Telegram Desktop "
        "export (JSON format)",
        source=source,
    )


def flatten_text(value: Any) -> str:
    """A message's ``text`` (a string, or a list of strings and entity objects) as plain text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text") or "")
            for part in value
            if isinstance(part, str | dict)
        )
    return ""


def chat_documents(chat: dict[str, Any], *, published: dt.date | None = None) -> list[Document]:
    """One document per message of the chat that is not a reply; replies as comments."""
    channel = str(chat.get("name") or "Telegram channel")
    posts: dict[int, Post] = {}
    roots: dict[int, tuple[int, int]] = {}  # message id -> (root post id, depth)
    for message in chat["messages"]:
        if message.get("type", "message") != "message" or not isinstance(message.get("id"), int):
            continue
        _place(message, posts, roots)
    documents = []
    for post in posts.values():
        document = _post_document(post, channel, chat.get("id"), published)
        if document is not None:
            documents.append(document)
    return documents


def _place(
    message: dict[str, Any], posts: dict[int, Post], roots: dict[int, tuple[int, int]]
) -> None:
    number = int(message["id"])
    answered = message.get("reply_to_message_id")
    if isinstance(answered, int) and answered in roots:
        root, depth = roots[answered]
        parent = None if answered == root else str(answered)
        text = clean_text(flatten_text(message.get("text"))).strip()
        if text:
            posts[root].comments.append(
                Comment(id=str(number), author=_author(message), parent=parent, depth=depth,
                        text=text, published=str(message.get("date") or "") or None)
            )  # fmt: skip
        roots[number] = (root, depth + 1)
        return
    posts[number] = Post(message)
    roots[number] = (number, 0)


def _author(message: dict[str, Any]) -> str:
    return str(message.get("from") or message.get("actor") or "")


def _post_document(
    post: Post, channel: str, chat_id: Any, published: dt.date | None
) -> Document | None:
    message = post.message
    text = clean_text(flatten_text(message.get("text"))).strip()
    if not text:
        return None
    forwarded = str(message.get("forwarded_from") or "").strip()
    url = f"https://t.me/c/{chat_id}/{message['id']}" if chat_id is not None else None
    return make_document(
        source=forwarded or f"{channel} #{message['id']}", title="", text=text,
        kind="telegram", comments=post.comments, published_arg=published,
        published_meta=to_date(str(message.get("date") or "")), url=url, outlet=channel,
    )  # fmt: skip
