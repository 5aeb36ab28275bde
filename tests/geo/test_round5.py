"""Round 5: alternate names give way to a large exact-name city; a spot written "in" a far
city takes the city; English words never join a name as an Arabic article; country short
names; initials and adjectives inside given spans; stray small towns are dropped."""

from __future__ import annotations

from collections import Counter

from frontlines.geo import Geoparser, SqliteGazetteer
from frontlines.geo.fallback import _initials, _spelled_out
from frontlines.geo.gazetteer import Match
from frontlines.geo.recognize import NAME, Candidate
from frontlines.geo.resolve import Scored, _drop_strays, _exact_city, _inside_cities, resolve
from frontlines.geo.sources import _first_parts
from frontlines.records import Mention, Place


def _place(**kw: object) -> Place:
    base: dict[str, object] = {"id": "x", "name": "X", "lat": 0.0, "lon": 0.0}
    base.update(kw)
    return Place(**base)  # type: ignore[arg-type]


PARMA = _place(id="it", name="Parma", feature="P.PPL", country="IT", population=198_000,
               lat=44.8, lon=10.33)  # fmt: skip
PERM = _place(id="ru", name="Perm", feature="P.PPL", country="RU", population=982_000,
              lat=58.0, lon=56.25)  # fmt: skip


def test_large_exact_city_beats_a_bigger_places_alternate_name() -> None:
    item = Scored(Candidate(0, 5, "Parma", {"ner"}), [Match(PERM, 0.9), Match(PARMA, 1.0)])
    assert _exact_city(item.matches) == 198_000
    resolve([item], {}, "Parma")
    assert item.best is not None and item.best.place.name == "Parma"


def test_alternate_name_of_a_ten_times_bigger_city_still_wins() -> None:
    small = _place(id="s", name="Kiev", feature="P.PPL", country="US", population=120_000)
    big = _place(id="k", name="Kyiv", feature="P.PPLC", country="UA", population=2_900_000)
    item = Scored(Candidate(0, 4, "Kiev", {"ner"}), [Match(small, 1.0), Match(big, 0.9)])
    resolve([item], {}, "Kiev")
    assert item.best is not None and item.best.place.name == "Kyiv"


def test_spot_written_in_a_far_city_takes_the_city() -> None:
    text = "a protest at the Dam in Amsterdam"
    far = _place(id="gh", name="Dome", feature="P.PPL", country="GH", population=30_000,
                 lat=5.65, lon=-0.24)  # fmt: skip
    city = _place(id="nl", name="Amsterdam", feature="P.PPLC", country="NL",
                  population=741_000, lat=52.37, lon=4.89)  # fmt: skip
    dam = Scored(Candidate(17, 20, "Dam", {"ner"}), [], Match(far, 0.9))
    ams = Scored(Candidate(24, 33, "Amsterdam", {"ner"}), [], Match(city, 1.0))
    _inside_cities([dam, ams], text)
    assert dam.best is not None and dam.best.place.name == "Amsterdam"


def test_near_town_before_in_city_is_kept() -> None:
    text = "Fighting in Irpin in Kyiv"
    irpin = _place(id="i", name="Irpin", feature="P.PPL", country="UA", population=60_000,
                   lat=50.52, lon=30.25)  # fmt: skip
    kyiv = _place(id="k", name="Kyiv", feature="P.PPLC", country="UA", population=2_900_000,
                  lat=50.45, lon=30.52)  # fmt: skip
    a = Scored(Candidate(12, 17, "Irpin", {"ner"}), [], Match(irpin, 1.0))
    b = Scored(Candidate(21, 25, "Kyiv", {"ner"}), [], Match(kyiv, 1.0))
    _inside_cities([a, b], text)
    assert a.best is not None and a.best.place.name == "Irpin"


def test_english_at_is_not_an_article() -> None:
    import re

    assert re.search(NAME, "a protest at Balurghat tehsil").group(0) == "Balurghat"  # type: ignore[union-attr]
    assert re.search(NAME, "near al Qaim").group(0) == "al Qaim"  # type: ignore[union-attr]
    assert re.search(NAME, "in as-Sukhnah").group(0) == "as-Sukhnah"  # type: ignore[union-attr]


def test_country_short_names() -> None:
    assert _first_parts("Bosnia and Herzegovina") == ["Bosnia"]
    assert _first_parts("Trinidad and Tobago") == ["Trinidad"]
    assert _first_parts("Turks and Caicos Islands") == []
    assert _first_parts("France") == []


