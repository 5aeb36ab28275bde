"""The place-history popup's correction form, in a real browser against a real server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.serve import create_app

from .conftest import TOKEN, filled_store

pytestmark = pytest.mark.browser

NEW_HOLDER = "Opposition Rebels (Syria)"


@pytest.fixture()
def server() -> Iterator[tuple[str, Any]]:
    """The app on a free loopback port, served by uvicorn in a thread."""
    import uvicorn

    if not (Settings().assets_dir / "maplibre-gl").exists():
        pytest.skip("node_modules/maplibre-gl missing: run `make setup` (npm ci)")
    store = filled_store()
    app = create_app(lambda: store, token=TOKEN, tiles="never")
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if uv.started:
            break
        threading.Event().wait(0.05)
    port = uv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", store
    uv.should_exit = True
    thread.join(timeout=10)


def test_an_analyst_corrects_a_holder_from_the_place_history(
    chromium: Any,
    server: tuple[str, Any],
) -> None:
    base, _store = server
    context = chromium.new_context(viewport={"width": 1000, "height": 700})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(base + "/")
    tab.wait_for_function("window.frontlinesReady === true", timeout=30_000)
    k = tab.evaluate(
        "window.frontlinesApp.data.territory.seeds.findIndex(s => s.some("
        "i => window.frontlinesApp.data.control.periods[i].place_id === 'gn:11'))"
    )
    assert k >= 0
    tab.evaluate("(k) => window.frontlinesPlaceHistory(k)", k)
    form = tab.locator("form.fl-review")
    form.locator("input[name=holder]").fill(NEW_HOLDER)
    form.locator("input[name=since]").fill("2018-03-01")
    form.locator("input[name=token]").fill("wrong")
    form.locator("input[name=token]").press("Enter")  # submits the form
    status = form.locator(".fl-review-status")
    tab.wait_for_function("document.querySelector('.fl-review-status').textContent !== ''")
    assert "saved" not in status.text_content()  # a wrong token is refused
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("input[name=token]").press("Enter")
    tab.wait_for_function(
        "document.querySelector('.fl-review-status').textContent.startsWith('saved')"
    )
    history = tab.evaluate("fetch('/api/control/places/gn:11').then(r => r.json())")
    assert history["periods"][-1]["holder"] == NEW_HOLDER
    context.close()
    assert errors == []
