"""Copies of one report are found, and their events count once with every source."""

from __future__ import annotations

import dataclasses

from frontlines import Frontlines, Settings
from frontlines.events import find_copies, merge_events
from frontlines.records import Analysis, Document, Event, Span
from frontlines.store.memory import MemoryStore

STORY = (
    "Syrian government forces captured three villages east of Palmyra on Tuesday after two "
    "days of fighting with Islamic State, a military source said. Four soldiers were killed "
    "and a dozen were wounded, according to the source.\n\n"
    "The army has been pushing into the desert since March to secure the road to Deir "
    "ez-Zor, and engineers began clearing mines from the villages on Wednesday morning."
)
OTHER = (
    "Turkish-backed rebels shelled the outskirts of Tal Rifaat on Monday, killing two "
    "civilians, local activists said. Kurdish units answered with rockets on rebel lines "
    "near Azaz, and the fighting went on into the night, residents told reporters."
)


def test_furnished_edited_and_truncated_copies_are_found() -> None:
    furnished = "DAMASCUS (Wire) - " + STORY + "\n\nRead more: Syria's war in maps"
    edited = STORY.replace("captured", "seized").replace("a dozen", "twelve")
    truncated = STORY.split("\n\n")[0]
    copies = find_copies([("a", STORY), ("b", furnished), ("c", edited), ("d", truncated),
                          ("e", OTHER)])  # fmt: skip
    assert copies == {"b": "a", "c": "a", "d": "a"}


def test_distinct_articles_on_one_topic_stay_apart() -> None:
    same_topic = STORY.replace("Palmyra", "Sukhnah").split(". ")[0] + ". " + OTHER
    assert find_copies([("a", STORY), ("b", same_topic), ("c", OTHER[:40])]) == {}


def _event(doc: str, url: str, date: str, lat: float) -> Event:
    return Event("Strategic developments", "Non-violent transfer of territory", "Military Forces of Syria (2000-)",
                 Span(0, 40, "Syrian government forces captured three"), event_date=date,
                 time_precision=1, latitude=lat, longitude=38.3, location="Palmyra",
                 document_id=doc, source_url=url, event_id=f"ev-{doc}")  # fmt: skip


def test_a_copys_event_merges_even_when_told_with_another_date() -> None:
    events = [
        _event("a", "http://a", "2018-05-15", 34.5),
        _event("b", "http://b", "2018-05-22", 34.9),
    ]
    assert len(merge_events(events)) == 2  # a week apart, 40 km apart: two events
    [merged] = merge_events(events, copies={"b": "a"})
    assert merged.sources == ["http://a", "http://b"]


def test_exports_count_a_syndicated_story_once() -> None:
    store = MemoryStore()
    for doc_id, text, date in (("a", STORY, "2018-05-15"),
                               ("b", "BEIRUT (Agency) - " + STORY, "2018-05-22")):  # fmt: skip
        doc = Document(id=doc_id, source=f"http://{doc_id}", title="", text=text)
        event = _event(doc_id, f"http://{doc_id}", date, 34.5 if doc_id == "a" else 34.9)
        store.save(Analysis(document=doc, events=[event]))

    app = Frontlines(Settings())
    app.open_store = lambda db=None: _Unclosed(store)  # type: ignore[method-assign]
    [event] = app.events(merged=True)
    assert event.sources == ["http://a", "http://b"]
    assert len(app.events()) == 2  # the store keeps every report apart


@dataclasses.dataclass
class _Unclosed:
    store: MemoryStore

    def __enter__(self) -> MemoryStore:
        return self.store

    def __exit__(self, *exc: object) -> None:
        return None
