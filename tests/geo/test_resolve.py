"""Resolution rules of ``frontlines.geo.resolve`` on hand-made candidates."""

from __future__ import annotations

from frontlines.geo.gazetteer import Match
from frontlines.geo.recognize import Candidate
from frontlines.geo.resolve import (
    Scored,
    _drop_strays,
    _exact_city,
    _famous_feature,
    _inside_cities,
    resolve,
)
from frontlines.geo.sources import read_curated
from frontlines.records import Place

from .helpers import place

UK = place(id="gb", name="London", feature="P.PPLC", country="GB", admin1="ENG",
           lat=51.51, lon=-0.13, population=8_961_989)  # fmt: skip
ONTARIO = place(id="ca", name="London", feature="P.PPL", country="CA", admin1="08",
                lat=42.98, lon=-81.23, population=422_324)  # fmt: skip
OHIO = place(id="oh", name="London", feature="P.PPL", country="US", admin1="OH",
             lat=39.89, lon=-83.45, population=10_060)  # fmt: skip


def _londons(start: int) -> Scored:
    return Scored(Candidate(start, start + 6, "London", {"ner"}),
                  [Match(UK, 1.0), Match(ONTARIO, 1.0), Match(OHIO, 1.0)])  # fmt: skip


def test_a_small_namesake_needs_more_than_the_country_focus() -> None:
    item = _londons(0)
    resolve([item], {"US": 1.0}, "London")
    assert item.best is not None and item.best.place.id == "gb"


def test_repeated_mentions_of_a_name_do_not_vouch_for_each_other() -> None:
    # St. Thomas (Ontario) lies 23 km from London (Ontario); the US focus alone must not
    # let the ten Londons, once they lean to Ohio, hold each other there by coherence.
    text = "London " * 10 + "St. Thomas"
    thomas = place(id="st", name="St. Thomas", feature="P.PPL", country="CA", admin1="08",
                   lat=42.77, lon=-81.18, population=38_909)  # fmt: skip
    items = [_londons(7 * k) for k in range(10)]
    items.append(Scored(Candidate(70, 80, "St. Thomas", {"ner"}), [Match(thomas, 1.0)]))
    resolve(items, {"US": 0.67, "CA": 0.33}, text)
    assert {s.best.place.id for s in items[:10] if s.best} == {"ca"}


def test_a_state_written_after_one_of_its_towns_is_the_state() -> None:
    text = "a cake studio in Tacoma, Washington shares tips"
    tacoma = place(id="ta", name="Tacoma", feature="P.PPLA2", country="US", admin1="WA",
                   lat=47.25, lon=-122.44, population=217_827)  # fmt: skip
    dc = place(id="dc", name="Washington", feature="P.PPLC", country="US", admin1="DC",
               lat=38.90, lon=-77.04, population=689_545)  # fmt: skip
    state = place(id="wa", name="Washington", feature="A.ADM1", country="US", admin1="WA",
                  lat=47.5, lon=-120.5, population=7_705_281)  # fmt: skip
    start = text.index("Tacoma")
    items = [Scored(Candidate(start, start + 6, "Tacoma", {"ner"}), [Match(tacoma, 1.0)]),
             Scored(Candidate(start + 8, start + 18, "Washington", {"ner"}),
                    [Match(dc, 1.0), Match(state, 1.0)])]  # fmt: skip
    resolve(items, {"US": 1.0}, text)
    assert items[1].best is not None and items[1].best.place.id == "wa"


