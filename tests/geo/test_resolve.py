"""Resolution rules of ``frontlines.geo.resolve`` on hand-made candidates."""

from __future__ import annotations

from frontlines.geo.gazetteer import Match
from frontlines.geo.recognize import Candidate
from frontlines.geo.resolve import Scored, _drop_strays, resolve
from frontlines.records import Place


def _place(**kw: object) -> Place:
    base: dict[str, object] = {"lat": 0.0, "lon": 0.0, "population": 0}
    base.update(kw)
    return Place(**base)  # type: ignore[arg-type]


UK = _place(id="gb", name="London", feature="P.PPLC", country="GB", admin1="ENG",
            lat=51.51, lon=-0.13, population=8_961_989)  # fmt: skip
ONTARIO = _place(id="ca", name="London", feature="P.PPL", country="CA", admin1="08",
                 lat=42.98, lon=-81.23, population=422_324)  # fmt: skip
OHIO = _place(id="oh", name="London", feature="P.PPL", country="US", admin1="OH",
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
    thomas = _place(id="st", name="St. Thomas", feature="P.PPL", country="CA", admin1="08",
                    lat=42.77, lon=-81.18, population=38_909)  # fmt: skip
    items = [_londons(7 * k) for k in range(10)]
    items.append(Scored(Candidate(70, 80, "St. Thomas", {"ner"}), [Match(thomas, 1.0)]))
    resolve(items, {"US": 0.67, "CA": 0.33}, text)
    assert {s.best.place.id for s in items[:10] if s.best} == {"ca"}


def test_a_state_written_after_one_of_its_towns_is_the_state() -> None:
    text = "a cake studio in Tacoma, Washington shares tips"
    tacoma = _place(id="ta", name="Tacoma", feature="P.PPLA2", country="US", admin1="WA",
                    lat=47.25, lon=-122.44, population=217_827)  # fmt: skip
    dc = _place(id="dc", name="Washington", feature="P.PPLC", country="US", admin1="DC",
                lat=38.90, lon=-77.04, population=689_545)  # fmt: skip
    state = _place(id="wa", name="Washington", feature="A.ADM1", country="US", admin1="WA",
                   lat=47.5, lon=-120.5, population=7_705_281)  # fmt: skip
    start = text.index("Tacoma")
    items = [Scored(Candidate(start, start + 6, "Tacoma", {"ner"}), [Match(tacoma, 1.0)]),
             Scored(Candidate(start + 8, start + 18, "Washington", {"ner"}),
                    [Match(dc, 1.0), Match(state, 1.0)])]  # fmt: skip
    resolve(items, {"US": 1.0}, text)
    assert items[1].best is not None and items[1].best.place.id == "wa"


def test_mentions_of_a_stray_town_do_not_vouch_for_each_other() -> None:
    def town(pid: str, country: str, lat: float, lon: float, population: int) -> Scored:
        p = _place(id=pid, name=pid, feature="P.PPL", country=country, lat=lat, lon=lon,
                   population=population)  # fmt: skip
        return Scored(Candidate(0, 1, pid, {"ner"}), [], Match(p, 1.0))

    cape = [town("a", "ZA", -33.9, 18.4, 400_000), town("b", "ZA", -34.0, 18.6, 90_000)]
    strays = [town("delft", "NL", 52.0, 4.36, 90_000), town("delft", "NL", 52.0, 4.36, 90_000)]
    _drop_strays([*cape, *strays], {"ZA": 1.0})
    assert [s.best for s in strays] == [None, None]
    netherlands = _place(id="nl", name="Netherlands", feature="A.PCLI", country="NL")
    named = Scored(Candidate(0, 1, "Netherlands", {"ner"}), [], Match(netherlands, 1.0))
    strays = [town("delft", "NL", 52.0, 4.36, 90_000), town("delft", "NL", 52.0, 4.36, 90_000)]
    _drop_strays([*cape, *strays, named], {"ZA": 0.7, "NL": 0.3})
    assert all(s.best is not None for s in strays)
