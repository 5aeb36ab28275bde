"""Hostile page text in a situation report never runs in a browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from frontlines import Document
from frontlines.publish import write_report
from tests.publish.events_factory import sample_events

PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "javascript:window.__xss=3",
)


@pytest.mark.browser
def test_report_with_payloads_runs_nothing(chromium: Any, tmp_path: Path) -> None:
    events = [
        dataclasses.replace(
            e,
            notes=PAYLOADS[i % 3],
            location=PAYLOADS[(i + 1) % 3],
            source_url=PAYLOADS[2],
            actor2=PAYLOADS[i % 3],
        )
        for i, e in enumerate(sample_events())
    ]
    docs = [Document(id=e.document_id, source=PAYLOADS[0], title=PAYLOADS[1], text="", url=PAYLOADS[2])
            for e in events]  # fmt: skip
    dates = sorted(dt.date.fromisoformat(e.event_date) for e in events if e.event_date)
    paths = write_report(events, tmp_path / "r", area_name=PAYLOADS[0], bbox=(-180, -90, 180, 90),
                         start=dates[0], end=dates[-1], documents=docs)  # fmt: skip
    context = chromium.new_context()
    context.route("http*://**", lambda route: route.abort())
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(Path(paths.html).resolve().as_uri())
    tab.wait_for_load_state("load")
    for link in tab.query_selector_all("a"):
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    assert tab.evaluate("typeof window.__xss") == "undefined"
    assert not dialogs
    assert "<script>window.__xss=1</script>" in tab.inner_text("body")
    context.close()
