"""Statement patterns on hand-written sentences, with hand-placed mentions."""

from __future__ import annotations

import datetime as dt

from frontlines.control import claims_from_text, default_holders
from frontlines.records import Mention, Place

DAY = dt.date(2018, 4, 20)
GOV = "Military Forces of Syria (2000-)"
PLACES = {
    "Euphrates Valley": Place("gn:10", "Euphrates Valley", 35.0, 40.4, "T.VAL", "SY"),
    "Palmyra": Place("gn:11", "Palmyra", 34.56, 38.28, "P.PPL", "SY"),
    "Raqqa": Place("gn:12", "Raqqa", 35.95, 39.01, "P.PPLA", "SY"),
    "Tabqa": Place("gn:13", "Tabqa", 35.83, 38.55, "P.PPL", "SY"),
    "Idlib": Place("gn:14", "Idlib", 35.93, 36.63, "P.PPLA", "SY"),
    "Mosul": Place("gn:15", "Mosul", 36.34, 43.13, "P.PPLA", "IQ"),
}


def mentions(text: str, **kw: object) -> list[Mention]:
    found = []
    for name, place in PLACES.items():
        at = text.find(name)
        if at >= 0:
            found.append(Mention(name, at, at + len(name), place=place, **kw))  # type: ignore[arg-type]
    return found


def claims(text: str, published: dt.date | None = DAY) -> list[tuple[str, str]]:
    found = claims_from_text(text, mentions(text), published, document_id="d")
    return [(c.place_name, c.holder) for c in found]


def test_government_held_areas_in_two_places() -> None:
    text = (
        "The cells pose a direct threat to the government-held areas in the Euphrates Valley "
        "and in the area of Palmyra."
    )
    found = claims_from_text(text, mentions(text), DAY, document_id="d")
    assert [(c.place_name, c.holder) for c in found] == [
        ("Euphrates Valley", GOV),
        ("Palmyra", GOV),
    ]
    assert all(c.kind == "statement" and c.since == "2018-04-20" for c in found)
    span = found[0].evidence
    assert span is not None and text[span.start : span.end] == span.text
    assert span.text.startswith("government-held") and span.text.endswith("Palmyra")


def test_adjective_forms() -> None:
    assert claims("Strikes hit ISIS-held Raqqa on Monday.") == [("Raqqa", "Islamic State (Syria)")]
    assert claims("Convoys reached SDF-controlled Tabqa.") == [
        ("Tabqa", "SDF: Syrian Democratic Forces")
    ]
    assert claims("Shelling of rebel-held Idlib went on.") == [
        ("Idlib", "Opposition Rebels (Syria)")
    ]


def test_under_the_control_of_points_back() -> None:
    assert claims("Palmyra is now under the control of the Syrian army.") == [("Palmyra", GOV)]
    assert claims("Tabqa, under SDF control since May, was quiet.") == [
        ("Tabqa", "SDF: Syrian Democratic Forces")
    ]
    assert claims("Raqqa remains held by ISIS.") == [("Raqqa", "Islamic State (Syria)")]


def test_verb_form() -> None:
    assert claims("The SDF controls Tabqa and its dam.") == [
        ("Tabqa", "SDF: Syrian Democratic Forces")
    ]


def test_country_of_place_picks_the_actor() -> None:
    assert claims("Aid reached government-held Mosul.") == [
        ("Mosul", "Military Forces of Iraq (2014-)")
    ]


def test_clause_break_limits_scope() -> None:
    found = claims("Jets struck ISIS-held Raqqa, while the SDF advanced near Tabqa.")
    assert found == [("Raqqa", "Islamic State (Syria)")]


def test_places_before_the_adjective_are_not_claimed() -> None:
    assert claims("In Palmyra, officials said rebel-held Idlib was shelled.") == [
        ("Idlib", "Opposition Rebels (Syria)")
    ]


def test_no_claim_without_date_unknown_holder_or_negation() -> None:
    assert claims("Strikes hit ISIS-held Raqqa.", published=None) == []
    assert claims("They will focus on militant-held Raqqa.") == []
    assert claims("They returned to formerly ISIS-held Raqqa.") == []
    assert claims("This is held in Raqqa.") == []


def test_comment_mentions_never_count() -> None:
    text = "Strikes hit ISIS-held Raqqa."
    found = claims_from_text(text, mentions(text, source_part="comment", comment_id="c1"), DAY)
    assert found == []


def test_holder_table_dates_and_fallback() -> None:
    table = default_holders()
    assert table.actor("government", country="SY", on="2017-01-01") == GOV
    assert (
        table.actor("government", country="SY", on="2025-01-01")
        == "Military Forces of Syria (2024-)"
    )
    assert table.actor("ISIS", country="", on="2017-01-01") == "Islamic State"
    assert table.actor("nobody") == ""