def test_mentions_of_a_stray_town_do_not_vouch_for_each_other() -> None:
    def town(pid: str, country: str, lat: float, lon: float, population: int) -> Scored:
        p = place(id=pid, name=pid, feature="P.PPL", country=country, lat=lat, lon=lon,
                  population=population)  # fmt: skip
        return Scored(Candidate(0, 1, pid, {"ner"}), [], Match(p, 1.0))

    cape = [town("a", "ZA", -33.9, 18.4, 400_000), town("b", "ZA", -34.0, 18.6, 90_000)]
    strays = [town("delft", "NL", 52.0, 4.36, 90_000), town("delft", "NL", 52.0, 4.36, 90_000)]
    _drop_strays([*cape, *strays], {"ZA": 1.0})
    assert [s.best for s in strays] == [None, None]
    netherlands = place(id="nl", name="Netherlands", feature="A.PCLI", country="NL")
    named = Scored(Candidate(0, 1, "Netherlands", {"ner"}), [], Match(netherlands, 1.0))
    strays = [town("delft", "NL", 52.0, 4.36, 90_000), town("delft", "NL", 52.0, 4.36, 90_000)]
    _drop_strays([*cape, *strays, named], {"ZA": 0.7, "NL": 0.3})
    assert all(s.best is not None for s in strays)


def test_capital_beats_same_named_state() -> None:
    city = Place("gn:3", "Washington", 38.9, -77.04, "P.PPLC", "US", population=689_545)
    state = Place("gn:4", "Washington", 47.5, -120.5, "A.ADM1", "US", admin1="WA",
                  population=5_000_000)  # fmt: skip
    item = Scored(Candidate(0, 10, "Washington"), [Match(state, 1.0), Match(city, 1.0)])
    resolve([item], {"US": 1.0}, "Washington said")
    assert item.best is not None and item.best.place.id == city.id


def test_curated_landmark_counts_as_famous() -> None:
    landmark = next(e.place for e in read_curated() if e.place.name == "White House")
    assert landmark.feature_class == "S"
    town = place(name="White House", feature="P.PPL", country="US", population=12000)
    assert _famous_feature([Match(landmark, 1.0), Match(town, 1.0)])
    assert not _famous_feature([Match(town, 1.0)])


# --- exact names, alternate names and cities written around a spot ----------------

PARMA = place(id="it", name="Parma", feature="P.PPL", country="IT", population=198_000,
              lat=44.8, lon=10.33)  # fmt: skip
PERM = place(id="ru", name="Perm", feature="P.PPL", country="RU", population=982_000,
             lat=58.0, lon=56.25)  # fmt: skip


def test_large_exact_city_beats_a_bigger_places_alternate_name() -> None:
    item = Scored(Candidate(0, 5, "Parma", {"ner"}), [Match(PERM, 0.9), Match(PARMA, 1.0)])
    assert _exact_city(item.matches) == 198_000
    resolve([item], {}, "Parma")
    assert item.best is not None and item.best.place.name == "Parma"


def test_alternate_name_of_a_ten_times_bigger_city_still_wins() -> None:
    small = place(id="s", name="Kiev", feature="P.PPL", country="US", population=120_000)
    big = place(id="k", name="Kyiv", feature="P.PPLC", country="UA", population=2_900_000)
    item = Scored(Candidate(0, 4, "Kiev", {"ner"}), [Match(small, 1.0), Match(big, 0.9)])
    resolve([item], {}, "Kiev")
    assert item.best is not None and item.best.place.name == "Kyiv"


def test_spot_written_in_a_far_city_takes_the_city() -> None:
    text = "a protest at the Dam in Amsterdam"
    far = place(id="gh", name="Dome", feature="P.PPL", country="GH", population=30_000,
                lat=5.65, lon=-0.24)  # fmt: skip
    city = place(id="nl", name="Amsterdam", feature="P.PPLC", country="NL",
                 population=741_000, lat=52.37, lon=4.89)  # fmt: skip
    dam = Scored(Candidate(17, 20, "Dam", {"ner"}), [], Match(far, 0.9))
    ams = Scored(Candidate(24, 33, "Amsterdam", {"ner"}), [], Match(city, 1.0))
    _inside_cities([dam, ams], text)
    assert dam.best is not None and dam.best.place.name == "Amsterdam"


def test_near_town_before_in_city_is_kept() -> None:
    text = "Fighting in Irpin in Kyiv"
    irpin = place(id="i", name="Irpin", feature="P.PPL", country="UA", population=60_000,
                  lat=50.52, lon=30.25)  # fmt: skip
    kyiv = place(id="k", name="Kyiv", feature="P.PPLC", country="UA", population=2_900_000,
                 lat=50.45, lon=30.52)  # fmt: skip
    a = Scored(Candidate(12, 17, "Irpin", {"ner"}), [], Match(irpin, 1.0))
    b = Scored(Candidate(21, 25, "Kyiv", {"ner"}), [], Match(kyiv, 1.0))
    _inside_cities([a, b], text)
    assert a.best is not None and a.best.place.name == "Irpin"


