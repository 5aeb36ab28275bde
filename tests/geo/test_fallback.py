"""Fallbacks for names left unresolved: inner places, context towns, credibility, initials."""

from __future__ import annotations

from frontlines.geo import Geoparser, MemoryGazetteer
from frontlines.geo.fallback import CONTEXT_SCORE, INNER_SCORE, _credible, _initials, _spelled_out
from frontlines.records import Mention, Place

from .helpers import OHIO_CITY, STATES_AND_SEATS, no_nlp, place

US = Place("gn:6252001", "United States", 39.76, -98.5, "A.PCLI", "US", population=310_000_000)
COLORADO = Place("gn:5417618", "Colorado", 39.0, -105.5, "A.ADM1", "US", "CO", population=5_000_000)
DENVER = Place("gn:5419384", "Denver", 39.74, -104.98, "P.PPLA", "US", "CO", population=700_000)
WALKER = Place("gn:9", "Walker", 47.1, -94.6, "P.PPL", "US", "MN", population=950)
NJ = Place("gn:5101760", "New Jersey", 40.17, -74.5, "A.ADM1", "US", "NJ", population=8_800_000)
RIVERDALE_NJ = Place(
    "gn:5103313", "Riverdale", 40.99, -74.30, "P.PPL", "US", "NJ", population=3_600
)
RIVERDALE_GA = Place(
    "gn:4219934", "Riverdale", 33.57, -84.41, "P.PPL", "US", "GA", population=15_000
)
ATLANTIC_TOWN = Place(
    "gn:4847385", "Atlantic", 41.40, -95.01, "P.PPL", "US", "IA", population=6_800
)
ATLANTIC = Place("cur:atlantic", "Atlantic Ocean", -1.2, -28.1, "H.OCN", source="curated")
PLACES = [US, COLORADO, DENVER, WALKER, NJ, RIVERDALE_NJ, RIVERDALE_GA, ATLANTIC_TOWN, ATLANTIC]


def _parser() -> Geoparser:
    gaz = MemoryGazetteer(PLACES, aliases={ATLANTIC.id: ["Atlantic"], US.id: ["US"]})
    return Geoparser(gaz, nlp=no_nlp)


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_place_inside_a_longer_name_answers_the_span() -> None:
    text = "Researchers at Colorado State University said so in Denver."
    out = _parser().resolve_spans(text, _spans(text, "Colorado State University", "Denver"))
    assert out[0].place == COLORADO
    assert out[0].score == INNER_SCORE and out[0].relation == "in"
    assert out[0].candidates  # the inner name's candidates are kept


def test_small_inner_town_far_from_the_text_is_not_taken() -> None:
    text = "In Denver, the Walker County Sheriff's Office said nothing."
    out = _parser().resolve_spans(text, _spans(text, "Denver", "Walker County Sheriff's Office"))
    assert out[1].place == DENVER  # the context, not Walker (Minnesota)
    assert out[1].score == CONTEXT_SCORE and out[1].relation == "near"


def test_unknown_span_without_towns_takes_the_focus_country() -> None:
    text = "The US said the Zzyzx Lounge would close."
    out = _parser().resolve_spans(text, _spans(text, "US", "Zzyzx Lounge"))
    assert out[1].place == US and out[1].precision == 3


def test_town_of_a_named_state_wins() -> None:
    text = "A ticket sold in Riverdale, a small town. New Jersey lottery officials confirmed."
    out = _parser().resolve_spans(text, _spans(text, "Riverdale", "New Jersey"))
    assert out[0].place == RIVERDALE_NJ


def test_ocean_beats_small_town_of_the_same_name() -> None:
    text = "Storms over the Atlantic reached Denver's news."
    out = _parser().resolve_spans(text, _spans(text, "Atlantic", "Denver"))
    assert out[0].place == ATLANTIC


def test_state_word_marks_a_division() -> None:
    places = [
        Place("gn:4140963", "Washington", 38.9, -77.04, "P.PPLC", "US", "DC", population=600_000),
        Place("gn:5815135", "Washington", 47.5, -120.5, "A.ADM1", "US", "WA", population=7_000_000),
    ]
    parser = Geoparser(MemoryGazetteer(places), nlp=no_nlp)
    (state,) = parser.resolve_spans("Rain fell in Washington state.", [(13, 23)])
    (city,) = parser.resolve_spans("Rain fell in Washington today.", [(13, 23)])
    assert state.place is not None and state.place.feature == "A.ADM1"
    assert city.place is not None and city.place.feature == "P.PPLC"


def test_context_fallback_prefers_the_dominant_town() -> None:
    text = "Bigton police said. Bigton again. Hamlet too. At the Zzyzx Lounge, a fire."
    names = ["Bigton", "Hamlet", "Zzyzx Lounge"]
    gaz = MemoryGazetteer(STATES_AND_SEATS)
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    second = text.index("Bigton", 5)
    spans.insert(1, (second, second + len("Bigton")))
    out = Geoparser(gaz, nlp=no_nlp).resolve_spans(text, spans)
    assert out[-1].place == OHIO_CITY  # named twice, though Hamlet is written nearer
    assert out[-1].score == CONTEXT_SCORE


def test_continent_inside_a_name_is_credible() -> None:
    europe = place(name="Europe", feature="L.CONT")
    assert _credible(europe, {"FI": 1.0}, [])
    hamlet = place(name="Walker", feature="P.PPL", country="US", population=900)
    assert not _credible(hamlet, {"US": 1.0}, [])


def test_initials_of_a_place_written_in_the_text() -> None:
    tt = place(id="tt", name="Trinidad and Tobago", feature="A.PCLI", country="TT")
    written = Mention("Trinidad and Tobago", 0, 19, place=tt)
    assert _initials("Trinidad and Tobago") == "TT"
    assert _spelled_out(Mention("T&T", 40, 43), [written]) is tt
    assert _spelled_out(Mention("TX", 40, 42), [written]) is None