def test_initials_of_a_place_written_in_the_text() -> None:
    tt = _place(id="tt", name="Trinidad and Tobago", feature="A.PCLI", country="TT")
    written = Mention("Trinidad and Tobago", 0, 19, place=tt)
    assert _initials("Trinidad and Tobago") == "TT"
    assert _spelled_out(Mention("T&T", 40, 43), [written]) is tt
    assert _spelled_out(Mention("TX", 40, 42), [written]) is None


def test_stray_small_town_far_from_a_focused_text_is_dropped() -> None:
    def town(pid: str, country: str, lat: float, lon: float) -> Place:
        return _place(id=pid, name=pid, feature="P.PPL", country=country, population=90_000,
                      lat=lat, lon=lon)  # fmt: skip

    cape = [town("a", "ZA", -33.9, 18.4), town("b", "ZA", -34.0, 18.6)]
    items = [Scored(Candidate(i, i + 1, p.name, {"ner"}), [], Match(p, 1.0)) for i, p in
             enumerate(cape)]  # fmt: skip
    delft = Scored(Candidate(9, 14, "Delft", {"ner"}), [], Match(town("d", "NL", 52.0, 4.36), 1.0))
    _drop_strays([*items, delft], {"ZA": 1.0})
    assert delft.best is None
    assert all(i.best is not None for i in items)


def test_adjective_inside_a_given_span(gazetteer: SqliteGazetteer) -> None:
    gp = Geoparser(gazetteer)
    text = "Officials in Espoo met the European Commission in Espoo on Monday."
    start = text.index("European Commission")
    out = gp.resolve_spans(text, [(start, start + len("European Commission"))])
    assert out[0].place is not None and out[0].place.name == "Europe"
    assert Counter(m.relation for m in out) == Counter({"in": 1})


def test_common_word_names_keep_only_places_of_the_texts_countries() -> None:
    from frontlines.geo.focus import restore_generic, set_aside_generic

    ghana = _place(id="gh", name="Western", feature="A.ADM1", country="GH")
    zambia = _place(id="zm", name="Western", feature="A.ADM1", country="ZM")
    region = _place(id="me", name="Middle East", feature="L.RGN", country="")
    cape = _place(id="za", name="Cape Town", feature="P.PPL", country="ZA")
    matches = {"Western": [Match(ghana, 1.0), Match(zambia, 1.0)],
               "Middle East": [Match(region, 1.0)], "Cape Town": [Match(cape, 1.0)]}  # fmt: skip
    aside = set_aside_generic(matches)
    assert set(aside) == {"Western", "Middle East"} and set(matches) == {"Cape Town"}
    restore_generic(matches, aside, {"ZA": 0.8, "ZM": 0.2})
    assert [m.place.id for m in matches["Western"]] == ["zm"]
    assert [m.place.id for m in matches["Middle East"]] == ["me"]


def test_latin_america_is_south_america_as_geonames_keyed_corpora_mark_it(
    gazetteer: SqliteGazetteer,
) -> None:
    found = gazetteer.lookup("Latin America")
    assert found and found[0].feature == "L.CONT" and found[0].geonameid == 6255150


def test_former_states_stand_at_their_successor(gazetteer: SqliteGazetteer) -> None:
    for name in ("Soviet Union", "USSR"):
        found = gazetteer.lookup(name)
        assert found and found[0].feature == "A.PCLI" and found[0].country == "RU"


def test_bare_name_of_a_million_city_beats_a_smaller_foreign_division() -> None:
    city = _place(id="ar", name="Córdoba", feature="P.PPL", country="AR", population=2_100_000)
    dept = _place(id="co", name="Córdoba", feature="A.ADM1", country="CO", population=1_180_000)
    item = Scored(Candidate(0, 7, "Cordoba", {"ner"}), [Match(dept, 1.0), Match(city, 1.0)])
    resolve([item], {}, "Cordoba")
    assert item.best is not None and item.best.place.id == "ar"
    item = Scored(Candidate(0, 7, "Cordoba", {"ner"}), [Match(dept, 1.0), Match(city, 1.0)])
    resolve([item], {"CO": 1.0}, "Cordoba")
    assert item.best is not None and item.best.place.id == "co"
