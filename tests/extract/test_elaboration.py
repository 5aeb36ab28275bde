"""One event told over two sentences (frontlines.extract.elaboration)."""

from __future__ import annotations

import datetime as dt

from frontlines.extract import EventExtractor
from frontlines.extract.elaboration import details, merged
from frontlines.records import Event, Mention, Place, Span

TOWN = Place("t:1", "Kelford", 36.43, 37.09, "P.PPL", "SY", "09", population=20_000)
LAND = Place("t:2", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=20_000_000)


def _event(**fields: object) -> Event:
    base: dict[str, object] = {"event_type": "Explosions/Remote violence",
                               "sub_event_type": "Shelling/artillery/missile attack",
                               "actor1": "Unidentified Armed Group (Syria)",
                               "evidence": Span(0, 1, "x"), "event_date": "2023-06-01"}  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def test_a_placed_sentence_details_a_telling_placed_only_at_its_country() -> None:
    text = "Turkey stepped up its shelling. Artillery hit Kelford."
    first, second = Span(0, 31, text[:31]), Span(32, len(text), text[32:])
    vague = _event(actor1="Military Forces of Turkey (2016-)", location_reason="a whole country named")
    placed = _event(location_reason="named in the sentence as 'Kelford'")
    assert details(text, vague, first, "shelling", placed, second)
    assert merged(vague, placed).actor1 == "Military Forces of Turkey (2016-)"
    elsewhere = _event(location_reason="named in the sentence as 'Kelford'", event_date="2023-06-02")
    assert not details(text, vague, first, "shelling", elsewhere, second)


def test_a_weapons_act_details_a_telling_of_casualties() -> None:
    text = "Two soldiers were killed on Wednesday. Their vehicle hit a roadside bomb near Kelford."
    mentions = [Mention("Kelford", text.index("Kelford"), text.index("Kelford") + 7, place=TOWN)]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities == 2


def test_two_placed_events_stay_two() -> None:
    text = "Regime forces shelled Kelford. Rebels shelled Kelford in return."
    starts = [i for i in range(len(text)) if text.startswith("Kelford", i)]
    mentions = [Mention("Kelford", s, s + 7, place=TOWN) for s in starts]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert len(events) == 2


def test_a_sentence_going_on_about_the_event_adds_no_event() -> None:
    text = "Protesters gathered in Kelford. They blocked roads."
    mentions = [Mention("Kelford", 23, 30, place=TOWN)]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert len(events) == 1 and events[0].location == "Kelford"


def test_a_sentence_whose_subject_refers_back_names_the_force_before_it() -> None:
    text = "Islamic State fighters raided a village near Kelford. They set fire to houses."
    mentions = [Mention("Kelford", 45, 52, place=TOWN)]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert events and events[-1].actor1.startswith("Islamic State")


def test_another_side_doing_the_same_is_another_event() -> None:
    text = "Regime forces shelled Kelford. Russian forces also shelled the area."
    mentions = [Mention("Kelford", 22, 29, place=TOWN)]
    events = EventExtractor().extract_text(text, dt.date(2023, 6, 1), mentions=mentions)
    assert len(events) == 2
