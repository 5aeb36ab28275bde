"""Issue 4: ACLED-style notes; the divisions in brackets decide the country."""

from __future__ import annotations

from frontlines.geo import Geoparser, MemoryGazetteer, SqliteGazetteer
from frontlines.geo.gazetteer import EXACT, Match
from frontlines.geo.groups import group_countries, restrict_groups
from frontlines.geo.recognize import Candidate, paren_admin_candidates
from frontlines.records import Place


def _place(pid: str, name: str, country: str, feature: str = "P.PPL", admin1: str = "01",
           population: int = 5000) -> Place:  # fmt: skip
    return Place(id=pid, name=name, lat=0.0, lon=0.0, feature=feature, country=country,
                 admin1=admin1, population=population)  # fmt: skip


def test_unit_words_and_four_parts_are_read() -> None:
    text = "clashed in Tolva village (Upper Ridge district, Norland region) on Monday"
    found = {c.text: (c.hint, c.group) for c in paren_admin_candidates(text)}
    assert found == {"Tolva": ("", 0), "Upper Ridge": ("admin", 0), "Norland": ("admin", 0)}


def test_unit_word_before_bracket_is_enough_for_one_part() -> None:
    text = "protesters gathered at the Brava town (Kestrel) hall"
    assert {c.text for c in paren_admin_candidates(text)} == {"Brava", "Kestrel"}


def test_group_country_follows_the_divisions() -> None:
    town_a, town_b = _place("a", "Brava", "AA", population=90_000), _place("b", "Brava", "BB")
    region = _place("r", "Norland", "BB", "A.ADM1")
    matches = {"Brava": [Match(town_a, EXACT), Match(town_b, EXACT)],
               "Norland": [Match(region, EXACT)]}  # fmt: skip
    parts = [Candidate(0, 5, "Brava", {"cue"}, group=0),
             Candidate(7, 14, "Norland", {"cue"}, hint="admin", group=0)]  # fmt: skip
    assert group_countries(parts, matches) == {"BB"}
    restrict_groups(parts, matches)
    assert [m.place.id for m in matches["Brava"]] == ["b"]


def test_unknown_town_takes_its_division() -> None:
    region = _place("r", "Norland", "BB", "A.ADM1")
    far = _place("f", "Tolva", "AA", population=80_000)
    parser = Geoparser(MemoryGazetteer([region, far]), nlp=_NoNer())
    mentions = parser.parse("On 3 May 2022, residents protested in Tolva (Norland).")
    town = next(m for m in mentions if m.text == "Tolva")
    assert town.place is not None and town.place.id == "r" and town.precision == 3


class _NoNer:
    """A spaCy stand-in that finds no entities."""

    def pipe(self, texts: list[str]) -> list[object]:
        return [type("Doc", (), {"ents": ()})() for _ in texts]


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
