"""The seed page: its places recognised and located (needs /work/shared and the model)."""

from __future__ import annotations

import pytest

from frontlines.geo import Geoparser
from frontlines.geo.sources import haversine_km
from frontlines.records import Mention

from .conftest import SHARED

SEED = SHARED / "seed" / "000_df8a6d98738c5656.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"seed page not found at {SEED}")

EXPECTED = {
    "Homs": (34.73, 36.71), "Deir Ezzor": (35.34, 40.14), "al-Mayadin": (35.02, 40.45),
    "Al Mayadin": (35.02, 40.45), "Palmyra": (34.56, 38.28), "Al Bukamal": (34.45, 40.92),
    "Al Sukhnah": (34.89, 38.87), "Idlib": (35.93, 36.63), "Humaymah": (34.44, 39.76),
    "T-2": (34.38, 40.15),
}  # fmt: skip


def _parts() -> tuple[str, str]:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Click to see the full-size map") + len("Click to see the full-size map")
    end = text.index("Do you like this content?")
    return text[start:end], text[end:]


def _near(m: Mention, point: tuple[float, float], km: float = 25.0) -> bool:
    return m.place is not None and haversine_km(m.place.lat, m.place.lon, *point) <= km


@pytest.fixture(scope="module")
def seed_mentions(geoparser: Geoparser) -> tuple[list[Mention], list[Mention]]:
    article, comments = _parts()
    first = geoparser.parse(article)
    focus = [m.place.country for m in first if m.place]
    return first, geoparser.parse(comments, source_part="comment", comment_id="x", focus=focus)


def test_every_seed_place_resolves_within_25_km(
    seed_mentions: tuple[list[Mention], list[Mention]],
) -> None:
    article, comments = seed_mentions
    found = {m.text for m in article + comments}
    for m in article + comments:
        if m.text in EXPECTED:
            assert _near(m, EXPECTED[m.text]), (m.text, m.place)
    for name in ("al-Mayadin", "Al Mayadin", "Palmyra", "Al Bukamal", "Al Sukhnah", "Idlib",
                 "Humaymah", "T-2"):  # fmt: skip
        assert name in found, name


def test_directional_mention_of_al_mayadin(
    seed_mentions: tuple[list[Mention], list[Mention]],
) -> None:
    article, _ = seed_mentions
    m = next(m for m in article if m.text == "al-Mayadin")
    assert (m.precision, m.relation) == (2, "southwest of")


def test_region_between_homs_and_deir_ezzor(
    seed_mentions: tuple[list[Mention], list[Mention]],
) -> None:
    article, _ = seed_mentions
    regions = [m for m in article if m.text.startswith("Homs-Deir Ezzor")]
    assert regions and all(m.precision == 3 and m.place is not None for m in regions)
    homs = [p for p in regions[0].candidates if p.name == "Homs"]
    assert any(haversine_km(p.lat, p.lon, *EXPECTED["Homs"]) < 25 for p in homs)


def test_places_nested_in_the_region_are_mentioned(
    seed_mentions: tuple[list[Mention], list[Mention]],
) -> None:
    article, _ = seed_mentions
    region = next(m for m in article if m.text.startswith("Homs-Deir Ezzor"))
    inside = [m for m in article if region.start <= m.start and m.end <= region.end]
    names = {m.text for m in inside if m is not region}
    assert names == {"Homs", "Deir Ezzor"}
    assert all(_near(m, EXPECTED[m.text]) for m in inside if m is not region)


def test_al_hasyan_is_recognised(seed_mentions: tuple[list[Mention], list[Mention]]) -> None:
    article, _ = seed_mentions
    m = next(m for m in article if m.text == "Al Hasyan")
    assert m.place is None or (_near(m, EXPECTED["al-Mayadin"]) and m.precision == 2)


def test_euphrates_valley_and_southern_damascus(
    seed_mentions: tuple[list[Mention], list[Mention]],
) -> None:
    article, _ = seed_mentions
    valley = next(m for m in article if "Euphrates Valley" in m.text)
    assert valley.place is not None and valley.precision == 3 and valley.place.country == "SY"
    damascus = [m for m in article if m.text == "Damascus"]
    assert damascus and all(m.precision == 2 and m.relation == "southern" for m in damascus)


def test_may_is_not_a_place(seed_mentions: tuple[list[Mention], list[Mention]]) -> None:
    _, comments = seed_mentions
    assert not [m for m in comments if m.text in ("May", "Trump", "Macron", "Putin", "Rob")]


def test_demonyms_in_comments(seed_mentions: tuple[list[Mention], list[Mention]]) -> None:
    _, comments = seed_mentions
    demonyms = {m.text: m.place.country for m in comments if m.kind == "demonym" and m.place}
    assert demonyms.get("Qatari") == "QA" and demonyms.get("Saudi") == "SA"


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Syrian troops entered Deir Ezzor.", (35.34, 40.14)),
        ("Syrian troops entered Dayr az Zawr.", (35.34, 40.14)),
        ("Syrian troops entered Deir ez-Zor.", (35.34, 40.14)),
        ("Syrian troops entered Abu Kamal.", (34.45, 40.92)),
        ("Syrian troops entered Al Bukamal.", (34.45, 40.92)),
        ("Syrian troops entered Palmyra.", (34.56, 38.28)),
        ("Syrian troops entered Tadmur.", (34.56, 38.28)),
        ("Syrian troops entered al-Mayadin.", (35.02, 40.45)),
        ("Syrian troops entered As-Sukhnah.", (34.89, 38.87)),
    ],
)
def test_levantine_transliterations(
    geoparser: Geoparser, text: str, point: tuple[float, float]
) -> None:
    places = [m for m in geoparser.parse(text) if m.kind == "toponym"]
    assert places and _near(places[0], point), places


def test_resolve_spans_on_seed_comment(geoparser: Geoparser) -> None:
    text = "If they attack frkm Al Mayadin, Al Bukamal, Al Sukhnah, Humaymah and the T-2 station"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Humaymah", "Al Bukamal")]
    hum, buk = geoparser.resolve_spans(text, spans)
    assert _near(hum, EXPECTED["Humaymah"]) and _near(buk, EXPECTED["Al Bukamal"])
