"""Round 4: curated landmarks beat small towns; a continent inside a name is credible;
countryinfo's comma-separated demonyms each count."""

from __future__ import annotations

from frontlines.geo.fallback import _credible
from frontlines.geo.gazetteer import Match
from frontlines.geo.resolve import _famous_feature
from frontlines.geo.sources import read_curated, read_demonyms
from frontlines.records import Place


def _place(**kw: object) -> Place:
    base: dict[str, object] = {"id": "x", "name": "X", "lat": 0.0, "lon": 0.0}
    base.update(kw)
    return Place(**base)  # type: ignore[arg-type]


def test_every_demonym_of_a_country_is_read() -> None:
    demonyms = read_demonyms()
    assert demonyms.get("Bosnian") == "BA"
    assert demonyms.get("Herzegovinian") == "BA"


def test_curated_landmark_counts_as_famous() -> None:
    landmark = next(e.place for e in read_curated() if e.place.name == "White House")
    assert landmark.feature_class == "S"
    town = _place(name="White House", feature="P.PPL", country="US", population=12000)
    assert _famous_feature([Match(landmark, 1.0), Match(town, 1.0)])
    assert not _famous_feature([Match(town, 1.0)])


def test_continent_inside_a_name_is_credible() -> None:
    europe = _place(name="Europe", feature="L.CONT")
    assert _credible(europe, {"FI": 1.0}, [])
    hamlet = _place(name="Walker", feature="P.PPL", country="US", population=900)
    assert not _credible(hamlet, {"US": 1.0}, [])