def test_stray_small_town_far_from_a_focused_text_is_dropped() -> None:
    def town(pid: str, country: str, lat: float, lon: float) -> Place:
        return place(id=pid, name=pid, feature="P.PPL", country=country, population=90_000,
                     lat=lat, lon=lon)  # fmt: skip

    cape = [town("a", "ZA", -33.9, 18.4), town("b", "ZA", -34.0, 18.6)]
    items = [Scored(Candidate(i, i + 1, p.name, {"ner"}), [], Match(p, 1.0)) for i, p in
             enumerate(cape)]  # fmt: skip
    delft = Scored(Candidate(9, 14, "Delft", {"ner"}), [], Match(town("d", "NL", 52.0, 4.36), 1.0))
    _drop_strays([*items, delft], {"ZA": 1.0})
    assert delft.best is None
    assert all(i.best is not None for i in items)


def test_bare_name_of_a_million_city_beats_a_smaller_foreign_division() -> None:
    city = place(id="ar", name="Córdoba", feature="P.PPL", country="AR", population=2_100_000)
    dept = place(id="co", name="Córdoba", feature="A.ADM1", country="CO", population=1_180_000)
    item = Scored(Candidate(0, 7, "Cordoba", {"ner"}), [Match(dept, 1.0), Match(city, 1.0)])
    resolve([item], {}, "Cordoba")
    assert item.best is not None and item.best.place.id == "ar"
    item = Scored(Candidate(0, 7, "Cordoba", {"ner"}), [Match(dept, 1.0), Match(city, 1.0)])
    resolve([item], {"CO": 1.0}, "Cordoba")
    assert item.best is not None and item.best.place.id == "co"


def test_a_village_found_by_sound_far_from_the_places_beside_it_is_left_unresolved() -> None:
    from frontlines.geo.gazetteer import LOOSE, Match
    from frontlines.geo.recognize import Candidate
    from frontlines.geo.resolve import Scored, _drop_far_sound_alikes
    from frontlines.records import Place

    far = Place("v:1", "Al Hassan", 36.6, 40.1, "P.PPL", "SY", "01")
    near = Place("v:2", "Al Hassun", 35.0, 40.4, "P.PPL", "SY", "05")
    town = Place("v:3", "Mayadin", 35.02, 40.45, "P.PPL", "SY", "05", population=40_000)

    def items(village: Place) -> list[Scored]:
        a = Scored(Candidate(20, 29, "Al Hasyan"), [Match(village, LOOSE, 0.8)])
        b = Scored(Candidate(60, 67, "Mayadin"), [Match(town, 1.0)])
        a.best, b.best = a.matches[0], b.matches[0]
        return [a, b]

    found = items(far)
    _drop_far_sound_alikes(found)
    assert found[0].best is None and found[1].best is not None
    kept = items(near)
    _drop_far_sound_alikes(kept)
    assert kept[0].best is not None


def test_a_site_in_the_province_a_city_names_keeps_its_place() -> None:
    text = "drones struck Makhmour camp in Erbil"
    camp = place(id="c", name="Makhmur Refugee Camp", feature="P.PPL", country="IQ",
                 admin1="11", lat=35.759, lon=43.606)  # fmt: skip
    city = place(id="e", name="Erbil", feature="P.PPLA", country="IQ", admin1="11",
                 population=930_000, lat=36.19, lon=44.01)  # fmt: skip
    a = Scored(Candidate(14, 27, "Makhmour camp", {"cue"}), [], Match(camp, 0.5, 1.0))
    b = Scored(Candidate(31, 36, "Erbil", {"ner"}), [], Match(city, 1.0))
    _inside_cities([a, b], text)
    assert a.best is not None and a.best.place.id == "c"
