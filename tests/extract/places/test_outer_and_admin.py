"""Nested mentions give way to the outer span; events carry division names, not codes."""

from frontlines import Mention, Place
from frontlines.extract.extractor import outermost
from frontlines.geo.sources import admin_names


def test_nested_mentions_give_way_to_the_region() -> None:
    region = Mention("Homs-Deir Ezzor desert", 10, 32)
    homs = Mention("Homs", 10, 14)
    deir = Mention("Deir Ezzor", 15, 25)
    later = Mention("Palmyra", 40, 47)
    assert outermost([deir, later, homs, region]) == [region, later]


def test_admin_names_from_codes() -> None:
    idlib = Place("gn:169389", "Idlib", 35.93, 36.63, "P.PPL", "SY", admin1="12")
    assert admin_names(idlib) == ("Idlib", "")
    nowhere = Place("x", "X", 0, 0, "P.PPL", "SY", admin1="99")
    assert admin_names(nowhere) == ("", "")
    province = Place("gn:1", "Somewhere", 0, 0, "A.ADM1", "ZZ")
    assert admin_names(province)[0] == "Somewhere"
